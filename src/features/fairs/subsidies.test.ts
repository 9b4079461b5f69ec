import { describe, expect, it } from 'vitest';
import {
  applyRate,
  basisPointsToPercent,
  bestValidStars,
  isDisadvantagedCommune,
  percentToBasisPoints,
  programmeProblems,
  subsidyFor,
  subsidyProgrammeSchema,
  subsidyRuleSchema,
  type CostItem,
  type SubsidyApplicant,
  type SubsidyProgramme,
  type SubsidyRuleInput,
  type SubsidyStanding,
} from './subsidies';
import { DEFAULT_TERMS } from './terms';

const rule = (input: Partial<SubsidyRuleInput> = {}) =>
  subsidyRuleSchema.parse({ label: 'Standard 50%', rateBp: 5_000, eligibleItems: ['rent'], ...input });

const programme = (overrides: Partial<SubsidyProgramme> = {}): SubsidyProgramme => ({
  name: 'Ben Tre 2026',
  budget: 1_000_000_000,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  maxProducers: null,
  capPerProducerPerFair: null,
  capPerProducerPerPeriod: null,
  maxFairsPerProducer: null,
  disadvantagedCommunes: [],
  terms: DEFAULT_TERMS,
  rules: [rule()],
  ...overrides,
});

const applicant = (overrides: Partial<SubsidyApplicant> = {}): SubsidyApplicant => ({
  producerId: 'dong-a',
  kind: 'enterprise',
  provinceId: 'ben-tre',
  disadvantagedCommune: false,
  stars: 4,
  ...overrides,
});

const fresh = (overrides: Partial<SubsidyStanding> = {}): SubsidyStanding => ({
  poolRemaining: 1_000_000_000,
  producersSupported: 0,
  producerSupported: false,
  producerFairUsed: 0,
  producerPeriodUsed: 0,
  producerFairsSupported: 0,
  ...overrides,
});

const rent = (amount: number): CostItem => ({ kind: 'rent', amount });
const service = (amount: number): CostItem => ({ kind: 'service', amount });

