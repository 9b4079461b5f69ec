import { describe, expect, it } from 'vitest';
import {
  fairFormSchema,
  floorPlanFormSchema,
  planFormRows,
  planRowProblem,
  policyFormSchema,
  policyValues,
  submittedFairValues,
  submittedPlanRows,
} from './forms';

// Fair ids are UUIDs (src/lib/ids.ts parses them strictly).
const FAIR_ID = '0b6f1f8e-3c1a-4d2e-9a57-2f4c8d1e6b90';

const fairForm = {
  nameVi: 'Hội chợ',
  nameEn: 'Fair',
  venue: 'Hall',
  city: 'Bến Tre',
  organiser: 'Sở Công Thương',
  startsOn: '2026-12-10',
  endsOn: '2026-12-14',
  applicationDeadline: '2026-12-01',
  hallWidth: 40,
  hallDepth: 30,
  programmeId: '',
};
const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('fair form', () => {
  it('turns tier rows into tiers and a blank programme into none', () => {
    const parsed = fairFormSchema.parse({
      ...fairForm,
      tierFrom: ['2026-11-25', '', ''],
      tierPercent: ['50', '', ''],
    });
    expect(parsed.fairId).toBeNull();
    expect(parsed.fair.programmeId).toBeNull();
    expect(parsed.fair.cancellationTiers).toEqual([{ from: '2026-11-25', feePercent: 50 }]);
  });
  it('names the tier row that is half filled or out of range', () => {
    expect(
      issues(
        fairFormSchema.safeParse({ ...fairForm, tierFrom: ['2026-11-25', ''], tierPercent: ['', '150'] }),
      ),
    ).toEqual([
      ['cancellationTiers.0.from', 'tier.incomplete'],
      ['cancellationTiers.1.from', 'tier.incomplete'],
    ]);
    expect(
      issues(fairFormSchema.safeParse({ ...fairForm, tierFrom: ['2026-11-25'], tierPercent: ['150'] })),
    ).toEqual([['cancellationTiers.0.feePercent', 'tier.percentRange']]);
  });
  it('refuses negative and fractional fees', () => {
    expect(issues(fairFormSchema.safeParse({ ...fairForm, serviceFee: -5, decorationFee: 1.5 }))).toEqual([
      ['serviceFee', 'field.negative'],
      ['decorationFee', 'field.wholeDong'],
    ]);
  });
});

describe('floor-plan form', () => {
  const row = (overrides: Record<string, string> = {}) => ({
    code: 'A1',
    x: '0',
    y: '0',
    width: '3',
    depth: '3',
    openSides: '1',
    type: 'shell',
    zone: '',
    pricing: 'fixed',
    price: '76000000',
    openSidePremium: '',
    sale: 'sale',
    ...overrides,
  });
  const form = (rows: Record<string, string>[]) => {
    const keys = Object.keys(row()) as (keyof ReturnType<typeof row>)[];
    return { fairId: FAIR_ID, ...Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k] ?? '')])) };
  };
  it('reads rows, skips blank codes, marks blocked booths', () => {
    const parsed = floorPlanFormSchema.parse(
      form([
        row(),
        row({ code: '' }),
        row({ code: 'b2', x: '3', sale: 'blocked', pricing: 'perM2', price: '2500000' }),
      ]),
    );
    expect(parsed.booths.map((b) => [b.code, b.blocked, b.pricing])).toEqual([
      ['A1', false, 'fixed'],
      ['B2', true, 'perM2'],
    ]);
  });
  it('names the row and field of a bad number', () => {
    expect(
      issues(
        floorPlanFormSchema.safeParse(
          form([row(), row({ code: 'A2', price: '-1' }), row({ code: 'A3', width: 'abc' })]),
        ),
      ),
    ).toEqual([
      ['booths.1.price', 'field.negative'],
      ['booths.2.width', 'field.number'],
    ]);
  });
  it('gives the editor blank rows after the booths', () => {
    expect(planFormRows([], 2)).toHaveLength(2);
  });
  it('shows a refused plan again as typed, row by row, with each row’s first problem', () => {
    const data = new FormData();
    const rows = [row(), row({ code: 'A2', x: '2', sale: 'blocked' })];
    for (const r of rows) for (const [name, value] of Object.entries(r)) data.append(name, value);
    const typed = ({ sale, ...fields }: ReturnType<typeof row>) => ({
      ...fields,
      blocked: sale === 'blocked',
    });
    expect(submittedPlanRows(data)).toEqual(rows.map(typed));
    const problems = { 'booths.1.x': 'booth.overlaps|A2|A1', 'booths.1.blocked': 'x', 'booths.0.price': 'p' };
    expect(planRowProblem(problems, 1)).toBe('booth.overlaps|A2|A1');
    expect(planRowProblem(problems, 0)).toBe('p');
    expect(planRowProblem(problems, 2)).toBeUndefined();
  });
});

