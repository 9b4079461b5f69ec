import { describe, expect, it } from 'vitest';
import {
  applicationsOpen,
  cancellationFee,
  duplicateFair,
  fairCharges,
  fairFields,
  fairOver,
  fairProblems,
  fairSchema,
  fairSlug,
  isRealDay,
  type Fair,
  type FairInput,
} from './fairs';
import { vietnamDay } from '~/lib/i18n';

const input = (overrides: Partial<FairInput> = {}): FairInput => ({
  nameVi: 'Hội chợ OCOP Bến Tre 2026',
  nameEn: 'Ben Tre OCOP Fair 2026',
  venue: 'Nhà thi đấu',
  city: 'Bến Tre',
  organiser: 'Sở Công Thương',
  startsOn: '2026-12-10',
  endsOn: '2026-12-14',
  applicationDeadline: '2026-12-01',
  hallWidth: 40,
  hallDepth: 30,
  ...overrides,
});
const fair = (overrides: Partial<FairInput> = {}): Fair => fairSchema.parse(input(overrides));
const today = '2026-11-21';

describe('fair dates', () => {
  it('accepts a well-formed fair', () => {
    expect(fairProblems(fair(), today)).toEqual({});
  });
  it('refuses a start in the past, a reversed range and a deadline after the start', () => {
    expect(
      fairProblems(
        fair({ startsOn: '2026-11-20', endsOn: '2026-11-25', applicationDeadline: '2026-11-20' }),
        today,
      ),
    ).toEqual({
      startsOn: 'fair.startsPast|2026-11-21',
      applicationDeadline: 'fair.deadlinePast|2026-11-21',
    });
    expect(fairProblems(fair({ endsOn: '2026-12-09' }), today)).toEqual({ endsOn: 'fair.endsBeforeStart' });
    expect(fairProblems(fair({ applicationDeadline: '2026-12-11' }), today)).toEqual({
      applicationDeadline: 'fair.deadlineAfterStart',
    });
  });
  it('boundaries: starting today, a one-day fair and a deadline on the first day are fine', () => {
    expect(fairProblems(fair({ startsOn: today, endsOn: today, applicationDeadline: today }), today)).toEqual(
      {},
    );
  });
  it('does not refuse unchanged dates of a fair already under way when it is edited', () => {
    const running = fair({ startsOn: '2026-11-20', endsOn: '2026-11-25', applicationDeadline: '2026-11-15' });
    expect(
      fairProblems(running, today, { startsOn: '2026-11-20', applicationDeadline: '2026-11-15' }),
    ).toEqual({});
  });
  it('refuses impossible days', () => {
    expect(isRealDay('2026-02-30')).toBe(false);
    expect(isRealDay('2028-02-29')).toBe(true);
    expect(fairSchema.safeParse(input({ startsOn: '2026-02-30' })).error?.issues[0]?.path).toEqual([
      'startsOn',
    ]);
  });
  it('refuses cancellation tiers out of order, with falling fees or after the fair', () => {
    const tiers = [
      { from: '2026-12-01', feePercent: 50 },
      { from: '2026-11-30', feePercent: 40 },
      { from: '2026-12-20', feePercent: 100 },
    ];
    expect(fairProblems(fair({ cancellationTiers: tiers }), today)).toEqual({
      'cancellationTiers.1.from': 'tier.order',
      'cancellationTiers.1.feePercent': 'tier.decreasing',
      'cancellationTiers.2.from': 'tier.afterFair',
    });
    expect(
      fairSchema.safeParse(input({ cancellationTiers: [{ from: '2026-12-01', feePercent: 101 }] })).success,
    ).toBe(false);
  });
  it('refuses negative and fractional fees', () => {
    const issues = fairSchema
      .safeParse(input({ serviceFee: -1, decorationFee: 0.5 }))
      .error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues).toEqual([
      ['serviceFee', 'field.negative'],
      ['decorationFee', 'field.wholeDong'],
    ]);
  });
});

