/**
 * Recording the national result of a 5-star candidate against a real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): a promoter of the candidate's province records it, another province's promoter is
 * refused with nothing written, field problems write nothing, a correction is a new row, and the history comes
 * back in the order it was recorded. The database's CHECK refuses a 5-star row outside the band on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import {
  createCertificationResults,
  type Candidate,
  type CertificationResults,
} from '../../src/features/catalog/certification-results.server';
import {
  currentCertification,
  type NationalResultForm,
} from '../../src/features/catalog/certification-history';
import { certificationResults } from '../../src/lib/db/schema';
import { databaseTargets, type TestDatabase } from './db-harness';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NONI = 'nuoc-cot-nhau-sk-noni';
const candidates = new Map<string, Candidate>([
  [
    NONI,
    {
      productId: NONI,
      provinceId: 'ca-mau',
      certification: {
        stars: 4,
        score: 91,
        recognisedOn: day('2023-12-05'),
        level: 'provincial',
        decisionNumber: '2301/QĐ-UBND',
        candidacy: { submittedOn: day('2024-10-15') },
      },
    },
  ],
]);
const caMau: Actor = { id: 'promoter-ca-mau', role: 'promoter', producerId: null, provinceId: 'ca-mau' };
const benTre: Actor = { id: 'promoter-ben-tre', role: 'promoter', producerId: null, provinceId: 'ben-tre' };
const producer: Actor = { id: 'producer-sk-noni', role: 'producer', producerId: 'sk-noni', provinceId: null };
const recognised: NationalResultForm = {
  productId: NONI,
  outcome: 'recognised',
  decidedOn: '2026-10-30',
  decisionNumber: '4321/QĐ-BNNMT',
  score: '92',
  level: 'national',
  reason: null,
};

describe.each(databaseTargets())('national results on $name', (target) => {
  let database: TestDatabase;
  let service: CertificationResults;
  const rows = async () => (await database.db.select({ n: count() }).from(certificationResults))[0]!.n;

  beforeAll(async () => {
    database = await target.open();
    service = createCertificationResults({
      db: database.db,
      candidate: async (id) => candidates.get(id),
      today: () => day('2026-11-21'),
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('refuses a promoter of another province, a producer and a visitor, writing nothing', async () => {
    expect(await service.recordFor(benTre, recognised)).toEqual({ kind: 'refused' });
    expect(await service.recordFor(producer, recognised)).toEqual({ kind: 'refused' });
    expect(await service.recordFor(null, recognised)).toEqual({ kind: 'refused' });
    expect(await rows()).toBe(0);
  });

  it('says a product that is not a candidate is not one', async () => {
    expect(await service.recordFor(caMau, { ...recognised, productId: 'tom-kho-ngoc-giau' })).toEqual({
      kind: 'not-candidate',
    });
    expect(await rows()).toBe(0);
  });

  it('returns field problems and writes nothing for a score below 5 stars or a future date', async () => {
    const outcome = await service.recordFor(caMau, { ...recognised, score: '88', decidedOn: '2026-11-22' });
    expect(outcome).toEqual({
      kind: 'problems',
      problems: { score: 'scoreNotFiveStars', decidedOn: 'decidedOnFuture' },
    });
    expect(await rows()).toBe(0);
  });

  it('records a refusal, then a recognition, and keeps both in the order recorded', async () => {
    const first = await service.recordFor(caMau, {
      ...recognised,
      outcome: 'not-recognised',
      decidedOn: '2026-06-01',
      decisionNumber: null,
      score: null,
      reason: 'Chưa đủ chứng nhận xuất khẩu',
    });
    expect(first).toMatchObject({
      kind: 'recorded',
      result: { outcome: 'not-recognised', recordedBy: caMau.id },
    });
    const second = await service.recordFor(caMau, recognised);
    expect(second).toMatchObject({ kind: 'recorded', result: { outcome: 'recognised', score: 92 } });

    const history = (await service.resultsOf([NONI])).get(NONI)!;
    expect(history.map((r) => r.outcome)).toEqual(['not-recognised', 'recognised']);
    expect(history[0]!.id).toBeLessThan(history[1]!.id);
    const { current } = currentCertification(candidates.get(NONI)!.certification, history, day('2026-11-21'));
    expect(current).toMatchObject({
      stars: 5,
      level: 'national',
      decisionNumber: '4321/QĐ-BNNMT',
      status: 'valid',
    });
    expect(current.recognisedOn.toISOString().slice(0, 10)).toBe('2026-10-30');
  });

  it('never lets a 5-star row outside the band or away from the national level into the table', async () => {
    const before = await rows();
    await expect(
      database.db.insert(certificationResults).values({
        productId: NONI,
        outcome: 'recognised',
        decidedOn: '2026-10-30',
        decisionNumber: 'X',
        score: 85,
        level: 'national',
        recordedBy: caMau.id,
      }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(certificationResults).values({
        productId: NONI,
        outcome: 'recognised',
        decidedOn: '2026-10-30',
        decisionNumber: 'X',
        score: 95,
        level: 'provincial',
        recordedBy: caMau.id,
      }),
    ).rejects.toThrow();
    expect(await rows()).toBe(before);
  });
});
