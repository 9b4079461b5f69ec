/**
 * The search document, pure: one product as Meilisearch stores it, built and validated from the catalogue.
 * Bilingual fields are stored once per language (an index attribute per language, so each can be searched and
 * ranked); LOCALIZED_ATTRIBUTES names them, and `localizedAttribute` is the one place a language is chosen.
 */
import { z } from 'zod';
import {
  PRODUCER_KINDS,
  ocopGroupSchema,
  type OcopGroup,
  type ProducerKind,
  type Stars,
} from '../catalog/catalog.ts';
import { labels, type Locale, type Localized } from '../../lib/i18n/index.ts';
import { toTelex } from './telex.ts';
import { stripMarks } from './highlights.ts';
import { PRICE_BAND_IDS, priceBandOf } from './price-bands.ts';

/**
 * The accent-coded copies of the Vietnamese text (accents.ts `toTelex`), searched instead of the folded text when a
 * query carries accents, so "mận" (plum) no longer finds "mặn" (salty) or "Mạnh". In ranking order.
 */
export const ACCENT_CODED = [
  { attribute: 'nameCoded', from: ['nameVi'] },
  { attribute: 'producerCoded', from: ['producerName'] },
  { attribute: 'provinceCoded', from: ['provinceVi'] },
  { attribute: 'placeCoded', from: ['commune', 'formerDistrict'] },
  { attribute: 'groupCoded', from: ['groupVi'] },
  { attribute: 'tagsCoded', from: ['tags'] },
] as const satisfies readonly { attribute: string; from: readonly string[] }[];
export const ACCENT_CODED_ATTRIBUTES: string[] = ACCENT_CODED.map((c) => c.attribute);

/** The accent-coded copies of a document's Vietnamese text; derived, so a document can be re-coded any time. */
export function accentCodes(document: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown): string =>
    Array.isArray(value) ? value.map(text).join(' , ') : typeof value === 'string' ? value : '';
  return Object.fromEntries(
    ACCENT_CODED.map(({ attribute, from }) => [
      attribute,
      toTelex(from.map((field) => text(document[field])).join(' , ')),
    ]),
  );
}

const starsSchema = z.union([z.literal(3), z.literal(4), z.literal(5)]);
const text = z.string().transform(stripMarks);

/** One product as Meilisearch stores it: everything a result card, a facet and the ranking need. */
export const searchDocumentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a product slug (a-z, 0-9, -)' }),
    nameVi: text,
    nameEn: text,
    summaryVi: text,
    summaryEn: text,
    producerId: z.string().min(1),
    producerName: text,
    producerNameEn: text,
    producerKind: z.enum(PRODUCER_KINDS),
    provinceId: z.string().regex(/^[a-z0-9-]+$/),
    provinceVi: text,
    provinceEn: text,
    commune: text,
    formerDistrict: text.nullable(),
    group: ocopGroupSchema,
    groupVi: text,
    groupEn: text,
    tags: z.array(text),
    ingredientsVi: z.array(text),
    ingredientsEn: z.array(text),
    storyVi: text,
    storyEn: text,
    stars: starsSchema,
    /** The stars of a valid recognition, null when it has lapsed: the star facet and filter count valid ones only. */
    validStars: starsSchema.nullable(),
    score: z.number().min(0).max(100),
    price: z.number().int().nonnegative(),
    priceBand: z.enum(PRICE_BAND_IDS),
    unitVi: text,
    unitEn: text,
    certificateValid: z.boolean(),
    exportReady: z.boolean(),
    exportMarkets: z.array(z.string()),
    image: z.object({ src: z.string(), width: z.number(), height: z.number() }).strict().nullable(),
    // The accent-coded copies (ACCENT_CODED), derived by accentCodes.
    nameCoded: z.string(),
    producerCoded: z.string(),
    provinceCoded: z.string(),
    placeCoded: z.string(),
    groupCoded: z.string(),
    tagsCoded: z.string(),
  })
  .strict();
export type SearchDocument = z.infer<typeof searchDocumentSchema>;

