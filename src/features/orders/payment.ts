/**
 * How an order is paid, once: the payment methods, the payment statuses and how Stripe's outcomes move them
 * (whatever order they arrive in), and how long an open card payment holds its stock. Pure and small (no schema
 * library), so the checkout island can use it without weight.
 */

export const PAYMENT_METHODS = ['card', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Payment state of an order. Card: awaiting_payment → paid, or payment_processing (bank debits settle later)
 * → paid / failed; awaiting_payment → expired; expired / failed → paid when a payment arrives late (its parts are
 * reserved again or refunded). Cash on delivery starts as cash_on_delivery.
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
 * How strongly each status speaks for the payment. Stripe delivers events at least once and in any order, and our
 * own expiry timer can race them; the status is therefore the strongest thing any event has said, so the same set
 * of events ends in the same status whatever order they came in. Money taken beats everything (a late `paid` after
 * an expiry or a failure still means the customer paid); a failed debit beats "being settled"; a completed session
 * cannot expire any more, so "being settled" beats an expiry; cash on delivery is never moved by card events.
 */
const PAYMENT_RANK: Record<PaymentStatus, number> = {
  awaiting_payment: 0,
  expired: 1,
  payment_processing: 2,
  failed: 3,
  paid: 4,
  cash_on_delivery: 5,
};

const STATUS_OF_OUTCOME: Record<PaymentOutcome, PaymentStatus> = {
  paid: 'paid',
  processing: 'payment_processing',
  failed: 'failed',
  expired: 'expired',
};

/**
 * The payment status after an outcome arrives: the stronger of the current status and what the outcome says
 * (see PAYMENT_RANK). Commutative and idempotent, so repeated and reordered events converge. Returns the current
 * status when the outcome changes nothing.
 */
export function nextPaymentStatus(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus {
  const said = STATUS_OF_OUTCOME[outcome];
  return PAYMENT_RANK[said] > PAYMENT_RANK[current] ? said : current;
}

/** The status a set of outcomes leads to from an open card payment, in whatever order they arrive. */
export function paymentStatusOf(outcomes: Iterable<PaymentOutcome>): PaymentStatus {
  let status: PaymentStatus = 'awaiting_payment';
  for (const outcome of outcomes) status = nextPaymentStatus(status, outcome);
  return status;
}

/**
 * Whether a move of the payment status means money was taken for parts whose stock was already let go (a late
 * `paid` after an expiry or a failure): those parts are reserved again if the stock is still there, else refunded.
 */
export function paidAfterRelease(from: PaymentStatus, to: PaymentStatus): boolean {
  return to === 'paid' && (from === 'expired' || from === 'failed');
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
