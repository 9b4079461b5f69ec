import { describe, expect, it } from 'vitest';
import {
  programmeProblems,
  subsidyFor,
  subsidyProgrammeSchema,
  subsidyRuleSchema,
  type CostItem,
  type SubsidyApplicant,
  type SubsidyEvent,
  type SubsidyProgramme,
  type SubsidyStanding,
} from './subsidies';
import {
  compareSubmissions,
  priorityOf,
  programmeTermsSchema,
  stepProblems,
  vatSplit,
  type ProgrammeTermsInput,
} from './terms';

const rule = subsidyRuleSchema.parse({ label: 'Booth rent', rateBp: 7_000, eligibleItems: ['rent'] });

const programme = (terms: ProgrammeTermsInput = {}, overrides: Partial<SubsidyProgramme> = {}) =>
  subsidyProgrammeSchema.parse({
    name: 'Programme',
    budget: 1_000_000_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    rules: [rule],
    terms,
    ...overrides,
  });

const applicant: SubsidyApplicant = {
  producerId: 'p',
  kind: 'cooperative',
  provinceId: 'ben-tre',
  disadvantagedCommune: false,
  stars: 4,
};

const standing = (
  participations = { lifetime: 0, year: 0, fair: 0 },
  pool = 1_000_000_000,
): SubsidyStanding => ({
  poolRemaining: pool,
  producersSupported: 0,
  producerSupported: false,
  producerFairUsed: 0,
  producerPeriodUsed: 0,
  producerFairsSupported: 0,
  participations,
});

const event = (overrides: Partial<SubsidyEvent> = {}): SubsidyEvent => ({
  areaClass: 'other',
  edition: 1,
  vatMode: 'none',
  vatRateBp: 0,
  ...overrides,
});

const rent = (amount: number): CostItem => ({ kind: 'rent', amount });
const HISTORY = {
  historySteps: [
    { from: 1, to: 2, rateBp: 7_000 },
    { from: 3, rateBp: 5_000 },
  ],
};

describe('rates by history', () => {
  it('the first two supported participations at 70%, the third at 50%', () => {
    const p = programme(HISTORY);
    expect(subsidyFor([rent(10_000_000)], applicant, p, standing(), event()).subsidy).toBe(7_000_000);
    expect(
      subsidyFor([rent(10_000_000)], applicant, p, standing({ lifetime: 1, year: 1, fair: 0 }), event())
        .subsidy,
    ).toBe(7_000_000);
    const third = subsidyFor(
      [rent(10_000_000)],
      applicant,
      p,
      standing({ lifetime: 2, year: 1, fair: 0 }),
      event(),
    );
    expect(third.subsidy).toBe(5_000_000);
    expect(third.lines).toContainEqual({ key: 'historyRate', participation: 3, rateBp: 5_000 });
  });

  it('a lower rate each time the same fair is repeated', () => {
    const p = programme({
      repetitionSteps: [
        { from: 1, to: 1, rateBp: 7_000 },
        { from: 2, rateBp: 3_000 },
      ],
    });
    const d = subsidyFor([rent(9_999_999)], applicant, p, standing(), event({ edition: 4 }));
    expect(d.subsidy).toBe(2_999_999);
    expect(d.lines).toContainEqual({ key: 'repetitionRate', edition: 4, rateBp: 3_000 });
  });

  it('limits on participations per fair, per year and over a lifetime each give nothing, named', () => {
    const p = programme({ maxPerFair: 1, maxPerYear: 2, maxLifetime: 5 });
    const atFair = subsidyFor(
      [rent(1_000_000)],
      applicant,
      p,
      standing({ lifetime: 1, year: 1, fair: 1 }),
      event(),
    );
    expect(atFair).toMatchObject({ subsidy: 0, limitedBy: ['maxPerFair'], outcome: 'none' });
    const inYear = subsidyFor(
      [rent(1_000_000)],
      applicant,
      p,
      standing({ lifetime: 2, year: 2, fair: 0 }),
      event(),
    );
    expect(inYear.limitedBy).toEqual(['maxPerYear']);
    expect(inYear.lines).toContainEqual({ key: 'limited', reason: 'maxPerYear', limit: 2, amount: 0 });
    const life = subsidyFor(
      [rent(1_000_000)],
      applicant,
      p,
      standing({ lifetime: 5, year: 0, fair: 0 }),
      event(),
    );
    expect(life.limitedBy).toEqual(['maxLifetime']);
    expect(
      subsidyFor([rent(1_000_000)], applicant, p, standing({ lifetime: 4, year: 1, fair: 0 }), event())
        .subsidy,
    ).toBe(700_000);
  });
});