/** The index attribute holding each bilingual field in each language. */
export const LOCALIZED_ATTRIBUTES = {
  name: { vi: 'nameVi', en: 'nameEn' },
  summary: { vi: 'summaryVi', en: 'summaryEn' },
  producer: { vi: 'producerName', en: 'producerNameEn' },
  province: { vi: 'provinceVi', en: 'provinceEn' },
  group: { vi: 'groupVi', en: 'groupEn' },
  ingredients: { vi: 'ingredientsVi', en: 'ingredientsEn' },
  story: { vi: 'storyVi', en: 'storyEn' },
  unit: { vi: 'unitVi', en: 'unitEn' },
} as const satisfies Record<string, Localized<keyof SearchDocument>>;
export type LocalizedField = keyof typeof LOCALIZED_ATTRIBUTES;

/** The attribute of a bilingual field in one locale: the one place search picks a language. */
export function localizedAttribute(field: LocalizedField, locale: Locale): keyof SearchDocument {
  return LOCALIZED_ATTRIBUTES[field][locale];
}

/** Both attributes of bilingual fields, Vietnamese first (for attribute lists sent to Meilisearch). */
export function bilingualAttributes(...fields: LocalizedField[]): (keyof SearchDocument)[] {
  return fields.flatMap((field) => [LOCALIZED_ATTRIBUTES[field].vi, LOCALIZED_ATTRIBUTES[field].en]);
}

/** The file the prerendered endpoint writes and the indexer reads. */
export const searchDocumentsFileSchema = z
  .object({
    format: z.literal(1),
    generatedAt: z.string(),
    documents: z.array(searchDocumentSchema),
  })
  .strict();
export type SearchDocumentsFile = z.infer<typeof searchDocumentsFileSchema>;

/** What toSearchDocument needs about a product, independent of how the catalogue is loaded. */
export interface SearchSource {
  slug: string;
  name: Localized;
  summary: Localized;
  unit: Localized;
  group: OcopGroup;
  stars: Stars;
  score: number;
  price: number;
  certificateValid: boolean;
  tags: readonly string[];
  ingredients?: Localized<readonly string[]> | undefined;
  exportMarkets: readonly string[];
  story: Localized;
  producer: {
    id: string;
    name: Localized;
    kind: ProducerKind;
    commune: string;
    formerDistrict?: string | undefined;
  };
  province: { id: string; name: Localized };
  image: { src: string; width: number; height: number } | null;
}

/** Markdown to plain words for the index: drops markup, keeps the text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_>`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The bilingual fields of a source, each under its attribute per language. */
function localizedFields(source: SearchSource): Partial<Record<keyof SearchDocument, unknown>> {
  const values: Record<LocalizedField, Localized<unknown>> = {
    name: source.name,
    summary: source.summary,
    producer: source.producer.name,
    province: source.province.name,
    group: labels.group[source.group],
    ingredients: { vi: [...(source.ingredients?.vi ?? [])], en: [...(source.ingredients?.en ?? [])] },
    story: { vi: plainText(source.story.vi), en: plainText(source.story.en) },
    unit: source.unit,
  };
  return Object.fromEntries(
    (Object.keys(values) as LocalizedField[]).flatMap((field) => [
      [LOCALIZED_ATTRIBUTES[field].vi, values[field].vi],
      [LOCALIZED_ATTRIBUTES[field].en, values[field].en],
    ]),
  );
}

/** Builds the search document of one product; validated, so a bad catalogue fails here and not in Meilisearch. */
export function toSearchDocument(source: SearchSource): SearchDocument {
  const document = {
    id: source.slug,
    ...localizedFields(source),
    producerId: source.producer.id,
    producerKind: source.producer.kind,
    provinceId: source.province.id,
    commune: source.producer.commune,
    formerDistrict: source.producer.formerDistrict ?? null,
    group: source.group,
    tags: [...source.tags],
    stars: source.stars,
    // Validity comes from the catalogue's rule (certificationStatus), passed in as certificateValid.
    validStars: source.certificateValid ? source.stars : null,
    score: source.score,
    price: source.price,
    priceBand: priceBandOf(source.price),
    certificateValid: source.certificateValid,
    exportReady: source.exportMarkets.length > 0,
    exportMarkets: [...source.exportMarkets],
    image: source.image,
  };
  return searchDocumentSchema.parse({ ...document, ...accentCodes(document) });
}
