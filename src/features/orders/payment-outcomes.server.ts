/**
 * Payment outcomes of orders, applied idempotently whatever order they arrive in: the order's payment status, its
 * parts placed or voided, reserved stock returned on a void, and the confirmation queued when paid. Used by the
 * webhook (through `applyOrderPaymentEvent`, registered for `metadata.kind = 'order'`), the success page, the
 * cancel link, lapsed reservations and checkout itself when Stripe cannot open a payment.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  commerceProducts,
  orderLines,
  orderParts,
  orders,
  orderStatusChanges,
} from '~/lib/db/schema-commerce';
import type { PaymentEvent } from '~/lib/stripe/types';
import { queueOrderConfirmation } from './confirmation.server';
import { queuePaymentLapsedNotice } from './order-notices.server';
import { recordOrderPayment, refundPart, reserveAgain } from './order-refunds.server';
import { partStatusAfterPayment, returnsStock } from './orders';
import {
  holdsReservation,
  nextPaymentStatus,
  outcomeOfCompletedSession,
  type PaymentOutcome,
  type PaymentStatus,
} from './payment';

/** What else an outcome carries: the payment's id at Stripe, a note for the history, the amount Stripe took. */
export interface OutcomeDetails {
  paymentIntentId?: string | null;
  note?: string;
  amountTotal?: number | null;
  /** Whether the shopper is told by e-mail when the payment failed or expired (not when they cancelled it). */
  tellShopper?: boolean;
}

/** Puts a part's units back in stock (cancelled or voided). Call inside a transaction. */
export async function restock(tx: Database, partId: number): Promise<void> {
  const lines = await tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.partId, partId))
    .orderBy(asc(orderLines.productId));
  for (const line of lines) {
    await tx
      .update(commerceProducts)
      .set({ stock: sql`${commerceProducts.stock} + ${line.quantity}` })
      .where(eq(commerceProducts.productId, line.productId));
  }
}

/**
 * Moves the parts to where the order's new payment status puts them: waiting parts placed or voided (stock
 * returned); after a late payment, voided parts placed again when their stock can be taken again, else refunded.
 * Returns how many parts were placed.
 */
async function moveParts(
  tx: Database,
  orderId: string,
  payment: PaymentStatus,
  actor: string,
): Promise<number> {
  let placed = 0;
  const parts = await tx
    .select()
    .from(orderParts)
    .where(eq(orderParts.orderId, orderId))
    .orderBy(asc(orderParts.id));
  for (const part of parts) {
    const next = partStatusAfterPayment(part.status, payment);
    if (!next) continue;
    if (part.status === 'voided' && !(await reserveAgain(tx, part.id))) {
      await refundPart(tx, orderId, part, 'order_unfulfillable', actor);
      continue;
    }
    await tx.update(orderParts).set({ status: next }).where(eq(orderParts.id, part.id));
    await tx
      .insert(orderStatusChanges)
      .values({ orderId, partId: part.id, fromStatus: part.status, toStatus: next, actor });
    if (returnsStock(next)) await restock(tx, part.id);
    if (next === 'placed') placed++;
  }
  return placed;
}

/**
 * Applies a payment outcome to an order, idempotently and whatever order outcomes arrive in: the order row is
 * locked, the next status comes from `nextPaymentStatus` (the strongest thing said so far), parts are moved by
 * `moveParts`, and a payment is remembered when the order turns paid. Returns whether anything changed. Call
 * inside a transaction; refunds it records are sent by the caller after commit (`sendRequestedRefunds`).
 */
export async function applyPaymentOutcome(
  tx: Database,
  orderId: string,
  outcome: PaymentOutcome,
  actor: string,
  details: OutcomeDetails = {},
): Promise<boolean> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) return false;
  const next = nextPaymentStatus(order.paymentStatus, outcome);
  if (next === order.paymentStatus) return false;
  const mismatch =
    details.amountTotal != null && details.amountTotal !== order.total
      ? `amount ${details.amountTotal} ≠ total ${order.total}`
      : null;
  await tx
    .update(orders)
    .set({
      paymentStatus: next,
      ...(details.paymentIntentId ? { stripePaymentIntentId: details.paymentIntentId } : {}),
      ...(holdsReservation(next) ? {} : { reservedUntil: null }),
    })
    .where(eq(orders.id, orderId));
  await tx.insert(orderStatusChanges).values({
    orderId,
    fromStatus: order.paymentStatus,
    toStatus: next,
    actor,
    note: [details.note, mismatch].filter(Boolean).join('; ') || null,
  });
  if (next === 'paid') await recordOrderPayment(tx, order, details.paymentIntentId, details.amountTotal);
  const placed = await moveParts(tx, orderId, next, actor);
  // No confirmation for a late payment none of whose parts could be honoured: the shopper sees the refund instead.
  if (next === 'paid' && placed > 0) await queueOrderConfirmation(tx, order);
  if ((next === 'failed' || next === 'expired') && details.tellShopper)
    await queuePaymentLapsedNotice(tx, orderId, next);
  return true;
}

/** What a Checkout Session event says about the payment, or null for an event that says nothing. */
function outcomeOfEvent(event: PaymentEvent): PaymentOutcome | null {
  switch (event.type) {
    case 'checkout.session.completed':
      return event.session ? outcomeOfCompletedSession(event.session.paymentStatus) : null;
    case 'checkout.session.async_payment_succeeded':
      return 'paid';
    case 'checkout.session.async_payment_failed':
      return 'failed';
    case 'checkout.session.expired':
      return 'expired';
    default:
      return null;
  }
}

/** The payment handler for orders: what a verified Checkout Session event means for the order it names. */
export async function applyOrderPaymentEvent(tx: Database, event: PaymentEvent): Promise<void> {
  const session = event.session;
  if (!session?.reference) return;
  const outcome = outcomeOfEvent(event);
  if (!outcome) return;
  await applyPaymentOutcome(tx, session.reference, outcome, `stripe:${event.id}`, {
    paymentIntentId: session.paymentIntentId,
    amountTotal: session.amountTotal,
    tellShopper: true,
  });
}
