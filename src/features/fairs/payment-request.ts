/** The Checkout Session request for a booth booking: the producer's share only, in whole VND. Pure. */
import type { CheckoutSessionRequest } from '~/lib/stripe/types';

/** Stripe accepts a session expiry between 30 minutes and 24 hours ahead. */
const MIN_SESSION_MS = 31 * 60_000;

/** The payment request for a booking's producer share; the subsidy is never charged to the producer. */
export function boothCheckoutRequest(input: {
  booking: { id: string; producerPays: number; expiresAt: Date | null };
  fairName: string;
  boothCode: string;
  origin: string;
  locale: 'vi' | 'en';
  now: Date;
}): CheckoutSessionRequest {
  const { booking, locale } = input;
  const page = `${input.origin}${locale === 'vi' ? '' : '/en'}/fairs/bookings/${booking.id}`;
  const earliest = input.now.getTime() + MIN_SESSION_MS;
  const expiresAt = new Date(Math.max(earliest, booking.expiresAt?.getTime() ?? earliest));
  return {
    kind: 'booth',
    reference: booking.id,
    currency: 'vnd',
    lineItems: [
      {
        name:
          locale === 'vi'
            ? `Gian ${input.boothCode} · ${input.fairName} (phần chủ thể trả)`
            : `Booth ${input.boothCode} · ${input.fairName} (producer's share)`,
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
