/**
 * Live without a rebuild, in real Chromium against the production build: a listing the province approves is on its
 * product page in both languages, on its listing pages and in search at once; a price edit shows on the listing page
 * and the product page at once; a listing taken off sale, and a rejected one, are nowhere (404, not found).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createAndSubmit, phone, PRODUCER, PROMOTER, queueItem, violations } from './portal-helpers';

const PHONE = { width: 360, height: 740 };
const vnd = (amount: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );

async function shopper(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: PHONE })).newPage();
}

/** The product's card on a listing page. */
const card = (page: Page, name: string) => page.locator('article.product-card').filter({ hasText: name });

/** The search page's hits for a query. */
async function searchHits(page: Page, q: string): Promise<string[]> {
  await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
  await expect(page.locator('#search-results-heading')).toBeVisible();
  return page
    .locator('.s-hits a[href*="/products/"]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('an approved listing is on the site at once; a price edit, taking it off sale and a rejection show at once', async ({
  browser,
}) => {
  // Two listings through review, each page visited in both roles: longer than one page's test.
  test.setTimeout(420_000);
  const run = Date.now().toString(36);
  const name = `L${run}`;
  const slug = `keo-dua-${name.toLowerCase()}`;
  const producer = await phone(browser, PRODUCER);
  const promoter = await phone(browser, PROMOTER);
  const visitor = await shopper(browser);
  let listingPath = '';

  await test.step('a submitted listing is not on the site', async () => {
    listingPath = await createAndSubmit(producer, name);
    expect((await visitor.request.get(`/products/${slug}`)).status()).toBe(404);
  });

  await test.step('once approved, its product page answers in both languages with its photo and story', async () => {
    await promoter.goto('/en/promoter/listings');
    await queueItem(promoter, name).getByRole('button', { name: 'Approve and put on sale' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Approved, on sale.');

    const vi = await visitor.goto(`/products/${slug}`);
    expect(vi?.status()).toBe(200);
    expect(vi?.headers()['cache-control']).toMatch(/max-age=0/);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Kẹo dừa ${name}`);
    await expect(visitor.locator('.story strong').first()).toHaveText('Mỏ Cày');
    const cover = visitor.locator('.gallery img').first();
    await expect(cover).toBeVisible();
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(
      0,
    );
    // A photo on sale is anyone's, cached for good.
    const served = await visitor.request.get((await cover.getAttribute('src'))!);
    expect(served.headers()['cache-control']).toContain('immutable');

    await visitor.goto(`/en/products/${slug}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Coconut candy ${name}`);
    await expect(visitor.getByTestId('price')).toContainText(vnd(85000));
  });

  await test.step('it is on its listing pages and in search', async () => {
    for (const path of [
      '/en/products',
      '/en/groups/food',
      '/en/stars/4',
      '/en/provinces/ben-tre',
      '/en/producers/dong-a',
    ]) {
      await visitor.goto(path);
      await expect(card(visitor, `Coconut candy ${name}`), path).toBeVisible();
    }
    // Meilisearch applies the one-document update in the background: seconds at most.
    await expect
      .poll(() => searchHits(visitor, `Coconut candy ${name}`), { timeout: 30_000 })
      .toContain(`/en/products/${slug}`);
  });

  await test.step('a price edit shows on the listing page and the product page at once', async () => {
    await producer.goto('/en/producer/listings');
    const item = producer.getByRole('listitem').filter({ hasText: `Coconut candy ${name}` });
    await item.getByLabel('Price (VND)').fill('92000');
    await item.getByRole('button', { name: 'Save price and stock' }).click();
    await expect(producer.locator('p.alert')).toHaveText('Price and stock saved.');
    await visitor.goto('/en/groups/food');
    await expect(card(visitor, `Coconut candy ${name}`).locator('.price')).toContainText(vnd(92000));
    await visitor.goto(`/en/products/${slug}`);
    await expect(visitor.getByTestId('price')).toContainText(vnd(92000));
  });

  await test.step('taken off sale, it disappears from its page, its listing pages and search', async () => {
    await producer.goto(listingPath);
    await producer.getByRole('button', { name: 'Take off sale' }).click();
    await expect(producer.locator('p.alert')).toContainText('Updated:');
    expect((await visitor.request.get(`/en/products/${slug}`)).status()).toBe(404);
    await visitor.goto('/en/groups/food');
    await expect(card(visitor, `Coconut candy ${name}`)).toHaveCount(0);
    await expect
      .poll(() => searchHits(visitor, `Coconut candy ${name}`), { timeout: 30_000 })
      .not.toContain(`/en/products/${slug}`);
  });

  await test.step('a rejected listing is never on the site', async () => {
    const rejected = `R${run}`;
    await createAndSubmit(producer, rejected);
    await promoter.goto('/en/promoter/listings');
    const item = queueItem(promoter, rejected);
    await item.getByLabel('Reason for rejecting (the producer reads it)').fill('Số quyết định không khớp.');
    await item.getByRole('button', { name: 'Reject' }).click();
    await expect(promoter.locator('p.alert')).toHaveText('Updated: Rejected.');
    expect((await visitor.request.get(`/products/keo-dua-${rejected.toLowerCase()}`)).status()).toBe(404);
    expect(await searchHits(visitor, `Coconut candy ${rejected}`)).not.toContain(
      `/en/products/keo-dua-${rejected.toLowerCase()}`,
    );
  });

  expect(violations).toEqual([]);
});
