/**
 * The schema of a province file: its name, region, place in the July 2025 reorganisation and its OCOP programme
 * figures, each dated and sourced, with counts by star level that must add up to the total.
 */
import { z } from 'zod';
import { STAR_LEVELS } from './catalog';
import {
  localizedTextSchema,
  provenanceSchema,
  PROVINCE_SAMPLE_FIELDS,
  REGIONS,
  sourceIdSchema,
  type SourceCheck,
} from './content-schema';

/** Counts by star level that do not add up to the total, as a message that says how to fix them. */
export function starCountProblem(figures: {
  totalProducts?: number | undefined;
  byStars: Partial<Record<3 | 4 | 5, number>>;
}): string | undefined {
  const given = STAR_LEVELS.filter((s) => figures.byStars[s] !== undefined);
  if (figures.totalProducts === undefined || given.length === 0) return undefined;
  const sum = given.reduce((total, s) => total + figures.byStars[s]!, 0);
  if (sum === figures.totalProducts) return undefined;
  const terms = given.map((s) => `${figures.byStars[s]} (${s} stars)`).join(' + ');
  return `${terms} = ${sum}, but totalProducts is ${figures.totalProducts}: copy the counts and the total exactly as the source gives them (a star level the source does not give counts as none)`;
}

const count = (what: string) =>
  z.number({ error: `must be a whole number (${what})` }).int({ error: `must be a whole number (${what})` });

/** One set of programme figures as one article reports them on one date. */
const programmeFiguresSchema = (check: SourceCheck) =>
  z
    .object({
      asOf: z
        .string({
          error:
            'is missing: add the date the figures describe, YYYY-MM-DD (or YYYY if the source gives only a year)',
        })
        .regex(/^\d{4}(-\d{2}-\d{2})?$/, {
          error:
            'must be YYYY-MM-DD, or YYYY when the source gives only a year ("end of 2024" is 2024-12-31)',
        })
        .describe('Date the figures describe: YYYY-MM-DD, or YYYY when the source gives only the year'),
      source: sourceIdSchema(check),
      scope: localizedTextSchema('territory the figures cover, when not the province as it is today')
        .optional()
        .describe('Territory the figures cover when it differs, e.g. the former province before the merger'),
      totalProducts: count('OCOP products in total')
        .nonnegative()
        .optional()
        .describe('OCOP products in total'),
      byStars: z
        .object({
          3: count('3-star products').nonnegative().optional(),
          4: count('4-star products').nonnegative().optional(),
          5: count('5-star products').nonnegative().optional(),
        })
        .strict()
        .default({})
        .describe('Products by star level, as the source gives them'),
      entities: count('participating entities').nonnegative().optional().describe('Participating entities'),
    })
    .strict()
    .superRefine((figures, ctx) => {
      const problem = starCountProblem(figures);
      if (problem) ctx.addIssue({ code: 'custom', path: ['byStars'], message: problem });
      if (figures.totalProducts === undefined && Object.keys(figures.byStars).length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['totalProducts'],
          message: 'is missing: give totalProducts or byStars (or both) as the source reports them',
        });
      }
    });
export type ProgrammeFigures = z.infer<ReturnType<typeof programmeFiguresSchema>>;

/** A province file; `check` verifies that source ids name files in content/sources/. */
export function provinceSchema(check: SourceCheck = () => {}) {
  return z
    .object({
      name: localizedTextSchema('province name'),
      region: z
        .enum(REGIONS, { error: `must be one of ${REGIONS.join(', ')}` })
        .describe('Region of Vietnam'),
      intro: localizedTextSchema('short introduction'),
      mergedInto: localizedTextSchema('name of the province it joined in July 2025')
        .optional()
        .describe(
          'For a former province: the province it joined on 1 July 2025, { vi: Vĩnh Long, en: Vinh Long }',
        ),
      absorbed: z
        .array(localizedTextSchema('name of a former province'))
        .optional()
        .describe('For a current province: the former provinces that joined it in July 2025'),
      programme: z
        .array(programmeFiguresSchema(check), {
          error: 'is missing: list the programme figures, each with asOf, source and the counts',
        })
        .min(1, { error: 'is empty: list at least one set of programme figures' })
        .describe('OCOP programme figures, newest first, each as one source article reports it on one date'),
      provenance: provenanceSchema(PROVINCE_SAMPLE_FIELDS, check),
    })
    .strict();
}

export const provinceFieldsSchema = provinceSchema();
