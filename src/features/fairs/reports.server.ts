/**
 * Reports for promoters: the bookings of a fair (or of every fair drawing on a programme) as report rows, with
 * the plan's booth counts and the pool, handed to the pure report of ./report.ts.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { boothBookings, booths as boothsTable, fairs as fairsTable } from '~/lib/db/schema-fairs';
import { isActive, type BookingView } from './booking';
import { expireLapsed } from './booking-moves.server';
import { bookingsOfFair } from './bookings.server';
import { fairReport, type FairReport, type ReportBooking } from './report';
import { bookingView, fairView, findFair, findProgramme, type FairsContext } from './store.server';

/** A report, and the bookings it was made from (for the CSV download). */
export interface ReportWithBookings {
  report: FairReport;
  bookings: ReportBooking[];
}

/** The bookings as report rows: fair name, booth code and the producer's facts from the catalogue. */
async function reportRows(
  { db, producers }: FairsContext,
  bookings: BookingView[],
): Promise<ReportBooking[]> {
  const fairIds = [...new Set(bookings.map((b) => b.fairId))];
  const boothIds = [...new Set(bookings.map((b) => b.boothId))];
  const fairRows = fairIds.length
    ? await db.select().from(fairsTable).where(inArray(fairsTable.id, fairIds))
    : [];
  const boothRows = boothIds.length
    ? await db.select().from(boothsTable).where(inArray(boothsTable.id, boothIds))
    : [];
  const fairName = new Map(fairRows.map((f) => [f.id, fairView(f).name]));
  const boothCode = new Map(boothRows.map((b) => [b.id, b.code]));
  return bookings.map((b) => {
    const producer = producers(b.producerId);
    return {
      bookingId: b.id,
      fairId: b.fairId,
      fairName: fairName.get(b.fairId) ?? { vi: b.fairId, en: b.fairId },
      boothCode: boothCode.get(b.boothId) ?? '?',
      producerId: b.producerId,
      producerName: producer?.name ?? b.producerId,
      producerKind: producer?.kind ?? 'enterprise',
      provinceId: producer?.provinceId ?? '',
      commune: producer?.commune ?? '',
      status: b.status,
      total: b.total,
      subsidy: b.subsidy,
      producerPays: b.producerPays,
      shortfall: b.shortfall,
      submittedAt: b.submittedAt,
      paidBy: b.paidBy,
      vat: b.vat,
      flow: b.flow,
      rateBp: b.explanation.find((line) => line.key === 'chosen')?.rateBp ?? 0,
      invoiceNumber: b.invoiceNumber,
      invoiceDate: b.invoiceDate,
      attendance: b.attendance,
      repaid: b.repaid,
      clawedBack: b.clawedBack,
    };
  });
}

/** Booth counts of the plans of these fairs. */
async function boothCounts(
  { db }: FairsContext,
  fairIds: string[],
): Promise<{ total: number; blocked: number }> {
  const plan = fairIds.length
    ? await db
        .select({ blocked: boothsTable.blocked })
        .from(boothsTable)
        .where(inArray(boothsTable.fairId, fairIds))
    : [];
  return { total: plan.length, blocked: plan.filter((b) => b.blocked).length };
}

/** The report of one fair: its plan, bookings and the pool of its programme. */
async function reportOfFair(ctx: FairsContext, fairId: string): Promise<ReportWithBookings | undefined> {
  const fair = await findFair(ctx.db, fairId);
  if (!fair) return undefined;
  await expireLapsed(ctx, fair.id);
  const bookings = await bookingsOfFair(ctx, fair.id);
  const programme = fair.programmeId ? await findProgramme(ctx.db, fair.programmeId) : undefined;
  const sum = (list: BookingView[]) => list.reduce((total, b) => total + b.subsidy, 0);
  // A fair's own share of a programme shared with other fairs is what its bookings hold: committed once paid
  // (upfront) or repaid (reimbursement), earmarked while active otherwise; a no-show's was clawed back.
  const committed = (b: BookingView) =>
    b.status === 'confirmed' && (b.flow === 'upfront' || b.attendance === 'attended');
  const pool = programme
    ? {
        budget: programme.budget,
        committed: sum(bookings.filter(committed)),
        earmarked: sum(bookings.filter((b) => isActive(b.status) && !committed(b) && b.clawedBack === 0)),
      }
    : null;
  const rows = await reportRows(ctx, bookings);
  return {
    report: fairReport({ bookings: rows, booths: await boothCounts(ctx, [fair.id]), pool }),
    bookings: rows,
  };
}

/** The report of a programme over its period: every fair that draws on it. */
async function reportOfProgramme(
  ctx: FairsContext,
  programmeId: string,
): Promise<ReportWithBookings | undefined> {
  if (!(await findProgramme(ctx.db, programmeId))) return undefined;
  const fairRows = await ctx.db.select().from(fairsTable).where(eq(fairsTable.programmeId, programmeId));
  for (const f of fairRows) await expireLapsed(ctx, f.id);
  const ids = fairRows.map((f) => f.id);
  const bookings = ids.length
    ? await ctx.db
        .select()
        .from(boothBookings)
        .where(inArray(boothBookings.fairId, ids))
        .orderBy(asc(boothBookings.submittedAt))
    : [];
  const fresh = (await findProgramme(ctx.db, programmeId))!;
  const rows = await reportRows(ctx, bookings.map(bookingView));
  const pool = { budget: fresh.budget, committed: fresh.committed, earmarked: fresh.earmarked };
  return {
    report: fairReport({ bookings: rows, booths: await boothCounts(ctx, ids), pool }),
    bookings: rows,
  };
}

/** The reports service bound to a context. */
export function reportService(ctx: FairsContext) {
  return {
    reportOfFair: (fairId: string) => reportOfFair(ctx, fairId),
    reportOfProgramme: (programmeId: string) => reportOfProgramme(ctx, programmeId),
  };
}
