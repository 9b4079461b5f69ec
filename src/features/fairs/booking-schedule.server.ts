/**
 * Handing a booking's later work to the timers (the job queue, docs/notifications.md) once a move has committed:
 * its release at the instant it is due and its reminder, or the close of a lapsed booking's Checkout Session.
 */
import type { BookingRow, FairsContext } from './store.server';

/** Asks the timers for a booking's expiry work. A failure is logged, not the booking's: the sweep still releases it. */
export async function scheduleExpiry(
  ctx: FairsContext,
  booking: { id: string; since: Date; expiresAt: Date },
): Promise<void> {
  if (!ctx.timers) return;
  try {
    await ctx.timers.expiryScheduled(booking);
  } catch (error) {
    console.error(`[fairs] could not schedule the expiry of booking ${booking.id}: ${String(error)}`);
  }
}

/** After a committed move: an approval's expiry scheduled, a lapsed booking's open Checkout Session closed. */
export async function afterMove(ctx: FairsContext, row: BookingRow): Promise<void> {
  if (row.status === 'approved' && row.expiresAt)
    await scheduleExpiry(ctx, { id: row.id, since: ctx.now(), expiresAt: row.expiresAt });
  if (row.status === 'expired' && row.checkoutSessionId && ctx.timers) {
    try {
      await ctx.timers.sessionLapsed(row.checkoutSessionId);
    } catch (error) {
      console.error(`[fairs] could not ask to close the session of booking ${row.id}: ${String(error)}`);
    }
  }
}
