/**
 * Zod schemas for the catalogue's content files, shared by src/content.config.ts, the search indexer and the
 * synthetic-catalogue bench. Every field an editor writes carries .describe(); messages say how to fix the data.
 */
import { z } from 'zod';
import { vndSchema } from '~/lib/money';
import {
  certificationProblems,
  ocopGroupSchema,
  PRODUCER_KINDS,
  RECOGNITION_LEVELS,
  STAR_LEVELS,
} from './catalog';

const requiredText = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is missing: add the ${what}` : `must be text (${what})`,
    })
    .trim()
    .min(1, { error: `is empty: write the ${what}` });

/** A text in Vietnamese and English; both are required. */
export const localizedTextSchema = (what: string) =>
  z
    .object(
      {
        vi: requiredText(`Vietnamese ${what}`).describe(`Vietnamese ${what}`),
        en: requiredText(`English ${what}`).describe(`English ${what}`),
      },
      { error: `is missing: add the ${what} as { vi: …, en: … }` },
    )
    .strict();
export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;

/** A text as `{ vi: …, en: … }`, or one text that reads the same in both languages (a citation, a name). */
const textInBothLanguages = (what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? { vi: value, en: value } : value),
    localizedTextSchema(what),
  );

const calendarDate = z.coerce
  .date({ error: 'must be a date written as YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

/** A 4-star product the province scored 90 or more and sent to the national council for 5 stars. */
const candidacySchema = z
  .object({
    submittedOn: calendarDate.describe(
      'Date of the dossier the province sent for national (5-star) evaluation, on or after recognisedOn',
    ),
    dossierNumber: z
      .string()
      .trim()
      .min(1, { error: 'is empty: write the number of the submission, or remove dossierNumber' })
      .optional()
      .describe('Number of the province’s submission (tờ trình), e.g. 123/TTr-UBND, when known'),
  })
  .strict();

export const certificationSchema = z
  .object({
    stars: z
      .literal(STAR_LEVELS, { error: 'must be 3, 4 or 5 (OCOP recognises 3- to 5-star products)' })
      .describe('OCOP star rating: 3, 4 or 5'),
    score: z
      .number({ error: 'must be the total evaluation score, a number from 50 to 100' })
      .min(0)
      .max(100, { error: 'must be at most 100 (the OCOP score is out of 100)' })
      .describe('Total evaluation score out of 100 (Decision 148/QD-TTg)'),
    recognisedOn: calendarDate.describe('Date of the recognition decision; valid for 36 months'),
    level: z
      .enum(RECOGNITION_LEVELS, { error: `must be one of ${RECOGNITION_LEVELS.join(', ')}` })
      .describe(
        'Committee that recognised it: national (5 stars), provincial (3–4 stars), district (3 stars, before 2025-07-01)',
      ),
    decisionNumber: requiredText('decision number, e.g. 1234/QĐ-UBND').describe(
      'Number of the recognition decision, e.g. 1234/QĐ-UBND',
    ),
    validUntil: calendarDate
      .optional()
      .describe(
        'Expiry date printed on the certificate, if it has one (it wins); omit it to count 36 months from recognisedOn',
      ),
    candidacy: candidacySchema
      .optional()
      .describe(
        'Only for a 4-star product scoring 90 or more: its dossier sent for national 5-star evaluation',
      ),
  })
  .strict()
  .superRefine((cert, ctx) => {
    for (const problem of certificationProblems(cert)) {
      ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
    }
  });

export const ALLERGENS = [
  'crustaceans',
  'fish',
  'molluscs',
  'peanuts',
  'tree-nuts',
  'sesame',
  'soy',
  'milk',
  'egg',
  'gluten',
  'sulphites',
] as const;

/** Groups whose products are eaten or drunk, so ingredients are mandatory on the label. */
const EDIBLE_GROUPS = new Set(['food', 'beverages', 'herbal']);

/** Fields of a product's index.md frontmatter, except images (which need Astro's image() helper). */
export const productFieldsSchema = z.object({
  name: localizedTextSchema('product name').describe('Product name in Vietnamese and English'),
  summary: localizedTextSchema('one-sentence summary').describe('One sentence shown on cards and in search'),
  producer: requiredText('producer id (the file name in content/producers without .yaml)').describe(
    'Id of the producer: a file name in content/producers/ without .yaml',
  ),
  group: ocopGroupSchema,
  certification: certificationSchema.describe('The OCOP recognition of this product'),
  price: vndSchema.describe('Retail price in VND, a whole number (sample data)'),
  unit: localizedTextSchema('sales unit, e.g. "hộp 500 g" / "500 g box"').describe('What one unit is'),
  netWeight: z
    .object({
      value: z.number().positive({ error: 'must be a positive number' }),
      unit: z.enum(['g', 'kg', 'ml', 'l', 'piece'], { error: 'must be one of g, kg, ml, l, piece' }),
    })
    .strict()
    .describe('Net weight or volume of one unit'),
  shelfLifeDays: z
    .number()
    .int({ error: 'must be a whole number of days' })
    .positive()
    .optional()
    .describe('Shelf life in days from production (omit for non-perishables)'),
  storage: localizedTextSchema('storage instructions').describe('How to store it'),
  ingredients: z
    .object({ vi: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) })
    .strict()
    .optional()
    .describe('Ingredients in descending order of weight; required for food, beverages and herbal products'),
  allergens: z
    .array(z.enum(ALLERGENS, { error: `must be one of ${ALLERGENS.join(', ')}` }))
    .default([])
    .describe('Allergens present (EU/Codex list)'),
  tags: z.array(z.string().min(1)).default([]).describe('Search tags (lower case, either language)'),
  exportMarkets: z
    .array(z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as US or JP' }))
    .default([])
    .describe('Countries the product is exported to, ISO 3166-1 alpha-2'),
  featured: z.boolean().default(false).describe('Show on the home page'),
});

/** Net weight or volume of one unit, as the product file gives it. */
export type NetWeight = z.infer<typeof productFieldsSchema.shape.netWeight>;

/** Cross-field rules that need the whole product. */
export function refineProduct(product: { group: string; ingredients?: unknown }, ctx: z.RefinementCtx): void {
  if (EDIBLE_GROUPS.has(product.group) && !product.ingredients) {
    ctx.addIssue({
      code: 'custom',
      path: ['ingredients'],
      message: `is missing: ${product.group} products must list ingredients as { vi: [...], en: [...] }`,
    });
  }
}

export const producerFieldsSchema = z.object({
  name: requiredText('producer name').describe('Registered name, in Vietnamese'),
  nameEn: requiredText('English name').describe('Name in English'),
  kind: z
    .enum(PRODUCER_KINDS, { error: `must be one of ${PRODUCER_KINDS.join(', ')}` })
    .describe('OCOP entity type'),
  province: requiredText('province id (a file name in content/provinces)').describe(
    'Id of the province: a file name in content/provinces/ without .yaml',
  ),
  commune: requiredText('commune').describe('Commune (xã/phường) since the 2025 reorganisation'),
  formerDistrict: z
    .string()
    .min(1)
    .optional()
    .describe('District before July 2025, as older certificates name it'),
  founded: z.number().int().min(1900).max(2100).optional().describe('Year founded'),
  workers: z.number().int().positive().optional().describe('Regular workers, where known'),
  members: z.number().int().positive().optional().describe('Cooperative members, where known'),
  story: localizedTextSchema('producer story').describe('A paragraph or two about the producer'),
  contact: z
    .object({
      phone: z.string().optional(),
      email: z.email({ error: 'must be an e-mail address' }).optional(),
      website: z.url({ error: 'must be a full URL' }).optional(),
      address: requiredText('public address'),
    })
    .strict()
    .describe('Public contact details (sample data)'),
});

export const REGIONS = [
  'northwest',
  'northeast',
  'red-river-delta',
  'north-central',
  'south-central-coast',
  'central-highlands',
  'southeast',
  'mekong-delta',
] as const;

export const provinceFieldsSchema = z
  .object({
    name: localizedTextSchema('province name'),
    region: z.enum(REGIONS, { error: `must be one of ${REGIONS.join(', ')}` }).describe('Region of Vietnam'),
    intro: localizedTextSchema('short introduction'),
    mergedInto: z
      .string()
      .optional()
      .describe('Province it joined in the 2025 reorganisation, if any (name as written)'),
    programme: z
      .object({
        asOf: textInBothLanguages(
          'date or period of the figures, e.g. { vi: cuối năm 2024, en: end of 2024 }',
        ),
        totalProducts: z.number().int().nonnegative(),
        byStars: z
          .object({
            3: z.number().int().nonnegative().optional(),
            4: z.number().int().nonnegative().optional(),
            5: z.number().int().nonnegative().optional(),
          })
          .strict(),
        entities: z.number().int().nonnegative().optional(),
        source: textInBothLanguages('source of the figures'),
      })
      .strict()
      .describe('OCOP programme figures as reported in the source articles'),
  })
  .strict();
