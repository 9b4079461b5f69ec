import { describe, expect, it } from 'vitest';
import type { Certification } from './catalog';
import {
  currentCertification,
  nationalResultFormSchema,
  nationalResultProblems,
  parseDay,
  type NationalResult,
  type NationalResultForm,
  type NationalResultInput,
} from './certification-history';
import { catalogMessages } from './messages';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const context = { submittedOn: day('2024-10-15'), today: day('2026-11-21') };
const recognisedForm: NationalResultForm = {
  productId: 'nuoc-cot-nhau-sk-noni',
  outcome: 'recognised',
  decidedOn: '2026-10-30',
  decisionNumber: '4321/QĐ-BNNMT',
  score: '92',
  level: 'national',
  reason: null,
};
const fourStars: Certification = {
  stars: 4,
  score: 91,
  recognisedOn: day('2023-12-05'),
  level: 'provincial',
  decisionNumber: '2301/QĐ-UBND',
  candidacy: { submittedOn: day('2024-10-15') },
};

function stored(id: number, recordedAt: string, result: NationalResultInput): NationalResult {
  return {
    ...result,
    id,
    productId: 'nuoc-cot-nhau-sk-noni',
    recordedBy: 'promoter-ca-mau',
    recordedAt: new Date(recordedAt),
  };
}

describe('nationalResultProblems', () => {
  it('accepts a 5-star recognition at national level within the band', () => {
    expect(nationalResultProblems(recognisedForm, context)).toEqual({
      result: {
        outcome: 'recognised',
        decidedOn: day('2026-10-30'),
        decisionNumber: '4321/QĐ-BNNMT',
        score: 92,
        level: 'national',
      },
    });
  });

  it('refuses a score outside the 5-star band, naming the score field', () => {
    expect(nationalResultProblems({ ...recognisedForm, score: '89.5' }, context).problems).toEqual({
      score: 'scoreNotFiveStars',
    });
    expect(nationalResultProblems({ ...recognisedForm, score: '101' }, context).problems).toEqual({
      score: 'scoreNotFiveStars',
    });
    expect(nationalResultProblems({ ...recognisedForm, score: '9e1' }, context).problems).toEqual({
      score: 'scoreNotFiveStars',
    });
    expect(nationalResultProblems({ ...recognisedForm, score: '' }, context).problems).toEqual({
      score: 'scoreRequired',
    });
  });

  it('takes 100 and a decimal comma as scores', () => {
    expect(nationalResultProblems({ ...recognisedForm, score: '100' }, context).result).toMatchObject({
      score: 100,
    });
    expect(nationalResultProblems({ ...recognisedForm, score: '90,5' }, context).result).toMatchObject({
      score: 90.5,
    });
  });

  it('refuses a decision dated before the dossier or after today in Vietnam', () => {
    expect(nationalResultProblems({ ...recognisedForm, decidedOn: '2024-10-14' }, context).problems).toEqual({
      decidedOn: 'decidedOnBeforeDossier',
    });
    expect(nationalResultProblems({ ...recognisedForm, decidedOn: '2026-11-22' }, context).problems).toEqual({
      decidedOn: 'decidedOnFuture',
    });
    // The dossier day and today are both allowed.
    expect(
      nationalResultProblems({ ...recognisedForm, decidedOn: '2024-10-15' }, context).result,
    ).toBeDefined();
    expect(
      nationalResultProblems({ ...recognisedForm, decidedOn: '2026-11-21' }, context).result,
    ).toBeDefined();
  });

  it('refuses a date that is not a real calendar day', () => {
    for (const decidedOn of ['', null]) {
      expect(nationalResultProblems({ ...recognisedForm, decidedOn }, context).problems).toEqual({
        decidedOn: 'decidedOnRequired',
      });
    }
    for (const decidedOn of ['2026-02-30', '30/10/2026']) {
      expect(nationalResultProblems({ ...recognisedForm, decidedOn }, context).problems).toEqual({
        decidedOn: 'decidedOnInvalid',
      });
    }
  });

  it('refuses a level other than national, and a missing decision number', () => {
    expect(
      nationalResultProblems({ ...recognisedForm, level: 'provincial', decisionNumber: ' ' }, context)
        .problems,
    ).toEqual({ level: 'levelNotNational', decisionNumber: 'decisionNumberRequired' });
  });

  it('needs a reason, and only a reason, when the product was not recognised', () => {
    const form: NationalResultForm = {
      productId: 'nuoc-cot-nhau-sk-noni',
      outcome: 'not-recognised',
      decidedOn: '2026-09-01',
      decisionNumber: null,
      score: null,
      level: null,
      reason: '  Chưa đủ tiêu chí xuất khẩu ',
    };
    expect(nationalResultProblems(form, context)).toEqual({
      result: {
        outcome: 'not-recognised',
        decidedOn: day('2026-09-01'),
        reason: 'Chưa đủ tiêu chí xuất khẩu',
      },
    });
    expect(nationalResultProblems({ ...form, reason: '' }, context).problems).toEqual({
      reason: 'reasonRequired',
    });
  });

  it('has a message in both languages for every problem it can return', () => {
    const keys = [
      'decidedOnRequired',
      'decidedOnInvalid',
      'decidedOnBeforeDossier',
      'decidedOnFuture',
      'decisionNumberRequired',
      'decisionNumberTooLong',
      'scoreRequired',
      'scoreNotFiveStars',
      'levelNotNational',
      'reasonRequired',
      'reasonTooLong',
      'productNotCandidate',
      'outcomeRequired',
    ];
    for (const key of keys) expect(catalogMessages).toHaveProperty([key, 'vi']);
  });
});