describe('subsidyFor: the cases of issue 6', () => {
  it('a 76,000,000 ₫ standard booth at 50% → subsidy 38,000,000 ₫, producer pays 38,000,000 ₫', () => {
    const d = subsidyFor([rent(76_000_000)], applicant(), programme(), fresh());
    expect(d).toMatchObject({
      total: 76_000_000,
      subsidy: 38_000_000,
      producerPays: 38_000_000,
      outcome: 'full',
      ruleIndex: 0,
    });
    expect(d.lines).toEqual([
      { key: 'total', amount: 76_000_000 },
      { key: 'ruleEligible', rule: 'Standard 50%', amount: 38_000_000 },
      { key: 'chosen', rule: 'Standard 50%', rateBp: 5_000, base: 76_000_000, amount: 38_000_000 },
      { key: 'subsidy', amount: 38_000_000 },
      { key: 'producerPays', amount: 38_000_000 },
    ]);
  });

  it('the same booth with a 20,000,000 ₫ cap per booking → 20,000,000 ₫ and 56,000,000 ₫, naming the cap', () => {
    const p = programme({ rules: [rule({ capPerBooking: 20_000_000 })] });
    const d = subsidyFor([rent(76_000_000)], applicant(), p, fresh());
    expect(d).toMatchObject({
      subsidy: 20_000_000,
      producerPays: 56_000_000,
      entitlement: 20_000_000,
      outcome: 'full',
      shortfall: 0,
    });
    expect(d.lines).toContainEqual({
      key: 'limited',
      reason: 'capPerBooking',
      limit: 20_000_000,
      amount: 20_000_000,
    });
  });

  it('a producer from a disadvantaged commune at 100% pays only the non-eligible 5,000,000 ₫ service fee', () => {
    const p = programme({
      rules: [
        rule(),
        rule({ label: 'Disadvantaged communes 100%', rateBp: 10_000, disadvantagedOnly: true }),
      ],
    });
    const d = subsidyFor(
      [rent(76_000_000), service(5_000_000)],
      applicant({ disadvantagedCommune: true }),
      p,
      fresh(),
    );
    expect(d).toMatchObject({
      total: 81_000_000,
      subsidy: 76_000_000,
      producerPays: 5_000_000,
      ruleIndex: 1,
      rateBp: 10_000,
    });
  });

  it('a pool of 100,000,000 ₫ and three applicants needing 38,000,000 ₫: two in full, the third gets the 24,000,000 ₫ remainder', () => {
    const p = programme({ budget: 100_000_000 });
    let remaining = 100_000_000;
    let supported = 0;
    const results = ['a', 'b', 'c'].map((producerId) => {
      const d = subsidyFor(
        [rent(76_000_000)],
        applicant({ producerId }),
        p,
        fresh({ poolRemaining: remaining, producersSupported: supported }),
      );
      remaining -= d.subsidy;
      if (d.subsidy > 0) supported += 1;
      return d;
    });
    expect(results.map((d) => [d.subsidy, d.producerPays, d.outcome])).toEqual([
      [38_000_000, 38_000_000, 'full'],
      [38_000_000, 38_000_000, 'full'],
      [24_000_000, 52_000_000, 'partial'],
    ]);
    expect(results[2]).toMatchObject({ shortfall: 14_000_000, limitedBy: ['budget'] });
    expect(results[2]!.lines).toContainEqual({
      key: 'limited',
      reason: 'budget',
      limit: 24_000_000,
      amount: 24_000_000,
    });
    expect(remaining).toBe(0);
    // A fourth applicant finds the pool empty.
    const fourth = subsidyFor(
      [rent(76_000_000)],
      applicant({ producerId: 'd' }),
      p,
      fresh({ poolRemaining: remaining }),
    );
    expect(fourth).toMatchObject({
      subsidy: 0,
      producerPays: 76_000_000,
      outcome: 'none',
      shortfall: 38_000_000,
    });
  });

  it('50% for at most 34 businesses: the 34th is funded, the 35th gets none', () => {
    const p = programme({ maxProducers: 34 });
    const thirtyFourth = subsidyFor([rent(76_000_000)], applicant(), p, fresh({ producersSupported: 33 }));
    expect(thirtyFourth).toMatchObject({ subsidy: 38_000_000, outcome: 'full' });
    const thirtyFifth = subsidyFor([rent(76_000_000)], applicant(), p, fresh({ producersSupported: 34 }));
    expect(thirtyFifth).toMatchObject({
      subsidy: 0,
      producerPays: 76_000_000,
      outcome: 'none',
      limitedBy: ['maxProducers'],
    });
  });

  it('a producer already counted among the 34 may take a second booth', () => {
    const p = programme({ maxProducers: 34 });
    const d = subsidyFor(
      [rent(10_000_000)],
      applicant(),
      p,
      fresh({ producersSupported: 34, producerSupported: true, producerFairUsed: 1 }),
    );
    expect(d.subsidy).toBe(5_000_000);
  });
});

