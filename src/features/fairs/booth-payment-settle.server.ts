/**
 * Card payments of booth bookings as Stripe reports them paid (the webhook, or the return page reading the session
 * back): the payment is remembered, then confirms its booking or, when the booth cannot be given for it
 * (`boothPaymentFate`), is refunded in full. The same result whatever order and however often events arrive.
 */
import { eq } from 'drizzle-orm';
import { boothBookings } from '~/lib/db/schema-fairs';
import { recordCardPayment } from '~/lib/stripe/refund-ledger.server';
import { boothPaymentFate } from './booking';
import { move } from './booking-moves.server';
import { refundWhole, type BoothCardPayment } from './booth-refunds.server';
import type { FairsContext } from './store.server';

export type SettledPayment = 'confirmed' | 'kept' | 'refunded' | 'unknown';

/**
 * Applies a paid session to its booking, under the booking's row lock: remembered once, then the booking
 * confirmed, left as it is (the same payment again), or the payment refunded. Idempotent.
 */
export async function settleBoothCardPayment(
  ctx: FairsContext,
  payment: BoothCardPayment,
  actor: string,
): Promise<SettledPayment> {
  return ctx.db.transaction(async (tx) => {
    const [booking] = await tx
      .select()
      .from(boothBookings)
      .where(eq(boothBookings.id, payment.bookingId))
      .for('update');
    if (!booking) return 'unknown';
    if (payment.paymentIntentId && payment.amount)
      await recordCardPayment(tx, {
        paymentIntentId: payment.paymentIntentId,
        kind: 'booth',
        reference: booking.id,
        sessionId: payment.sessionId,
        amount: payment.amount,
      });
    const fate = boothPaymentFate(booking, payment);
    if (fate === 'keep') return 'kept';
    if (fate === 'confirm') {
      const moved = await move({ ...ctx, db: tx }, booking.id, 'pay', {
        paidBy: 'card',
        paymentRef: payment.sessionId,
      });
      if (moved.ok) return 'confirmed';
    }
    await refundWhole(tx, payment, actor);
    return 'refunded';
  });
}
