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

const calendarDate = z.coerce
  .date({ error: 'must be a date written as YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

/** Values of a product that may be invented (sample data) although the product itself is from an article. */
export const PRODUCT_SAMPLE_FIELDS = [
  'certification.stars',
  'certification.score',
  'certification.level',
  'certification.recognisedOn',
  'certification.decisionNumber',
  'certification.candidacy',
  'price',
  'netWeight',
  'shelfLifeDays',
  'storage',
  'ingredients',
  'exportMarkets',
] as const;
export type ProductSampleField = (typeof PRODUCT_SAMPLE_FIELDS)[number];

/** Values of a producer that may be invented although the producer is from an article. */
export const PRODUCER_SAMPLE_FIELDS = [
  'commune',
  'founded',
  'workers',
  'members',
  'contact',
  'womenOwned',
  'socialEnterprise',
] as const;
export type ProducerSampleField = (typeof PRODUCER_SAMPLE_FIELDS)[number];

/** Values of a province that may be invented although the province is from an article. */
export const PROVINCE_SAMPLE_FIELDS = ['intro'] as const;

/** Checks that a source id names a file in content/sources/ (content.config.ts passes the real check). */
export type SourceCheck = (id: string, ctx: z.RefinementCtx) => void;
const noCheck: SourceCheck = () => {};

/** A source id, checked by `check` (content.config.ts passes one that the file exists). */
export const sourceIdSchema = (check: SourceCheck) =>
  requiredText('source id (a file name in content/sources without .yaml)')
    .superRefine(check)
    .describe('Id of a source article: a file name in content/sources/ without .yaml');

/**
 * Where an entry comes from: `article` (its facts are taken from the listed source articles; `sampleFields` names
 * the values that are invented all the same) or `sample` (the whole entry is invented, illustrative data).
 */
export function provenanceSchema<const F extends readonly [string, ...string[]]>(
  fields: F,
  check: SourceCheck = noCheck,
) {
  return z
    .discriminatedUnion(
      'kind',
      [
        z
          .object({
            kind: z.literal('article').describe('The facts come from source articles'),
            sources: z
              .array(sourceIdSchema(check), {
                error: 'is missing: list the source ids, e.g. [bao-ca-mau-2025-10-21]',
              })
              .min(1, { error: 'is empty: list at least one source id, or use provenance: { kind: sample }' })
              .describe('The articles the facts come from (ids in content/sources/)'),
            sampleFields: z
              .array(z.enum(fields, { error: `must be one of ${fields.join(', ')}` }))
              .default([])
              .describe('Values that are invented (sample data) although the entry comes from an article'),
          })
          .strict(),
        z
          .object({
            kind: z.literal('sample').describe('Invented, illustrative entry: every value is sample data'),
          })
          .strict(),
      ],
      {
        error:
          'must say where the entry comes from: { kind: article, sources: [source id], sampleFields: [...] } or { kind: sample }',
      },
    )
    .describe('Where the entry comes from: source articles, or invented sample data');
}
export type Provenance = z.infer<ReturnType<typeof provenanceSchema>>;

/** A source article (content/sources/<id>.yaml): what the seed gives of its title, outlet, date and address. */
export const sourceFieldsSchema = z
  .object({
    title: requiredText('title as published').describe('Title as the outlet published it'),
    titleLang: z
      .enum(['vi', 'en'], { error: 'must be vi or en (the language of the title)' })
      .describe('Language of the title, so pages in the other language mark it'),
    outlet: localizedTextSchema('outlet name')
      .optional()
      .describe('Newspaper or portal that published it; omit when the article does not name it'),
    published: calendarDate
      .optional()
      .describe('Publication date, YYYY-MM-DD; omit when the article carries none'),
    url: z.url({ error: 'must be a full URL' }).optional().describe('Address of the article, where known'),
    seed: requiredText('seed file name').describe('File in shared/seeds/ that holds the article text'),
  })
  .strict();

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

/** The fields of a certification claim, before the OCOP rules that tie them together (certificationSchema). */
export const certificationFieldsSchema = z
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
  .strict();

/** A certification claim checked against the OCOP rules (score bands, levels, candidacy) of catalog.ts. */
export const certificationSchema = certificationFieldsSchema.superRefine((cert, ctx) => {
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

/**
 * The fields a producer edits, shared by a product file's frontmatter and a listing in the database
 * (src/features/portal/listing.ts), so one set of rules validates both. Cross-field rules: `refineProduct`.
 */
export const listingFieldsSchema = z.object({
  name: localizedTextSchema('product name').describe('Product name in Vietnamese and English'),
  summary: localizedTextSchema('one-sentence summary').describe('One sentence shown on cards and in search'),
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
    .describe('Net quantity of one unit: a weight (g, kg), a volume (ml, l) or a count (piece)'),
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
});

const { name, summary, ...listingRest } = listingFieldsSchema.shape;

/** Fields of a product's index.md frontmatter, except images (which need Astro's image() helper). */
export const productFieldsSchema = z.object({
  name,
  summary,
  producer: requiredText('producer id (the file name in content/producers without .yaml)').describe(
    'Id of the producer: a file name in content/producers/ without .yaml',
  ),
  ...listingRest,
  tags: z.array(z.string().min(1)).default([]).describe('Search tags (lower case, either language)'),
  exportMarkets: z
    .array(z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as US or JP' }))
    .default([])
    .describe('Countries the product is exported to, ISO 3166-1 alpha-2'),
  featured: z.boolean().default(false).describe('Show on the home page'),
  provenance: provenanceSchema(PRODUCT_SAMPLE_FIELDS),
});

/** Net weight or volume of one unit, as the product file gives it. */
export type NetWeight = z.infer<typeof listingFieldsSchema.shape.netWeight>;

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
  commune: requiredText('commune').describe(
    'Commune or ward (xã/phường) since the July 2025 reorganisation, with its kind: Xã Lợi An, Phường An Hội',
  ),
  formerCommune: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Commune before July 2025, when older certificates or articles name another one'),
  formerDistrict: z
    .string()
    .trim()
    .regex(/^(huyện|thị xã|thành phố|quận) \S/u, {
      error: 'must start with its kind, e.g. "huyện Chợ Lách" or "thành phố Bến Tre"',
    })
    .optional()
    .describe('District before July 2025 with its kind (huyện Chợ Lách), as older certificates name it'),
  formerProvince: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'Province before July 2025 (Bạc Liêu) when the province file is a current one; a former province file says it itself',
    ),
  founded: z.number().int().min(1900).max(2100).optional().describe('Year founded'),
  workers: z.number().int().positive().optional().describe('Regular workers, where known'),
  members: z.number().int().positive().optional().describe('Cooperative members, where known'),
  womenOwned: z
    .boolean()
    .optional()
    .describe('A women-owned business: priority on a tie for trade-promotion support (Decree 80/2021)'),
  socialEnterprise: z
    .boolean()
    .optional()
    .describe('A social enterprise: priority on a tie for trade-promotion support (Decree 80/2021)'),
  story: localizedTextSchema('producer story').describe('A paragraph or two about the producer'),
  contact: z
    .object({
      phone: z.string().optional(),
      email: z.email({ error: 'must be an e-mail address' }).optional(),
      website: z.url({ error: 'must be a full URL' }).optional(),
      address: requiredText('public address'),
    })
    .strict()
    .describe('Public contact details'),
  provenance: provenanceSchema(PRODUCER_SAMPLE_FIELDS),
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
