/**
 * Stripe webhooks against a real database and the SDK's own signature code: deliveries signed with
 * `generateTestHeaderString` are verified on the raw body; bad, stale or tampered ones are refused; each event
 * applies once (its id stored with its effect); expiry releases stock; deliveries out of order end right; and
 * events are dispatched by metadata.kind to the registered handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createPaymentWebhook,
  processPaymentEvent,
  type PaymentEventHandler,
  type PaymentEventHandlers,
} from '../../src/features/checkout/payment-webhook.server';
import { applyOrderPaymentEvent } from '../../src/features/orders/payment-outcomes.server';
import { rowsOf } from '../../src/lib/db/client';
import { orderParts, orders, orderStatusChanges, stripeEvents } from '../../src/lib/db/schema-commerce';
import { WebhookSignatureError, type PaymentEvent } from '../../src/lib/stripe/types';
import { checkoutEvent, signDelivery, type StandinSession } from '../support/stripe-standin';
import { databaseTargets } from './db-harness';
import {
  checkoutInput,
  commerceFixture,
  countRows,
  INITIAL_STOCK,
  stockOf,
  URLS,
  WEBHOOK_SECRET,
  type CommerceFixture,
} from './commerce-harness';

const CANDY = 'keo-dua-sau-rieng-ben-tre';
/** The handlers the site registers for orders (booths are the fairs tests' concern). */
const HANDLERS: PaymentEventHandlers = { order: applyOrderPaymentEvent };