describe('subsidyFor: choosing one rule', () => {
  it('takes the most favourable single rule and never stacks two', () => {
    const p = programme({
      rules: [
        rule({ label: 'A', rateBp: 3_000 }),
        rule({ label: 'B', rateBp: 7_000 }),
        rule({ label: 'C', rateBp: 5_000 }),
      ],
    });
    const d = subsidyFor([rent(10_000_000)], applicant(), p, fresh());
    expect(d).toMatchObject({ ruleIndex: 1, subsidy: 7_000_000 });
  });

  it('compares rules after their caps: a capped 100% rule can lose to an uncapped 50% one', () => {
    const p = programme({
      rules: [
        rule({ label: '100% capped', rateBp: 10_000, capPerBooking: 30_000_000 }),
        rule({ label: '50%' }),
      ],
    });
    const d = subsidyFor([rent(76_000_000)], applicant(), p, fresh());
    expect(d).toMatchObject({ ruleIndex: 1, subsidy: 38_000_000 });
  });

  it('breaks a tie in favour of the rule listed first, and says so', () => {
    const p = programme({ rules: [rule({ label: 'First' }), rule({ label: 'Second' })] });
    const d = subsidyFor([rent(10_000_000)], applicant(), p, fresh());
    expect(d.ruleIndex).toBe(0);
    expect(d.lines).toContainEqual({ key: 'tieBreak', rule: 'First' });
  });

  it('explains why each rule does not apply', () => {
    const p = programme({
      rules: [
        rule({ label: '5 stars', minStars: 5 }),
        rule({ label: 'Cooperatives', producerKinds: ['cooperative'] }),
        rule({ label: 'Son La', provinces: ['son-la'] }),
        rule({ label: 'Disadvantaged', disadvantagedOnly: true }),
        rule({ label: 'Decoration', eligibleItems: ['decoration'] }),
        rule({ label: 'Big booths', minCost: 50_000_000 }),
      ],
    });
    const d = subsidyFor([rent(10_000_000)], applicant({ stars: 4 }), p, fresh());
    expect(d).toMatchObject({ ruleIndex: null, subsidy: 0, producerPays: 10_000_000, outcome: 'ineligible' });
    expect(d.lines.filter((l) => l.key === 'ruleNotEligible')).toEqual([
      { key: 'ruleNotEligible', rule: '5 stars', reason: 'stars', stars: 5 },
      { key: 'ruleNotEligible', rule: 'Cooperatives', reason: 'kind' },
      { key: 'ruleNotEligible', rule: 'Son La', reason: 'province' },
      { key: 'ruleNotEligible', rule: 'Disadvantaged', reason: 'disadvantaged' },
      { key: 'ruleNotEligible', rule: 'Decoration', reason: 'noEligibleItems' },
      { key: 'ruleNotEligible', rule: 'Big booths', reason: 'minCost', minCost: 50_000_000 },
    ]);
    expect(d.lines).toContainEqual({ key: 'noRule' });
  });

  it('a producer with no valid certificate fails any star condition', () => {
    const d = subsidyFor(
      [rent(10_000_000)],
      applicant({ stars: null }),
      programme({ rules: [rule({ minStars: 3 })] }),
      fresh(),
    );
    expect(d.outcome).toBe('ineligible');
  });

  it('star boundaries: 4 stars meets "at least 4", 3 does not', () => {
    const p = programme({ rules: [rule({ minStars: 4 })] });
    expect(subsidyFor([rent(1_000)], applicant({ stars: 4 }), p, fresh()).subsidy).toBe(500);
    expect(subsidyFor([rent(1_000)], applicant({ stars: 5 }), p, fresh()).subsidy).toBe(500);
    expect(subsidyFor([rent(1_000)], applicant({ stars: 3 }), p, fresh()).subsidy).toBe(0);
  });

  it('minimum cost boundary: exactly the minimum qualifies, one đồng less does not', () => {
    const p = programme({ rules: [rule({ minCost: 20_000_000 })] });
    expect(subsidyFor([rent(20_000_000)], applicant(), p, fresh()).subsidy).toBe(10_000_000);
    expect(subsidyFor([rent(19_999_999)], applicant(), p, fresh()).subsidy).toBe(0);
  });

  it('counts only the eligible items towards the rate and the minimum cost', () => {
    const p = programme({ rules: [rule({ minCost: 10_000_000 })] });
    const d = subsidyFor([rent(8_000_000), service(5_000_000)], applicant(), p, fresh());
    expect(d).toMatchObject({ subsidy: 0, producerPays: 13_000_000 });
  });

  it('a programme without rules gives nothing', () => {
    const d = subsidyFor([rent(1_000)], applicant(), programme({ rules: [] }), fresh());
    expect(d).toMatchObject({ subsidy: 0, outcome: 'ineligible' });
    expect(d.lines).toContainEqual({ key: 'noRules' });
  });

  it('a 0% rule applies but gives nothing', () => {
    const d = subsidyFor([rent(1_000)], applicant(), programme({ rules: [rule({ rateBp: 0 })] }), fresh());
    expect(d).toMatchObject({ subsidy: 0, ruleIndex: 0, outcome: 'full' });
  });
});

