/**
 * A programme's grant queue: subsidies follow submission order, ties broken by priority (Decree 80/2021: first
 * come, first served; women-owned businesses and social enterprises first on a tie).
 *
 * An application is stamped with its submission instant while the programme's pool row is locked, so stamps are
 * taken one at a time and a later stamp is never earlier than one already committed. A grant pass (`drain`),
 * also under that lock, reads the clock (T) and decides every queued application stamped strictly before T in
 * the order (instant, priority, id): every application that could share or precede those instants has already
 * been stamped and committed, so none can slip in ahead later. The applicant waits until a pass has decided its
 * own application (the clock moves on within a millisecond); a clock that does not move (a test's fixed clock)
 * is waited for `settleMs`, after which the pass includes instant T itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, desc, eq, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { boothBookings, fairs as fairsTable } from '~/lib/db/schema-fairs';
import { type BookingRow, type FairsContext } from './store.server';
import { decide, earmark, lockPool } from './subsidy-ledger.server';
import type { CostItem } from './subsidies';

const ACTIVE = sql`${boothBookings.status} in ('held', 'pending', 'approved', 'confirmed')`;

/** Puts a new booking in its programme's queue: stamps its submission instant and priority under the pool lock. */
export async function enqueue(
  tx: Database,
  ctx: FairsContext,
  entry: { programmeId: string; bookingId: string; priority: number },
): Promise<Date> {
  await lockPool(tx, entry.programmeId);
  const at = ctx.now();
  await tx
    .update(boothBookings)
    .set({ submittedAt: at, priority: entry.priority, queued: true })
    .where(eq(boothBookings.id, entry.bookingId));
  return at;
}

/** Decides one queued booking under the pool lock: earmarks its subsidy and writes the decision on its row. */
async function grant(tx: Database, ctx: FairsContext, programmeId: string, row: BookingRow): Promise<void> {
  const [fair] = await tx.select().from(fairsTable).where(eq(fairsTable.id, row.fairId));
  const producer = ctx.producers(row.producerId);
  const programme = await lockPool(tx, programmeId);
  if (!producer || !fair) {
    await tx.update(boothBookings).set({ queued: false }).where(eq(boothBookings.id, row.id));
    return;
  }
  const decision = await decide(tx, programme, fair, producer, row.costItems as CostItem[], row.id);
  if (decision.subsidy > 0) {
    const { subsidy: amount, newProducer, newFair } = decision;
    const allocation = {
      fairId: fair.id,
      producerId: producer.id,
      bookingId: row.id,
      amount,
      newProducer,
      newFair,
    };
    await earmark(tx, programme, allocation);
  }
  await tx
    .update(boothBookings)
    .set({
      queued: false,
      total: decision.total,
      vat: decision.vat,
      flow: decision.flow,
      subsidy: decision.subsidy,
      producerPays: decision.producerPays,
      shortfall: decision.shortfall,
      explanation: decision.lines,
    })
    .where(eq(boothBookings.id, row.id));
}

/**
 * One grant pass on a programme: under its lock, the queued applications stamped before the clock's reading
 * (or at it, when `inclusive`) are decided in submission order, ties by priority. Rows another transaction is
 * moving right now (a cancellation) are skipped and left for the next pass.
 */
export async function drain(ctx: FairsContext, programmeId: string, inclusive: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockPool(tx, programmeId);
    const cutoff = ctx.now();
    await tx
      .update(boothBookings)
      .set({ queued: false })
      .where(
        and(eq(boothBookings.programmeId, programmeId), eq(boothBookings.queued, true), sql`not ${ACTIVE}`),
      );
    const rows = await tx
      .select()
      .from(boothBookings)
      .where(
        and(
          eq(boothBookings.programmeId, programmeId),
          eq(boothBookings.queued, true),
          ACTIVE,
          inclusive ? lte(boothBookings.submittedAt, cutoff) : lt(boothBookings.submittedAt, cutoff),
        ),
      )
      .orderBy(asc(boothBookings.submittedAt), desc(boothBookings.priority), asc(boothBookings.id))
      .for('update', { skipLocked: true });
    for (const row of rows) await grant(tx, ctx, programmeId, row);
  });
}

/** Runs grant passes until this booking is decided (or has left the queue), waiting for the clock to move on. */
export async function awaitGrant(
  ctx: FairsContext,
  programmeId: string,
  bookingId: string,
  settleMs: number,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    const inclusive = performance.now() - started >= settleMs;
    await drain(ctx, programmeId, inclusive);
    const [row] = await ctx.db
      .select({ queued: boothBookings.queued })
      .from(boothBookings)
      .where(eq(boothBookings.id, bookingId));
    if (!row?.queued) return;
    await sleep(inclusive ? 5 : 1);
  }
}