describe('rates by where the fair is', () => {
  it('100% at mountain, border and island fairs, the rule’s rate elsewhere', () => {
    const p = programme({ areaRates: { mountain: 10_000, border: 10_000, island: 10_000 } });
    const m = subsidyFor([rent(12_345_678)], applicant, p, standing(), event({ areaClass: 'mountain' }));
    expect(m).toMatchObject({ subsidy: 12_345_678, producerPays: 0, rateBp: 10_000 });
    expect(m.lines).toContainEqual({ key: 'areaRate', area: 'mountain', rateBp: 10_000 });
    expect(subsidyFor([rent(12_345_678)], applicant, p, standing(), event()).subsidy).toBe(8_641_974);
  });
});

describe('VAT', () => {
  it('splits prices with or without VAT in whole đồng', () => {
    expect(vatSplit(10_000_001, { vatMode: 'excluded', vatRateBp: 800 })).toEqual({
      net: 10_000_001,
      vat: 800_000,
      gross: 10_800_001,
    });
    expect(vatSplit(10_800_001, { vatMode: 'included', vatRateBp: 800 })).toEqual({
      net: 10_000_001,
      vat: 800_000,
      gross: 10_800_001,
    });
    expect(vatSplit(11_000_000, { vatMode: 'included', vatRateBp: 1_000 })).toEqual({
      net: 10_000_000,
      vat: 1_000_000,
      gross: 11_000_000,
    });
  });

  it('the base leaves VAT out when the terms say so; the producer still pays the VAT-inclusive total', () => {
    const p = programme({ vatInBase: false });
    const d = subsidyFor(
      [rent(10_000_000)],
      applicant,
      p,
      standing(),
      event({ vatMode: 'excluded', vatRateBp: 1_000 }),
    );
    expect(d).toMatchObject({
      total: 11_000_000,
      vat: 1_000_000,
      subsidy: 7_000_000,
      producerPays: 4_000_000,
    });
    expect(d.lines.slice(0, 3)).toEqual([
      { key: 'total', amount: 11_000_000 },
      { key: 'vat', mode: 'excluded', rateBp: 1_000, net: 10_000_000, vat: 1_000_000, gross: 11_000_000 },
      { key: 'base', withVat: false },
    ]);
    const withVat = subsidyFor(
      [rent(10_000_000)],
      applicant,
      programme(),
      standing(),
      event({ vatMode: 'excluded', vatRateBp: 1_000 }),
    );
    expect(withVat.subsidy).toBe(7_700_000);
  });
});

describe('money flow', () => {
  it('upfront: the producer pays only its share now; reimbursement: it pays in full and is repaid the subsidy', () => {
    const up = subsidyFor([rent(10_000_000)], applicant, programme(), standing(), event());
    expect(up).toMatchObject({
      flow: 'upfront',
      subsidy: 7_000_000,
      paysNow: 3_000_000,
      producerPays: 3_000_000,
    });
    const re = subsidyFor(
      [rent(10_000_000)],
      applicant,
      programme({ flow: 'reimbursement' }),
      standing(),
      event(),
    );
    expect(re).toMatchObject({
      flow: 'reimbursement',
      subsidy: 7_000_000,
      paysNow: 10_000_000,
      producerPays: 3_000_000,
    });
    expect(re.lines.at(-1)).toEqual({ key: 'reimbursed', paysNow: 10_000_000, repaid: 7_000_000 });
  });
});

