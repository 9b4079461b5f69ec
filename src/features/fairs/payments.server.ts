/**
 * Card payment of a producer's share through the site's payment adapter (Stripe Checkout): starting a session for
 * a booking, confirming it when the customer returns (the session is read back from Stripe, never trusted from
 * the URL), and the webhook handler registered for `metadata.kind = 'booth'`.
 */
import { getPayments, PaymentProviderError, type Payments } from '~/lib/stripe';
import { getFairs } from '~/services.server';
import { boothCheckoutRequest } from './payment-request';

export type StartPayment =
  { ok: true; url: string } | { ok: false; code: 'unavailable' | 'conflict'; message: string };

/** Opens a Checkout Session for the producer's share of a held (or approved) booking. */
export async function startBoothPayment(
  bookingId: string,
  origin: string,
  locale: 'vi' | 'en',
  payments: Payments | null = getPayments(),
): Promise<StartPayment> {
  if (!payments) return { ok: false, code: 'unavailable', message: 'booking.paymentUnavailable' };
  const fairs = await getFairs();
  const booking = await fairs.getBooking(bookingId);
  if (
    !booking ||
    !(booking.status === 'held' || booking.status === 'approved') ||
    booking.producerPays === 0
  ) {
    return { ok: false, code: 'conflict', message: 'booking.cannot.pay' };
  }
  const fair = (await fairs.getFair(booking.fairId))!;
  const plan = await fairs.floorPlan(fair.id);
  const booth = plan.find((b) => b.id === booking.boothId);
  try {
    const session = await payments.createCheckoutSession(
      boothCheckoutRequest({
        booking,
        fairName: locale === 'vi' ? fair.nameVi : fair.nameEn,
        boothCode: booth?.code ?? '',
        origin,
        locale,
        now: new Date(),
      }),
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
export async function confirmReturnedPayment(
  bookingId: string,
  payments: Payments | null = getPayments(),
): Promise<boolean> {
  if (!payments) return false;
  const fairs = await getFairs();
  const booking = await fairs.getBooking(bookingId);
  if (!booking?.checkoutSessionId || booking.status === 'confirmed') return booking?.status === 'confirmed';
  try {
    const session = await payments.retrieveCheckoutSession(booking.checkoutSessionId);
    if (
      session.paymentStatus !== 'paid' ||
      session.reference !== booking.id ||
      session.amountTotal !== booking.producerPays
    )
      return false;
    return (await fairs.confirmPayment(booking.id, 'card', session.id)).ok;
  } catch (error) {
    if (error instanceof PaymentProviderError) return false;
    throw error;
  }
}

export { applyBoothPaymentEvent } from './booth-payment-event.server';
