/**
 * Who goes first, on real databases (PGlite always, PostgreSQL when TEST_DATABASE_URL is set): applications
 * submitted at the same time from concurrent requests, at known instants (the clock is the test's), are granted
 * in submission order, ties broken by priority (women-owned businesses, social enterprises), and the pool is never
 * exceeded. The clock is moved on only once every application of an instant is in the queue, so the order the
 * requests happen to reach the database in cannot decide who is served.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/lib/db/client';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { databaseTargets, type TestDatabase } from './db-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';

const T0 = new Date('2026-11-21T03:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const facts = (
  id: string,
  priority: { womenOwned?: boolean; socialEnterprise?: boolean },
): ProducerFacts => ({
  id,
  name: id,
  kind: 'enterprise',
  provinceId: 'ben-tre',
  commune: 'Xã Mỹ Thạnh',
  stars: 4,
  ...priority,
});

const directory = new Map(
  [
    facts('early', {}),
    facts('plain', {}),
    facts('social-and-women', { womenOwned: true, socialEnterprise: true }),
    facts('women', { womenOwned: true }),
    facts('late-priority', { womenOwned: true, socialEnterprise: true }),
  ].map((p) => [p.id, p]),
);

for (const target of databaseTargets()) {
  describe(`grant order on ${target.name}`, () => {
    let database: TestDatabase;
    let clock = T0;
    let fairs: Fairs;

    beforeAll(async () => {
      database = await target.open();
      fairs = createFairs({
        db: database.db,
        producers: (id) => directory.get(id),
        now: () => clock,
        // The test moves the clock itself: never fall back to granting at an instant that has not passed.
        settleMs: 60_000,
      });
    });
    afterAll(async () => {
      await database?.dispose();
    });

    async function stampedAt(programmeId: string, instant: Date): Promise<number> {
      const rows = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from booth_booking where programme_id = ${programmeId} and submitted_at = ${instant.toISOString()}`,
        ),
      );
      return Number(rows[0]?.n ?? 0);
    }

    async function waitForQueue(programmeId: string, instant: Date, count: number) {
      for (let i = 0; i < 2_000 && (await stampedAt(programmeId, instant)) < count; i++) await sleep(5);
      expect(await stampedAt(programmeId, instant)).toBe(count);
    }

    it('serves earlier instants first, same-instant ties by priority, never above the pool', async () => {
      clock = T0;
      // 140,000,000 ₫: three booths of 76,000,000 ₫ at 50% in full (38,000,000 ₫), then 26,000,000 ₫ left.
      const programme = await fairs.createProgramme('ben-tre', programmeInput({ budget: 140_000_000 }), null);
      if (!programme.ok) throw new Error(programme.message);
      const fair = await fairs.createFair('ben-tre', fairInput({ programmeId: programme.value.id }), null);
      if (!fair.ok) throw new Error(fair.message);
      const fairId = fair.value.id;
      const programmeId = programme.value.id;
      const plan = await fairs.saveFloorPlan(
        fairId,
        Array.from({ length: 5 }, (_, i) => booth(`A${i + 1}`, i * 3)),
      );
      if (!plan.ok) throw new Error(plan.message);
      await fairs.setFairStatus(fairId, 'published');
      const booths = await fairs.floorPlan(fairId);
      const hold = (producerId: string, i: number) =>
        fairs.hold({ fairId, boothId: booths[i]!.id, producerId, by: null });

      clock = at(1);
      const early = hold('early', 0);
      await waitForQueue(programmeId, at(1), 1);
      clock = at(2);
      const tied = [hold('plain', 1), hold('social-and-women', 2), hold('women', 3)];
      await waitForQueue(programmeId, at(2), 3);
      clock = at(3);
      const late = hold('late-priority', 4);
      await waitForQueue(programmeId, at(3), 1);
      clock = at(4);
      const results = await Promise.all([early, ...tied, late]);

      const subsidy = Object.fromEntries(
        results.map((r) => {
          if (!r.ok) throw new Error(r.message);
          return [r.value.producerId, r.value.subsidy];
        }),
      );
      expect(subsidy).toEqual({
        early: 38_000_000,
        'social-and-women': 38_000_000,
        women: 38_000_000,
        plain: 26_000_000,
        'late-priority': 0,
      });
      const ledger = rowsOf<{ producer_id: string }>(
        await database.db.execute(
          sql`select producer_id from subsidy_ledger where programme_id = ${programmeId} and entry = 'earmark' order by id`,
        ),
      ).map((r) => r.producer_id);
      expect(ledger).toEqual(['early', 'social-and-women', 'women', 'plain']);
      const pool = (await fairs.getProgramme(programmeId))!;
      expect(pool.earmarked + pool.committed).toBe(140_000_000);
      const listed = await fairs.bookingsOfFair(fairId);
      expect(listed.map((b) => b.producerId)).toEqual([
        'early',
        'social-and-women',
        'women',
        'plain',
        'late-priority',
      ]);
    });
  });
}
