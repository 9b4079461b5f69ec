/**
 * The fairs service: fairs, floor plans, subsidy programmes, booth holds and bookings, reports, on the shared
 * database. Every rule comes from the pure modules beside it; this file orders the writes so the database
 * constraints (schema-fairs.ts) hold under concurrency: booking row first (the one-active-per-booth index), then
 * the programme row lock (the pool), then the producer's usage rows.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  boothBookings,
  booths as boothsTable,
  fairs as fairsTable,
  subsidyFairUsage,
  subsidyLedger,
  subsidyProducerUsage,
  subsidyProgrammes,
} from '~/lib/db/schema-fairs';
import type { ProducerKind, Stars } from '~/features/catalog/catalog';
import {
  ACTIVE_STATUSES,
  approvedExpiresAt,
  bookingProblems,
  boothState,
  holdExpiresAt,
  nextStatus,
  type BookingEvent,
  type BookingStatus,
  type BoothState,
} from './booking';
import {
  cancellationFee,
  duplicateFair,
  fairCharges,
  fairProblems,
  fairSlug,
  vietnamDay,
  type CancellationTier,
  type Fair,
  type FairStatus,
} from './fairs';
import { boothRent, floorPlanProblems, type Booth } from './floor-plan';
import type { FieldProblems } from './problems';
import { fairReport, type FairReport, type ReportBooking } from './report';
import {
  isDisadvantagedCommune,
  programmeProblems,
  subsidyFor,
  type CostItem,
  type ExplanationLine,
  type SubsidyDecision,
  type SubsidyProgramme,
  type SubsidyRule,
} from './subsidies';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What the catalogue knows about a producer (name, kind, location, best valid stars). */
export interface ProducerFacts {
  id: string;
  name: string;
  kind: ProducerKind;
  provinceId: string;
  commune: string;
  stars: Stars | null;
}
export type ProducerDirectory = (producerId: string) => ProducerFacts | undefined;

export type Failure = {
  ok: false;
  code: 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT';
  fields: FieldProblems;
  message: string;
};
export type Result<T> = { ok: true; value: T } | Failure;

const fail = (code: Failure['code'], message: string, fields: FieldProblems = {}): Failure => ({
  ok: false,
  code,
  message,
  fields,
});
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export type FairRow = typeof fairsTable.$inferSelect;
export type BoothRow = typeof boothsTable.$inferSelect;
export type BookingRow = typeof boothBookings.$inferSelect;
export type ProgrammeRow = typeof subsidyProgrammes.$inferSelect;

export interface PlanBooth extends BoothRow {
  rent: number;
  state: BoothState;
  /** The producer holding or booking it (promoters see it; the public plan does not show it). */
  producerId: string | null;
}

export interface FairsOptions {
  db: Database;
  producers: ProducerDirectory;
  now?: () => Date;
}

