/**
 * Stock held by open card payments, and how it is let go: reservations whose Checkout Session lapsed without
 * Stripe's `expired` event, the success page asking Stripe how the payment ended, and the shopper's cancel link.
 * Every outcome goes through `applyPaymentOutcome`, the same idempotent function the webhook uses.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orders } from '~/lib/db/schema-commerce';
import { sendRequestedRefunds } from '~/lib/stripe/refund-ledger.server';
import { PaymentProviderError, type Payments } from '~/lib/stripe/types';
import {
  holdsReservation,
  outcomeOfCompletedSession,
  RESERVATION_GRACE_MINUTES,
  reservationLapsed,
  type PaymentOutcome,
  type PaymentStatus,
} from './payment';
import { SYSTEM_NOTES } from './orders';
import { applyPaymentOutcome } from './payment-outcomes.server';

/** What the reservation functions need: the database, the payment adapter (null = no card payments), a clock. */
export interface PaymentContext {
  db: Database;
  payments: Payments | null;
  now: () => Date;
}

/** How a lapsed reservation's session ended at Stripe: an outcome, or null to leave it for later. */
async function lapsedOutcome(ctx: PaymentContext, sessionId: string | null): Promise<PaymentOutcome | null> {
  if (!ctx.payments || !sessionId) return 'expired';
  try {
    const session = await ctx.payments.retrieveCheckoutSession(sessionId);
    if (session.status === 'complete') return outcomeOfCompletedSession(session.paymentStatus);
    // Stripe still lets the customer pay; wait for its event.
    return session.status === 'open' ? null : 'expired';
  } catch {
    return null; // Stripe unreachable: try again on a later checkout.
  }
}

/**
 * Reservations whose Checkout Session expired more than the grace period ago and for which Stripe's `expired`
 * event never came: asks Stripe how the session ended (paid sessions are honoured) and releases the rest.
 */
export async function releaseLapsedReservations(ctx: PaymentContext, limit = 20): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - RESERVATION_GRACE_MINUTES * 60_000);
  const lapsed = await ctx.db
    .select({ id: orders.id, sessionId: orders.stripeSessionId, reservedUntil: orders.reservedUntil })
    .from(orders)
    .where(and(eq(orders.paymentStatus, 'awaiting_payment'), lte(orders.reservedUntil, cutoff)))
    .limit(limit);
  let released = 0;
  for (const order of lapsed) {
    if (!order.reservedUntil || !reservationLapsed(order.reservedUntil, ctx.now())) continue;
    const outcome = await lapsedOutcome(ctx, order.sessionId);
    if (!outcome) continue;
    const changed = await ctx.db.transaction((tx) =>
      applyPaymentOutcome(tx, order.id, outcome, 'system', {
        note: SYSTEM_NOTES.reservationLapsed,
        tellShopper: true,
      }),
    );
    if (changed) released++;
  }
  // Runs on every checkout: also the retry of any refund Stripe could not take earlier.
  await sendRequestedRefunds(ctx.db, ctx.payments);
  return released;
}

/**
 * The success page's check: asks Stripe about the order's session and applies what it says, through the same
 * idempotent function as the webhook. Returns the order's payment status afterwards.
 */
export async function confirmFromSession(
  ctx: PaymentContext,
  orderId: string,
): Promise<PaymentStatus | null> {
  const [order] = await ctx.db
    .select({ status: orders.paymentStatus, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return null;
  if (!ctx.payments || !order.sessionId || !holdsReservation(order.status)) return order.status;
  try {
    const session = await ctx.payments.retrieveCheckoutSession(order.sessionId);
    if (session.reference !== orderId) return order.status;
    let outcome: PaymentOutcome | null = null;
    if (session.status === 'complete') outcome = outcomeOfCompletedSession(session.paymentStatus);
    else if (session.status === 'expired') outcome = 'expired';
    if (outcome) {
      await ctx.db.transaction((tx) =>
        applyPaymentOutcome(tx, orderId, outcome, 'stripe:session', {
          paymentIntentId: session.paymentIntentId,
          amountTotal: session.amountTotal,
          tellShopper: true,
        }),
      );
      await sendRequestedRefunds(ctx.db, ctx.payments);
    }
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    // Stripe unreachable: the page says the payment is being confirmed; the webhook will settle it.
  }
  const [after] = await ctx.db
    .select({ status: orders.paymentStatus })
    .from(orders)
    .where(eq(orders.id, orderId));
  return after?.status ?? null;
}

/**
 * The shopper came back from Stripe's cancel link: closes the session so it cannot be paid any more and releases
 * the reservation now. Only with the order's access key.
 */
export async function abandonCardPayment(
  ctx: PaymentContext,
  number: string,
  accessKey: string,
): Promise<boolean> {
  const [order] = await ctx.db
    .select({ id: orders.id, status: orders.paymentStatus, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(eq(orders.number, number), eq(orders.accessKey, accessKey)));
  if (!order || order.status !== 'awaiting_payment') return false;
  if (ctx.payments && order.sessionId) {
    try {
      await ctx.payments.expireCheckoutSession(order.sessionId);
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      // Already completed or expired at Stripe, or unreachable: its webhook decides, not us.
      return false;
    }
  }
  return ctx.db.transaction((tx) =>
    applyPaymentOutcome(tx, order.id, 'expired', 'shopper', { note: SYSTEM_NOTES.cancelledByShopper }),
  );
}
