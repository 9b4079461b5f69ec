/**
 * Buying, in real Chromium against the production build served by the real server. The server's Stripe SDK
 * talks to the stand-in started here on E2E_STRIPE_PORT (playwright.config.ts points STRIPE_API_BASE at it), and
 * webhooks are signed with the SDK's own test helper and posted to the real endpoint.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  checkoutEvent,
  signDelivery,
  startStripeStandin,
  type StripeStandin,
} from '../support/stripe-standin';

const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? 4398);
const WEBHOOK_SECRET = process.env.E2E_STRIPE_WEBHOOK_SECRET ?? 'whsec_ocop_e2e_standin';
// Two producers: Đông Á (the demo producer account) and the Bạc Liêu salt cooperative.
const CANDY = { slug: 'keo-dua-gung-ben-tre', producer: 'Đông Á' };
const SALT = { slug: 'muoi-hat-bac-lieu', producer: 'Bạc Liêu' };

let standin: StripeStandin;
test.beforeAll(async () => {
  standin = await startStripeStandin(STRIPE_PORT);
});
test.afterAll(async () => {
  await standin?.close();
});

async function addToCart(page: Page, slug: string, quantity = 1) {
  await page.goto(`/en/products/${slug}`);
  const offer = page.getByTestId('live-offer');
  // The first on-demand request after a cold start opens, migrates and seeds the database: allow for it.
  await expect(offer.getByTestId('stock')).toContainText(/in stock|left/, { timeout: 30_000 });
  const add = offer.getByRole('button', { name: 'Add to cart' });
  await expect(add).toBeEnabled();
  if (quantity > 1) await offer.getByRole('spinbutton', { name: 'Quantity' }).fill(String(quantity));
  await add.click();
  await expect(offer.getByRole('status')).toContainText(`Added ${quantity} to the cart.`);
}

async function fillCheckout(page: Page) {
  await page.goto('/en/checkout');
  await page.getByLabel('Full name').fill('Lan Nguyễn');
  await page.getByLabel('Email').fill('lan.e2e@example.com');
  await page.getByLabel('Phone number').fill('0912 345 678');
  await page.getByLabel('Province / city').selectOption('Vĩnh Long');
  await page.getByLabel('Commune / ward').fill('Phường Phú Khương');
  await page.getByLabel('House number, street, hamlet').fill('12 Đồng Khởi');
  await expect(page.getByTestId('checkout-total')).toBeVisible();
}

test('cash on delivery: two producers in one order, each sees and fulfils its own part', async ({ page }) => {
  await addToCart(page, CANDY.slug, 2);
  await addToCart(page, SALT.slug);
  await expect(page.getByTestId('cart-count')).toHaveText('3');

  await page.getByRole('link', { name: /Cart, 3 items/ }).click();
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(CANDY.producer) })).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(SALT.producer) })).toBeVisible();
  await expect(page.getByTestId('cart-total')).toBeVisible();

  await fillCheckout(page);
  // The browser's form is checked by the server: a malformed phone comes back as a field error.
  await page.getByLabel('Phone number').fill('12345');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByText('A Vietnamese phone number has 10 digits')).toBeVisible();
  await expect(page.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Phone number').fill('0912 345 678');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(page.getByText(/Order placed, awaiting delivery/)).toBeVisible();
  await expect(page.getByTestId('order-part')).toHaveCount(2);
  const number = (await page.getByTestId('order-number').textContent())!.trim();
  await expect(page.getByTestId('cart-count')).toBeHidden();

  // The demo producer (Đông Á) sees its part only, and cancels it with a reason.
  await page.goto('/en/sign-in');
  await page.getByLabel('Email').fill('producer@example.com');
  await page.getByLabel('Password').fill('ocop-producer-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  await page.goto('/en/producer/orders');
  await expect(page.getByRole('heading', { name: 'Orders to fulfil' })).toBeVisible();
  const part = page.getByTestId('producer-part').filter({ hasText: number });
  await expect(part).toHaveCount(1);
  await expect(part).not.toContainText('Bac Lieu');
  await part.getByRole('button', { name: 'Start processing' }).click();
  await expect(page.getByText(`Order ${number} updated.`)).toBeVisible();
  const updated = page.getByTestId('producer-part').filter({ hasText: number });
  await expect(updated.getByTestId('part-status')).toHaveText('Processing');
  await updated.getByText('Cancel this part').click();
  await updated.getByLabel('Reason for cancelling').fill('Out of this batch, sorry');
  await updated.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByText(`Order ${number} updated.`)).toBeVisible();
  // Finished parts leave the to-do list and stay under "All".
  await expect(page.getByTestId('producer-part').filter({ hasText: number })).toHaveCount(0);
  await page.getByRole('link', { name: 'All', exact: true }).click();
  await expect(
    page.getByTestId('producer-part').filter({ hasText: number }).getByTestId('part-status'),
  ).toHaveText('Cancelled');
});

test('card: redirects to the Stripe session, shows "being confirmed", then paid after a signed webhook', async ({
  page,
  baseURL,
}) => {
  await addToCart(page, CANDY.slug);
  await fillCheckout(page);
  await page.getByLabel('Card or wallet through Stripe').check();
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  await page.waitForURL(`${standin.url}/pay/**`);
  await expect(page.getByRole('heading', { name: 'Stripe Checkout (stand-in)' })).toBeVisible();
  const sessionId = new URL(page.url()).pathname.split('/').pop()!;
  const session = standin.sessions.get(sessionId)!;
  const created = standin.requests.find(
    (r) =>
      r.path === '/v1/checkout/sessions' && r.body['client_reference_id'] === session.client_reference_id,
  )!;
  expect(created.body).toMatchObject({
    mode: 'payment',
    metadata: { kind: 'order' },
    customer_email: 'lan.e2e@example.com',
  });
  expect(created.idempotencyKey).toBe(`order:${session.client_reference_id}:checkout-session`);

  // The order page before Stripe confirms: payment being confirmed.
  const orderUrl = session.success_url.replace(/&session_id=.*$/, '');
  await page.goto(orderUrl);
  await expect(page.getByTestId('payment-pending')).toHaveText(/Payment being confirmed/);

  // Stripe calls the webhook: signed, verified on the raw body, applied once.
  const event = checkoutEvent('checkout.session.completed', standin.complete(sessionId, 'paid'));
  const { body, signature } = signDelivery(event, WEBHOOK_SECRET);
  const post = (sig: string) =>
    page.request.post(`${baseURL}/api/stripe/webhook`, {
      data: body,
      headers: { 'content-type': 'application/json', 'stripe-signature': sig },
    });
  expect((await post(signature.replace(/v1=\w+/, 'v1=0000'))).status()).toBe(400);
  const accepted = await post(signature);
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ received: true, result: 'applied' });
  expect(await (await post(signature)).json()).toEqual({ received: true, result: 'duplicate' });

  await page.goto(session.success_url.replace('{CHECKOUT_SESSION_ID}', sessionId));
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  await expect(page.getByText('Paid. The producers are preparing your parcels.')).toBeVisible();
});

test.describe('bad input to the checkout action: 400 with field errors, nothing written', () => {
  const valid = {
    attemptId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    locale: 'en',
    lines: [{ productId: SALT.slug, quantity: 1 }],
    contact: { name: 'Lan', email: 'lan@example.com', phone: '0912345678' },
    address: { province: 'Vĩnh Long', commune: 'Phú Khương', street: '12 Đồng Khởi' },
    payment: 'cod',
  };
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'a price sent by the browser',
      { lines: [{ productId: SALT.slug, quantity: 1, price: 1 }] },
      'lines.0',
      'lineInvalid',
    ],
    [
      'a negative quantity',
      { lines: [{ productId: SALT.slug, quantity: -2 }] },
      'lines.0.quantity',
      'quantityTooSmall',
    ],
    [
      'a fractional quantity',
      { lines: [{ productId: SALT.slug, quantity: 1.5 }] },
      'lines.0.quantity',
      'quantityWhole',
    ],
    [
      'an unknown product',
      { lines: [{ productId: 'khong-co-san-pham-nay', quantity: 1 }] },
      'lines.0.productId',
      'productUnknown',
    ],
    ['a cart with 0 lines', { lines: [] }, 'lines', 'cartEmpty'],
    [
      'a malformed phone number',
      { contact: { ...valid.contact, phone: '+1 555 0100' } },
      'contact.phone',
      'phoneInvalid',
    ],
    [
      'an oversized cart',
      { lines: Array.from({ length: 5000 }, (_, i) => ({ productId: `p-${i}`, quantity: 1 })) },
      'lines',
      'cartTooLarge',
    ],
  ];
  const stockOf = async (request: APIRequestContext) => {
    const res = await request.post('/_actions/checkout.availability', { data: { productIds: [SALT.slug] } });
    expect(res.status()).toBe(200);
    return JSON.stringify(await res.json());
  };

  for (const [name, change, field, message] of cases) {
    test(name, async ({ request }) => {
      const before = await stockOf(request);
      const res = await request.post('/_actions/checkout.placeOrder', { data: { ...valid, ...change } });
      expect(res.status()).toBe(400);
      const body = (await res.json()) as { issues: { path: (string | number)[]; message: string }[] };
      expect(body.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([field, message]);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(await stockOf(request)).toBe(before);
    });
  }

  test('a payload beyond the size limit is refused before parsing', async ({ request }) => {
    const res = await request.post('/_actions/checkout.placeOrder', {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({ ...valid, note: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status()).toBe(413);
  });

  test('the webhook refuses an unsigned or oversized delivery', async ({ request }) => {
    expect(
      (
        await request.post('/api/stripe/webhook', {
          data: { id: 'evt_1', type: 'checkout.session.completed' },
        })
      ).status(),
    ).toBe(400);
    const big = await request.post('/api/stripe/webhook', {
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=0' },
      data: 'x'.repeat(600 * 1024),
    });
    expect(big.status()).toBe(413);
  });
});
