/**
 * Card payment of a producer's share through the site's payment adapter (Stripe Checkout): starting a session for
 * a booking whose share can be paid now (the `pay` move of ./booking.ts), and confirming it when the producer
 * returns (the session is read back from the provider, never trusted from the URL). The webhook handler for
 * `metadata.kind = 'booth'` is exported here too.
 */
import { localize, type Locale } from '~/lib/i18n';
import { PaymentProviderError, type Payments } from '~/lib/stripe/types';
import { paymentDue } from './booking';
import type { Fairs } from './fairs.server';
import { boothCheckoutRequest } from './payment-request';

export { applyBoothPaymentEvent } from './booth-payment-event.server';

export type StartPayment =
  { ok: true; url: string } | { ok: false; code: 'unavailable' | 'conflict'; message: string };

export interface BoothPaymentsOptions {
  fairs: Fairs;
  /** The payment adapter; null when card payment is not configured. */
  payments: Payments | null;
  now?: () => Date;
}

const unavailable: StartPayment = { ok: false, code: 'unavailable', message: 'booking.paymentUnavailable' };

/** Opens a Checkout Session for the producer's share, when that share can be paid now. */
async function startBoothPayment(
  { fairs, payments, now = () => new Date() }: BoothPaymentsOptions,
  bookingId: string,
  origin: string,
  locale: Locale,
): Promise<StartPayment> {
  if (!payments) return unavailable;
  const booking = await fairs.getBooking(bookingId);
  const fair = booking && (await fairs.getFair(booking.fairId));
  if (!booking || !fair || !paymentDue(booking, fair))
    return { ok: false, code: 'conflict', message: 'booking.cannot.pay' };
  const booth = (await fairs.floorPlan(fair.id)).find((b) => b.id === booking.boothId);
  try {
    const session = await payments.createCheckoutSession(
      boothCheckoutRequest({
        booking,
        fairName: localize(fair.name, locale),
        boothCode: booth?.code ?? '',
        origin,
        locale,
        now: now(),
      }),
    );
    await fairs.recordCheckoutSession(booking.id, session.id);
    return { ok: true, url: session.url };
  } catch (error) {
    if (error instanceof PaymentProviderError) {
      console.error(`[fairs] checkout for booking ${booking.id} failed: ${error.message}`);
      return unavailable;
    }
    throw error;
  }
}

/**
 * On return from Checkout: the session is read back from Stripe (never trusted from the URL) and, when paid,
 * settled like the webhook would (confirmed, or refunded when the booth cannot be given). Whether it is confirmed.
 */
async function confirmReturnedPayment(
  { fairs, payments }: BoothPaymentsOptions,
  bookingId: string,
): Promise<boolean> {
  if (!payments) return false;
  const booking = await fairs.getBooking(bookingId);
  if (!booking?.checkoutSessionId || booking.status === 'confirmed') return booking?.status === 'confirmed';
  try {
    const session = await payments.retrieveCheckoutSession(booking.checkoutSessionId);
    if (session.paymentStatus !== 'paid' || session.reference !== booking.id) return false;
    const settled = await fairs.settleCardPayment(
      {
        bookingId: booking.id,
        sessionId: session.id,
        paymentIntentId: session.paymentIntentId,
        amount: session.amountTotal,
        currency: session.currency,
      },
      'stripe:session',
    );
    if (settled === 'refunded') await fairs.sendRefunds();
    return settled === 'confirmed' || settled === 'kept';
  } catch (error) {
    if (error instanceof PaymentProviderError) return false;
    throw error;
  }
}

/** Card payment of booth bookings, bound to the fairs service and the payment adapter. */
export function createBoothPayments(options: BoothPaymentsOptions) {
  return {
    /** Whether card payment can be offered at all. */
    available: options.payments !== null,
    startBoothPayment: (bookingId: string, origin: string, locale: Locale) =>
      startBoothPayment(options, bookingId, origin, locale),
    confirmReturnedPayment: (bookingId: string) => confirmReturnedPayment(options, bookingId),
  };
}
export type BoothPayments = ReturnType<typeof createBoothPayments>;
