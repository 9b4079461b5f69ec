/**
 * The producer portal end to end on a 360 px phone, in real Chromium against the production build: the demo
 * producer (Đồng A, Bến Tre) uploads a photo, is told what is wrong with its listing field by field, saves and
 * submits it; the demo promoter of Bến Tre reviews the changes and approves; the producer sees it on sale and
 * changes its stock in place. A second listing is rejected with a reason the producer reads; a third, drafted by
 * the promoter, goes on sale when the producer accepts it. A `<script>` typed
 * into the story stays text everywhere and never runs.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

const PRODUCER = { email: 'producer@example.com', password: 'ocop-producer-demo' };
const PROMOTER = { email: 'promoter@example.com', password: 'ocop-promoter-demo' };
const PHONE = { width: 360, height: 740 };
const SCRIPT = '<script>window.portalPwned = 1</script>';
/** Chromium's console text for anything the Content-Security-Policy refused. */
const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|apply|frame|connect|evaluate)/i;
const violations: string[] = [];

async function phone(browser: Browser, who: { email: string; password: string }): Promise<Page> {
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

async function uploadPhoto(page: Page): Promise<void> {
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
async function fillListing(page: Page, name: string, slug: string): Promise<void> {
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
async function createAndSubmit(page: Page, name: string): Promise<string> {
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

function queueItem(page: Page, name: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: `Coconut candy ${name}` }) });
}

test('a producer lists a product, its province approves it, a second one is rejected with a reason', async ({
  browser,
}) => {
  const run = Date.now().toString(36);
  const first = `A${run}`;
  const second = `B${run}`;
  const producer = await phone(browser, PRODUCER);
  const promoter = await phone(browser, PROMOTER);

  await test.step('a listing with mistakes is refused field by field, then saved and submitted', async () => {
    await producer.goto('/en/producer/listings/new');
    await uploadPhoto(producer);
    await fillListing(producer, first, `keo-dua-${first.toLowerCase()}`);
    await producer.getByLabel('Price (VND)', { exact: true }).fill('abc');
    await producer.getByLabel('OCOP stars').selectOption('5');
    await producer.getByRole('button', { name: 'Save draft' }).click();
    await expect(producer.locator('p.alert')).toHaveText(
      'Some details need correcting: see the marked fields.',
    );
    await expect(producer.getByText('Price (VND): enter a number.')).toBeVisible();
    await expect(
      producer.getByText(/OCOP stars: 5 stars need a score from 90 to 100, but the score is 78/),
    ).toBeVisible();
    // What was typed is still there, the story's script as text.
    await expect(producer.getByLabel('Origin story (Vietnamese)', { exact: true })).toHaveValue(/<script>/);
    await producer.getByLabel('Price (VND)', { exact: true }).fill('85.000');
    await producer.getByLabel('OCOP stars').selectOption('4');
    await producer.getByRole('button', { name: 'Save draft' }).click();
    await expect(producer.getByText('Draft saved.')).toBeVisible();
    await expect(producer.locator('.preview strong').first()).toHaveText('Mỏ Cày');
    expect(await producer.locator('.preview script').count()).toBe(0);
    await producer.getByRole('button', { name: 'Send for review' }).click();
    await expect(producer.locator('p.alert')).toHaveText('Updated: Awaiting review.');
  });

  await test.step('the promoter of Bến Tre reviews the changes and approves', async () => {
    await promoter.goto('/en/promoter/listings');
    const item = queueItem(promoter, first);
    await expect(item.getByRole('cell', { name: `Coconut candy ${first}` })).toBeVisible();
    await expect(item.getByText(SCRIPT).first()).toBeVisible();
    await item.getByRole('button', { name: 'Approve and put on sale' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Approved, on sale.');
    await expect(queueItem(promoter, first)).toHaveCount(0);
  });

  await test.step('the producer sees it on sale and changes its stock in place', async () => {
    await producer.goto('/en/producer/listings');
    const card = producer.getByRole('listitem').filter({ hasText: `Coconut candy ${first}` });
    await expect(card.getByText('Approved, on sale')).toBeVisible();
    await expect(card.getByText('On sale', { exact: true })).toBeVisible();
    await card.getByLabel('Stock').fill('55');
    await card.getByRole('button', { name: 'Save price and stock' }).click();
    await expect(producer.locator('p.alert')).toHaveText('Price and stock saved.');
    await expect(
      producer
        .getByRole('listitem')
        .filter({ hasText: `Coconut candy ${first}` })
        .getByLabel('Stock'),
    ).toHaveValue('55');
  });

  await test.step('a second listing is rejected with a reason the producer reads', async () => {
    await createAndSubmit(producer, second);
    await promoter.goto('/en/promoter/listings');
    await queueItem(promoter, second).getByRole('button', { name: 'Reject' }).click();
    await expect(promoter.getByText('Write a reason so the producer knows what to fix.')).toBeVisible();
    const reason = 'Ảnh nhãn bị mờ, hãy chụp lại rõ số quyết định.';
    await queueItem(promoter, second).getByLabel('Reason for rejecting (the producer reads it)').fill(reason);
    await queueItem(promoter, second).getByRole('button', { name: 'Reject' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Rejected.');
    await producer.goto('/en/producer/listings');
    const card = producer.getByRole('listitem').filter({ hasText: `Coconut candy ${second}` });
    await expect(card.getByText('Rejected', { exact: true })).toBeVisible();
    await expect(card.getByText(reason)).toBeVisible();
  });

  await test.step('a promoter drafts a listing for Đồng A; it goes on sale once the producer accepts it', async () => {
    const third = `C${run}`;
    await promoter.goto('/en/promoter/listings');
    await promoter.getByRole('link', { name: 'Draft a listing for a producer' }).click();
    await promoter.getByLabel('Producer of your province').selectOption('dong-a');
    await promoter.getByRole('button', { name: 'Continue' }).click();
    await uploadPhoto(promoter);
    await fillListing(promoter, third, `keo-dua-${third.toLowerCase()}`);
    await promoter.getByRole('button', { name: 'Save draft' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Awaiting the producer’s acceptance.');
    await producer.goto('/en/producer/listings');
    const card = producer.getByRole('listitem').filter({ hasText: `Coconut candy ${third}` });
    await expect(card.getByText('Not on sale', { exact: true })).toBeVisible();
    await card.getByRole('link', { name: 'Open and edit' }).click();
    await producer.getByRole('button', { name: 'Accept and put on sale' }).click();
    await expect(producer.locator('p.alert')).toHaveText('Updated: Approved, on sale.');
  });

  // Every page either side opened ran under the policy without a violation, and the story's script never ran.
  expect(violations).toEqual([]);
  for (const page of [producer, promoter])
    expect(await page.evaluate(() => (window as { portalPwned?: number }).portalPwned)).toBeUndefined();
});
