/**
 * The background worker on the real job queue (pg-boss): a booth hold whose time runs out is released, with its
 * earmarked subsidy, without any page being read; on PGlite and PostgreSQL. The fairs clock runs 100 times faster
 * than real time, so the shortest hold (5 minutes) lapses after about 3 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { createInbox } from '../../src/features/notifications/inbox.server';
import { startWorker, type RunningWorker } from '../../src/features/notifications/worker.server';
import { rowsOf } from '../../src/lib/db/client';
import { outboxMessages, users } from '../../src/lib/db/schema';
import { createJobQueue } from '../../src/lib/jobs';
import { databaseTargets, type TestDatabase } from './db-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';

const TODAY = new Date('2026-11-21T03:00:00Z');
const SPEED = 100;

const producers = new Map<string, ProducerFacts>([
  [
    'dong-a',
    {
      id: 'dong-a',
      name: 'Đông Á',
      kind: 'enterprise',
      provinceId: 'ben-tre',
      commune: 'Xã Mỹ Thạnh',
      stars: 5,
    },
  ],
]);

describe.each(databaseTargets())('background worker on $name', (target) => {
  let database: TestDatabase;
  let fairs: Fairs;
  let worker: RunningWorker | undefined;
  const started = Date.now();

  beforeAll(async () => {
    database = await target.open();
    fairs = createFairs({
      db: database.db,
      producers: (id) => producers.get(id),
      now: () => new Date(TODAY.getTime() + (Date.now() - started) * SPEED),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await database?.dispose();
  });

  /** The booking's status and the programme's earmark, read straight from the tables (no service read). */
  async function state(bookingId: string, programmeId: string) {
    const [booking] = rowsOf<{ status: string }>(
      await database.db.execute(sql`select status from booth_booking where id = ${bookingId}`),
    );
    const [ledger] = rowsOf<{ earmarked: string }>(
      await database.db.execute(
        sql`select coalesce(sum(case when entry = 'earmark' then amount when entry = 'commit' or (entry = 'release' and released_from = 'earmarked') then -amount else 0 end), 0)::text as earmarked from subsidy_ledger where programme_id = ${programmeId}`,
      ),
    );
    return { status: booking!.status, earmarked: Number(ledger!.earmarked) };
  }

  it('releases a lapsed hold and its earmarked subsidy with no page read', async () => {
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    await database.db.insert(users).values({
      id: 'u-dong-a',
      name: 'Dong A',
      email: 'dong-a@example.com',
      role: 'producer',
      producerId: 'dong-a',
      locale: 'en',
    });
    const programme = unwrap(await fairs.createProgramme('ben-tre', programmeInput(), null));
    const fair = unwrap(
      await fairs.createFair('ben-tre', fairInput({ programmeId: programme.id, holdMinutes: 5 }), null),
    );
    unwrap(await fairs.saveFloorPlan(fair.id, [booth('A1', 0)]));
    unwrap(await fairs.setFairStatus(fair.id, 'published'));
    const [first] = await fairs.floorPlan(fair.id);
    const held = unwrap(
      await fairs.hold({ fairId: fair.id, boothId: first!.id, producerId: 'dong-a', by: null }),
    );
    expect(await state(held.id, programme.id)).toEqual({ status: 'held', earmarked: 38_000_000 });

    // The producer's dashboard and the promoter's console show the hold running out.
    const inbox = createInbox({ db: database.db });
    const waiting = { boothCode: 'A1', bookingId: held.id, expiresAt: held.expiresAt };
    expect((await inbox.forProducer('dong-a')).expiring).toEqual([expect.objectContaining(waiting)]);
    expect((await inbox.forPromoter('ben-tre')).expiring).toEqual([expect.objectContaining(waiting)]);
    expect((await inbox.forPromoter('ca-mau')).expiring).toEqual([]);

    worker = await startWorker({
      queue: createJobQueue({ connection: database.native, pollSeconds: 0.5 }),
      delivery: null,
      expireHolds: () => fairs.expireLapsed(),
      releaseReservations: async () => 0,
      sweepSeconds: 2,
      log: () => {},
    });
    const end = Date.now() + 60_000;
    let now = await state(held.id, programme.id);
    while (now.status === 'held' && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      now = await state(held.id, programme.id);
    }
    expect(now).toEqual({ status: 'expired', earmarked: 0 });
    expect((await inbox.forProducer('dong-a')).expiring).toEqual([]);
    // The producer's account was told of the hold (with its expiry) and of its end, in its language.
    const told = await database.db
      .select({ kind: outboxMessages.kind, subject: outboxMessages.subject, body: outboxMessages.body })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, 'dong-a@example.com'))
      .orderBy(asc(outboxMessages.id));
    expect(told.map((m) => m.kind)).toEqual(['booking-held', 'booking-expired']);
    expect(told[0]!.subject).toBe('OCOP Market: booth A1 held at Ben Tre OCOP Fair 2026');
    expect(told[0]!.body).toMatch(/is held for you until/);
  });
});