describe('fair form shown again', () => {
  it('keeps what was typed, the approval box and the tier rows', () => {
    const data = new FormData();
    data.append('nameVi', 'Hội chợ');
    data.append('tierFrom', '2026-11-25');
    data.append('tierFrom', '');
    data.append('tierPercent', '50');
    expect(submittedFairValues(data)).toEqual({
      nameVi: 'Hội chợ',
      tierFrom: ['2026-11-25', ''],
      tierPercent: ['50'],
      needsApproval: false,
    });
    data.append('needsApproval', 'true');
    expect(submittedFairValues(data).needsApproval).toBe(true);
  });
});

describe('policy form', () => {
  const policy = {
    name: 'Programme 2026',
    budget: 100_000_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    maxProducers: 34,
    capPerProducerPerFair: null,
    capPerProducerPerPeriod: null,
    maxFairsPerProducer: null,
    disadvantagedCommunes: 'Xã A\r\n\r\nXã B',
  };
  it('builds a programme from the filled rule slots', () => {
    const parsed = policyFormSchema.parse({
      ...policy,
      rule1: { label: '50%', rate: '50', items: ['rent'], kinds: [] },
      rule2: { label: '', rate: '' },
    });
    expect(parsed.programme.rules).toEqual([
      expect.objectContaining({ label: '50%', rateBp: 5_000, eligibleItems: ['rent'], minStars: null }),
    ]);
    expect(parsed.programme.disadvantagedCommunes).toEqual(['Xã A', 'Xã B']);
    expect(parsed.programme.maxProducers).toBe(34);
  });
  it('refuses a rate above 100%, a rule without items and a policy without rules', () => {
    expect(
      issues(policyFormSchema.safeParse({ ...policy, rule1: { label: 'x', rate: '120', items: ['rent'] } })),
    ).toEqual([['rule1.rate', 'rule.rateRange']]);
    expect(issues(policyFormSchema.safeParse({ ...policy }))).toEqual([['rule1.label', 'programme.noRules']]);
    expect(
      issues(policyFormSchema.safeParse({ ...policy, rule1: { label: 'x', rate: '50', items: [] } })),
    ).toContainEqual(['rule1.items', 'rule.items']);
    expect(
      issues(
        policyFormSchema.safeParse({
          ...policy,
          budget: -1,
          rule1: { label: 'x', rate: 'abc', items: ['rent'] },
        }),
      ),
    ).toContainEqual(['rule1.rate', 'field.number']);
  });
  it('shows typed values again after a refusal', () => {
    const form = new FormData();
    form.set('name', 'P');
    form.set('budget', '5000');
    form.set('rule1.label', 'Half');
    form.set('rule1.rate', '50');
    form.append('rule1.items', 'rent');
    form.append('rule1.items', 'bogus');
    const values = policyValues(form);
    expect(values).toMatchObject({ name: 'P', budget: 5000, maxProducers: null });
    expect(values.rules?.[0]).toMatchObject({ label: 'Half', rateBp: 5_000, eligibleItems: ['rent'] });
  });
});

describe('blank optional fields', () => {
  it('a blank description (null from the form) is an empty description', () => {
    const parsed = fairFormSchema.parse({ ...fairForm, descriptionVi: null, descriptionEn: undefined });
    expect(parsed.fair.descriptionVi).toBe('');
    expect(parsed.fair.descriptionEn).toBe('');
  });
});
