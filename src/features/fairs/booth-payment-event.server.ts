/**
 * The webhook handler for booth payments (`metadata.kind = 'booth'`), registered with the payment webhook in the
 * composition root (src/services.server.ts), run inside the webhook's transaction. Only money taken moves a
 * booking: a paid session confirms it, or is refunded when the booth cannot be given for it
 * (./booth-payment-settle.server.ts). An expired, failed or still-settling session changes nothing: the hold has its
 * own timer, and the producer may pay again through a new session while it lasts.
 */
import type { Database } from '~/lib/db/client';
import type { PaymentEvent } from '~/lib/stripe/types';
import { createFairs } from './fairs.server';

/** Whether the event says the money was taken. */
function paidEvent(event: PaymentEvent): boolean {
  return (
    (event.type === 'checkout.session.completed' && event.session?.paymentStatus === 'paid') ||
    event.type === 'checkout.session.async_payment_succeeded'
  );
}

/** Webhook handler for booth payments: a paid session confirms its booking or is refunded. */
export async function applyBoothPaymentEvent(tx: Database, event: PaymentEvent): Promise<void> {
  const session = event.session;
  if (!session?.reference || !paidEvent(event)) return;
  const fairs = createFairs({ db: tx, producers: () => undefined });
  // Confirmed, kept, or refunded (recorded in the refund table, sent once the webhook's transaction commits).
  await fairs.settleCardPayment(
    {
      bookingId: session.reference,
      sessionId: session.id,
      paymentIntentId: session.paymentIntentId,
      amount: session.amountTotal,
      currency: session.currency,
    },
    `stripe:${event.id}`,
  );
}
