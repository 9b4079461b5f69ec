/**
 * A programme's budget pool and ledger: reading where a producer stands (under the pool's row lock), earmarking a
 * booking's subsidy, committing it on confirmation and releasing it on cancellation, expiry or refusal. Every
 * movement writes a ledger row; the database CHECKs on the pool and usage rows refuse any overdraft.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  boothBookings,
  fairs as fairsTable,
  subsidyFairUsage,
  subsidyLedger,
  subsidyProducerUsage,
  subsidyProgrammes,
} from '~/lib/db/schema-fairs';
import { applicantFor, type ProducerFacts } from './applicants';
import type { BookingRow, FairRow, ProgrammeRow } from './store.server';
import {
  subsidyFor,
  type CostItem,
  type SubsidyDecision,
  type SubsidyEvent,
  type SubsidyRule,
  type SubsidyStanding,
} from './subsidies';
import { programmeTermsSchema } from './terms';

/** A subsidy decision, and whether it is the producer's first in the programme and at this fair. */
export type Allocation = SubsidyDecision & { newProducer: boolean; newFair: boolean };

/** Locks the programme's pool row until the transaction ends (allocations on one pool go one at a time). */
export async function lockPool(tx: Database, programmeId: string): Promise<ProgrammeRow> {
  const [programme] = await tx
    .select()
    .from(subsidyProgrammes)
    .where(eq(subsidyProgrammes.id, programmeId))
    .for('no key update');
  return programme!;
}

/** The fair as the subsidy engine sees it: area class, edition and how it quotes VAT. */
export function eventOf(fair: FairRow): SubsidyEvent {
  return {
    areaClass: fair.areaClass,
    edition: fair.edition,
    vatMode: fair.vatMode,
    vatRateBp: fair.vatRateBp,
  };
}

/**
 * The producer's supported participations (bookings with a subsidy still granted, in any programme) other than
 * `except`: over its lifetime, in the fair's calendar year, and at this fair.
 */
export async function participationsOf(
  tx: Database,
  producerId: string,
  fair: FairRow,
  except: string | null,
): Promise<NonNullable<SubsidyStanding['participations']>> {
  const year = fair.startsOn.slice(0, 4);
  const [row] = await tx
    .select({
      lifetime: sql<number>`count(*)::int`,
      year: sql<number>`(count(*) filter (where to_char(${fairsTable.startsOn}, 'YYYY') = ${year}))::int`,
      fair: sql<number>`(count(*) filter (where ${boothBookings.fairId} = ${fair.id}))::int`,
    })
    .from(boothBookings)
    .innerJoin(fairsTable, eq(fairsTable.id, boothBookings.fairId))
    .where(
      and(
        eq(boothBookings.producerId, producerId),
        sql`${boothBookings.status} in ('held', 'pending', 'approved', 'confirmed')`,
        sql`${boothBookings.subsidy} > ${boothBookings.clawedBack}`,
        except === null ? undefined : ne(boothBookings.id, except),
      ),
    );
  return { lifetime: row?.lifetime ?? 0, year: row?.year ?? 0, fair: row?.fair ?? 0 };
}

/** The subsidy the programme's rules give a producer for these costs, given what it already has. */
export async function decide(
  tx: Database,
  programme: ProgrammeRow,
  fair: FairRow,
  producer: ProducerFacts,
  items: CostItem[],
  bookingId: string | null = null,
): Promise<Allocation> {
  const fairId = fair.id;
  // Issued together: postgres-js pipelines them on the transaction's connection (fewer round trips under lock).
  const [[usage], [fairUsage], participations] = await Promise.all([
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
    participationsOf(tx, producer.id, fair, bookingId),
  ]);
  const decision = subsidyFor(
    items,
    applicantFor(producer, programme.disadvantagedCommunes as string[]),
    {
      ...programme,
      rules: programme.rules as SubsidyRule[],
      terms: programmeTermsSchema.parse(programme.terms),
    },
    {
      participations,
      poolRemaining: programme.budget - programme.earmarked - programme.committed,
      producersSupported: programme.producersSupported,
      producerSupported: (usage?.amount ?? 0) > 0,
      producerFairUsed: fairUsage?.amount ?? 0,
      producerPeriodUsed: usage?.amount ?? 0,
      producerFairsSupported: usage?.fairs ?? 0,
    },
    eventOf(fair),
  );
  return { ...decision, newProducer: (usage?.amount ?? 0) === 0, newFair: (fairUsage?.amount ?? 0) === 0 };
}

/**
 * Earmarks `amount` for a producer at a fair. The caller holds the programme row lock and read the usage rows
 * under it (`newProducer` / `newFair`); the four writes are independent and go out together.
 */
export async function earmark(
  tx: Database,
  programme: ProgrammeRow,
  allocation: {
    fairId: string;
    producerId: string;
    bookingId: string;
    amount: number;
    newProducer: boolean;
    newFair: boolean;
  },
): Promise<void> {
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
      .values({ programmeId: programme.id, producerId, fairId, amount, cap: programme.capPerProducerPerFair })
      .onConflictDoUpdate({
        target: [subsidyFairUsage.programmeId, subsidyFairUsage.producerId, subsidyFairUsage.fairId],
        set: { amount: sql`${subsidyFairUsage.amount} + ${amount}` },
      }),
    tx
      .insert(subsidyLedger)
      .values({ programmeId: programme.id, producerId, fairId, bookingId, entry: 'earmark', amount }),
  ]);
}

/** Moves a confirmed booking's subsidy from earmarked to committed. */
export async function commit(tx: Database, booking: BookingRow): Promise<void> {
  if (!booking.programmeId || booking.subsidy === 0) return;
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
      bookingId: booking.id,
      entry: 'commit',
      amount: booking.subsidy,
    }),
  ]);
}

/** Returns a booking's subsidy to the pool (from earmarked or committed); the caller holds the booking row. */
export async function release(tx: Database, booking: BookingRow, wasConfirmed: boolean): Promise<void> {
  if (!booking.programmeId || booking.subsidy === 0) return;
  const { programmeId, producerId, fairId, subsidy: amount } = booking;
  await lockPool(tx, programmeId);
  const [fairUsage] = await tx
    .update(subsidyFairUsage)
    .set({ amount: sql`${subsidyFairUsage.amount} - ${amount}` })
    .where(
      and(
        eq(subsidyFairUsage.programmeId, programmeId),
        eq(subsidyFairUsage.producerId, producerId),
        eq(subsidyFairUsage.fairId, fairId),
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
      and(eq(subsidyProducerUsage.programmeId, programmeId), eq(subsidyProducerUsage.producerId, producerId)),
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
    .where(eq(subsidyProgrammes.id, programmeId));
  await tx.insert(subsidyLedger).values({
    programmeId,
    producerId,
    fairId,
    bookingId: booking.id,
    entry: 'release',
    releasedFrom: wasConfirmed ? 'committed' : 'earmarked',
    amount,
  });
}
