/**
 * Booth bookings: quoting what a producer would pay, holding a booth (exactly one of any number of simultaneous
 * holds wins: the partial unique index), the moves after it, and reading bookings. Writes are ordered so the
 * database constraints hold under concurrency: booking row first, then the pool's row lock, then the usage rows.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { boothBookings } from '~/lib/db/schema-fairs';
import { EMPTY_STANDING, NO_PROGRAMME, applicantFor, type ProducerFacts } from './applicants';
import { bookingProblems, holdExpiresAt, type BookingStatus, type BookingView } from './booking';
import { refundsOf, sendRequestedRefunds } from '~/lib/stripe/refund-ledger.server';
import type { RefundView } from '~/lib/stripe/refunds';
import { expireLapsed, move } from './booking-moves.server';
import { scheduleExpiry } from './booking-schedule.server';
import { expireDue, remindHold } from './booking-timers.server';
import { queueBookingNotice } from './booking-notices.server';
import { settleBoothCardPayment } from './booth-payment-settle.server';
import type { BoothCardPayment } from './booth-refunds.server';
import { fairCharges } from './fairs';
import { boothRent } from './floor-plan';
import {
  bookingView,
  fail,
  findBooking,
  findBooth,
  findFair,
  findProgramme,
  hasProblems,
  ok,
  type BoothRow,
  type FairRow,
  type FairsContext,
  type Result,
} from './store.server';
import { awaitGrant, enqueue } from './grant-queue.server';
import { recordAttendance, recordInvoice } from './reimbursement.server';
import { decide, eventOf } from './subsidy-ledger.server';
import {
  costWithVat,
  subsidyFor,
  type CostItem,
  type ExplanationLine,
  type SubsidyDecision,
} from './subsidies';
import { priorityOf } from './terms';

/** A hold request: the booth, the producer, the account placing it, and whether a promoter books for the producer. */
export interface HoldRequest {
  fairId: string;
  boothId: string;
  producerId: string;
  by: string | null;
  onBehalf?: boolean;
}

function costItemsFor(fair: FairRow, booth: BoothRow): CostItem[] {
  return [{ kind: 'rent', amount: boothRent(booth) }, ...fairCharges(fair)];
}

/** The explanation of a booking at a fair without a programme (VAT shown when the fair charges it). */
function noProgrammeLines(fair: FairRow, items: CostItem[]): ExplanationLine[] {
  return subsidyFor(items, applicantFor(ANYONE, []), NO_PROGRAMME, EMPTY_STANDING, eventOf(fair)).lines;
}

const ANYONE = { id: '', name: '', kind: 'enterprise', provinceId: '', commune: '', stars: null } as const;

/** What a producer would pay for a booth now, with the subsidy explained; writes nothing. */
async function quote(
  { db, producers }: FairsContext,
  fairId: string,
  boothId: string,
  producerId: string,
): Promise<Result<SubsidyDecision>> {
  const fair = await findFair(db, fairId);
  const booth = await findBooth(db, boothId);
  if (!fair || !booth || booth.fairId !== fair.id)
    return fail('NOT_FOUND', 'booking.boothNotInFair', { boothId: 'booking.boothNotInFair' });
  const producer = producers(producerId);
  if (!producer) return fail('BAD_REQUEST', 'invalid', { producerId: 'booking.producerUnknown' });
  const items = costItemsFor(fair, booth);
  if (!fair.programmeId)
    return ok(subsidyFor(items, applicantFor(producer, []), NO_PROGRAMME, EMPTY_STANDING, eventOf(fair)));
  const programme = await findProgramme(db, fair.programmeId);
  return ok(await decide(db, programme!, fair, producer, items));
}

/**
 * Holds a booth for a producer for the fair's hold minutes, earmarking its subsidy. Exactly one of any number
 * of simultaneous holds on a booth wins (the partial unique index); the others get CONFLICT `booking.taken`.
 */
