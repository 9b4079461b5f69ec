/**
 * Booking work at a later instant, as jobs on the queue (pg-boss): the release of a hold or approval at its expiry,
 * its reminder (`holdReminderAt`), and the close of a lapsed booking's Checkout Session. The jobs are rows in the
 * database, so they survive a restart and run once across servers; the worker's handlers are harmless when the
 * booking moved on. Shaped as the fairs service's `BookingTimers`.
 */
import type { JobQueue } from '~/lib/jobs';
import { PaymentProviderError, type Payments } from '~/lib/stripe/types';
import { HOLD_REMINDER, holdReminderAt } from './booth-messages';

export const HOLD_DUE_JOB = 'fairs-hold-due';
export const HOLD_REMINDER_JOB = 'fairs-hold-reminder';
export const SESSION_EXPIRY_JOB = 'stripe-session-expire';

export interface TimersOptions {
  queue: JobQueue;
  /** The clock the bookings' instants are on (the fairs service's). */
  now: () => Date;
  /** Real milliseconds until an instant of that clock (default: the difference; tests run a faster clock). */
  delayOf?: (at: Date) => number;
  reminder?: { shareLeft: number; minimumHoldMinutes: number };
}

export function createBookingTimers(options: TimersOptions) {
  const { queue, now } = options;
  const delayOf = options.delayOf ?? ((at: Date) => at.getTime() - now().getTime());
  const realInstant = (at: Date) => new Date(Date.now() + Math.max(delayOf(at), 0));
  return {
    async expiryScheduled(booking: { id: string; since: Date; expiresAt: Date }): Promise<void> {
      await queue.sendAt(HOLD_DUE_JOB, realInstant(booking.expiresAt), { bookingId: booking.id });
      const remindAt = holdReminderAt(booking.since, booking.expiresAt, options.reminder ?? HOLD_REMINDER);
      if (remindAt && remindAt > now())
        await queue.sendAt(HOLD_REMINDER_JOB, realInstant(remindAt), {
          bookingId: booking.id,
          expiresAt: booking.expiresAt.toISOString(),
        });
    },
    async sessionLapsed(sessionId: string): Promise<void> {
      await queue.sendAt(SESSION_EXPIRY_JOB, new Date(), { sessionId });
    },
  };
}
export type BookingTimerJobs = ReturnType<typeof createBookingTimers>;

/**
 * The session-expiry job: closes a lapsed booking's Checkout Session at Stripe so a late payment cannot land. A
 * session Stripe already completed or expired is left alone: a payment that did land is refunded by the booking's
 * payment rule (docs/fairs.md). Throws when Stripe could not be reached, so the job is tried again.
 */
export async function expireSession(payments: Payments | null, sessionId: string): Promise<void> {
  if (!payments) return;
  try {
    await payments.expireCheckoutSession(sessionId);
  } catch (error) {
    if (error instanceof PaymentProviderError && !error.retryable) return;
    throw error;
  }
}
