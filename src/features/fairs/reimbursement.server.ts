/**
 * The reimbursement flow's moves: the producer's invoice, and the promoter's attendance finding, which commits
 * the repayment in the ledger (attended) or releases the earmark and records the clawback (no-show). Both run
 * under the booking's row lock, then the pool's (the usual lock order).
 */
import { eq } from 'drizzle-orm';
import { boothBookings, fairs as fairsTable } from '~/lib/db/schema-fairs';
import { vietnamDay } from '~/lib/i18n';
import { attendanceProblems, invoiceProblems, invoiceSchema } from './reimbursement';
import { bookingView, fail, hasProblems, ok, type FairsContext, type Result } from './store.server';
import type { BookingView } from './booking';
import { commit, release } from './subsidy-ledger.server';

type Locked = Parameters<Parameters<FairsContext['db']['transaction']>[0]>[0];

async function lockBooking(tx: Locked, id: string) {
  const [booking] = await tx.select().from(boothBookings).where(eq(boothBookings.id, id)).for('update');
  if (!booking) return null;
  const [fair] = await tx.select().from(fairsTable).where(eq(fairsTable.id, booking.fairId));
  return { booking, fair: fair! };
}

/** Records the producer's invoice for a reimbursed booking (it may correct it until attendance is recorded). */
export async function recordInvoice(
  ctx: FairsContext,
  id: string,
  input: unknown,
): Promise<Result<BookingView>> {
  const parsed = invoiceSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return fail('BAD_REQUEST', 'invalid', fields);
  }
  return ctx.db.transaction(async (tx) => {
    const found = await lockBooking(tx, id);
    if (!found) return fail('NOT_FOUND', 'booking.notFound');
    const problems = invoiceProblems(found.booking, parsed.data, found.fair, vietnamDay(ctx.now()));
    if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
    const [row] = await tx
      .update(boothBookings)
      .set({ invoiceNumber: parsed.data.invoiceNumber, invoiceDate: parsed.data.invoiceDate })
      .where(eq(boothBookings.id, id))
      .returning();
    return ok(bookingView(row!));
  });
}

/** The promoter's finding: attended (the repayment is committed) or no-show (the subsidy is clawed back). */
export async function recordAttendance(
  ctx: FairsContext,
  id: string,
  attended: boolean,
): Promise<Result<BookingView>> {
  return ctx.db.transaction(async (tx) => {
    const found = await lockBooking(tx, id);
    if (!found) return fail('NOT_FOUND', 'booking.notFound');
    const { booking, fair } = found;
    const problems = attendanceProblems(booking, attended, fair, vietnamDay(ctx.now()));
    if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
    const [row] = await tx
      .update(boothBookings)
      .set(
        attended
          ? { attendance: 'attended', repaid: booking.subsidy }
          : { attendance: 'noShow', clawedBack: booking.subsidy },
      )
      .where(eq(boothBookings.id, id))
      .returning();
    if (attended) await commit(tx, booking);
    else await release(tx, booking, false);
    return ok(bookingView(row!));
  });
}
