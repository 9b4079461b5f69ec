/** The Checkout Session request for a booth booking: what the producer owes now, in whole VND. Pure. */
import { localizedPath, type Locale } from '~/lib/i18n';
import type { CheckoutSessionRequest } from '~/lib/stripe/types';
import { amountDue } from './booking';
import { useFairsTranslations } from './messages';
import type { MoneyFlow } from './terms';

/** Stripe accepts a session expiry between 30 minutes and 24 hours ahead. */
const MIN_SESSION_MS = 31 * 60_000;

/**
 * The payment request for what a booking's producer owes now: its share (upfront discount; the subsidy is never
 * charged to it) or the total (reimbursement, repaid after the fair).
 */
export function boothCheckoutRequest(input: {
  booking: { id: string; producerPays: number; total?: number; flow?: MoneyFlow; expiresAt: Date | null };
  fairName: string;
  boothCode: string;
  origin: string;
  locale: Locale;
  now: Date;
}): CheckoutSessionRequest {
  const { booking, locale } = input;
  const due = amountDue(booking);
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
        unitAmount: due,
        quantity: 1,
        images: [],
      },
    ],
    metadata: { booking: booking.id },
    successUrl: `${page}?paid=1`,
    cancelUrl: page,
    expiresAt,
    idempotencyKey: `booth-${booking.id}-${due}`,
    locale,
  };
}
