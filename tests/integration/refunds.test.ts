/**
 * Refunds through Stripe (the stand-in records what the SDK sent): a producer cancelling a card-paid part refunds
 * that part's goods and delivery fee once, even when Stripe fails the first request; a late payment that finds
 * part of its stock sold refunds that part only; a cancelled card booth gets its share less the fee back; and the
 * database refuses refunding more than a payment took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import { createPaymentWebhook } from '../../src/features/checkout/payment-webhook.server';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { applyBoothPaymentEvent, createBoothPayments } from '../../src/features/fairs/payments.server';
import { applyOrderPaymentEvent } from '../../src/features/orders/payment-outcomes.server';
import { checkViolation } from '../../src/lib/db/errors';
import { orders } from '../../src/lib/db/schema-commerce';
import { cardPayments, refunds } from '../../src/lib/db/schema-payments';
import { requestRefund, sendRequestedRefunds } from '../../src/lib/stripe/refund-ledger.server';
import {
  checkoutEvent,
  signDelivery,
  stripeEvent,
  type StandinRefund,
  type StandinSession,
} from '../support/stripe-standin';
import { databaseTargets } from './db-harness';
import {
  checkoutInput,
  commerceFixture,
  setStock,
  stockOf,
  URLS,
  WEBHOOK_SECRET,
  type CommerceFixture,
} from './commerce-harness';
import { booth, fairInput } from './fairs-fixtures';

const CANDY = 'keo-dua-sau-rieng-ben-tre';
const SALT = 'muoi-hat-bac-lieu';
const dongA: Actor = { id: 'user-dong-a', role: 'producer', producerId: 'dong-a', provinceId: null };
const saltMaker: Actor = { id: 'user-salt', role: 'producer', producerId: 'muoi-bac-lieu', provinceId: null };
const PRODUCER: ProducerFacts = {
  id: 'ben-tre-coop',
  name: 'HTX Bến Tre',
  kind: 'cooperative',
  provinceId: 'ben-tre',
  commune: 'Xã Mỹ Thạnh',
  stars: 4,
};

describe.each(databaseTargets())('refunds on $name', (target) => {
  let f: CommerceFixture;
  let fairs: Fairs;

  beforeAll(async () => {
    f = await commerceFixture(target);
    fairs = createFairs({
      db: f.database.db,
      producers: (id) => (id === PRODUCER.id ? PRODUCER : undefined),
      now: () => f.clock.now,
      payments: f.payments,
    });
  });
  afterAll(async () => {
    await f?.dispose();
  });

  async function deliver(type: string, object: StandinSession | StandinRefund) {
    const event = object.object === 'refund' ? stripeEvent(type, object) : checkoutEvent(type, object);
    const { body, signature } = signDelivery(event, WEBHOOK_SECRET);
    const webhook = createPaymentWebhook({
      db: async () => f.database.db,
      payments: f.payments,
      handlers: { order: applyOrderPaymentEvent, booth: applyBoothPaymentEvent },
    });
    const answer = await webhook.handle(
      new Request('https://ocop.example/api/stripe/webhook', {
        method: 'POST',
        body,
        headers: { 'stripe-signature': signature },
      }),
    );
    expect(answer.status).toBe(200);
  }

  async function candyAndSaltOrder() {
    const placed = await f.checkout.placeOrder(
      checkoutInput({
        payment: 'card',
        lines: [
          { productId: CANDY, quantity: 2 },
          { productId: SALT, quantity: 1 },
        ],
      }),
      { customerId: null, urls: URLS },
    );
    if (!placed.ok) throw new Error(placed.reason);
    const [row] = await f.database.db.select().from(orders).where(eq(orders.id, placed.orderId));
    const [view] = await f.orders.views([placed.orderId]);
    return { order: row!, view: view!, sessionId: row!.stripeSessionId! };
  }

  it('refunds a cancelled card-paid part once (goods and delivery fee), even when Stripe failed the first try', async () => {
    await setStock(f, CANDY, 10);
    const { order, view, sessionId } = await candyAndSaltOrder();
    await deliver('checkout.session.completed', f.standin.complete(sessionId, 'paid'));
    const intent = f.standin.sessions.get(sessionId)!.payment_intent!;
    const candyPart = view.parts.find((p) => p.producerId === 'dong-a')!;

    f.standin.failNext(500);
    const moved = await f.orders.movePart(dongA, {
      partId: candyPart.id,
      to: 'cancelled',
      reason: 'Hết hàng',
    });
    expect(moved).toEqual({ ok: true, status: 'cancelled' });
    expect(f.standin.refunds.filter((r) => r.payment_intent === intent)).toEqual([]);
    const [waiting] = await f.database.db.select().from(refunds).where(eq(refunds.reference, order.id));
    expect(waiting).toMatchObject({ status: 'requested', amount: candyPart.subtotal + candyPart.shipping });

    // The next send (any webhook, move or the return page) delivers it, with the key derived from the part.
    await sendRequestedRefunds(f.database.db, f.payments);
    await sendRequestedRefunds(f.database.db, f.payments);
    const sent = f.standin.refunds.filter((r) => r.payment_intent === intent);
    expect(sent.map((r) => r.amount)).toEqual([candyPart.subtotal + candyPart.shipping]);
    const refundCalls = f.standin.requests.filter(
      (r) => r.path === '/v1/refunds' && r.body['payment_intent'] === intent,
    );
    expect(refundCalls.map((r) => r.idempotencyKey)).toEqual([
      `refund:order:${order.id}:${intent}:part-${candyPart.id}`,
      `refund:order:${order.id}:${intent}:part-${candyPart.id}`,
    ]);
    expect(refundCalls[0]!.body).toMatchObject({ amount: String(candyPart.subtotal + candyPart.shipping) });

    // The shopper sees it on the order; the candy maker on its part; the salt maker sees none of it.
    const [after] = await f.orders.views([order.id]);
    expect(after!.refunds).toEqual([
      expect.objectContaining({
        partId: candyPart.id,
        amount: candyPart.subtotal + candyPart.shipping,
        reason: 'part_cancelled',
        status: 'succeeded',
      }),
    ]);
    const mine = (await f.orders.partsOfProducer(dongA, 'dong-a'))!.find((p) => p.order.id === order.id)!;
    expect(mine.order.refunds).toHaveLength(1);
    const salt = (await f.orders.partsOfProducer(saltMaker, 'muoi-bac-lieu'))!.find(
      (p) => p.order.id === order.id,
    )!;
    expect(salt.order.refunds).toEqual([]);

    // Stripe's later word on the refund (a card that cannot take it back) reaches the shopper's page.
    await deliver('refund.failed', { ...sent[0]!, status: 'failed' });
    const [later] = await f.orders.views([order.id]);
    expect(later!.refunds.map((r) => r.status)).toEqual(['failed']);
  });

  it('refunds only the part whose stock was sold when a payment arrives after the expiry', async () => {
    await setStock(f, CANDY, 10);
    await setStock(f, SALT, 10);
    const { order, view, sessionId } = await candyAndSaltOrder();
    const open = f.standin.sessions.get(sessionId)!;
    await deliver('checkout.session.expired', { ...open, status: 'expired' });
    await setStock(f, CANDY, 1); // sold to someone else meanwhile: 1 left, the order needs 2
    await deliver('checkout.session.completed', f.standin.complete(sessionId, 'paid'));

    const [after] = await f.orders.views([order.id]);
    expect(after!.paymentStatus).toBe('paid');
    const status = Object.fromEntries(after!.parts.map((p) => [p.producerId, p.status]));
    expect(status).toEqual({ 'dong-a': 'voided', 'muoi-bac-lieu': 'placed' });
    expect(await stockOf(f, SALT)).toBe(9);
    expect(await stockOf(f, CANDY)).toBe(1);
    const candyPart = view.parts.find((p) => p.producerId === 'dong-a')!;
    const intent = f.standin.sessions.get(sessionId)!.payment_intent!;
    expect(f.standin.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount)).toEqual([
      candyPart.subtotal + candyPart.shipping,
    ]);
    expect(after!.refunds.map((r) => r.reason)).toEqual(['order_unfulfillable']);
  });

  it('never records refunds beyond what the payment took: the ledger refuses, and so does the database', async () => {
    await setStock(f, CANDY, 10);
    const { order, sessionId } = await candyAndSaltOrder();
    await deliver('checkout.session.completed', f.standin.complete(sessionId, 'paid'));
    const intent = f.standin.sessions.get(sessionId)!.payment_intent!;
    const target = { kind: 'order' as const, reference: order.id, paymentIntentId: intent, actor: 'system' };
    await expect(
      f.database.db.transaction((tx) =>
        requestRefund(tx, { ...target, amount: order.total + 1, reason: 'order_unfulfillable' }),
      ),
    ).rejects.toThrow(/exceeds/);
    expect(await f.database.db.select().from(refunds).where(eq(refunds.reference, order.id))).toEqual([]);
    const error = await f.database.db
      .update(cardPayments)
      .set({ refunded: sql`${cardPayments.amount} + 1` })
      .where(eq(cardPayments.paymentIntentId, intent))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(checkViolation(error)).toBe('card_payment_refund_within');
    // The same refund twice is one refund.
    const once = await f.database.db.transaction((tx) =>
      requestRefund(tx, { ...target, amount: 1_000, partId: 1, reason: 'part_cancelled' }),
    );
    const twice = await f.database.db.transaction((tx) =>
      requestRefund(tx, { ...target, amount: 1_000, partId: 1, reason: 'part_cancelled' }),
    );
    expect([once, twice]).toEqual([true, false]);
    const [payment] = await f.database.db
      .select()
      .from(cardPayments)
      .where(eq(cardPayments.paymentIntentId, intent));
    expect(payment).toMatchObject({ amount: order.total, refunded: 1_000 });
  });

  it('refunds a cancelled card booth its share less the fee in force', async () => {
    f.clock.now = new Date('2026-11-21T03:00:00Z');
    const fair = await fairs.createFair('ben-tre', fairInput({ serviceFee: 500_000 }), null);
    if (!fair.ok) throw new Error(fair.message);
    await fairs.saveFloorPlan(fair.value.id, [booth('C1', 0, { price: 2_000_000 })]);
    await fairs.setFairStatus(fair.value.id, 'published');
    const [spot] = await fairs.floorPlan(fair.value.id);
    const held = await fairs.hold({
      fairId: fair.value.id,
      boothId: spot!.id,
      producerId: PRODUCER.id,
      by: null,
    });
    if (!held.ok) throw new Error(held.message);
    const payments = createBoothPayments({ fairs, payments: f.payments, now: () => f.clock.now });
    expect((await payments.startBoothPayment(held.value.id, 'https://ocop.example', 'en')).ok).toBe(true);
    const sessionId = (await fairs.getBooking(held.value.id))!.checkoutSessionId!;
    await deliver('checkout.session.completed', f.standin.complete(sessionId, 'paid'));
    expect((await fairs.getBooking(held.value.id))!.status).toBe('confirmed');

    f.clock.now = new Date('2026-11-26T03:00:00Z'); // the 50 % tier
    const cancelled = await fairs.cancel(held.value.id, 'user:promoter');
    if (!cancelled.ok) throw new Error(cancelled.message);
    const share = held.value.producerPays;
    expect(cancelled.value).toMatchObject({ cancellationFee: share / 2, refund: share / 2 });
    const intent = f.standin.sessions.get(sessionId)!.payment_intent!;
    expect(f.standin.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount)).toEqual([
      share / 2,
    ]);
    expect((await fairs.cancel(held.value.id)).ok).toBe(false);
    // A late event of the same payment (Stripe retries for days) refunds nothing more.
    await deliver('checkout.session.async_payment_succeeded', f.standin.sessions.get(sessionId)!);
    expect(f.standin.refunds.filter((r) => r.payment_intent === intent).map((r) => r.amount)).toEqual([
      share / 2,
    ]);
    expect(await fairs.refundsOfBooking(held.value.id)).toEqual([
      expect.objectContaining({ amount: share / 2, reason: 'booth_cancelled', status: 'succeeded' }),
    ]);
  });
});
