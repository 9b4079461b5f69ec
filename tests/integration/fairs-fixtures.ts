/** Inputs for fair tests: a Ben Tre fair, a subsidy programme (50 % of rent, 100 % for a disadvantaged commune), booths. */
import { fairSchema, type FairInput } from '../../src/features/fairs/fairs';
import { boothSchema, type BoothInput } from '../../src/features/fairs/floor-plan';
import { subsidyRuleSchema, type SubsidyProgramme } from '../../src/features/fairs/subsidies';
import { DEFAULT_TERMS } from '../../src/features/fairs/terms';

/** A fair of 10–14 December 2026, applications until 1 December, with two cancellation tiers. */
export const fairInput = (overrides: Partial<FairInput> = {}) =>
  fairSchema.parse({
    nameVi: 'Hội chợ OCOP Bến Tre 2026',
    nameEn: 'Ben Tre OCOP Fair 2026',
    venue: 'Nhà văn hóa',
    city: 'Bến Tre',
    organiser: 'Sở Công Thương Bến Tre',
    startsOn: '2026-12-10',
    endsOn: '2026-12-14',
    applicationDeadline: '2026-12-01',
    hallWidth: 200,
    hallDepth: 100,
    serviceFee: 5_000_000,
    cancellationTiers: [
      { from: '2026-11-25', feePercent: 50 },
      { from: '2026-12-05', feePercent: 100 },
    ],
    ...overrides,
  });

/** A 2026 programme with a budget of 100,000,000 ₫. */
export const programmeInput = (overrides: Partial<SubsidyProgramme> = {}): SubsidyProgramme => ({
  name: 'Hỗ trợ xúc tiến 2026',
  budget: 100_000_000,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  maxProducers: null,
  capPerProducerPerFair: null,
  capPerProducerPerPeriod: null,
  maxFairsPerProducer: null,
  disadvantagedCommunes: ['Xã Mường Lựm'],
  terms: DEFAULT_TERMS,
  rules: [
    subsidyRuleSchema.parse({ label: 'Booth rent 50%', rateBp: 5_000, eligibleItems: ['rent'] }),
    subsidyRuleSchema.parse({
      label: 'Disadvantaged 100%',
      rateBp: 10_000,
      eligibleItems: ['rent'],
      disadvantagedOnly: true,
    }),
  ],
  ...overrides,
});

/** A 3 × 3 m shell booth at (x, 0) renting for 76,000,000 ₫. */
export const booth = (code: string, x: number, overrides: Partial<BoothInput> = {}) =>
  boothSchema.parse({
    code,
    x,
    y: 0,
    width: 3,
    depth: 3,
    openSides: 1,
    type: 'shell',
    pricing: 'fixed',
    price: 76_000_000,
    ...overrides,
  });