describe('Vietnam days and the deadline', () => {
  it('counts days in Vietnam time (UTC+7)', () => {
    expect(vietnamDay(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(vietnamDay(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });
  it('applications are open through the deadline day, and only when published', () => {
    const f = { ...fair(), status: 'published' as const };
    expect(applicationsOpen(f, new Date('2026-12-01T16:59:59Z'))).toBe(true);
    expect(applicationsOpen(f, new Date('2026-12-01T17:00:00Z'))).toBe(false);
    expect(applicationsOpen({ ...f, status: 'draft' }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });
});

describe('cancellation fees', () => {
  const tiers = [
    { from: '2026-11-01', feePercent: 50 },
    { from: '2026-12-01', feePercent: 100 },
  ];
  it('charges nothing before the first tier, then the tier in force on the day', () => {
    expect(cancellationFee(tiers, 38_000_000, '2026-10-31')).toEqual({
      feePercent: 0,
      fee: 0,
      refund: 38_000_000,
    });
    expect(cancellationFee(tiers, 38_000_000, '2026-11-01')).toEqual({
      feePercent: 50,
      fee: 19_000_000,
      refund: 19_000_000,
    });
    expect(cancellationFee(tiers, 38_000_000, '2026-11-30')).toEqual({
      feePercent: 50,
      fee: 19_000_000,
      refund: 19_000_000,
    });
    expect(cancellationFee(tiers, 38_000_000, '2026-12-01')).toEqual({
      feePercent: 100,
      fee: 38_000_000,
      refund: 0,
    });
  });
  it('rounds the fee down in the producer’s favour', () => {
    expect(cancellationFee(tiers, 3, '2026-11-05')).toEqual({ feePercent: 50, fee: 1, refund: 2 });
  });
});

describe('charges, copies and slugs', () => {
  it('lists the non-zero per-booth charges', () => {
    expect(fairCharges(fair({ serviceFee: 5_000_000, electricityFee: 0 }))).toEqual([
      { kind: 'service', amount: 5_000_000 },
    ]);
  });
  it('duplicates a fair as a marked copy', () => {
    const copy = duplicateFair(fair({ cancellationTiers: [{ from: '2026-12-01', feePercent: 50 }] }));
    expect(copy.nameEn).toBe('Ben Tre OCOP Fair 2026 (copy)');
    expect(copy.nameVi).toBe('Hội chợ OCOP Bến Tre 2026 (bản sao)');
    expect(copy.edition).toBe(2);
    expect(copy.cancellationTiers).toEqual([{ from: '2026-12-01', feePercent: 50 }]);
  });
  it('makes ASCII slugs from Vietnamese names', () => {
    expect(fairSlug('Hội chợ OCOP Đồng bằng 2026', 'x1')).toBe('hoi-cho-ocop-dong-bang-2026-x1');
    expect(fairSlug('!!!', 'x1')).toBe('fair-x1');
  });
});

describe('stored fair as form fields', () => {
  it('spreads the bilingual name and description back into the fields a promoter writes', () => {
    const { nameVi, nameEn, descriptionVi, descriptionEn, ...rest } = fair({
      descriptionVi: 'Mô tả',
      descriptionEn: 'About',
    });
    const view = {
      ...rest,
      id: 'f1',
      slug: 'ben-tre-f1',
      provinceId: 'ben-tre',
      status: 'draft' as const,
      name: { vi: nameVi, en: nameEn },
      description: { vi: descriptionVi, en: descriptionEn },
    };
    expect(fairFields(view)).toEqual(fair({ descriptionVi: 'Mô tả', descriptionEn: 'About' }));
  });
});

describe('a fair that is over', () => {
  it('is over from the Vietnam day after its last day', () => {
    const last = { endsOn: '2026-12-14' };
    expect(fairOver(last, new Date('2026-12-14T16:59:59Z'))).toBe(false);
    expect(fairOver(last, new Date('2026-12-14T17:00:00Z'))).toBe(true);
  });
});