describe('nationalResultFormSchema', () => {
  it('refuses a product id that is not a strict slug', () => {
    const parsed = nationalResultFormSchema.safeParse({ ...recognisedForm, productId: 'Nuoc cot; drop' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('productNotCandidate');
  });
});

describe('parseDay', () => {
  it('reads YYYY-MM-DD as midnight UTC and nothing else', () => {
    expect(parseDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2024-2-9')).toBeNull();
  });
});

describe('currentCertification', () => {
  const now = new Date('2026-11-21T03:00:00Z');

  it('keeps the 4-star certificate when there is no national result', () => {
    const { current, history } = currentCertification(fourStars, [], now);
    expect(current).toMatchObject({ stars: 4, source: 'file', status: 'valid' });
    expect(current.validUntil.toISOString().slice(0, 10)).toBe('2026-12-05');
    expect(history.map((h) => h.kind)).toEqual(['certificate', 'candidacy']);
    expect(history[0]).toMatchObject({ replacedOn: null });
  });

  it('replaces the 4-star certificate with a 5-star recognition, valid 36 months from its decision', () => {
    const recognised = stored(1, '2026-11-01T02:00:00Z', {
      outcome: 'recognised',
      decidedOn: day('2026-10-30'),
      decisionNumber: '4321/QĐ-BNNMT',
      score: 92,
      level: 'national',
    });
    const { current, history } = currentCertification(fourStars, [recognised], now);
    expect(current).toMatchObject({
      stars: 5,
      score: 92,
      level: 'national',
      source: 'national',
      status: 'valid',
    });
    expect(current.validUntil.toISOString().slice(0, 10)).toBe('2029-10-30');
    expect(history.map((h) => h.kind)).toEqual(['certificate', 'candidacy', 'result']);
    expect(history[0]).toMatchObject({ replacedOn: day('2026-10-30') });
  });

  it('leaves the 4-star certificate in force after a refusal', () => {
    const refused = stored(1, '2026-09-02T02:00:00Z', {
      outcome: 'not-recognised',
      decidedOn: day('2026-09-01'),
      reason: 'Chưa đủ tiêu chí xuất khẩu',
    });
    const { current, history } = currentCertification(fourStars, [refused], now);
    expect(current).toMatchObject({ stars: 4, source: 'file' });
    expect(history[0]).toMatchObject({ replacedOn: null });
  });

  it('counts the latest recorded result and keeps the earlier one in the history as corrected', () => {
    const wrong = stored(2, '2026-11-01T02:00:00Z', {
      outcome: 'recognised',
      decidedOn: day('2026-10-30'),
      decisionNumber: '4321/QĐ-BNNMT',
      score: 92,
      level: 'national',
    });
    const correction = stored(3, '2026-11-02T02:00:00Z', {
      outcome: 'not-recognised',
      decidedOn: day('2026-10-30'),
      reason: 'Nhập nhầm sản phẩm',
    });
    // Given out of order: the recording time decides.
    const { current, history } = currentCertification(fourStars, [correction, wrong], now);
    expect(current.stars).toBe(4);
    const results = history.filter((h) => h.kind === 'result');
    expect(results.map((h) => h.result.id)).toEqual([2, 3]);
    expect(results[0]).toMatchObject({ supersededOn: new Date('2026-11-02T02:00:00Z') });
    expect(results[1]).toMatchObject({ supersededOn: null });
  });

  it('counts a lapsed 4-star certificate as expired on Vietnam’s day', () => {
    const { current } = currentCertification(fourStars, [], new Date('2026-12-05T17:00:00Z'));
    expect(current.status).toBe('expired');
  });
});