describe.each(databaseTargets())('Stripe webhook on $name', (target) => {
  let f: CommerceFixture;

  beforeAll(async () => {
    f = await commerceFixture(target);
  });
  afterAll(async () => {
    await f?.dispose();
  });

  /** Places a card order for `quantity` candies and returns it with its stand-in session. */
  async function cardOrder(quantity = 1) {
    const result = await f.checkout.placeOrder(
      checkoutInput({ payment: 'card', lines: [{ productId: CANDY, quantity }] }),
      { customerId: null, urls: URLS },
    );
    if (!result.ok) throw new Error(`expected a card order, got ${result.reason}`);
    const [row] = await f.database.db.select().from(orders).where(eq(orders.id, result.orderId));
    return { ...result, session: f.standin.sessions.get(row!.stripeSessionId!)! };
  }

  /** Signs an event like Stripe, then verifies and parses it with the site's adapter. */
  async function receive(type: string, session: StandinSession, id?: string): Promise<PaymentEvent> {
    const { body, signature } = signDelivery(checkoutEvent(type, session, id), WEBHOOK_SECRET);
    return f.payments.parseWebhook(body, signature);
  }

  const statusOf = async (orderId: string) =>
    (await f.database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!.paymentStatus;
  const partsOf = async (orderId: string) =>
    (await f.database.db.select().from(orderParts).where(eq(orderParts.orderId, orderId))).map(
      (p) => p.status,
    );
  const historyCount = async (orderId: string) =>
    (await f.database.db.select().from(orderStatusChanges).where(eq(orderStatusChanges.orderId, orderId)))
      .length;

  it('accepts a signed checkout.session.completed and marks the order paid, once', async () => {
    const order = await cardOrder();
    const event = await receive('checkout.session.completed', f.standin.complete(order.session.id, 'paid'));
    expect(event).toMatchObject({
      type: 'checkout.session.completed',
      session: {
        kind: 'order',
        reference: order.orderId,
        paymentStatus: 'paid',
        amountTotal: 75_000,
        currency: 'vnd',
      },
    });

    expect(await processPaymentEvent(f.database.db, event, HANDLERS)).toBe('applied');
    expect(await statusOf(order.orderId)).toBe('paid');
    expect(await partsOf(order.orderId)).toEqual(['placed']);
    const [stored] = await f.database.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored).toMatchObject({
      type: 'checkout.session.completed',
      kind: 'order',
      reference: order.orderId,
    });

    // The same delivery again (Stripe retries, or sends twice): nothing changes.
    const changes = await historyCount(order.orderId);
    expect(await processPaymentEvent(f.database.db, event, HANDLERS)).toBe('duplicate');
    expect(await historyCount(order.orderId)).toBe(changes);
    expect(await statusOf(order.orderId)).toBe('paid');
  });

  it('refuses a delivery signed with another secret, a stale one, a tampered body and a missing header', async () => {
    const order = await cardOrder();
    const payload = checkoutEvent('checkout.session.completed', f.standin.complete(order.session.id, 'paid'));
    const wrong = signDelivery(payload, 'whsec_someone_else');
    await expect(f.payments.parseWebhook(wrong.body, wrong.signature)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
    const stale = signDelivery(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 10 * 60);
    await expect(f.payments.parseWebhook(stale.body, stale.signature)).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
    const good = signDelivery(payload, WEBHOOK_SECRET);
    await expect(
      f.payments.parseWebhook(good.body.replace('"paid"', '"unpaid"'), good.signature),
    ).rejects.toBeInstanceOf(WebhookSignatureError);
    await expect(f.payments.parseWebhook(good.body, null)).rejects.toBeInstanceOf(WebhookSignatureError);
    expect(await statusOf(order.orderId)).toBe('awaiting_payment');
  });

  it('releases the reserved stock on checkout.session.expired, exactly once', async () => {
    const before = await stockOf(f, CANDY);
    const order = await cardOrder(3);
    expect(await stockOf(f, CANDY)).toBe(before - 3);
    const event = await receive('checkout.session.expired', f.standin.expire(order.session.id));
    expect(await processPaymentEvent(f.database.db, event, HANDLERS)).toBe('applied');
    expect(await statusOf(order.orderId)).toBe('expired');
    expect(await partsOf(order.orderId)).toEqual(['voided']);
    expect(await stockOf(f, CANDY)).toBe(before);
    expect(await processPaymentEvent(f.database.db, event, HANDLERS)).toBe('duplicate');
    // A different event id saying the same thing is also harmless.
    expect(
      await processPaymentEvent(
        f.database.db,
        await receive('checkout.session.expired', f.standin.sessions.get(order.session.id)!),
        HANDLERS,
      ),
    ).toBe('applied');
    expect(await stockOf(f, CANDY)).toBe(before);
  });

  it('ends paid when a delayed payment’s success arrives before its completion', async () => {
    const order = await cardOrder();
    const completedUnpaid = f.standin.complete(order.session.id, 'unpaid');
    const succeeded = await receive(
      'checkout.session.async_payment_succeeded',
      f.standin.settle(order.session.id, true),
    );
    expect(await processPaymentEvent(f.database.db, succeeded, HANDLERS)).toBe('applied');
    expect(
      await processPaymentEvent(
        f.database.db,
        await receive('checkout.session.completed', completedUnpaid),
        HANDLERS,
      ),
    ).toBe('applied');
    expect(await statusOf(order.orderId)).toBe('paid');
    expect(await partsOf(order.orderId)).toEqual(['placed']);
  });

  it('holds the stock while a delayed payment settles, releases it when it fails, takes it again when paid late', async () => {
    const before = await stockOf(f, CANDY);
    const order = await cardOrder(2);
    await processPaymentEvent(
      f.database.db,
      await receive('checkout.session.completed', f.standin.complete(order.session.id, 'unpaid')),
      HANDLERS,
    );
    expect(await statusOf(order.orderId)).toBe('payment_processing');
    expect(await stockOf(f, CANDY)).toBe(before - 2);
    await processPaymentEvent(
      f.database.db,
      await receive('checkout.session.async_payment_failed', f.standin.settle(order.session.id, false)),
      HANDLERS,
    );
    expect(await statusOf(order.orderId)).toBe('failed');
    expect(await stockOf(f, CANDY)).toBe(before);
    // Money taken beats a failure: a late success places the order again and takes its stock once.
    const success = await receive(
      'checkout.session.async_payment_succeeded',
      f.standin.settle(order.session.id, true),
    );
    await processPaymentEvent(f.database.db, success, HANDLERS);
    await processPaymentEvent(f.database.db, { ...success, id: `${success.id}_again` }, HANDLERS);
    expect(await statusOf(order.orderId)).toBe('paid');
    expect(await partsOf(order.orderId)).toEqual(['placed']);
    expect(await stockOf(f, CANDY)).toBe(before - 2);
  });

  it('ignores an expiry that arrives after the payment', async () => {
    const order = await cardOrder();
    await processPaymentEvent(
      f.database.db,
      await receive('checkout.session.completed', f.standin.complete(order.session.id, 'paid')),
      HANDLERS,
    );
    const stock = await stockOf(f, CANDY);
    await processPaymentEvent(
      f.database.db,
      await receive('checkout.session.expired', {
        ...f.standin.sessions.get(order.session.id)!,
        status: 'expired',
      }),
      HANDLERS,
    );
    expect(await statusOf(order.orderId)).toBe('paid');
    expect(await stockOf(f, CANDY)).toBe(stock);
  });

  it('dispatches by metadata.kind to the registered handler, in the transaction that stores the event id', async () => {
    const session: StandinSession = {
      ...f.standin.complete((await cardOrder()).session.id, 'paid'),
      metadata: { kind: 'booth', reference: 'booking-42' },
    };
    const seen: string[] = [];
    const booth: PaymentEventHandler = async (_tx, event) => {
      seen.push(`${event.type}:${event.session?.reference}`);
    };
    const event = await receive('checkout.session.completed', session);
    expect(await processPaymentEvent(f.database.db, event, { booth })).toBe('applied');
    expect(seen).toEqual(['checkout.session.completed:booking-42']);
    expect(await processPaymentEvent(f.database.db, event, { booth })).toBe('duplicate');
    expect(seen).toHaveLength(1);

    // A kind nobody registered is recorded (so it is not reprocessed) but changes nothing.
    expect(
      await processPaymentEvent(
        f.database.db,
        await receive('checkout.session.completed', { ...session, metadata: { kind: 'donation' } }),
        HANDLERS,
      ),
    ).toBe('ignored');
  });

  it('stores no event id when its handler fails, so Stripe’s retry applies it', async () => {
    const order = await cardOrder();
    const event = await receive('checkout.session.completed', f.standin.complete(order.session.id, 'paid'));
    const failing: PaymentEventHandler = async () => {
      throw new Error('database hiccup');
    };
    await expect(processPaymentEvent(f.database.db, event, { order: failing })).rejects.toThrow(
      'database hiccup',
    );
    expect(await countRows(f, `stripe_event where id = '${event.id}'`)).toBe(0);
    expect(await processPaymentEvent(f.database.db, event, HANDLERS)).toBe('applied');
    expect(await statusOf(order.orderId)).toBe('paid');
  });

  it('answers each delivery through the webhook service: size, signature, once, and 503 when it cannot apply', async () => {
    const webhook = createPaymentWebhook({
      db: async () => f.database.db,
      payments: f.payments,
      handlers: HANDLERS,
      maxBodyBytes: 64 * 1024,
    });
    const deliver = (body: string, headers: Record<string, string>) =>
      new Request('https://ocop.example/api/stripe/webhook', { method: 'POST', body, headers });
    const order = await cardOrder();
    const { body, signature } = signDelivery(
      checkoutEvent('checkout.session.completed', f.standin.complete(order.session.id, 'paid')),
      WEBHOOK_SECRET,
    );

    expect(
      await webhook.handle(deliver(body, { 'stripe-signature': signature.replace(/v1=\w+/, 'v1=0000') })),
    ).toEqual({
      status: 400,
      body: { error: 'Invalid signature' },
    });
    expect((await webhook.handle(deliver(body, {}))).status).toBe(400);
    expect(
      await webhook.handle(
        deliver(body, { 'stripe-signature': signature, 'content-length': String(10 ** 7) }),
      ),
    ).toEqual({
      status: 413,
      body: { error: 'Payload too large' },
    });
    expect(
      (await webhook.handle(deliver('x'.repeat(65 * 1024), { 'stripe-signature': signature }))).status,
    ).toBe(413);
    expect(await statusOf(order.orderId)).toBe('awaiting_payment');

    const unavailable = createPaymentWebhook({
      db: async () => {
        throw new Error('database still starting');
      },
      payments: f.payments,
      handlers: HANDLERS,
    });
    expect(await unavailable.handle(deliver(body, { 'stripe-signature': signature }))).toEqual({
      status: 503,
      body: { error: 'Temporarily unavailable' },
    });
    const unconfigured = createPaymentWebhook({
      db: async () => f.database.db,
      payments: null,
      handlers: HANDLERS,
    });
    expect((await unconfigured.handle(deliver(body, { 'stripe-signature': signature }))).status).toBe(503);
    expect(await statusOf(order.orderId)).toBe('awaiting_payment');

    expect(await webhook.handle(deliver(body, { 'stripe-signature': signature }))).toEqual({
      status: 200,
      body: { received: true, result: 'applied' },
    });
    expect(await webhook.handle(deliver(body, { 'stripe-signature': signature }))).toEqual({
      status: 200,
      body: { received: true, result: 'duplicate' },
    });
    expect(await statusOf(order.orderId)).toBe('paid');
  });

  it('never lets stock drift: everything reserved by expired or failed orders came back', async () => {
    const reservedOrSold = await f.database.db.execute(
      `select coalesce(sum(l.quantity), 0)::int as n from order_line l join order_part p on p.id = l.part_id where l.product_id = '${CANDY}' and p.status not in ('voided', 'cancelled')`,
    );
    const held = rowsOf<{ n: number }>(reservedOrSold)[0]!.n;
    expect(await stockOf(f, CANDY)).toBe(INITIAL_STOCK - held);
  });
});
