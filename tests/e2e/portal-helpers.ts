/**
 * What the portal's browser tests share: the demo accounts signed in on a 360 px phone (with every CSP violation
 * collected), a photo as a phone sends it, the editor filled in for a 4-star coconut candy, and a submission.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

export const PRODUCER = { email: 'producer@example.com', password: 'ocop-producer-demo' };
export const PROMOTER = { email: 'promoter@example.com', password: 'ocop-promoter-demo' };
const PHONE = { width: 360, height: 740 };
export const SCRIPT = '<script>window.portalPwned = 1</script>';
/** Chromium's console text for anything the Content-Security-Policy refused. */
const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|apply|frame|connect|evaluate)/i;
export const violations: string[] = [];

export async function phone(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && CSP_CONSOLE.test(message.text()))
      violations.push(`${page.url()}: ${message.text().slice(0, 160)}`);
  });
  await page.goto('/en/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  return page;
}

/** A plain 800 × 600 JPEG, as a phone would send (smaller). */
async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 150, b: 80 } } })
    .jpeg()
    .toBuffer();
}

export async function uploadPhoto(page: Page): Promise<void> {
  await page
    .getByLabel('Choose a photo')
    .setInputFiles({ name: 'keo-dua.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.locator('p.alert')).toHaveText('The photo was uploaded.');
  // The producer sees the photo it uploaded (a served size, never the original).
  const preview = page.locator('ul.photos img').last();
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(
    0,
  );
  const served = await page.request.get((await preview.getAttribute('src'))!);
  expect(served.headers()['content-type']).toBe('image/webp');
}

/** Fills every field of the editor for a 4-star coconut candy. */
export async function fillListing(page: Page, name: string, slug: string): Promise<void> {
  const fields: [string, string][] = [
    ['Product address', slug],
    ['Product name (Vietnamese)', `Kẹo dừa ${name}`],
    ['Product name (English)', `Coconut candy ${name}`],
    ['Short description (Vietnamese)', 'Kẹo dừa thủ công từ dừa Bến Tre.'],
    ['Short description (English)', 'Handmade candy from Ben Tre coconuts.'],
    ['Evaluation score', '78'],
    ['Date of recognition', '2025-03-10'],
    ['Number of the recognition decision', '1234/QĐ-UBND'],
    ['Price (VND)', '85.000'],
    ['Sales unit (Vietnamese)', 'hộp 400 g'],
    ['Sales unit (English)', '400 g box'],
    ['Net weight or volume', '400'],
    ['Shelf life (days)', '180'],
    ['Storage instructions (Vietnamese)', 'Nơi khô ráo, thoáng mát.'],
    ['Storage instructions (English)', 'Keep in a cool, dry place.'],
    ['Ingredients (Vietnamese)', 'Nước cốt dừa\nĐường mạch nha'],
    ['Ingredients (English)', 'Coconut cream\nMalt sugar'],
    ['Origin story (Vietnamese)', `Làm tại **Mỏ Cày**.\n\n${SCRIPT}`],
    ['Origin story (English)', 'Made in **Mo Cay**.'],
  ];
  for (const [label, value] of fields) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Stock', { exact: true }).fill('40');
  await page.getByLabel('Product group').selectOption('food');
  await page.getByLabel('OCOP stars').selectOption('4');
  await page.getByLabel('Recognition level').selectOption('provincial');
  await page.getByLabel('Unit of measure').selectOption('g');
}

/** Starts a listing from the producer's dashboard and sends it for review; returns its page's path. */
export async function createAndSubmit(page: Page, name: string): Promise<string> {
  await page.goto('/en/producer');
  await page.getByRole('link', { name: 'Listings', exact: true }).click();
  await page.getByRole('link', { name: 'New listing' }).click();
  await uploadPhoto(page);
  await fillListing(page, name, `keo-dua-${name.toLowerCase()}`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  const path = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.locator('p.alert')).toHaveText('Updated: Awaiting review.');
  return path;
}

export function queueItem(page: Page, name: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: `Coconut candy ${name}` }) });
}
