/**
 * Card payment of a producer's share through the site's payment adapter (Stripe Checkout): starting a session for
 * a booking, confirming it when the customer returns (the session is read back from Stripe, never trusted from
 * the URL), and the webhook handler registered for `metadata.kind = 'booth'`.
 */
import type { Database } from '../../lib/db/client';
import { getPayments, PaymentProviderError, type PaymentEvent, type Payments } from '../../lib/stripe';
import { createFairs } from './fairs.server';
import { getFairs } from './instance.server';
import { boothCheckoutRequest } from './payment-request';

export type StartPayment = { ok: true; url: string } | { ok: false; code: 'unavailable' | 'conflict'; message: string };

/** Opens a Checkout Session for the producer's share of a held (or approved) booking. */
export async function startBoothPayment(bookingId: string, origin: string, locale: 'vi' | 'en', payments: Payments | null = getPayments()): Promise<StartPayment> {
  if (!payments) return { ok: false, code: 'unavailable', message: 'booking.paymentUnavailable' };
  const fairs = await getFairs();
  const booking = await fairs.getBooking(bookingId);
  if (!booking || !(booking.status === 'held' || booking.status === 'approved') || booking.producerPays === 0) {
    return { ok: false, code: 'conflict', message: 'booking.cannot.pay' };
  }
  const fair = (await fairs.getFair(booking.fairId))!;
  const plan = await fairs.floorPlan(fair.id);
  const booth = plan.find((b) => b.id === booking.boothId);
  try {
    const session = await payments.createCheckoutSession(
      boothCheckoutRequest({ booking, fairName: locale === 'vi' ? fair.nameVi : fair.nameEn, boothCode: booth?.code ?? '', origin, locale, now: new Date() }),
    );
    await fairs.recordCheckoutSession(booking.id, session.id);
    return { ok: true, url: session.url };
  } catch (error) {
    if (error instanceof PaymentProviderError) {
      console.error(`[fairs] checkout for booking ${booking.id} failed: ${error.message}`);
      return { ok: false, code: 'unavailable', message: 'booking.paymentUnavailable' };
    }
    throw error;
  }
}

/** On return from Checkout: confirms the booking when its session is paid for exactly the producer's share. */
export async function confirmReturnedPayment(bookingId: string, payments: Payments | null = getPayments()): Promise<boolean> {
  if (!payments) return false;
  const fairs = await getFairs();
  const booking = await fairs.getBooking(bookingId);
  if (!booking?.checkoutSessionId || booking.status === 'confirmed') return booking?.status === 'confirmed';
  try {
    const session = await payments.retrieveCheckoutSession(booking.checkoutSessionId);
    if (session.paymentStatus !== 'paid' || session.reference !== booking.id || session.amountTotal !== booking.producerPays) return false;
    return (await fairs.confirmPayment(booking.id, 'card', session.id)).ok;
  } catch (error) {
    if (error instanceof PaymentProviderError) return false;
    throw error;
  }
}

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
    console.error(`[fairs] session ${session.id} paid ${session.amountTotal} ${session.currency} for booking ${booking.id}, which owes ${booking.producerPays} vnd: not confirmed`);
    return;
  }
  const result = await fairs.confirmPayment(booking.id, 'card', session.id);
  // A payment for a hold that lapsed and was taken by someone else is kept for a refund, not retried by Stripe.
  if (!result.ok) console.error(`[fairs] session ${session.id} paid for booking ${booking.id} in state ${booking.status}: refund it (${result.message})`);
}
