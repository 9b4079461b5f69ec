/**
 * Refunds of booth payments: a payment the booth could not be given for goes back in full, a cancelled card
 * booking gets its share less the fee back. Recorded inside the deciding transaction, sent to Stripe after commit.
 */
import type { Database } from '~/lib/db/client';
import { cardPaymentOf, requestRefund } from '~/lib/stripe/refund-ledger.server';
import { cancellationRefund, type BookingView } from './booking';

/** A paid Checkout Session of a booking, as the webhook or the return page read it from Stripe. */
export interface BoothCardPayment {
  bookingId: string;
  sessionId: string;
  paymentIntentId: string | null;
  amount: number | null;
  currency: string | null;
}

/** Refunds what is left of a booth payment in full (the booth could not be given for it). */
export async function refundWhole(tx: Database, payment: BoothCardPayment, actor: string): Promise<void> {
  const record = await cardPaymentOf(tx, 'booth', payment.bookingId, payment.sessionId);
  if (!record) return;
  await requestRefund(tx, {
    kind: 'booth',
    reference: payment.bookingId,
    paymentIntentId: record.paymentIntentId,
    amount: record.amount - record.refunded,
    reason: 'booth_unavailable',
    actor,
  });
}

/** Records the refund of a cancelled card booking: the producer's share less the fee. Inside the cancelling move. */
export async function refundCancelledBooking(
  tx: Database,
  booking: Pick<BookingView, 'id' | 'status' | 'paidBy' | 'refund' | 'paymentRef'>,
  actor: string,
): Promise<void> {
  const amount = cancellationRefund(booking);
  if (amount <= 0 || !booking.paymentRef) return;
  const record = await cardPaymentOf(tx, 'booth', booking.id, booking.paymentRef);
  if (!record) return;
  await requestRefund(tx, {
    kind: 'booth',
    reference: booking.id,
    paymentIntentId: record.paymentIntentId,
    amount: Math.min(amount, record.amount - record.refunded),
    reason: 'booth_cancelled',
    actor,
  });
}
