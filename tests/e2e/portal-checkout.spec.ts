/**
 * A producer's database listing bought like any product, in real Chromium against the production build: once the
 * province approves it, a shopper adds it to the cart from its product page, places a cash-on-delivery order at the
 * listing's price, and the producer finds the order's part in its dashboard with the stock the order left.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createAndSubmit,
  fillListing,
  phone,
  PRODUCER,
  PROMOTER,
  queueItem,
  uploadPhoto,
  violations,
} from './portal-helpers';

const vnd = (amount: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );

async function fillCheckout(page: Page) {
  await page.goto('/en/checkout');
  await page.getByLabel('Full name').fill('Lan Nguyễn');
  await page.getByLabel('Email').fill('lan.portal@example.com');
  await page.getByLabel('Phone number').fill('0912 345 678');
  await page.getByLabel('Province / city').selectOption('Vĩnh Long');
  await page.getByLabel('Commune / ward').fill('Phường Phú Khương');
  await page.getByLabel('House number, street, hamlet').fill('12 Đồng Khởi');
  await expect(page.getByTestId('checkout-total')).toBeVisible();
}

test('a shopper buys an approved listing cash on delivery and its producer sees the order part', async ({
  browser,
}) => {
  // A listing through review, then a purchase, in three browsers.
  test.setTimeout(300_000);
  const name = `B${Date.now().toString(36)}`;
  const slug = `keo-dua-${name.toLowerCase()}`;
  const producer = await phone(browser, PRODUCER);
  const promoter = await phone(browser, PROMOTER);
  const shopper = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();

  await test.step('the province approves the listing', async () => {
    await createAndSubmit(producer, name);
    await promoter.goto('/en/promoter/listings');
    await queueItem(promoter, name).getByRole('button', { name: 'Approve and put on sale' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Approved, on sale.');
  });

  await test.step('its product page offers it with the stock the producer gave, and prints its label', async () => {
    await shopper.goto(`/en/products/${slug}`);
    await expect(shopper.getByTestId('price')).toContainText(vnd(85000));
    const offer = shopper.getByTestId('live-offer');
    await expect(offer.getByTestId('stock')).toContainText('40 in stock', { timeout: 30_000 });
    await offer.getByRole('spinbutton', { name: 'Quantity' }).fill('2');
    await offer.getByRole('button', { name: 'Add to cart' }).click();
    await expect(offer.getByRole('status')).toContainText('Added 2 to the cart.');

    const label = await shopper.request.get(`/en/products/${slug}/label`);
    expect(label.status()).toBe(200);
    expect(await label.text()).toContain(`Coconut candy ${name}`);
  });

  let number = '';
  await test.step('the cart and checkout charge the listing’s price; the order is placed', async () => {
    await shopper.goto('/en/cart');
    await expect(shopper.getByRole('heading', { name: 'Your cart' })).toBeVisible();
    await expect(shopper.getByRole('region', { name: /Đông Á/ })).toContainText(`Coconut candy ${name}`);
    await expect(shopper.getByTestId('cart-total')).toContainText(vnd(2 * 85000 + 30000));
    await fillCheckout(shopper);
    await expect(shopper.getByTestId('checkout-total')).toContainText(vnd(2 * 85000 + 30000));
    await shopper.getByRole('button', { name: 'Place order' }).click();
    await expect(shopper.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
    number = (await shopper.getByTestId('order-number').textContent())!.trim();
  });

  await test.step('the producer sees the part and the stock it left, in the same store', async () => {
    await producer.goto('/en/producer/orders');
    const part = producer.getByTestId('producer-part').filter({ hasText: number });
    await expect(part).toHaveCount(1);
    await expect(part).toContainText(`Coconut candy ${name}`);
    await producer.goto('/en/producer/listings');
    const item = producer.getByRole('listitem').filter({ hasText: `Coconut candy ${name}` });
    await expect(item.getByLabel('Stock', { exact: true })).toHaveValue('38');
    await shopper.goto(`/en/products/${slug}`);
    await expect(shopper.getByTestId('live-offer').getByTestId('stock')).toContainText('38 in stock');
  });

  expect(violations).toEqual([]);
});

test('a 5-star candidate listing shows its certificate like a file’s, and its national result once recorded', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const name = `C${Date.now().toString(36)}`;
  const slug = `keo-dua-${name.toLowerCase()}`;
  const producer = await phone(browser, PRODUCER);
  const promoter = await phone(browser, PROMOTER);
  await producer.goto('/en/producer/listings/new');
  await uploadPhoto(producer);
  await fillListing(producer, name, slug);
  await producer.getByLabel('Evaluation score', { exact: true }).fill('92');
  await producer.getByLabel('Date the 5-star dossier was sent', { exact: true }).fill('2025-06-01');
  await producer.getByRole('button', { name: 'Save draft' }).click();
  await expect(producer.getByText('Draft saved.')).toBeVisible();
  await producer.getByRole('button', { name: 'Send for review' }).click();
  await expect(producer.locator('p.alert')).toHaveText('Updated: Awaiting review.');
  await promoter.goto('/en/promoter/listings');
  await queueItem(promoter, name).getByRole('button', { name: 'Approve and put on sale' }).click();
  await expect(promoter.locator('p.alert')).toHaveText('Updated: Approved, on sale.');

  await promoter.goto(`/en/products/${slug}`);
  const panel = promoter.getByTestId('certification-panel');
  await expect(panel.getByTestId('certificate-stars')).toHaveText('4');
  await expect(panel).toContainText('1234/QĐ-UBND');
  await expect(promoter.getByRole('img', { name: 'OCOP 4 stars' }).first()).toBeVisible();

  // The province's console lists the listing among its candidates; the national result shows on its page.
  await promoter.goto('/en/promoter');
  const row = promoter.getByTestId(`candidate-${slug}`);
  await row.getByText('Record the national evaluation result').click();
  await row.getByLabel('Outcome', { exact: true }).selectOption('recognised');
  await row.getByLabel('Date of decision or result').fill('2026-10-30');
  await row.getByLabel('Decision number (if recognised)').fill('4321/QĐ-BNNMT');
  await row.getByLabel('Evaluation score (90–100, if recognised)').fill('95');
  await row.getByRole('button', { name: 'Save result' }).click();
  await expect(
    promoter.getByRole('status').filter({ hasText: 'The evaluation result has been saved.' }),
  ).toBeVisible();
  await promoter.goto(`/en/products/${slug}`);
  await expect(panel.getByTestId('certificate-stars')).toHaveText('5');
  await expect(panel).toContainText('4321/QĐ-BNNMT');
  expect(violations).toEqual([]);
});