describe('subsidyFor: rounding in whole đồng', () => {
  it('rounds down, so the pool never pays a fraction up', () => {
    expect(subsidyFor([rent(75_000_001)], applicant(), programme(), fresh())).toMatchObject({
      subsidy: 37_500_000,
      producerPays: 37_500_001,
    });
    const third = programme({ rules: [rule({ rateBp: 3_333 })] });
    expect(subsidyFor([rent(10)], applicant(), third, fresh()).subsidy).toBe(3);
    expect(subsidyFor([rent(1)], applicant(), programme(), fresh()).subsidy).toBe(0);
  });

  it('subsidy and producer share always add up to the total', () => {
    for (const amount of [1, 7, 99, 1_234_567, 76_000_000, 999_999_999]) {
      for (const rateBp of [1, 3_333, 5_000, 6_667, 9_999, 10_000]) {
        const d = subsidyFor(
          [rent(amount), service(12_345)],
          applicant(),
          programme({ rules: [rule({ rateBp })] }),
          fresh(),
        );
        expect(d.subsidy + d.producerPays).toBe(d.total);
        expect(Number.isInteger(d.subsidy)).toBe(true);
        expect(d.subsidy).toBeLessThanOrEqual(amount);
      }
    }
  });

  it('stays exact beyond 2^53 / 10,000', () => {
    expect(applyRate(9_000_000_000_000_001, 5_000)).toBe(4_500_000_000_000_000);
  });
});

describe('subsidyFor: producer limits and the pool', () => {
  it('caps a producer per fair and per period, naming what capped it', () => {
    const p = programme({ capPerProducerPerFair: 30_000_000, capPerProducerPerPeriod: 50_000_000 });
    const atFair = subsidyFor(
      [rent(76_000_000)],
      applicant(),
      p,
      fresh({ producerFairUsed: 10_000_000, producerPeriodUsed: 10_000_000 }),
    );
    expect(atFair).toMatchObject({
      subsidy: 20_000_000,
      limitedBy: ['capPerProducerPerFair'],
      outcome: 'partial',
    });
    const inPeriod = subsidyFor(
      [rent(76_000_000)],
      applicant(),
      p,
      fresh({ producerPeriodUsed: 45_000_000 }),
    );
    expect(inPeriod).toMatchObject({
      subsidy: 5_000_000,
      limitedBy: ['capPerProducerPerFair', 'capPerProducerPerPeriod'],
    });
    const spent = subsidyFor([rent(76_000_000)], applicant(), p, fresh({ producerPeriodUsed: 50_000_000 }));
    expect(spent).toMatchObject({ subsidy: 0, outcome: 'none' });
  });

  it('limits the fairs a producer is supported at, but not a second booth at a fair already supported', () => {
    const p = programme({ maxFairsPerProducer: 2 });
    expect(subsidyFor([rent(2_000)], applicant(), p, fresh({ producerFairsSupported: 2 })).subsidy).toBe(0);
    expect(subsidyFor([rent(2_000)], applicant(), p, fresh({ producerFairsSupported: 1 })).subsidy).toBe(
      1_000,
    );
    expect(
      subsidyFor([rent(2_000)], applicant(), p, fresh({ producerFairsSupported: 2, producerFairUsed: 1_000 }))
        .subsidy,
    ).toBe(1_000);
  });

  it('pool boundaries: exactly enough funds in full, one đồng short is partial, empty is none', () => {
    const need = 38_000_000;
    expect(
      subsidyFor([rent(76_000_000)], applicant(), programme(), fresh({ poolRemaining: need })).outcome,
    ).toBe('full');
    expect(
      subsidyFor([rent(76_000_000)], applicant(), programme(), fresh({ poolRemaining: need - 1 })),
    ).toMatchObject({ subsidy: need - 1, outcome: 'partial', shortfall: 1 });
    expect(
      subsidyFor([rent(76_000_000)], applicant(), programme(), fresh({ poolRemaining: 0 })),
    ).toMatchObject({ subsidy: 0, outcome: 'none' });
  });

  it('an overdrawn pool (negative remaining) never yields a negative subsidy', () => {
    expect(
      subsidyFor([rent(76_000_000)], applicant(), programme(), fresh({ poolRemaining: -5 })).subsidy,
    ).toBe(0);
  });

  it('applies every limit, each in the explanation, and the pool last', () => {
    const p = programme({ capPerProducerPerFair: 30_000_000, rules: [rule({ capPerBooking: 35_000_000 })] });
    const d = subsidyFor([rent(76_000_000)], applicant(), p, fresh({ poolRemaining: 12_000_000 }));
    expect(d.lines.filter((l) => l.key === 'limited')).toEqual([
      { key: 'limited', reason: 'capPerBooking', limit: 35_000_000, amount: 35_000_000 },
      { key: 'limited', reason: 'capPerProducerPerFair', limit: 30_000_000, amount: 30_000_000 },
      { key: 'limited', reason: 'budget', limit: 12_000_000, amount: 12_000_000 },
    ]);
    expect(d).toMatchObject({ entitlement: 35_000_000, subsidy: 12_000_000, shortfall: 23_000_000 });
  });

  it('is deterministic: the same input gives the same decision', () => {
    const args = [
      [rent(76_000_000), service(5_000_000)],
      applicant(),
      programme({ rules: [rule(), rule({ label: 'Other' })] }),
      fresh(),
    ] as const;
    expect(subsidyFor(...args)).toEqual(subsidyFor(...args));
  });
});

