/**
 * Fairs end to end, in real Chromium against the production build: a promoter sets a subsidy policy, creates a
 * fair and draws its floor plan (bad input is refused with field errors), publishes it; a producer holds a booth
 * on the interactive plan, sees the subsidy explained and pays its share through the Stripe stand-in (webhook
 * signed with the SDK's helper); the booth shows as booked and the report lists the producer with its subsidy.
 */
import { expect, test } from '@playwright/test';
import {
  checkoutEvent,
  signDelivery,
  startStripeStandin,
  type StripeStandin,
} from '../support/stripe-standin';
import { dayFromNow, PRODUCER, PROMOTER, signedInPage } from './fairs-helpers';

const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? 4398);
const WEBHOOK_SECRET = process.env.E2E_STRIPE_WEBHOOK_SECRET ?? 'whsec_ocop_e2e_standin';

let standin: StripeStandin;
test.beforeAll(async () => {
  standin = await startStripeStandin(STRIPE_PORT);
});
test.afterAll(async () => {
  await standin?.close();
});

test('a promoter runs a subsidised fair; a producer books and pays; the report shows the subsidy', async ({
  browser,
  baseURL,
}) => {
  const fairName = `Ben Tre OCOP Fair ${Date.now()}`;
  const policyName = `Trade promotion ${Date.now()}`;
  const promoter = await signedInPage(browser, PROMOTER, '/en/promoter/trade-fairs');

  await test.step('the promoter sets a 50% policy on a 100,000,000 ₫ budget', async () => {
    await promoter.getByRole('link', { name: 'New policy' }).click();
    await promoter.getByLabel('Policy name', { exact: true }).fill(policyName);
    await promoter.getByLabel('Budget (₫)', { exact: true }).fill('100000000');
    const rule = promoter.getByRole('group', { name: 'Rules 1' });
    await rule.getByLabel('Rule name').fill('Booth rent 50%');
    await rule.getByLabel('Rate (%)').fill('150');
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByText('The rate is between 0 and 100%.')).toBeVisible();
    await promoter.getByRole('group', { name: 'Rules 1' }).getByLabel('Rate (%)').fill('50');
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByRole('link', { name: policyName })).toBeVisible();
  });

  await test.step('creates the fair: a start in the past is refused, then accepted', async () => {
    await promoter.getByRole('link', { name: 'New fair' }).click();
    await promoter
      .getByLabel('Name (Vietnamese)', { exact: true })
      .fill(`Hội chợ OCOP Bến Tre ${fairName.slice(-6)}`);
    await promoter.getByLabel('Name (English)', { exact: true }).fill(fairName);
    await promoter.getByLabel('Venue', { exact: true }).fill('Ben Tre Exhibition Centre');
    await promoter.getByLabel('City', { exact: true }).fill('Bến Tre');
    await promoter.getByLabel('Organiser', { exact: true }).fill('Ben Tre Department of Industry and Trade');
    await promoter.getByLabel('Subsidy policy', { exact: true }).selectOption({ label: policyName });
    await promoter.getByLabel('Opens on', { exact: true }).fill(dayFromNow(-3));
    await promoter.getByLabel('Closes on', { exact: true }).fill(dayFromNow(34));
    await promoter.getByLabel('Application deadline', { exact: true }).fill(dayFromNow(20));
    await promoter.getByLabel('Hall width (m)', { exact: true }).fill('30');
    await promoter.getByLabel('Hall depth (m)', { exact: true }).fill('20');
    await promoter.getByLabel('Service fee per booth (₫)', { exact: true }).fill('5000000');
    await promoter.getByRole('button', { name: 'New fair' }).click();
    await expect(promoter.getByText(/The opening day has passed/)).toBeVisible();
    await expect(promoter.getByLabel('Opens on', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await promoter.getByLabel('Opens on', { exact: true }).fill(dayFromNow(30));
    await promoter.getByRole('button', { name: 'New fair' }).click();
    await expect(promoter.getByRole('heading', { name: /Edit the floor plan/ })).toBeVisible();
  });

  await test.step('draws the floor plan: an overlapping booth is refused, then fixed', async () => {
    const row = async (n: number, values: { code: string; x: string; price: string }) => {
      await promoter.getByLabel(`Booth ${n}: Code`).fill(values.code);
      await promoter.getByLabel(`Booth ${n}: x`, { exact: true }).fill(values.x);
      await promoter.getByLabel(`Booth ${n}: y`, { exact: true }).fill('0');
      await promoter.getByLabel(`Booth ${n}: width`).fill('3');
      await promoter.getByLabel(`Booth ${n}: depth`).fill('3');
      await promoter.getByLabel(`Booth ${n}: Price (₫)`).fill(values.price);
    };
    await row(1, { code: 'A1', x: '0', price: '76000000' });
    await row(2, { code: 'A2', x: '2', price: '60000000' });
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByText('Booth A2 overlaps booth A1.')).toBeVisible();
    await promoter.getByLabel('Booth 2: x', { exact: true }).fill('3');
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(promoter.getByRole('img', { name: 'Floor plan' })).toBeVisible();
  });

  let fairPath = '';
  await test.step('publishes the fair', async () => {
    await promoter.getByRole('link', { name: 'Edit fair' }).click();
    await promoter.getByRole('button', { name: 'Publish' }).click();
    await expect(promoter.getByText('Published')).toBeVisible();
    fairPath = (await promoter.getByRole('link', { name: /^\/en\/fairs\// }).getAttribute('href'))!;
  });

  const producer = await signedInPage(browser, PRODUCER, '/en/account');
  await test.step('the producer holds booth A1 on the plan and sees the subsidy explained', async () => {
    await producer.goto(fairPath);
    await expect(producer.getByRole('heading', { name: fairName })).toBeVisible();
    await producer.getByRole('button', { name: /^Booth A1, 9 m², Available/ }).focus();
    await producer.keyboard.press('Enter');
    await producer.getByRole('button', { name: 'Hold this booth: A1' }).click();
    await expect(producer.getByTestId('booking-status')).toHaveText('Held');
    await expect(producer.getByTestId('booking-subsidy')).toHaveText('− ₫38,000,000');
    await expect(producer.getByTestId('booking-producer-pays')).toHaveText('₫43,000,000');
    await expect(
      producer.getByText(
        'Most favourable rule, “Booth rent 50%”: 50% × ₫76,000,000 = ₫38,000,000 (rounded down to the đồng)',
      ),
    ).toBeVisible();
  });

  await test.step('pays its share with the Stripe stand-in; a signed webhook confirms the booking', async () => {
    await producer.getByRole('button', { name: /Pay by card/ }).click();
    await producer.waitForURL(`${standin.url}/pay/**`);
    const sessionId = new URL(producer.url()).pathname.split('/').pop()!;
    const created = standin.requests.find(
      (r) =>
        r.path === '/v1/checkout/sessions' &&
        standin.sessions.get(sessionId)?.client_reference_id === r.body['client_reference_id'],
    )!;
    expect(created.body).toMatchObject({ metadata: { kind: 'booth' } });
    expect(created.body['line_items']).toEqual([
      expect.objectContaining({
        quantity: '1',
        price_data: expect.objectContaining({ currency: 'vnd', unit_amount: '43000000' }),
      }),
    ]);
    expect(created.idempotencyKey).toMatch(/^booth-/);
    const { body, signature } = signDelivery(
      checkoutEvent('checkout.session.completed', standin.complete(sessionId, 'paid')),
      WEBHOOK_SECRET,
    );
    const delivered = await producer.request.post(`${baseURL}/api/stripe/webhook`, {
      data: body,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    });
    expect(delivered.status()).toBe(200);
    await producer.goto(standin.sessions.get(sessionId)!.success_url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(producer.getByTestId('booking-status')).toHaveText('Confirmed');
    await expect(producer.getByText('Paid · Card (Stripe)')).toBeVisible();
  });

  await test.step('the booth shows as booked, on the plan and in the list', async () => {
    await producer.goto(fairPath);
    await expect(producer.getByRole('button', { name: /^Booth A1, 9 m², Booked/ })).toBeVisible();
    await producer.getByRole('button', { name: 'List' }).click();
    await expect(producer.getByRole('row', { name: /A1/ })).toContainText('Booked');
    await expect(producer.getByRole('button', { name: 'Hold this booth: A2' })).toBeVisible();
  });

  await test.step('the report lists the producer with its subsidy, and the settlement CSV has it', async () => {
    await promoter.getByRole('link', { name: 'Report' }).click();
    await expect(promoter.getByTestId('report-committed')).toHaveText('₫38,000,000');
    const supported = promoter.getByRole('table', { name: 'Businesses supported' });
    await expect(supported.getByRole('row', { name: /Đông Á/ })).toContainText('₫38,000,000');
    const csv = await promoter.request.get(`${new URL(promoter.url()).pathname}.csv?settlement=1`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toMatch(/A1,[^\r\n]*Đông Á[^\r\n]*,81000000,38000000,43000000,card/);
  });
});
