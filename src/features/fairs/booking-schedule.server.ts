/**
 * Handing a booking's later work to the timers (the job queue, docs/notifications.md) once a move has committed:
 * its release at the instant it is due and its reminder, or the close of a lapsed booking's Checkout Session.
 */
import type { BookingRow, FairsContext } from './store.server';

/**
 * Asks the timers for a booking's expiry work, without waiting: the visitor's request does not wait for the job queue
 * (on PGlite it shares the site's one connection). A failure is logged, not the booking's: the sweep still releases it.
 */
export function scheduleExpiry(
  ctx: FairsContext,
  booking: { id: string; since: Date; expiresAt: Date },
): void {
  ctx.timers?.expiryScheduled(booking).catch((error: unknown) => {
    console.error(`[fairs] could not schedule the expiry of booking ${booking.id}: ${String(error)}`);
  });
}

/** After a committed move: an approval's expiry scheduled, a lapsed booking's open Checkout Session closed. */
export function afterMove(ctx: FairsContext, row: BookingRow): void {
  if (row.status === 'approved' && row.expiresAt)
    scheduleExpiry(ctx, { id: row.id, since: ctx.now(), expiresAt: row.expiresAt });
  const sessionId = row.status === 'expired' ? row.checkoutSessionId : null;
  if (sessionId)
    ctx.timers?.sessionLapsed(sessionId).catch((error: unknown) => {
      console.error(`[fairs] could not ask to close the session of booking ${row.id}: ${String(error)}`);
    });
}
