/**
 * A programme's budget pool and ledger: reading where a producer stands (under the pool's row lock), earmarking a
 * booking's subsidy, committing it on confirmation and releasing it on cancellation, expiry or refusal. Every
 * movement writes a ledger row; the database CHECKs on the pool and usage rows refuse any overdraft.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  subsidyFairUsage,
  subsidyLedger,
  subsidyProducerUsage,
  subsidyProgrammes,
} from '~/lib/db/schema-fairs';
import { applicantFor, type ProducerFacts } from './applicants';
import type { BookingRow, ProgrammeRow } from './store.server';
import { subsidyFor, type CostItem, type SubsidyDecision, type SubsidyRule } from './subsidies';

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

/** The subsidy the programme's rules give a producer for these costs, given what it already has. */
export async function decide(
  tx: Database,
  programme: ProgrammeRow,
  fairId: string,
  producer: ProducerFacts,
  items: CostItem[],
): Promise<Allocation> {
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
  const decision = subsidyFor(
    items,
    applicantFor(producer, programme.disadvantagedCommunes as string[]),
    { ...programme, rules: programme.rules as SubsidyRule[] },
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
