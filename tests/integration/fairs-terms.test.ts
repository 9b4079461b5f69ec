/**
 * The programme terms on real databases (PGlite always, PostgreSQL when TEST_DATABASE_URL is set): the history
 * the engine receives comes from the ledger (a limit of one supported booth per fair), VAT and the area class of
 * the fair reach the decision, and the reimbursement flow moves the pool: paid in full while earmarked, repaid on
 * invoice and attendance (committed), a no-show clawed back (released); the pool and the ledger agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/lib/db/client';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { programmeTermsSchema } from '../../src/features/fairs/terms';
import { databaseTargets, type TestDatabase } from './db-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';

const facts = (id: string): ProducerFacts => ({
  id,
  name: id,
  kind: 'cooperative',
  provinceId: 'ben-tre',
  commune: 'Xã Mỹ Thạnh',
  stars: 4,
});
const directory = new Map(['a', 'b'].map((id) => [id, facts(id)]));

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string; fields: object }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.message} ${JSON.stringify(result.fields)}`);
  return result.value;
}

for (const target of databaseTargets()) {
  describe(`programme terms on ${target.name}`, () => {
    let database: TestDatabase;
    let clock = new Date('2026-11-21T03:00:00Z');
    let fairs: Fairs;

    beforeAll(async () => {
      database = await target.open();
      fairs = createFairs({ db: database.db, producers: (id) => directory.get(id), now: () => clock });
    });
    afterAll(async () => {
      await database?.dispose();
    });

    async function ledger(programmeId: string) {
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

    it('reimbursement at a mountain-area fair with VAT excluded from the base; one supported booth per fair', async () => {
      clock = new Date('2026-11-21T03:00:00Z');
      const programme = unwrap(
        await fairs.createProgramme(
          'ben-tre',
          programmeInput({
            budget: 500_000_000,
            terms: programmeTermsSchema.parse({
              flow: 'reimbursement',
              vatInBase: false,
              areaRates: { mountain: 10_000 },
              maxPerFair: 1,
            }),
          }),
          null,
        ),
      );
      const fair = unwrap(
        await fairs.createFair(
          'ben-tre',
          fairInput({
            programmeId: programme.id,
            areaClass: 'mountain',
            vatMode: 'excluded',
            vatRateBp: 800,
          }),
          null,
        ),
      );
      unwrap(await fairs.saveFloorPlan(fair.id, [booth('A1', 0), booth('A2', 3), booth('A3', 6)]));
      unwrap(await fairs.setFairStatus(fair.id, 'published'));
      const plan = await fairs.floorPlan(fair.id);
      const hold = (producerId: string, i: number) =>
        fairs.hold({ fairId: fair.id, boothId: plan[i]!.id, producerId, by: null });

      // 76,000,000 ₫ rent + 5,000,000 ₫ service + 8% VAT = 87,480,000 ₫; 100% of the rent before VAT (mountain area).
      const first = unwrap(await hold('a', 0));
      expect(first).toMatchObject({
        total: 87_480_000,
        vat: 6_480_000,
        subsidy: 76_000_000,
        flow: 'reimbursement',
      });
      // Its second booth at this fair is past the limit of one supported booth per fair (history from the ledger).
      const second = unwrap(await hold('a', 1));
      expect(second.subsidy).toBe(0);
      expect(second.explanation).toContainEqual({
        key: 'limited',
        reason: 'maxPerFair',
        limit: 1,
        amount: 0,
      });
      const other = unwrap(await hold('b', 2));
      expect(other.subsidy).toBe(76_000_000);

      // Both pay the full price; the subsidies stay earmarked.
      const transfer = await fairs.confirmPayment(first.id, 'transfer', 'VCB-1');
      expect(unwrap(transfer)).toMatchObject({ status: 'confirmed' });
      unwrap(await fairs.confirmPayment(other.id, 'transfer', 'VCB-2'));
      expect(await fairs.getProgramme(programme.id)).toMatchObject({ earmarked: 152_000_000, committed: 0 });

      // Documents: not before the fair opens; not without an invoice; an invoice dated in the future is refused.
      expect(await fairs.recordAttendance(first.id, true)).toMatchObject({
        ok: false,
        fields: { attendance: 'reimbursement.beforeFair|2026-12-10' },
      });
      clock = new Date('2026-12-11T03:00:00Z');
      expect(await fairs.recordAttendance(first.id, true)).toMatchObject({
        ok: false,
        fields: { invoiceNumber: 'reimbursement.invoiceMissing' },
      });
      expect(
        await fairs.recordInvoice(first.id, { invoiceNumber: 'HD-7', invoiceDate: '2026-12-12' }),
      ).toMatchObject({ ok: false, fields: { invoiceDate: 'reimbursement.invoiceFuture' } });
      expect(
        await fairs.recordInvoice(first.id, { invoiceNumber: '=1+1', invoiceDate: '2026-12-10' }),
      ).toMatchObject({ ok: false, fields: { invoiceNumber: 'reimbursement.invoiceNumber' } });
      unwrap(await fairs.recordInvoice(first.id, { invoiceNumber: 'HD-7', invoiceDate: '2026-12-10' }));

      // Attendance repays the first (committed); the other is a no-show (released, clawed back).
      expect(unwrap(await fairs.recordAttendance(first.id, true))).toMatchObject({
        attendance: 'attended',
        repaid: 76_000_000,
      });
      expect(unwrap(await fairs.recordAttendance(other.id, false))).toMatchObject({
        attendance: 'noShow',
        clawedBack: 76_000_000,
      });
      expect(await fairs.recordAttendance(other.id, true)).toMatchObject({
        ok: false,
        fields: { bookingId: 'reimbursement.notOpen' },
      });
      const pool = (await fairs.getProgramme(programme.id))!;
      expect(pool).toMatchObject({ earmarked: 0, committed: 76_000_000, producersSupported: 1 });
      expect(await ledger(programme.id)).toEqual({ earmarked: 0, committed: 76_000_000 });

      // Cancelling the no-show's booking afterwards releases nothing twice.
      unwrap(await fairs.cancel(other.id));
      expect(await ledger(programme.id)).toEqual({ earmarked: 0, committed: 76_000_000 });
      const report = (await fairs.reportOfFair(fair.id))!.report;
      expect(report.subsidy).toMatchObject({ committed: 76_000_000, earmarked: 0 });
    });
  });
}
