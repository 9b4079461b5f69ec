/**
 * The producer portal end to end on a 360 px phone, in real Chromium against the production build: the demo
 * producer (Đồng A, Bến Tre) uploads a photo, is told what is wrong with its listing field by field, saves and
 * submits it; the demo promoter of Bến Tre reviews the changes and approves; the producer sees it on sale and
 * changes its stock in place. A second listing is rejected with a reason the producer reads; a third, drafted by
 * the promoter, goes on sale when the producer accepts it. A `<script>` typed
 * into the story stays text everywhere and never runs.
 */
import { expect, test } from '@playwright/test';
import {
  createAndSubmit,
  fillListing,
  phone,
  PRODUCER,
  PROMOTER,
  queueItem,
  SCRIPT,
  uploadPhoto,
  violations,
} from './portal-helpers';

test('a producer lists a product, its province approves it, a second one is rejected with a reason', async ({
  browser,
}) => {
  // Three listings through review on two phones: longer than one page's test on a shared machine.
  test.setTimeout(300_000);
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