async function hold(ctx: FairsContext, input: HoldRequest): Promise<Result<BookingView>> {
  const fair = await findFair(ctx.db, input.fairId);
  if (!fair) return fail('NOT_FOUND', 'fair.notFound', { fairId: 'fair.notFound' });
  const booth = await findBooth(ctx.db, input.boothId);
  const at = ctx.now();
  const problems = bookingProblems({
    fair,
    booth: booth ?? null,
    now: at,
    onBehalf: input.onBehalf ?? false,
  });
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  const producer = ctx.producers(input.producerId);
  if (!producer) return fail('BAD_REQUEST', 'invalid', { producerId: 'booking.producerUnknown' });
  // A lapsed hold on this booth is released first, in its own transaction, so this hold can take the booth.
  await expireLapsed(ctx, fair.id, booth!.id);
  const placed = await ctx.db.transaction((tx) =>
    placeHold(tx, ctx, { fair, booth: booth!, producer, input, at }),
  );
  if (!placed.ok) return placed;
  // The producer hears of the hold once its subsidy is decided (at once without a programme).
  if (fair.programmeId) await awaitGrant(ctx, fair.programmeId, placed.value.id, ctx.settleMs ?? 20);
  await queueBookingNotice(ctx.db, placed.value.id);
  const row = (await findBooking(ctx.db, placed.value.id))!;
  if (row.status === 'held' && row.expiresAt)
    scheduleExpiry(ctx, { id: row.id, since: at, expiresAt: row.expiresAt });
  return ok(bookingView(row));
}

/**
 * Inserts the hold (or finds the booth taken). Without a programme it is settled at once; with one it joins the
 * programme's grant queue, stamped under the pool's lock, and `awaitGrant` decides it in submission order.
 */
async function placeHold(
  tx: Database,
  ctx: FairsContext,
  hold: { fair: FairRow; booth: BoothRow; producer: ProducerFacts; input: HoldRequest; at: Date },
): Promise<Result<BookingView>> {
  const { fair, booth, producer, input, at } = hold;
  const items = costItemsFor(fair, booth);
  const { gross: total, vat } = costWithVat(items, eventOf(fair));
  const id = randomUUID();
  const inserted = await tx
    .insert(boothBookings)
    .values({
      id,
      fairId: fair.id,
      boothId: booth.id,
      producerId: producer.id,
      status: 'held',
      bookedBy: input.by,
      onBehalf: input.onBehalf ?? false,
      programmeId: fair.programmeId,
      costItems: items,
      total,
      vat,
      producerPays: total,
      submittedAt: at,
      expiresAt: holdExpiresAt(at, fair.holdMinutes),
    })
    .onConflictDoNothing({
      target: boothBookings.boothId,
      where: sql`status in ('held', 'pending', 'approved', 'confirmed')`,
    })
    .returning();
  if (inserted.length === 0) return fail('CONFLICT', 'booking.taken', { boothId: 'booking.taken' });
  if (!fair.programmeId) return ok(await settle(tx, id, noProgrammeLines(fair, items)));
  await enqueue(tx, ctx, { programmeId: fair.programmeId, bookingId: id, priority: priorityOf(producer) });
  return ok(bookingView(inserted[0]!));
}

/** Writes the explanation of a hold at a fair without a programme onto its row. */
async function settle(tx: Database, id: string, explanation: ExplanationLine[]): Promise<BookingView> {
  const [row] = await tx
    .update(boothBookings)
    .set({ explanation })
    .where(eq(boothBookings.id, id))
    .returning();
  return bookingView(row!);
}

/** The bookings of a fair (optionally in some states), in submission order. */
export async function bookingsOfFair(
  { db }: FairsContext,
  fairId: string,
  statuses?: BookingStatus[],
): Promise<BookingView[]> {
  const conditions = [eq(boothBookings.fairId, fairId)];
  if (statuses) conditions.push(inArray(boothBookings.status, statuses));
  const rows = await db
    .select()
    .from(boothBookings)
    .where(and(...conditions))
    .orderBy(asc(boothBookings.submittedAt), desc(boothBookings.priority), asc(boothBookings.id));
  return rows.map(bookingView);
}

