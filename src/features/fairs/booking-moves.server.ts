/**
 * Booking moves (submit, approve, refuse, pay, cancel, expire) under the booking's row lock, with the money side
 * of each move: confirmation commits the subsidy, an ending releases it, a cancellation charges the fee tier in
 * force. Which move is allowed is `nextStatus` of ./booking.ts, nowhere else.
 */
import { and, eq, inArray, lte } from 'drizzle-orm';
import { boothBookings, fairs as fairsTable } from '~/lib/db/schema-fairs';
import {
  amountDue,
  approvedExpiresAt,
  hasLapsed,
  nextStatus,
  type BookingEvent,
  type BookingStatus,
  type BookingView,
  type PaidBy,
} from './booking';
import { cancellationFee, type CancellationTier } from './fairs';
import {
  bookingView,
  fail,
  ok,
  type BookingRow,
  type FairRow,
  type FairsContext,
  type Result,
} from './store.server';
import { queueBookingNotice } from './booking-notices.server';
import { afterMove } from './booking-schedule.server';
import { refundCancelledBooking } from './booth-refunds.server';
import { commit, release } from './subsidy-ledger.server';
import { vietnamDay } from '~/lib/i18n';

/** What a move may record beside the new status. */
export interface MoveDetails {
  paidBy?: PaidBy;
  paymentRef?: string | null;
  note?: string | null;
  /** Who made the move, for the refund it may record (user:<id>, stripe:<event>, system). */
  actor?: string;
}

const ENDED: readonly BookingStatus[] = ['cancelled', 'expired', 'refused'];

/** Whether a booking's subsidy is committed (not only earmarked): upfront once confirmed, reimbursement once repaid. */
export function isCommitted(booking: BookingRow): boolean {
  if (booking.status !== 'confirmed') return false;
  return booking.flow === 'upfront' || booking.attendance === 'attended';
}

/** The columns a move to `to` changes, at `at`. */
function moveChanges(
  booking: BookingRow,
  fair: FairRow,
  to: BookingStatus,
  at: Date,
  details: MoveDetails,
): Partial<typeof boothBookings.$inferInsert> {
  const set: Partial<typeof boothBookings.$inferInsert> = { status: to };
  if (to === 'confirmed') {
    set.confirmedAt = at;
    set.expiresAt = null;
    set.paidBy = amountDue(booking) === 0 ? 'none' : (details.paidBy ?? null);
    if (details.paymentRef !== undefined) set.paymentRef = details.paymentRef;
  }
  if (to === 'pending') set.expiresAt = null;
  if (to === 'approved') set.expiresAt = approvedExpiresAt(at);
  if (ENDED.includes(to)) {
    set.endedAt = at;
    set.expiresAt = null;
  }
  if (to === 'cancelled') {
    const paid = booking.status === 'confirmed' ? amountDue(booking) : 0;
    const fee = cancellationFee(fair.cancellationTiers as CancellationTier[], paid, vietnamDay(at));
    set.cancellationFee = fee.fee;
    set.refund = fee.refund;
  }
  if (details.note !== undefined) set.note = details.note;
  return set;
}

/** Moves a booking by `event`, under its row lock, applying the money side of the move. */
export async function move(
  ctx: FairsContext,
  bookingId: string,
  event: BookingEvent,
  details: MoveDetails = {},
): Promise<Result<BookingView>> {
  const { db, now } = ctx;
  let moved: BookingRow | undefined;
  const result = await db.transaction(async (tx): Promise<Result<BookingView>> => {
    const [booking] = await tx
      .select()
      .from(boothBookings)
      .where(eq(boothBookings.id, bookingId))
      .for('update');
    if (!booking) return fail('NOT_FOUND', 'booking.notFound');
    const [fair] = await tx.select().from(fairsTable).where(eq(fairsTable.id, booking.fairId));
    const at = now();
    // A payment that arrives for a lapsed hold that nobody has taken yet still confirms it: the row kept the booth.
    if (hasLapsed(booking, at) && event !== 'expire' && event !== 'pay' && event !== 'cancel')
      return fail('CONFLICT', 'booking.lapsed');
    const to = nextStatus(booking.status, event, {
      needsApproval: fair!.needsApproval,
      producerPays: amountDue(booking),
    });
    if (!to) return fail('CONFLICT', `booking.cannot.${event}`, { bookingId: `booking.cannot.${event}` });
    const [row] = await tx
      .update(boothBookings)
      .set(moveChanges(booking, fair!, to, at, details))
      .where(eq(boothBookings.id, bookingId))
      .returning();
    // Reimbursement: the subsidy stays earmarked until the invoice and attendance are confirmed (./reimbursement.server.ts).
    if (to === 'confirmed' && booking.flow === 'upfront') await commit(tx, booking);
    // A no-show's subsidy was already released when it was clawed back.
    if (ENDED.includes(to) && booking.clawedBack === 0) await release(tx, booking, isCommitted(booking));
    if (to === 'cancelled') await refundCancelledBooking(tx, row!, details.actor ?? 'system');
    await queueBookingNotice(tx, bookingId);
    moved = { ...row!, checkoutSessionId: booking.checkoutSessionId };
    return ok(bookingView(row!));
  });
  // Once committed: the approval's own expiry and reminder; a lapsed booking's Checkout Session closed.
  if (moved) afterMove(ctx, moved);
  return result;
}

/** Releases holds and approvals whose time is up (of one fair, one booth, or one booking); returns how many lapsed. */
export async function expireLapsed(
  ctx: FairsContext,
  fairId?: string,
  boothId?: string,
  bookingId?: string,
): Promise<number> {
  const conditions = [
    inArray(boothBookings.status, ['held', 'approved']),
    lte(boothBookings.expiresAt, ctx.now()),
  ];
  if (fairId) conditions.push(eq(boothBookings.fairId, fairId));
  if (boothId) conditions.push(eq(boothBookings.boothId, boothId));
  if (bookingId) conditions.push(eq(boothBookings.id, bookingId));
  const lapsed = await ctx.db
    .select({ id: boothBookings.id })
    .from(boothBookings)
    .where(and(...conditions))
    .limit(500);
  let count = 0;
  for (const { id } of lapsed) {
    const result = await move(ctx, id, 'expire');
    if (result.ok) count += 1;
  }
  return count;
}
