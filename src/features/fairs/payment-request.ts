/** The Checkout Session request for a booth booking: the producer's share only, in whole VND. Pure. */
import { localizedPath, type Locale } from '~/lib/i18n';
import type { CheckoutSessionRequest } from '~/lib/stripe/types';
import { useFairsTranslations } from './messages';

/** Stripe accepts a session expiry between 30 minutes and 24 hours ahead. */
const MIN_SESSION_MS = 31 * 60_000;

/** The payment request for a booking's producer share; the subsidy is never charged to the producer. */
export function boothCheckoutRequest(input: {
  booking: { id: string; producerPays: number; expiresAt: Date | null };
  fairName: string;
  boothCode: string;
  origin: string;
  locale: Locale;
  now: Date;
}): CheckoutSessionRequest {
  const { booking, locale } = input;
  const page = `${input.origin}${localizedPath(`/fairs/bookings/${booking.id}`, locale)}`;
  const earliest = input.now.getTime() + MIN_SESSION_MS;
  const expiresAt = new Date(Math.max(earliest, booking.expiresAt?.getTime() ?? earliest));
  return {
    kind: 'booth',
    reference: booking.id,
    currency: 'vnd',
    lineItems: [
      {
        name: useFairsTranslations(locale)('paymentLine', { booth: input.boothCode, fair: input.fairName }),
        unitAmount: booking.producerPays,
        quantity: 1,
        images: [],
      },
    ],
    metadata: { booking: booking.id },
    successUrl: `${page}?paid=1`,
    cancelUrl: page,
    expiresAt,
    idempotencyKey: `booth-${booking.id}-${booking.producerPays}`,
    locale,
  };
}
