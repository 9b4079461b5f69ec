/**
 * The timed side of bookings, run by the background worker (docs/notifications.md): a hold or approval released at
 * the instant it is due (the 30-second sweep stays as the safety net), the reminder before it runs out, once per
 * expiry, and a lapsed booking's Checkout Session expired at Stripe. Every job is harmless when the booking has
 * moved on (paid, cancelled, already released).
 */
import { and, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { boothBookings } from '~/lib/db/schema-fairs';
import { queueReminderNotice } from './booking-notices.server';
import { expireLapsed } from './booking-moves.server';
import { scheduleExpiry } from './booking-schedule.server';
import type { FairsContext } from './store.server';

const LIVE = ['held', 'approved'] as const;

/**
 * The job at a booking's expiry: releases it when its time is up. When the job came early (clocks) or the expiry
 * moved later while the booking is still live, it is scheduled again for the new instant.
 */
export async function expireDue(
  ctx: FairsContext,
  bookingId: string,
): Promise<'released' | 'later' | 'moved-on'> {
  if ((await expireLapsed(ctx, undefined, undefined, bookingId)) > 0) return 'released';
  const [row] = await ctx.db
    .select({ status: boothBookings.status, expiresAt: boothBookings.expiresAt })
    .from(boothBookings)
    .where(eq(boothBookings.id, bookingId));
  if (!row?.expiresAt || !(LIVE as readonly string[]).includes(row.status)) return 'moved-on';
  scheduleExpiry(ctx, { id: bookingId, since: ctx.now(), expiresAt: row.expiresAt });
  return 'later';
}

/**
 * The reminder job: tells the producer's accounts that the booking lapses at `expiresAt` unless paid, when it is
 * still live with that same expiry and was not yet reminded of it. The mark and the message share one transaction,
 * and the conditional update makes it once per expiry however often the job runs.
 */
export async function remindHold(ctx: FairsContext, bookingId: string, expiresAt: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const marked = await tx
      .update(boothBookings)
      .set({ remindedFor: expiresAt })
      .where(
        and(
          eq(boothBookings.id, bookingId),
          inArray(boothBookings.status, [...LIVE]),
          eq(boothBookings.expiresAt, expiresAt),
          gt(boothBookings.expiresAt, ctx.now()),
          or(isNull(boothBookings.remindedFor), ne(boothBookings.remindedFor, expiresAt)),
        ),
      )
      .returning({ id: boothBookings.id });
    if (marked.length === 0) return false;
    await queueReminderNotice(tx, bookingId);
    return true;
  });
}
