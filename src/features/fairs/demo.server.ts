/**
 * A demo fair for development (never in production): Ben Tre's subsidy policy and a published fair with a
 * 24-booth plan, created on first start when the province has no fair yet. Dates follow today's date.
 */
import { type Fair } from './fairs';
import type { Fairs } from './fairs.server';
import { boothSchema, type Booth, type BoothInput } from './floor-plan';
import { subsidyRuleSchema, type SubsidyProgramme } from './subsidies';
import { programmeTermsSchema } from './terms';
import { vietnamDay } from '~/lib/i18n';

/**
 * Ben Tre's demo policy for the year of `today`: 50% of booth rent from 3 stars, 100% at mountain, border and
 * island fairs. "50% of booth rental costs for 34 businesses" (Ben Tre, 2024) is an outcome, not a cap: the
 * budget is what 34 standard booths (36,000,000 ₫ rent) at 50% cost, so the 35th standard booth finds it spent.
 */
function demoProgramme(year: string, periodEnd: string): SubsidyProgramme {
  return {
    name: `Hỗ trợ xúc tiến thương mại Bến Tre ${year} (mẫu)`,
    budget: 34 * 18_000_000,
    periodStart: `${year}-01-01`,
    periodEnd,
    maxProducers: null,
    capPerProducerPerFair: 40_000_000,
    capPerProducerPerPeriod: 80_000_000,
    maxFairsPerProducer: 3,
    disadvantagedCommunes: [],
    terms: programmeTermsSchema.parse({
      vatInBase: false,
      areaRates: { mountain: 10_000, border: 10_000, island: 10_000 },
    }),
    rules: [
      subsidyRuleSchema.parse({
        label: 'Thuê gian hàng 50% (OCOP 3 sao trở lên)',
        rateBp: 5_000,
        minStars: 3,
        eligibleItems: ['rent'],
        capPerBooking: 38_000_000,
      }),
    ],
  };
}

/** The demo fair, 45 days ahead, applications open for 30 days; `day(n)` is the Vietnam day n days from now. */
function demoFair(programmeId: string, day: (offset: number) => string): Fair {
  return {
    nameVi: 'Hội chợ OCOP và đặc sản dừa Bến Tre (mẫu)',
    nameEn: 'Ben Tre OCOP and Coconut Specialties Fair (demo)',
    venue: 'Trung tâm Hội chợ Triển lãm',
    city: 'Bến Tre',
    organiser: 'Trung tâm Xúc tiến Thương mại Bến Tre',
    descriptionVi: 'Hội chợ mẫu để thử đặt gian hàng và chính sách hỗ trợ (dữ liệu minh họa).',
    descriptionEn: 'A sample fair to try booth booking and the subsidy policy (illustrative data).',
    startsOn: day(45),
    endsOn: day(49),
    applicationDeadline: day(30),
    needsApproval: false,
    holdMinutes: 30,
    hallWidth: 36,
    hallDepth: 20,
    serviceFee: 5_000_000,
    decorationFee: 0,
    electricityFee: 1_500_000,
    cancellationTiers: [
      { from: day(20), feePercent: 50 },
      { from: day(40), feePercent: 100 },
    ],
    programmeId,
    areaClass: 'other',
    edition: 1,
    vatMode: 'none',
    vatRateBp: 0,
  };
}

/** Two rows of ten 3 × 3 m booths (corners open on two sides), a provincial pavilion, raw space and a blocked desk. */
function demoBooths(): Booth[] {
  const rows = [0, 1].flatMap((row) =>
    Array.from({ length: 10 }, (_, i) => ({
      code: `${row ? 'B' : 'A'}-${String(i + 1).padStart(2, '0')}`,
      x: 2 + i * 3,
      y: row ? 14 : 2,
      width: 3,
      depth: 3,
      openSides: i === 0 || i === 9 ? 2 : 1,
      type: 'shell' as const,
      zone: row ? 'Thủ công mỹ nghệ' : 'Thực phẩm',
      pricing: 'fixed' as const,
      price: 36_000_000,
      openSidePremium: 4_000_000,
    })),
  );
  const specials: BoothInput[] = [
    {
      code: 'P-01',
      x: 10,
      y: 7,
      width: 9,
      depth: 5,
      openSides: 4,
      type: 'premium',
      zone: 'Gian tỉnh',
      pricing: 'perM2',
      price: 2_000_000,
      openSidePremium: 2_000_000,
    },
    {
      code: 'R-01',
      x: 22,
      y: 7,
      width: 6,
      depth: 5,
      openSides: 3,
      type: 'raw',
      zone: 'Mặt bằng',
      pricing: 'perM2',
      price: 1_200_000,
      openSidePremium: 1_000_000,
    },
    {
      code: 'X-01',
      x: 30,
      y: 7,
      width: 4,
      depth: 5,
      openSides: 1,
      type: 'shell',
      zone: 'Ban tổ chức',
      pricing: 'fixed',
      price: 0,
      openSidePremium: 0,
      blocked: true,
    },
  ];
  return [...rows, ...specials].map((booth) => boothSchema.parse(booth));
}

/** Creates the demo programme and fair unless Ben Tre already has a fair; returns whether it created them. */
export async function seedDemoFair(fairs: Fairs, now = new Date()): Promise<boolean> {
  if ((await fairs.listFairs({ provinceId: 'ben-tre' })).length > 0) return false;
  const day = (offset: number) => vietnamDay(new Date(now.getTime() + offset * 86_400_000));
  const year = day(0).slice(0, 4);
  const periodEnd = `${year}-12-31` < day(60) ? day(60) : `${year}-12-31`;
  const programme = await fairs.createProgramme('ben-tre', demoProgramme(year, periodEnd), null);
  if (!programme.ok) return false;
  const fair = await fairs.createFair('ben-tre', demoFair(programme.value.id, day), null);
  if (!fair.ok) return false;
  const saved = await fairs.saveFloorPlan(fair.value.id, demoBooths());
  if (!saved.ok) return false;
  return (await fairs.setFairStatus(fair.value.id, 'published')).ok;
}
