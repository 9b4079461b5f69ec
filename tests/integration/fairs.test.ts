/**
 * The fairs service on real databases (PGlite always, PostgreSQL when TEST_DATABASE_URL is set): the booking
 * lifecycle with the budget moving earmarked → committed → released, hold expiry, cancellation fees, caps, and
 * the database invariants under real concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/lib/db/client';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { createBoothPayments } from '../../src/features/fairs/payments.server';
import { createStripePayments } from '../../src/lib/stripe/client';
import { startStripeStandin } from '../support/stripe-standin';
import { databaseTargets, type TestDatabase } from './db-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';
import type { FairInput } from '../../src/features/fairs/fairs';
import type { SubsidyProgramme } from '../../src/features/fairs/subsidies';

const TODAY = new Date('2026-11-21T03:00:00Z');

function producerDirectory(count: number): Map<string, ProducerFacts> {
  const map = new Map<string, ProducerFacts>();
  map.set('dong-a', {
    id: 'dong-a',
    name: 'Đông Á',
    kind: 'enterprise',
    provinceId: 'ben-tre',
    commune: 'Xã Mỹ Thạnh',
    stars: 5,
  });
  map.set('mountain', {
    id: 'mountain',
    name: 'HTX Vùng Cao',
    kind: 'cooperative',
    provinceId: 'son-la',
    commune: 'Xã Mường Lựm',
    stars: 3,
  });
  for (let i = 0; i < count; i++) {
    const id = `p${i}`;
    map.set(id, {
      id,
      name: `Producer ${i}`,
      kind: i % 2 ? 'cooperative' : 'business-household',
      provinceId: 'ben-tre',
      commune: `Xã ${i % 3}`,
      stars: 4,
    });
  }
  return map;
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; message: string; fields: Record<string, string> },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.message} ${JSON.stringify(result.fields)}`);
  return result.value;
}

for (const target of databaseTargets()) {
  describe(`fairs on ${target.name}`, () => {
    let database: TestDatabase;
    let clock = TODAY;
    let fairs: Fairs;
    const directory = producerDirectory(200);

    beforeAll(async () => {
      database = await target.open();
      fairs = createFairs({ db: database.db, producers: (id) => directory.get(id), now: () => clock });
    });
    afterAll(async () => {
      await database?.dispose();
    });

    async function setUpFair(
      options: { programme?: Partial<SubsidyProgramme>; fair?: Partial<FairInput>; booths?: number } = {},
    ) {
      clock = TODAY;
      const programme = unwrap(
        await fairs.createProgramme('ben-tre', programmeInput(options.programme), null),
      );
      const fair = unwrap(
        await fairs.createFair('ben-tre', fairInput({ programmeId: programme.id, ...options.fair }), null),
      );
      const count = options.booths ?? 4;
      unwrap(
        await fairs.saveFloorPlan(
          fair.id,
          Array.from({ length: count }, (_, i) =>
            booth(`A${i + 1}`, (i % 60) * 3, { y: Math.floor(i / 60) * 3 }),
          ),
        ),
      );
      unwrap(await fairs.setFairStatus(fair.id, 'published'));
      const plan = await fairs.floorPlan(fair.id);
      return { programme, fair, plan };
    }

    async function pool(programmeId: string) {
      const p = (await fairs.getProgramme(programmeId))!;
      return { earmarked: p.earmarked, committed: p.committed, producersSupported: p.producersSupported };
    }

    async function ledgerBalance(programmeId: string) {
      const rows = rowsOf<{ entry: string; released_from: string | null; total: string }>(
        await database.db.execute(
          sql`select entry, released_from, sum(amount)::text as total from subsidy_ledger where programme_id = ${programmeId} group by entry, released_from`,
        ),
      );
      const of = (entry: string, from: string | null = null) =>
        Number(rows.find((r) => r.entry === entry && r.released_from === from)?.total ?? 0);
      return {
        earmarked: of('earmark') - of('commit') - of('release', 'earmarked'),
        committed: of('commit') - of('release', 'committed'),
      };
    }

    it('holds a booth, explains the subsidy, takes payment and commits the budget', async () => {
      const { programme, fair, plan } = await setUpFair();
      const held = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'dong-a', by: 'u1' }),
      );
      expect(held).toMatchObject({
        status: 'held',
        total: 81_000_000,
        subsidy: 38_000_000,
        producerPays: 43_000_000,
      });
      expect(held.expiresAt?.toISOString()).toBe('2026-11-21T03:30:00.000Z');
      expect(held.explanation).toContainEqual({
        key: 'chosen',
        rule: 'Booth rent 50%',
        rateBp: 5_000,
        base: 76_000_000,
        amount: 38_000_000,
      });
      expect(await pool(programme.id)).toEqual({
        earmarked: 38_000_000,
        committed: 0,
        producersSupported: 1,
      });
      expect((await fairs.floorPlan(fair.id))[0]!.state).toBe('held');

      const paid = unwrap(await fairs.confirmPayment(held.id, 'card', 'cs_test_1'));
      expect(paid).toMatchObject({ status: 'confirmed', paidBy: 'card', paymentRef: 'cs_test_1' });
      expect(await pool(programme.id)).toEqual({
        earmarked: 0,
        committed: 38_000_000,
        producersSupported: 1,
      });
      expect(await ledgerBalance(programme.id)).toEqual({ earmarked: 0, committed: 38_000_000 });
      expect((await fairs.floorPlan(fair.id))[0]!.state).toBe('booked');

      const { report } = (await fairs.reportOfFair(fair.id))!;
      expect(report.supported.map((b) => [b.producerName, b.boothCode, b.subsidy])).toEqual([
        ['Đông Á', 'A1', 38_000_000],
      ]);
      expect(report.booths).toMatchObject({ total: 4, sold: 1 });
    });

    it('a producer from a disadvantaged commune pays only the service fee', async () => {
      const { fair, plan } = await setUpFair();
      const held = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[1]!.id, producerId: 'mountain', by: null }),
      );
      expect(held).toMatchObject({ subsidy: 76_000_000, producerPays: 5_000_000 });
    });

    it('a second hold on a taken booth is refused; a booth of another fair and a passed deadline are field errors', async () => {
      const { fair, plan } = await setUpFair();
      const other = await setUpFair();
      unwrap(await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p1', by: null }));
      expect(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p2', by: null }),
      ).toMatchObject({ ok: false, code: 'CONFLICT', fields: { boothId: 'booking.taken' } });
      expect(
        await fairs.hold({ fairId: fair.id, boothId: other.plan[0]!.id, producerId: 'p2', by: null }),
      ).toMatchObject({ ok: false, code: 'BAD_REQUEST', fields: { boothId: 'booking.boothNotInFair' } });
      clock = new Date('2026-12-01T17:00:00Z');
      expect(
        await fairs.hold({ fairId: fair.id, boothId: plan[1]!.id, producerId: 'p2', by: null }),
      ).toMatchObject({ ok: false, fields: { fairId: 'booking.deadlinePassed|2026-12-01' } });
      // A promoter may still book on behalf of a producer (e.g. the provincial pavilion).
      expect(
        (
          await fairs.hold({
            fairId: fair.id,
            boothId: plan[1]!.id,
            producerId: 'p2',
            by: 'promoter',
            onBehalf: true,
          })
        ).ok,
      ).toBe(true);
    });

    it('a lapsed hold releases the booth and its earmark, and the booth can be held again', async () => {
      const { programme, fair, plan } = await setUpFair();
      const held = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p3', by: null }),
      );
      expect(await pool(programme.id)).toMatchObject({ earmarked: 38_000_000, producersSupported: 1 });
      clock = new Date(held.expiresAt!.getTime());
      expect((await fairs.floorPlan(fair.id))[0]!.state).toBe('available');
      expect((await fairs.getBooking(held.id))!.status).toBe('expired');
      expect(await pool(programme.id)).toEqual({ earmarked: 0, committed: 0, producersSupported: 0 });
      expect(await ledgerBalance(programme.id)).toEqual({ earmarked: 0, committed: 0 });
      const again = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p4', by: null }),
      );
      expect(again.subsidy).toBe(38_000_000);
    });

    it('cancelling a confirmed booking charges the tier fee on the producer’s share and releases the subsidy', async () => {
      const { programme, fair, plan } = await setUpFair();
      const held = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p5', by: null }),
      );
      unwrap(await fairs.confirmPayment(held.id, 'transfer', 'VCB-123'));
      clock = new Date('2026-11-26T03:00:00Z');
      const cancelled = unwrap(await fairs.cancel(held.id));
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancellationFee: 21_500_000,
        refund: 21_500_000,
      });
      expect(await pool(programme.id)).toEqual({ earmarked: 0, committed: 0, producersSupported: 0 });
      expect(await ledgerBalance(programme.id)).toEqual({ earmarked: 0, committed: 0 });
      expect((await fairs.floorPlan(fair.id))[0]!.state).toBe('available');
      expect((await fairs.cancel(held.id)).ok).toBe(false);
    });

    it('applications that need approval wait for a promoter; refusal releases the booth', async () => {
      const { programme, fair, plan } = await setUpFair({ fair: { needsApproval: true } });
      const a = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p6', by: null }),
      );
      expect((await fairs.confirmPayment(a.id, 'card', 'x')).ok).toBe(false);
      expect(unwrap(await fairs.submit(a.id))).toMatchObject({ status: 'pending', expiresAt: null });
      const approved = unwrap(await fairs.approve(a.id));
      expect(approved.status).toBe('approved');
      expect(unwrap(await fairs.confirmPayment(a.id, 'card', 'cs_1')).status).toBe('confirmed');
      const b = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[1]!.id, producerId: 'p7', by: null }),
      );
      unwrap(await fairs.submit(b.id));
      unwrap(await fairs.refuse(b.id, 'Product group full'));
      expect(await pool(programme.id)).toMatchObject({
        earmarked: 0,
        committed: 38_000_000,
        producersSupported: 1,
      });
      expect((await fairs.floorPlan(fair.id))[1]!.state).toBe('available');
    });

    it('the partial remainder: two in full, the third gets what is left, the fourth none', async () => {
      const { programme, fair, plan } = await setUpFair();
      const subsidies = [];
      for (let i = 0; i < 4; i++)
        subsidies.push(
          unwrap(
            await fairs.hold({ fairId: fair.id, boothId: plan[i]!.id, producerId: `p${10 + i}`, by: null }),
          ).subsidy,
        );
      expect(subsidies).toEqual([38_000_000, 38_000_000, 24_000_000, 0]);
      expect(await pool(programme.id)).toMatchObject({ earmarked: 100_000_000 });
    });

    it('the 35th business gets none when the programme supports 34; caps per producer hold across fairs', async () => {
      const { fair, plan } = await setUpFair({
        programme: { budget: 10_000_000_000, maxProducers: 34 },
        booths: 36,
      });
      const results = [];
      for (let i = 0; i < 35; i++)
        results.push(
          unwrap(
            await fairs.hold({ fairId: fair.id, boothId: plan[i]!.id, producerId: `p${20 + i}`, by: null }),
          ),
        );
      expect(results.filter((r) => r.subsidy > 0)).toHaveLength(34);
      expect(results[34]).toMatchObject({ subsidy: 0, producerPays: 81_000_000 });

      const capped = await setUpFair({
        programme: { capPerProducerPerPeriod: 50_000_000, budget: 1_000_000_000 },
      });
      const second = unwrap(
        await fairs.createFair(
          'ben-tre',
          fairInput({ programmeId: capped.programme.id, nameEn: 'Second fair' }),
          null,
        ),
      );
      unwrap(await fairs.saveFloorPlan(second.id, [booth('B1', 0)]));
      unwrap(await fairs.setFairStatus(second.id, 'published'));
      const secondPlan = await fairs.floorPlan(second.id);
      expect(
        unwrap(
          await fairs.hold({
            fairId: capped.fair.id,
            boothId: capped.plan[0]!.id,
            producerId: 'dong-a',
            by: null,
          }),
        ).subsidy,
      ).toBe(38_000_000);
      expect(
        unwrap(
          await fairs.hold({ fairId: second.id, boothId: secondPlan[0]!.id, producerId: 'dong-a', by: null }),
        ).subsidy,
      ).toBe(12_000_000);
    });

    it('refuses bad input without writing: past dates, overlapping booths, a budget below what is granted', async () => {
      expect(
        await fairs.createFair(
          'ben-tre',
          fairInput({ startsOn: '2026-11-01', endsOn: '2026-10-30', applicationDeadline: '2026-10-01' }),
          null,
        ),
      ).toMatchObject({
        ok: false,
        fields: { startsOn: 'fair.startsPast|2026-11-21', endsOn: 'fair.endsBeforeStart' },
      });
      const { programme, fair, plan } = await setUpFair();
      expect(await fairs.saveFloorPlan(fair.id, [booth('A1', 0), booth('A2', 2)])).toMatchObject({
        ok: false,
        fields: { 'booths.1.x': 'booth.overlaps|A2|A1' },
      });
      expect(await fairs.saveFloorPlan(fair.id, [booth('A1', 199)])).toMatchObject({
        ok: false,
        fields: { 'booths.0.x': 'booth.outsideWidth|A1|200' },
      });
      expect(await fairs.floorPlan(fair.id)).toHaveLength(4);
      unwrap(await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p1', by: null }));
      const lowered = await fairs.updateProgramme(programme.id, programmeInput({ budget: 10_000_000 }));
      expect(lowered).toMatchObject({ ok: false, fields: { budget: 'programme.belowGranted' } });
      expect((await fairs.getProgramme(programme.id))!.budget).toBe(100_000_000);
      expect(await fairs.saveFloorPlan(fair.id, [booth('A1', 10)])).toMatchObject({
        ok: false,
        fields: { 'booths.0.code': 'booth.booked|A1' },
      });
    });

    it('the database itself refuses a second active booking and an overdrawn pool', async () => {
      const { programme, fair, plan } = await setUpFair();
      unwrap(await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p1', by: null }));
      await expect(
        database.db.execute(
          sql`insert into booth_booking (id, fair_id, booth_id, producer_id, status, cost_items, total, producer_pays) values ('x', ${fair.id}, ${plan[0]!.id}, 'p2', 'held', '[]', 1, 1)`,
        ),
      ).rejects.toThrow();
      await expect(
        database.db.execute(
          sql`update subsidy_programme set committed = budget + 1 - earmarked where id = ${programme.id}`,
        ),
      ).rejects.toThrow();
    });

    it('a paid Checkout Session confirms its booking through the webhook handler; a wrong amount does not', async () => {
      const { applyBoothPaymentEvent } = await import('../../src/features/fairs/booth-payment-event.server');
      const { programme, fair, plan } = await setUpFair();
      const a = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p40', by: null }),
      );
      const b = unwrap(
        await fairs.hold({ fairId: fair.id, boothId: plan[1]!.id, producerId: 'p41', by: null }),
      );
      const event = (reference: string, amountTotal: number, type = 'checkout.session.completed') => ({
        id: `evt_${reference}`,
        type,
        created: clock,
        session: {
          id: `cs_${reference}`,
          status: 'complete' as const,
          paymentStatus: 'paid' as const,
          kind: 'booth',
          reference,
          metadata: {},
          amountTotal,
          currency: 'vnd',
          paymentIntentId: 'pi_1',
        },
      });
      await database.db.transaction((tx) => applyBoothPaymentEvent(tx, event(a.id, a.producerPays)));
      await database.db.transaction((tx) => applyBoothPaymentEvent(tx, event(b.id, b.producerPays - 1)));
      expect(await fairs.getBooking(a.id)).toMatchObject({
        status: 'confirmed',
        paidBy: 'card',
        paymentRef: `cs_${a.id}`,
      });
      expect((await fairs.getBooking(b.id))!.status).toBe('held');
      // A repeated delivery changes nothing.
      await database.db.transaction((tx) => applyBoothPaymentEvent(tx, event(a.id, a.producerPays)));
      expect(await pool(programme.id)).toMatchObject({ committed: 38_000_000, earmarked: 38_000_000 });
    });

    it('a held booking of a fair that needs approval cannot open a card payment; once approved it can', async () => {
      const standin = await startStripeStandin();
      try {
        const booths = createBoothPayments({
          fairs,
          payments: createStripePayments({
            secretKey: 'sk_test_ocop_standin',
            webhookSecret: 'whsec_ocop_standin_secret',
            apiBase: standin.url,
            maxNetworkRetries: 0,
          }),
          now: () => clock,
        });
        const { fair, plan } = await setUpFair({ fair: { needsApproval: true } });
        const held = unwrap(
          await fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: 'p8', by: null }),
        );
        expect(await booths.startBoothPayment(held.id, 'https://ocop.example', 'en')).toEqual({
          ok: false,
          code: 'conflict',
          message: 'booking.cannot.pay',
        });
        unwrap(await fairs.submit(held.id));
        expect(await booths.startBoothPayment(held.id, 'https://ocop.example', 'en')).toMatchObject({
          ok: false,
          code: 'conflict',
        });
        expect(standin.requests).toHaveLength(0);
        unwrap(await fairs.approve(held.id));
        const started = await booths.startBoothPayment(held.id, 'https://ocop.example', 'en');
        expect(started).toMatchObject({ ok: true, url: expect.stringContaining(standin.url) });
        expect(standin.requests).toHaveLength(1);
        expect(standin.requests[0]!.body).toMatchObject({
          client_reference_id: held.id,
          metadata: { kind: 'booth' },
          line_items: [{ price_data: { currency: 'vnd', unit_amount: String(held.producerPays) } }],
        });
        expect((await fairs.getBooking(held.id))!.checkoutSessionId).toMatch(/^cs_/);
      } finally {
        await standin.close();
      }
    });

    it('copies a fair with its plan as a draft', async () => {
      const { fair } = await setUpFair();
      const copy = unwrap(await fairs.copyFair(fair.id, null));
      expect(copy).toMatchObject({
        status: 'draft',
        name: { vi: 'Hội chợ OCOP Bến Tre 2026 (bản sao)', en: 'Ben Tre OCOP Fair 2026 (copy)' },
      });
      expect(await fairs.floorPlan(copy.id)).toHaveLength(4);
    });

    it('100 simultaneous holds on one booth: exactly one wins', async () => {
      const { programme, fair, plan } = await setUpFair();
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fairs.hold({ fairId: fair.id, boothId: plan[0]!.id, producerId: `p${i}`, by: null }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(99);
      const active = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from booth_booking where booth_id = ${plan[0]!.id} and status in ('held','pending','approved','confirmed')`,
        ),
      );
      expect(Number(active[0]!.n)).toBe(1);
      expect(await pool(programme.id)).toMatchObject({ earmarked: 38_000_000, producersSupported: 1 });
    });

    it('20 producers racing for the last of a pool: never over, every đồng accounted for', async () => {
      // 100,000,000 ₫ pool, 76,000,000 ₫ already committed: 24,000,000 ₫ left for 20 producers wanting 38,000,000 ₫ each.
      const { programme, fair, plan } = await setUpFair({ booths: 22 });
      for (const i of [0, 1]) {
        const h = unwrap(
          await fairs.hold({ fairId: fair.id, boothId: plan[i]!.id, producerId: `p${150 + i}`, by: null }),
        );
        unwrap(await fairs.confirmPayment(h.id, 'transfer', null));
      }
      const before = await pool(programme.id);
      expect(before.committed).toBe(76_000_000);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fairs.hold({ fairId: fair.id, boothId: plan[i + 2]!.id, producerId: `p${i}`, by: null }),
        ),
      );
      const holds = results.map(unwrap);
      const granted = holds.reduce((sum, h) => sum + h.subsidy, 0);
      expect(granted).toBe(24_000_000);
      expect(holds.filter((h) => h.subsidy === 24_000_000)).toHaveLength(1);
      expect(holds.filter((h) => h.subsidy === 0)).toHaveLength(19);
      for (const h of holds) expect(h.subsidy + h.producerPays).toBe(h.total);
      const after = await pool(programme.id);
      expect(after.earmarked + after.committed).toBe(100_000_000);
      expect(await ledgerBalance(programme.id)).toEqual({
        earmarked: after.earmarked,
        committed: after.committed,
      });
      // Half of them give up at the same time: the money returns, to the đồng.
      await Promise.all(holds.slice(0, 10).map((h) => fairs.cancel(h.id)));
      const released = await pool(programme.id);
      const stillHeld = holds.slice(10).reduce((sum, h) => sum + h.subsidy, 0);
      expect(released.earmarked).toBe(stillHeld);
      expect(await ledgerBalance(programme.id)).toEqual({
        earmarked: released.earmarked,
        committed: released.committed,
      });
    });
  });
}

describe('the development demo fair', () => {
  it('is created once, published, with a valid plan and policy', async () => {
    const { seedDemoFair } = await import('../../src/features/fairs/demo.server');
    const database = await databaseTargets()[0]!.open();
    try {
      const fairs = createFairs({ db: database.db, producers: () => undefined, now: () => TODAY });
      expect(await seedDemoFair(fairs, TODAY)).toBe(true);
      expect(await seedDemoFair(fairs, TODAY)).toBe(false);
      const [fair] = await fairs.listFairs({ provinceId: 'ben-tre', publishedOnly: true });
      expect(fair).toBeDefined();
      expect(await fairs.floorPlan(fair!.id)).toHaveLength(23);
    } finally {
      await database.dispose();
    }
  });
});