/** The fairs service bound to a database and the catalogue's producers. */
export function createFairs({ db, producers, now = () => new Date() }: FairsOptions) {
  // ---------- programmes ----------

  async function createProgramme(
    provinceId: string,
    input: SubsidyProgramme,
    by: string | null,
  ): Promise<Result<ProgrammeRow>> {
    const problems = programmeProblems(input);
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    const [row] = await db
      .insert(subsidyProgrammes)
      .values({ id: randomUUID(), provinceId, createdBy: by, ...programmeColumns(input) })
      .returning();
    return ok(row!);
  }

  async function updateProgramme(id: string, input: SubsidyProgramme): Promise<Result<ProgrammeRow>> {
    const problems = programmeProblems(input);
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .update(subsidyProgrammes)
          .set(programmeColumns(input))
          .where(eq(subsidyProgrammes.id, id))
          .returning();
        if (!row) return fail('NOT_FOUND', 'programme.notFound');
        // Caps in force travel with the usage rows, so their CHECKs refuse a cap below what is already granted.
        await tx
          .update(subsidyProducerUsage)
          .set({ cap: input.capPerProducerPerPeriod, maxFairs: input.maxFairsPerProducer })
          .where(eq(subsidyProducerUsage.programmeId, id));
        await tx
          .update(subsidyFairUsage)
          .set({ cap: input.capPerProducerPerFair })
          .where(eq(subsidyFairUsage.programmeId, id));
        return ok(row);
      });
    } catch (error) {
      const constraint = violatedCheck(error);
      if (constraint)
        return fail('BAD_REQUEST', 'invalid', { [constraintField(constraint)]: 'programme.belowGranted' });
      throw error;
    }
  }

  async function getProgramme(id: string): Promise<ProgrammeRow | undefined> {
    const [row] = await db.select().from(subsidyProgrammes).where(eq(subsidyProgrammes.id, id));
    return row;
  }

  function listProgrammes(provinceId: string): Promise<ProgrammeRow[]> {
    return db
      .select()
      .from(subsidyProgrammes)
      .where(eq(subsidyProgrammes.provinceId, provinceId))
      .orderBy(desc(subsidyProgrammes.periodStart));
  }

  // ---------- fairs ----------

  async function checkProgramme(provinceId: string, programmeId: string | null): Promise<FieldProblems> {
    if (programmeId === null) return {};
    const programme = await getProgramme(programmeId);
    return programme && programme.provinceId === provinceId ? {} : { programmeId: 'fair.programmeUnknown' };
  }

  async function createFair(provinceId: string, input: Fair, by: string | null): Promise<Result<FairRow>> {
    const problems = {
      ...fairProblems(input, vietnamDay(now())),
      ...(await checkProgramme(provinceId, input.programmeId)),
    };
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    const id = randomUUID();
    const [row] = await db
      .insert(fairsTable)
      .values({
        id,
        slug: fairSlug(input.nameEn, id.slice(0, 6)),
        provinceId,
        createdBy: by,
        ...fairColumns(input),
      })
      .returning();
    return ok(row!);
  }

  async function updateFair(id: string, input: Fair): Promise<Result<FairRow>> {
    const current = await getFair(id);
    if (!current) return fail('NOT_FOUND', 'fair.notFound');
    const problems = {
      ...fairProblems(input, vietnamDay(now()), current),
      ...(await checkProgramme(current.provinceId, input.programmeId)),
    };
    if (current.programmeId !== input.programmeId && (await activeBookingCount(id)) > 0) {
      problems['programmeId'] ??= 'fair.programmeLocked';
    }
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    const [row] = await db
      .update(fairsTable)
      .set(fairColumns(input))
      .where(eq(fairsTable.id, id))
      .returning();
    return ok(row!);
  }

  async function setFairStatus(id: string, status: FairStatus): Promise<Result<FairRow>> {
    const fair = await getFair(id);
    if (!fair) return fail('NOT_FOUND', 'fair.notFound');
    if (status === 'published') {
      const plan = await db.select().from(boothsTable).where(eq(boothsTable.fairId, id));
      if (!plan.some((b) => !b.blocked)) return fail('BAD_REQUEST', 'invalid', { status: 'fair.noBooths' });
      if (fair.endsOn < vietnamDay(now())) return fail('BAD_REQUEST', 'invalid', { status: 'fair.over' });
    }
    const [row] = await db.update(fairsTable).set({ status }).where(eq(fairsTable.id, id)).returning();
    return ok(row!);
  }

  async function copyFair(id: string, by: string | null): Promise<Result<FairRow>> {
    const fair = await getFair(id);
    if (!fair) return fail('NOT_FOUND', 'fair.notFound');
    const copy = duplicateFair(fairFromRow(fair));
    const newId = randomUUID();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(fairsTable)
        .values({
          id: newId,
          slug: fairSlug(copy.nameEn, newId.slice(0, 6)),
          provinceId: fair.provinceId,
          createdBy: by,
          ...fairColumns(copy),
        })
        .returning();
      const plan = await tx.select().from(boothsTable).where(eq(boothsTable.fairId, id));
      if (plan.length)
        await tx.insert(boothsTable).values(plan.map((b) => ({ ...b, id: randomUUID(), fairId: newId })));
      return ok(row!);
    });
  }

  async function getFair(idOrSlug: string): Promise<FairRow | undefined> {
    const [row] = await db
      .select()
      .from(fairsTable)
      .where(sql`${fairsTable.id} = ${idOrSlug} or ${fairsTable.slug} = ${idOrSlug}`);
    return row;
  }

  function listFairs(filter: { provinceId?: string; publishedOnly?: boolean }): Promise<FairRow[]> {
    const conditions = [];
    if (filter.provinceId) conditions.push(eq(fairsTable.provinceId, filter.provinceId));
    if (filter.publishedOnly) conditions.push(eq(fairsTable.status, 'published'));
    return db
      .select()
      .from(fairsTable)
      .where(and(...conditions))
      .orderBy(asc(fairsTable.startsOn), asc(fairsTable.nameVi));
  }

  async function activeBookingCount(fairId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(boothBookings)
      .where(and(eq(boothBookings.fairId, fairId), inArray(boothBookings.status, [...ACTIVE_STATUSES])));
    return Number(row?.n ?? 0);
  }

  /** Field problems of a fair form on today's date (and, when editing, against the stored fair); writes nothing. */
  async function fairFormProblems(input: Fair, fairId: string | null): Promise<FieldProblems> {
    const previous = fairId ? await getFair(fairId) : undefined;
    return fairProblems(input, vietnamDay(now()), previous);
  }

  /** Field problems of a floor plan for a fair: geometry against its hall; writes nothing. */
  async function floorPlanFormProblems(fairId: string, plan: Booth[]): Promise<FieldProblems> {
    const fair = await getFair(fairId);
    if (!fair) return { fairId: 'fair.notFound' };
    return floorPlanProblems({ width: fair.hallWidth, depth: fair.hallDepth }, plan);
  }

  // ---------- floor plan ----------

  /** Replaces a fair's plan. Booths keep their id by code; a booth with an active booking cannot be removed or changed. */
  async function saveFloorPlan(fairId: string, plan: Booth[]): Promise<Result<{ booths: number }>> {
    const fair = await getFair(fairId);
    if (!fair) return fail('NOT_FOUND', 'fair.notFound');
    const problems = floorPlanProblems({ width: fair.hallWidth, depth: fair.hallDepth }, plan);
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    return db.transaction(async (tx) => {
      const existing = await tx.select().from(boothsTable).where(eq(boothsTable.fairId, fairId));
      const active = await tx
        .select({ boothId: boothBookings.boothId })
        .from(boothBookings)
        .where(and(eq(boothBookings.fairId, fairId), inArray(boothBookings.status, [...ACTIVE_STATUSES])));
      const booked = new Set(active.map((a) => a.boothId));
      const byCode = new Map(existing.map((b) => [b.code, b]));
      const kept = new Set<string>();
      const locked: FieldProblems = {};
      plan.forEach((booth, i) => {
        const old = byCode.get(booth.code);
        if (old && booked.has(old.id) && !sameBooth(old, booth))
          locked[`booths.${i}.code`] = `booth.booked|${booth.code}`;
      });
      for (const old of existing) {
        if (booked.has(old.id) && !plan.some((b) => b.code === old.code))
          locked['booths'] ??= `booth.removeBooked|${old.code}`;
      }
      if (Object.keys(locked).length) return fail('BAD_REQUEST', 'invalid', locked);
      for (const booth of plan) {
        const old = byCode.get(booth.code);
        if (old) {
          kept.add(old.id);
          await tx.update(boothsTable).set(booth).where(eq(boothsTable.id, old.id));
        } else {
          await tx.insert(boothsTable).values({ id: randomUUID(), fairId, ...booth });
        }
      }
      const removed = existing.filter((b) => !kept.has(b.id)).map((b) => b.id);
      if (removed.length) await tx.delete(boothsTable).where(inArray(boothsTable.id, removed));
      return ok({ booths: plan.length });
    });
  }

  /** The plan with each booth's state now (lapsed holds of the fair are released first). */
  async function floorPlan(fairId: string): Promise<PlanBooth[]> {
    await expireLapsed(fairId);
    const rows = await db
      .select()
      .from(boothsTable)
      .where(eq(boothsTable.fairId, fairId))
      .orderBy(asc(boothsTable.code));
    const active = await db
      .select()
      .from(boothBookings)
      .where(and(eq(boothBookings.fairId, fairId), inArray(boothBookings.status, [...ACTIVE_STATUSES])));
    const byBooth = new Map(active.map((b) => [b.boothId, b]));
    const at = now();
    return rows.map((b) => {
      const booking = byBooth.get(b.id) ?? null;
      return {
        ...b,
        rent: boothRent(b),
        state: boothState(b, booking, at),
        producerId: booking?.producerId ?? null,
      };
    });
  }

  // ---------- quotes and holds ----------

  function costItemsFor(fair: FairRow, booth: BoothRow): CostItem[] {
    return [{ kind: 'rent', amount: boothRent(booth) }, ...fairCharges(fair)];
  }

  /** What a producer would pay for a booth now, with the subsidy explained; writes nothing. */
  async function quote(
    fairId: string,
    boothId: string,
    producerId: string,
  ): Promise<Result<SubsidyDecision>> {
    const fair = await getFair(fairId);
    const [booth] = await db.select().from(boothsTable).where(eq(boothsTable.id, boothId));
    if (!fair || !booth || booth.fairId !== fair.id)
      return fail('NOT_FOUND', 'booking.boothNotInFair', { boothId: 'booking.boothNotInFair' });
    const producer = producers(producerId);
    if (!producer) return fail('BAD_REQUEST', 'invalid', { producerId: 'booking.producerUnknown' });
    const items = costItemsFor(fair, booth);
    if (!fair.programmeId)
      return ok(
        subsidyFor(
          items,
          applicantOf(producer, []),
          {
            rules: [],
            maxProducers: null,
            capPerProducerPerFair: null,
            capPerProducerPerPeriod: null,
            maxFairsPerProducer: null,
          },
          emptyStanding,
        ),
      );
    const programme = await getProgramme(fair.programmeId);
    return ok(await decide(db, programme!, fair.id, producer, items));
  }

  async function decide(
    tx: Tx | Database,
    programme: ProgrammeRow,
    fairId: string,
    producer: ProducerFacts,
    items: CostItem[],
  ): Promise<SubsidyDecision & { newProducer: boolean; newFair: boolean }> {
    // Issued together: postgres-js pipelines them on the transaction's connection (fewer round trips under lock).
    const [[usage], [fairUsage]] = await Promise.all([
      tx
        .select()
        .from(subsidyProducerUsage)
        .where(
          and(
            eq(subsidyProducerUsage.programmeId, programme.id),
            eq(subsidyProducerUsage.producerId, producer.id),
          ),
        ),
      tx
        .select()
        .from(subsidyFairUsage)
        .where(
          and(
            eq(subsidyFairUsage.programmeId, programme.id),
            eq(subsidyFairUsage.producerId, producer.id),
            eq(subsidyFairUsage.fairId, fairId),
          ),
        ),
    ]);
    const rules = programme.rules as SubsidyRule[];
    const decision = subsidyFor(
      items,
      applicantOf(producer, programme.disadvantagedCommunes as string[]),
      { ...programme, rules },
      {
        poolRemaining: programme.budget - programme.earmarked - programme.committed,
        producersSupported: programme.producersSupported,
        producerSupported: (usage?.amount ?? 0) > 0,
        producerFairUsed: fairUsage?.amount ?? 0,
        producerPeriodUsed: usage?.amount ?? 0,
        producerFairsSupported: usage?.fairs ?? 0,
      },
    );
    return { ...decision, newProducer: (usage?.amount ?? 0) === 0, newFair: (fairUsage?.amount ?? 0) === 0 };
  }

  /**
   * Holds a booth for a producer for the fair's hold minutes, earmarking its subsidy. Exactly one of any number
   * of simultaneous holds on a booth wins (the partial unique index); the others get CONFLICT `booking.taken`.
   */
  async function hold(input: {
    fairId: string;
    boothId: string;
    producerId: string;
    by: string | null;
    onBehalf?: boolean;
  }): Promise<Result<BookingRow>> {
    const fair = await getFair(input.fairId);
    if (!fair) return fail('NOT_FOUND', 'fair.notFound', { fairId: 'fair.notFound' });
    const [booth] = await db.select().from(boothsTable).where(eq(boothsTable.id, input.boothId));
    const at = now();
    const problems = bookingProblems({
      fair: { ...fair, status: fair.status },
      booth: booth ?? null,
      now: at,
      onBehalf: input.onBehalf ?? false,
    });
    if (Object.keys(problems).length) return fail('BAD_REQUEST', 'invalid', problems);
    const producer = producers(input.producerId);
    if (!producer) return fail('BAD_REQUEST', 'invalid', { producerId: 'booking.producerUnknown' });
    // A lapsed hold on this booth is released first, in its own transaction, so this hold can take the booth.
    await expireLapsed(fair.id, booth!.id);
    const items = costItemsFor(fair, booth!);
    const total = items.reduce((sum, item) => sum + item.amount, 0);
    return db.transaction(async (tx) => {
      const id = randomUUID();
      const inserted = await tx
        .insert(boothBookings)
        .values({
          id,
          fairId: fair.id,
          boothId: booth!.id,
          producerId: producer.id,
          status: 'held',
          bookedBy: input.by,
          onBehalf: input.onBehalf ?? false,
          programmeId: fair.programmeId,
          costItems: items,
          total,
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
      if (!fair.programmeId) {
        const [row] = await tx
          .update(boothBookings)
          .set({ explanation: noProgrammeLines(total) })
          .where(eq(boothBookings.id, id))
          .returning();
        return ok(row!);
      }
      const [programme] = await tx
        .select()
        .from(subsidyProgrammes)
        .where(eq(subsidyProgrammes.id, fair.programmeId))
        .for('no key update');
      const decision = await decide(tx, programme!, fair.id, producer, items);
      if (decision.subsidy > 0) {
        await allocate(tx, programme!, {
          fairId: fair.id,
          producerId: producer.id,
          bookingId: id,
          amount: decision.subsidy,
          newProducer: decision.newProducer,
          newFair: decision.newFair,
        });
      }
      const [row] = await tx
        .update(boothBookings)
        .set({
          subsidy: decision.subsidy,
          producerPays: decision.producerPays,
          shortfall: decision.shortfall,
          explanation: decision.lines,
        })
        .where(eq(boothBookings.id, id))
        .returning();
      return ok(row!);
    });
  }

  /**
   * Earmarks `amount` for a producer at a fair. The caller holds the programme row lock and read the usage rows
   * under it (`newProducer` / `newFair`); the four writes are independent and go out together.
   */
  async function allocate(
    tx: Tx,
    programme: ProgrammeRow,
    allocation: {
      fairId: string;
      producerId: string;
      bookingId: string;
      amount: number;
      newProducer: boolean;
      newFair: boolean;
    },
  ) {
    const { fairId, producerId, bookingId, amount, newProducer, newFair } = allocation;
    await Promise.all([
      tx
        .update(subsidyProgrammes)
        .set({
          earmarked: sql`${subsidyProgrammes.earmarked} + ${amount}`,
          producersSupported: sql`${subsidyProgrammes.producersSupported} + ${newProducer ? 1 : 0}`,
        })
        .where(eq(subsidyProgrammes.id, programme.id)),
      tx
        .insert(subsidyProducerUsage)
        .values({
          programmeId: programme.id,
          producerId,
          amount,
          fairs: 1,
          cap: programme.capPerProducerPerPeriod,
          maxFairs: programme.maxFairsPerProducer,
        })
        .onConflictDoUpdate({
          target: [subsidyProducerUsage.programmeId, subsidyProducerUsage.producerId],
          set: {
            amount: sql`${subsidyProducerUsage.amount} + ${amount}`,
            fairs: sql`${subsidyProducerUsage.fairs} + ${newFair ? 1 : 0}`,
          },
        }),
      tx
        .insert(subsidyFairUsage)
        .values({
          programmeId: programme.id,
          producerId,
          fairId,
          amount,
          cap: programme.capPerProducerPerFair,
        })
        .onConflictDoUpdate({
          target: [subsidyFairUsage.programmeId, subsidyFairUsage.producerId, subsidyFairUsage.fairId],
          set: { amount: sql`${subsidyFairUsage.amount} + ${amount}` },
        }),
      tx
        .insert(subsidyLedger)
        .values({ programmeId: programme.id, producerId, fairId, bookingId, entry: 'earmark', amount }),
    ]);
  }

  /** Returns a booking's subsidy to the pool (from earmarked or committed); the caller holds the booking row. */
  async function release(tx: Tx, booking: BookingRow, wasConfirmed: boolean) {
    if (!booking.programmeId || booking.subsidy === 0) return;
    const amount = booking.subsidy;
    await tx
      .select({ id: subsidyProgrammes.id })
      .from(subsidyProgrammes)
      .where(eq(subsidyProgrammes.id, booking.programmeId))
      .for('no key update');
    const [fairUsage] = await tx
      .update(subsidyFairUsage)
      .set({ amount: sql`${subsidyFairUsage.amount} - ${amount}` })
      .where(
        and(
          eq(subsidyFairUsage.programmeId, booking.programmeId),
          eq(subsidyFairUsage.producerId, booking.producerId),
          eq(subsidyFairUsage.fairId, booking.fairId),
        ),
      )
      .returning();
    const [usage] = await tx
      .update(subsidyProducerUsage)
      .set({
        amount: sql`${subsidyProducerUsage.amount} - ${amount}`,
        fairs: sql`${subsidyProducerUsage.fairs} - ${fairUsage!.amount === 0 ? 1 : 0}`,
      })
      .where(
        and(
          eq(subsidyProducerUsage.programmeId, booking.programmeId),
          eq(subsidyProducerUsage.producerId, booking.producerId),
        ),
      )
      .returning();
    await tx
      .update(subsidyProgrammes)
      .set({
        ...(wasConfirmed
          ? { committed: sql`${subsidyProgrammes.committed} - ${amount}` }
          : { earmarked: sql`${subsidyProgrammes.earmarked} - ${amount}` }),
        producersSupported: sql`${subsidyProgrammes.producersSupported} - ${usage!.amount === 0 ? 1 : 0}`,
      })
      .where(eq(subsidyProgrammes.id, booking.programmeId));
    await tx.insert(subsidyLedger).values({
      programmeId: booking.programmeId,
      producerId: booking.producerId,
      fairId: booking.fairId,
      bookingId: booking.id,
      entry: 'release',
      releasedFrom: wasConfirmed ? 'committed' : 'earmarked',
      amount,
    });
  }

  /** Moves a booking by `event`, under its row lock, applying the money side of the move. */
  async function move(
    bookingId: string,
    event: BookingEvent,
    extra: { paidBy?: 'card' | 'transfer' | 'none'; paymentRef?: string | null; note?: string | null } = {},
  ): Promise<Result<BookingRow>> {
    return db.transaction(async (tx) => {
      const [booking] = await tx
        .select()
        .from(boothBookings)
        .where(eq(boothBookings.id, bookingId))
        .for('update');
      if (!booking) return fail('NOT_FOUND', 'booking.notFound');
      const [fair] = await tx.select().from(fairsTable).where(eq(fairsTable.id, booking.fairId));
      const at = now();
      const lapsed =
        (booking.status === 'held' || booking.status === 'approved') &&
        booking.expiresAt !== null &&
        booking.expiresAt <= at;
      // A payment that arrives for a lapsed hold that nobody has taken yet still confirms it: the row kept the booth.
      if (lapsed && event !== 'expire' && event !== 'pay' && event !== 'cancel')
        return fail('CONFLICT', 'booking.lapsed');
      const to = nextStatus(booking.status, event, {
        needsApproval: fair!.needsApproval,
        producerPays: booking.producerPays,
      });
      if (!to) return fail('CONFLICT', `booking.cannot.${event}`, { bookingId: `booking.cannot.${event}` });
      const set: Partial<typeof boothBookings.$inferInsert> = { status: to };
      if (to === 'confirmed') {
        set.confirmedAt = at;
        set.expiresAt = null;
        set.paidBy = booking.producerPays === 0 ? 'none' : (extra.paidBy ?? null);
        if (extra.paymentRef !== undefined) set.paymentRef = extra.paymentRef;
      }
      if (to === 'pending') set.expiresAt = null;
      if (to === 'approved') set.expiresAt = approvedExpiresAt(at);
      if (to === 'cancelled' || to === 'expired' || to === 'refused') {
        set.endedAt = at;
        set.expiresAt = null;
        if (to === 'cancelled') {
          const paid = booking.status === 'confirmed' ? booking.producerPays : 0;
          const fee = cancellationFee(fair!.cancellationTiers as CancellationTier[], paid, vietnamDay(at));
          set.cancellationFee = fee.fee;
          set.refund = fee.refund;
        }
      }
      if (extra.note !== undefined) set.note = extra.note;
      const [row] = await tx
        .update(boothBookings)
        .set(set)
        .where(eq(boothBookings.id, bookingId))
        .returning();
      if (to === 'confirmed' && booking.programmeId && booking.subsidy > 0) {
        // The UPDATE takes the pool row's lock itself; the ledger row goes out in the same round trip.
        await Promise.all([
          tx
            .update(subsidyProgrammes)
            .set({
              earmarked: sql`${subsidyProgrammes.earmarked} - ${booking.subsidy}`,
              committed: sql`${subsidyProgrammes.committed} + ${booking.subsidy}`,
            })
            .where(eq(subsidyProgrammes.id, booking.programmeId)),
          tx.insert(subsidyLedger).values({
            programmeId: booking.programmeId,
            producerId: booking.producerId,
            fairId: booking.fairId,
            bookingId,
            entry: 'commit',
            amount: booking.subsidy,
          }),
        ]);
      }
      if (to === 'cancelled' || to === 'expired' || to === 'refused')
        await release(tx, booking, booking.status === 'confirmed');
      return ok(row!);
    });
  }

  /** Releases holds and approvals whose time is up (of one fair, or one booth); returns how many lapsed. */
  async function expireLapsed(fairId?: string, boothId?: string): Promise<number> {
    const conditions = [
      inArray(boothBookings.status, ['held', 'approved']),
      lte(boothBookings.expiresAt, now()),
    ];
    if (fairId) conditions.push(eq(boothBookings.fairId, fairId));
    if (boothId) conditions.push(eq(boothBookings.boothId, boothId));
    const lapsed = await db
      .select({ id: boothBookings.id })
      .from(boothBookings)
      .where(and(...conditions))
      .limit(500);
    let count = 0;
    for (const { id } of lapsed) {
      const result = await move(id, 'expire');
      if (result.ok) count += 1;
    }
    return count;
  }

  async function getBooking(id: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(boothBookings).where(eq(boothBookings.id, id));
    return row;
  }

  function bookingsOfProducer(producerId: string): Promise<BookingRow[]> {
    return db
      .select()
      .from(boothBookings)
      .where(eq(boothBookings.producerId, producerId))
      .orderBy(desc(boothBookings.submittedAt));
  }

  function bookingsOfFair(fairId: string, statuses?: BookingStatus[]): Promise<BookingRow[]> {
    const conditions = [eq(boothBookings.fairId, fairId)];
    if (statuses) conditions.push(inArray(boothBookings.status, statuses));
    return db
      .select()
      .from(boothBookings)
      .where(and(...conditions))
      .orderBy(asc(boothBookings.submittedAt), asc(boothBookings.id));
  }

  async function recordCheckoutSession(bookingId: string, sessionId: string): Promise<void> {
    await db
      .update(boothBookings)
      .set({ checkoutSessionId: sessionId })
      .where(eq(boothBookings.id, bookingId));
  }

  // ---------- reports ----------

  async function reportRows(bookings: BookingRow[]): Promise<ReportBooking[]> {
    const fairIds = [...new Set(bookings.map((b) => b.fairId))];
    const boothIds = [...new Set(bookings.map((b) => b.boothId))];
    const fairRows = fairIds.length
      ? await db.select().from(fairsTable).where(inArray(fairsTable.id, fairIds))
      : [];
    const boothRows = boothIds.length
      ? await db.select().from(boothsTable).where(inArray(boothsTable.id, boothIds))
      : [];
    const fairName = new Map(fairRows.map((f) => [f.id, f.nameVi]));
    const boothCode = new Map(boothRows.map((b) => [b.id, b.code]));
    return bookings.map((b) => {
      const producer = producers(b.producerId);
      return {
        bookingId: b.id,
        fairId: b.fairId,
        fairName: fairName.get(b.fairId) ?? b.fairId,
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
      };
    });
  }

  /** The report of one fair: its plan, bookings and the pool of its programme. */
  async function reportOfFair(
    fairId: string,
  ): Promise<{ report: FairReport; bookings: ReportBooking[] } | undefined> {
    const fair = await getFair(fairId);
    if (!fair) return undefined;
    await expireLapsed(fair.id);
    const plan = await db
      .select({ blocked: boothsTable.blocked })
      .from(boothsTable)
      .where(eq(boothsTable.fairId, fair.id));
    const bookings = await bookingsOfFair(fair.id);
    const programme = fair.programmeId ? await getProgramme(fair.programmeId) : undefined;
    // A fair's own share of a programme shared with other fairs is what its bookings hold.
    const fairPool = programme
      ? {
          budget: programme.budget,
          committed: bookings.filter((b) => b.status === 'confirmed').reduce((s, b) => s + b.subsidy, 0),
          earmarked: bookings
            .filter((b) => b.status !== 'confirmed' && ACTIVE_STATUSES.includes(b.status as never))
            .reduce((s, b) => s + b.subsidy, 0),
        }
      : null;
    const rows = await reportRows(bookings);
    return {
      report: fairReport({
        bookings: rows,
        booths: { total: plan.length, blocked: plan.filter((b) => b.blocked).length },
        pool: fairPool,
      }),
      bookings: rows,
    };
  }

  /** The report of a programme over its period: every fair that draws on it. */
  async function reportOfProgramme(
    programmeId: string,
  ): Promise<{ report: FairReport; bookings: ReportBooking[] } | undefined> {
    const programme = await getProgramme(programmeId);
    if (!programme) return undefined;
    const fairRows = await db.select().from(fairsTable).where(eq(fairsTable.programmeId, programmeId));
    for (const f of fairRows) await expireLapsed(f.id);
    const ids = fairRows.map((f) => f.id);
    const plan = ids.length
      ? await db
          .select({ blocked: boothsTable.blocked })
          .from(boothsTable)
          .where(inArray(boothsTable.fairId, ids))
      : [];
    const bookings = ids.length
      ? await db
          .select()
          .from(boothBookings)
          .where(inArray(boothBookings.fairId, ids))
          .orderBy(asc(boothBookings.submittedAt))
      : [];
    const fresh = (await getProgramme(programmeId))!;
    const rows = await reportRows(bookings);
    const pool = { budget: fresh.budget, committed: fresh.committed, earmarked: fresh.earmarked };
    return {
      report: fairReport({
        bookings: rows,
        booths: { total: plan.length, blocked: plan.filter((b) => b.blocked).length },
        pool,
      }),
      bookings: rows,
    };
  }

  return {
    createProgramme,
    updateProgramme,
    getProgramme,
    listProgrammes,
    createFair,
    updateFair,
    fairFormProblems,
    floorPlanFormProblems,
    setFairStatus,
    copyFair,
    getFair,
    listFairs,
    saveFloorPlan,
    floorPlan,
    quote,
    hold,
    /** Producer sends its held booth for approval, or confirms it when nothing is owed. */
    submit: (id: string) => move(id, 'submit'),
    approve: (id: string, note?: string) => move(id, 'approve', { note: note ?? null }),
    refuse: (id: string, note?: string) => move(id, 'refuse', { note: note ?? null }),
    /** Records the producer's payment (card via Stripe, or a bank transfer the promoter saw arrive). */
    confirmPayment: (id: string, paidBy: 'card' | 'transfer', paymentRef: string | null) =>
      move(id, 'pay', { paidBy, paymentRef }),
    cancel: (id: string) => move(id, 'cancel'),
    expireLapsed,
    getBooking,
    bookingsOfProducer,
    bookingsOfFair,
    recordCheckoutSession,
    reportOfFair,
    reportOfProgramme,
  };
}
export type Fairs = ReturnType<typeof createFairs>;

const emptyStanding = {
  poolRemaining: 0,
  producersSupported: 0,
  producerSupported: false,
  producerFairUsed: 0,
  producerPeriodUsed: 0,
  producerFairsSupported: 0,
};

function noProgrammeLines(total: number): ExplanationLine[] {
  return [
    { key: 'total', amount: total },
    { key: 'noRules' },
    { key: 'subsidy', amount: 0 },
    { key: 'producerPays', amount: total },
  ];
}

function applicantOf(producer: ProducerFacts, disadvantagedCommunes: string[]) {
  return {
    producerId: producer.id,
    kind: producer.kind,
    provinceId: producer.provinceId,
    disadvantagedCommune: isDisadvantagedCommune(producer.commune, disadvantagedCommunes),
    stars: producer.stars,
  };
}

function programmeColumns(input: SubsidyProgramme) {
  return {
    name: input.name,
    budget: input.budget,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    maxProducers: input.maxProducers,
    capPerProducerPerFair: input.capPerProducerPerFair,
    capPerProducerPerPeriod: input.capPerProducerPerPeriod,
    maxFairsPerProducer: input.maxFairsPerProducer,
    rules: input.rules,
    disadvantagedCommunes: input.disadvantagedCommunes,
  };
}

function fairColumns(input: Fair) {
  return { ...input };
}

/** The stored fair as the pure module's Fair. */
export function fairFromRow(row: FairRow): Fair {
  return {
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    venue: row.venue,
    city: row.city,
    organiser: row.organiser,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    applicationDeadline: row.applicationDeadline,
    needsApproval: row.needsApproval,
    holdMinutes: row.holdMinutes,
    hallWidth: row.hallWidth,
    hallDepth: row.hallDepth,
    serviceFee: row.serviceFee,
    decorationFee: row.decorationFee,
    electricityFee: row.electricityFee,
    cancellationTiers: row.cancellationTiers as CancellationTier[],
    programmeId: row.programmeId,
  };
}

/** The stored programme as the pure module's SubsidyProgramme. */
export function programmeFromRow(row: ProgrammeRow): SubsidyProgramme {
  return {
    name: row.name,
    budget: row.budget,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    maxProducers: row.maxProducers,
    capPerProducerPerFair: row.capPerProducerPerFair,
    capPerProducerPerPeriod: row.capPerProducerPerPeriod,
    maxFairsPerProducer: row.maxFairsPerProducer,
    disadvantagedCommunes: row.disadvantagedCommunes as string[],
    rules: row.rules as SubsidyRule[],
  };
}

function sameBooth(old: BoothRow, next: Booth): boolean {
  return (
    old.x === next.x &&
    old.y === next.y &&
    old.width === next.width &&
    old.depth === next.depth &&
    old.openSides === next.openSides &&
    old.pricing === next.pricing &&
    old.price === next.price &&
    old.openSidePremium === next.openSidePremium &&
    old.blocked === next.blocked
  );
}

/** The name of a CHECK constraint a database error reports, through Drizzle's wrapper, or null. */
function violatedCheck(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
    if (e.code === '23514') return e.constraint ?? e.constraint_name ?? 'check';
    current = e.cause;
  }
  return null;
}

function constraintField(constraint: string): string {
  if (constraint.includes('pool') || constraint.includes('budget')) return 'budget';
  if (constraint.includes('producers_within')) return 'maxProducers';
  if (constraint.includes('fair_usage')) return 'capPerProducerPerFair';
  if (constraint.includes('usage_fairs')) return 'maxFairsPerProducer';
  return 'capPerProducerPerPeriod';
}