/** A producer's bookings, latest first. */
async function bookingsOfProducer({ db }: FairsContext, producerId: string): Promise<BookingView[]> {
  const rows = await db
    .select()
    .from(boothBookings)
    .where(eq(boothBookings.producerId, producerId))
    .orderBy(desc(boothBookings.submittedAt));
  return rows.map(bookingView);
}

/** The bookings service bound to a context. */
export function bookingService(ctx: FairsContext) {
  return {
    quote: (fairId: string, boothId: string, producerId: string) => quote(ctx, fairId, boothId, producerId),
    hold: (input: HoldRequest) => hold(ctx, input),
    /** Producer sends its held booth for approval, or confirms it when nothing is owed. */
    submit: (id: string) => move(ctx, id, 'submit'),
    approve: (id: string, note?: string) => move(ctx, id, 'approve', { note: note ?? null }),
    refuse: (id: string, note?: string) => move(ctx, id, 'refuse', { note: note ?? null }),
    /** Records the producer's payment (card via Stripe, or a bank transfer the promoter saw arrive). */
    confirmPayment: (id: string, paidBy: 'card' | 'transfer', paymentRef: string | null) =>
      move(ctx, id, 'pay', { paidBy, paymentRef }),
    /** Cancels a booking; a confirmed card booking's share less the fee is refunded through Stripe. */
    cancel: async (id: string, actor?: string) => {
      const result = await move(ctx, id, 'cancel', actor ? { actor } : {});
      if (result.ok) await sendRequestedRefunds(ctx.db, ctx.payments ?? null);
      return result;
    },
    /** The refunds of a booking's card payments, oldest first (the booking page shows them). */
    refundsOfBooking: async (id: string): Promise<RefundView[]> =>
      (await refundsOf(ctx.db, 'booth', [id])).map(({ reference: _, ...refund }) => refund),
    /** Sends the refunds recorded and not yet accepted by Stripe (after a settled payment, or to retry). */
    sendRefunds: () => sendRequestedRefunds(ctx.db, ctx.payments ?? null),
    /** Applies a card payment Stripe reports paid: confirms its booking, or refunds it when it cannot. */
    settleCardPayment: (payment: BoothCardPayment, actor: string) =>
      settleBoothCardPayment(ctx, payment, actor),
    expireLapsed: (fairId?: string, boothId?: string) => expireLapsed(ctx, fairId, boothId),
    /** The job at a booking's expiry instant, and its reminder job (./booking-timers.server.ts). */
    expireDue: (bookingId: string) => expireDue(ctx, bookingId),
    remindHold: (bookingId: string, expiresAt: Date) => remindHold(ctx, bookingId, expiresAt),
    /** Reimbursement: the producer's invoice, and the promoter's attendance finding (repay or claw back). */
    recordInvoice: (id: string, invoice: unknown) => recordInvoice(ctx, id, invoice),
    recordAttendance: (id: string, attended: boolean) => recordAttendance(ctx, id, attended),
    getBooking: async (id: string): Promise<BookingView | undefined> => {
      const row = await findBooking(ctx.db, id);
      return row && bookingView(row);
    },
    bookingsOfProducer: (producerId: string) => bookingsOfProducer(ctx, producerId),
    bookingsOfFair: (fairId: string, statuses?: BookingStatus[]) => bookingsOfFair(ctx, fairId, statuses),
    /** Remembers the Checkout Session opened for a booking, to confirm it when the producer returns. */
    recordCheckoutSession: async (bookingId: string, sessionId: string): Promise<void> => {
      await ctx.db
        .update(boothBookings)
        .set({ checkoutSessionId: sessionId })
        .where(eq(boothBookings.id, bookingId));
    },
  };
}