describe('combinations', () => {
  const combined = programme({
    flow: 'reimbursement',
    vatInBase: false,
    areaRates: { mountain: 10_000 },
    historySteps: [
      { from: 1, to: 1, rateBp: 10_000 },
      { from: 2, rateBp: 5_000 },
    ],
    maxPerYear: 3,
  });
  const mountain = event({ areaClass: 'mountain', vatMode: 'excluded', vatRateBp: 800 });

  it('a repeat participation at a mountain-area event, VAT excluded from the base, reimbursed, rounded down', () => {
    const d = subsidyFor(
      [rent(33_333_333)],
      applicant,
      combined,
      standing({ lifetime: 1, year: 1, fair: 0 }),
      mountain,
    );
    // base 33,333,333 (VAT 2,666,666 left out); 100% for the mountain area, then at most 50% for a 2nd participation
    expect(d).toMatchObject({ total: 35_999_999, vat: 2_666_666, rateBp: 5_000, subsidy: 16_666_666 });
    expect(d).toMatchObject({ producerPays: 19_333_333, paysNow: 35_999_999, flow: 'reimbursement' });
    expect(d.lines.map((l) => l.key)).toEqual([
      'total',
      'vat',
      'base',
      'ruleEligible',
      'areaRate',
      'historyRate',
      'chosen',
      'subsidy',
      'producerPays',
      'reimbursed',
    ]);
  });

  it('capped per year: the fourth participation of the year gets nothing', () => {
    const d = subsidyFor(
      [rent(33_333_333)],
      applicant,
      combined,
      standing({ lifetime: 3, year: 3, fair: 0 }),
      mountain,
    );
    expect(d).toMatchObject({ subsidy: 0, paysNow: 35_999_999, limitedBy: ['maxPerYear'] });
  });

  it('never above the pool', () => {
    const d = subsidyFor([rent(33_333_333)], applicant, combined, standing(undefined, 1_234_567), mountain);
    expect(d).toMatchObject({ subsidy: 1_234_567, shortfall: 33_333_333 - 1_234_567, limitedBy: ['budget'] });
  });
});

describe('validation of the terms', () => {
  it('refuses steps that overlap, leave a gap, run backwards or leave later participations without a rate', () => {
    const steps = (input: ProgrammeTermsInput['historySteps']) =>
      stepProblems(programmeTermsSchema.parse({ historySteps: input }).historySteps, 'historySteps');
    expect(
      steps([
        { from: 1, to: 2, rateBp: 7_000 },
        { from: 2, rateBp: 5_000 },
      ]),
    ).toEqual({
      'historySteps.1.from': 'terms.stepOverlap|3',
    });
    expect(
      steps([
        { from: 1, to: 2, rateBp: 7_000 },
        { from: 4, rateBp: 5_000 },
      ]),
    ).toEqual({
      'historySteps.1.from': 'terms.stepGap|3',
    });
    expect(steps([{ from: 2, rateBp: 7_000 }])).toEqual({ 'historySteps.0.from': 'terms.stepGap|1' });
    expect(steps([{ from: 1, to: 2, rateBp: 7_000 }])).toEqual({ 'historySteps.0.to': 'terms.stepNotOpen' });
    expect(steps([{ from: 3, to: 1, rateBp: 7_000 }])).toMatchObject({
      'historySteps.0.to': 'terms.stepReversed',
    });
    expect(
      steps([
        { from: 1, to: 2, rateBp: 7_000 },
        { from: 3, rateBp: 5_000 },
      ]),
    ).toEqual({});
  });

  it('the programme reports the terms’ problems under terms.*; a bad rate, area or flow is a schema error', () => {
    const p = programme({
      historySteps: [
        { from: 1, to: 1, rateBp: 7_000 },
        { from: 1, rateBp: 5_000 },
      ],
    });
    expect(programmeProblems(p)).toEqual({ 'terms.historySteps.1.from': 'terms.stepOverlap|2' });
    expect(programmeTermsSchema.safeParse({ areaRates: { mountain: 10_001 } }).success).toBe(false);
    expect(programmeTermsSchema.safeParse({ areaRates: { moon: 5_000 } }).success).toBe(false);
    expect(programmeTermsSchema.safeParse({ flow: 'cash' }).success).toBe(false);
    expect(programmeTermsSchema.safeParse({ maxPerYear: 0 }).success).toBe(false);
  });
});

describe('who goes first', () => {
  it('earlier submission first; on the same instant women-owned and social enterprises first; then by id', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 21, 1, 0, s));
    const list = [
      { id: 'd', submittedAt: at(2), priority: 2 },
      { id: 'c', submittedAt: at(1), priority: 0 },
      { id: 'b', submittedAt: at(1), priority: priorityOf({ womenOwned: true }) },
      { id: 'a', submittedAt: at(1), priority: 0 },
      { id: 'e', submittedAt: at(0), priority: 0 },
    ];
    expect(list.sort(compareSubmissions).map((s) => s.id)).toEqual(['e', 'b', 'a', 'c', 'd']);
    expect(priorityOf({ womenOwned: true, socialEnterprise: true })).toBe(2);
    expect(priorityOf({})).toBe(0);
  });
});
