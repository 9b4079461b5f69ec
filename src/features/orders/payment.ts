/**
 * How an order is paid, once: the payment methods, the payment statuses and how Stripe's outcomes move them
 * (whatever order they arrive in), and how long an open card payment holds its stock. Pure and small (no schema
 * library), so the checkout island can use it without weight.
 */

export const PAYMENT_METHODS = ['card', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Payment state of an order. Card: awaiting_payment → paid, or payment_processing (bank debits settle later)
 * → paid / failed; awaiting_payment → expired. Cash on delivery starts as cash_on_delivery.
 */
export const PAYMENT_STATUSES = [
  'awaiting_payment',
  'payment_processing',
  'paid',
  'failed',
  'expired',
  'cash_on_delivery',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What a Stripe event (or the success page's look-up) says about a payment. */
export type PaymentOutcome = 'paid' | 'processing' | 'failed' | 'expired';

/** Whether a status still holds reserved stock for an open payment. */
export function holdsReservation(status: PaymentStatus): boolean {
  return status === 'awaiting_payment' || status === 'payment_processing';
}

/** Whether the order goes ahead (paid, being settled, or cash on delivery), so the shopper's cart is done with. */
export function paymentAccepted(status: PaymentStatus): boolean {
  return status === 'paid' || status === 'payment_processing' || status === 'cash_on_delivery';
}

/**
 * The payment status after an outcome arrives, whatever order outcomes arrive in. Final states never change
 * (a late `expired` after `paid` is ignored; a repeated event is a no-op), `processing` only ever moves forward.
 * Returns the current status when the outcome changes nothing.
 */
export function nextPaymentStatus(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus {
  if (current === 'awaiting_payment') {
    return outcome === 'processing' ? 'payment_processing' : outcome;
  }
  if (current === 'payment_processing') {
    // A session that was completed cannot expire any more; its debit settles as paid or failed.
    if (outcome === 'paid' || outcome === 'failed') return outcome;
    return current;
  }
  return current;
}

/** Maps a Checkout Session's `payment_status` on completion to an outcome. */
export function outcomeOfCompletedSession(
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required',
): PaymentOutcome {
  return paymentStatus === 'unpaid' ? 'processing' : 'paid';
}

/**
 * How long stock stays reserved for an open card payment. Stripe Checkout sessions must expire between 30
 * minutes and 24 hours after creation; the shortest keeps scarce stock from being held by abandoned carts.
 */
export const RESERVATION_MINUTES = 30;
/** After the session expires, how long to wait for Stripe's own `expired` event before releasing by ourselves. */
export const RESERVATION_GRACE_MINUTES = 10;

/** When a reservation made at `now` ends (also the Checkout Session's expires_at). */
export function reservationEnds(now: Date): Date {
  return new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
}

/** Whether an unpaid reservation may be released without waiting any longer for Stripe. */
export function reservationLapsed(reservedUntil: Date, now: Date): boolean {
  return now.getTime() >= reservedUntil.getTime() + RESERVATION_GRACE_MINUTES * 60_000;
}
