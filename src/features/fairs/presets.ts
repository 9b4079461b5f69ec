/**
 * Policies a promoter can start from and edit: the common Vietnamese patterns. The seed articles give Ben Tre's
 * outcome (50% of booth rent for 34 businesses, 2024) and that programmes pay more in mountain, border and island
 * areas; they do not quote Decree 80/2021's own figures, so the national preset's rates (100% at mountain, border,
 * island and disadvantaged-area events, 50% elsewhere) and limits are the promoter's to check and edit. Pure.
 */
import type { SubsidyProgramme } from './policy';
import { subsidyRuleSchema } from './policy';
import { programmeTermsSchema } from './terms';

export const PRESETS = ['national', 'provincial50', 'remote100'] as const;
export type PresetName = (typeof PRESETS)[number];

const rentRule = (label: string, rateBp: number) =>
  subsidyRuleSchema.parse({ label, rateBp, minStars: 3, eligibleItems: ['rent'] });

/** A preset for the period [start, end]; the name and budget are the promoter's to set. */
export function preset(name: PresetName, periodStart: string, periodEnd: string): Partial<SubsidyProgramme> {
  const base = { periodStart, periodEnd, disadvantagedCommunes: [] };
  switch (name) {
    case 'national':
      return {
        ...base,
        name: 'Chương trình xúc tiến thương mại quốc gia',
        maxFairsPerProducer: null,
        terms: programmeTermsSchema.parse({
          flow: 'reimbursement',
          vatInBase: false,
          areaRates: { mountain: 10_000, border: 10_000, island: 10_000, disadvantaged: 10_000 },
          maxPerFair: 1,
        }),
        rules: [rentRule('Thuê gian hàng 50%', 5_000)],
      };
    case 'provincial50':
      return {
        ...base,
        name: 'Hỗ trợ 50% chi phí thuê gian hàng',
        terms: programmeTermsSchema.parse({ vatInBase: false, maxPerFair: 1 }),
        rules: [rentRule('Thuê gian hàng 50%', 5_000)],
      };
    case 'remote100':
      return {
        ...base,
        name: 'Hỗ trợ 100% tại miền núi, biên giới, hải đảo',
        terms: programmeTermsSchema.parse({
          areaRates: { mountain: 10_000, border: 10_000, island: 10_000, other: 0 },
          maxPerFair: 1,
        }),
        rules: [rentRule('Thuê gian hàng (theo địa bàn)', 0)],
      };
  }
}
