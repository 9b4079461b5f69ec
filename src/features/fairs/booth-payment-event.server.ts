/**
 * The webhook handler for booth payments (`metadata.kind = 'booth'`), registered with the payment webhook in the
 * composition root (src/services.server.ts): a paid Checkout Session confirms its booking, inside the webhook's
 * transaction, when it paid exactly the producer's share in VND.
 */
import type { Database } from '~/lib/db/client';
import type { PaymentEvent } from '~/lib/stripe/types';
import { createFairs } from './fairs.server';

/** Webhook handler for booth payments: a paid session confirms its booking (inside the webhook's transaction). */
export async function applyBoothPaymentEvent(tx: Database, event: PaymentEvent): Promise<void> {
  const session = event.session;
  if (!session?.reference) return;
  const paid =
    (event.type === 'checkout.session.completed' && session.paymentStatus === 'paid') ||
    event.type === 'checkout.session.async_payment_succeeded';
  if (!paid) return;
  const fairs = createFairs({ db: tx, producers: () => undefined });
  const booking = await fairs.getBooking(session.reference);
  if (!booking || booking.status === 'confirmed') return;
  if (session.currency !== 'vnd' || session.amountTotal !== booking.producerPays) {
    console.error(
      `[fairs] session ${session.id} paid ${session.amountTotal} ${session.currency} for booking ${booking.id}, which owes ${booking.producerPays} vnd: not confirmed`,
    );
    return;
  }
  const result = await fairs.confirmPayment(booking.id, 'card', session.id);
  // A payment for a hold that lapsed and was taken by someone else is kept for a refund, not retried by Stripe.
  if (!result.ok)
    console.error(
      `[fairs] session ${session.id} paid for booking ${booking.id} in state ${booking.status}: refund it (${result.message})`,
    );
}