describe('policy schemas', () => {
  it('refuses a rate above 100%, a fractional rate step and negative or fractional money', () => {
    const issues = (input: object) =>
      subsidyRuleSchema
        .safeParse({ label: 'x', eligibleItems: ['rent'], rateBp: 5_000, ...input })
        .error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ rateBp: 10_001 })).toEqual([['rateBp', 'rule.rateRange']]);
    expect(issues({ rateBp: -1 })).toEqual([['rateBp', 'rule.rateRange']]);
    expect(issues({ rateBp: 50.5 })).toEqual([['rateBp', 'rule.rateStep']]);
    expect(issues({ capPerBooking: -1 })).toEqual([['capPerBooking', 'field.negative']]);
    expect(issues({ minCost: 0.5 })).toEqual([['minCost', 'field.wholeDong']]);
    expect(issues({ eligibleItems: [] })).toEqual([['eligibleItems', 'rule.items']]);
  });

  it('refuses a programme without rules, without budget, or with a reversed period', () => {
    const parsed = subsidyProgrammeSchema.safeParse({
      name: 'x',
      budget: 0,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      rules: [],
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['budget', 'rules']);
    expect(programmeProblems(programme({ periodStart: '2026-06-01', periodEnd: '2026-05-31' }))).toEqual({
      periodEnd: 'programme.periodReversed',
    });
    expect(programmeProblems(programme())).toEqual({});
  });

  it('reads percentages as promoters type them', () => {
    expect(percentToBasisPoints('50')).toBe(5_000);
    expect(percentToBasisPoints('37.5')).toBe(3_750);
    expect(percentToBasisPoints('12,25 %')).toBe(1_225);
    expect(percentToBasisPoints('100')).toBe(10_000);
    expect(percentToBasisPoints('12.345')).toBeNull();
    expect(percentToBasisPoints('-5')).toBeNull();
    expect(percentToBasisPoints('abc')).toBeNull();
    expect(basisPointsToPercent(3_750)).toBe('37.5');
  });
});

describe('applicant facts', () => {
  it('best valid stars ignores lapsed certificates', () => {
    expect(
      bestValidStars([
        { stars: 5, valid: false },
        { stars: 4, valid: true },
        { stars: 3, valid: true },
      ]),
    ).toBe(4);
    expect(bestValidStars([{ stars: 5, valid: false }])).toBeNull();
  });

  it('matches disadvantaged communes regardless of case and spacing', () => {
    expect(isDisadvantagedCommune('Xã  Mỹ Thạnh', ['xã mỹ thạnh'])).toBe(true);
    expect(isDisadvantagedCommune('Xã Mỹ Thạnh', ['Xã Mỹ Thành'])).toBe(false);
  });
});
