/**
 * Product search, pure: the search document, the index settings (in this one place), URL parameters, the plan of
 * Meilisearch queries for a search, the accent tiebreaker, highlight segments and the shaping of results and
 * suggestions. No I/O and no vendor types: search.server.ts sends the plans and hands back plain responses.
 * Relative imports carry their .ts extension so Node can load this file directly (npm start, the bench).
 */
import { z } from 'zod';
import { OCOP_GROUPS, PRODUCER_KINDS, STAR_LEVELS, ocopGroupSchema, type Stars } from '../catalog/catalog.ts';
import { labels, localizedPath, type Locale } from '../../lib/i18n/index.ts';
import { formatVnd } from '../../lib/money.ts';
import { SORTS, hasFilters, type SortOrder } from './search-url.ts';

export {
  EMPTY_QUERY,
  SORTS,
  SUGGEST_MIN_LENGTH,
  hasFilters,
  toSearchParams,
  type SortOrder,
} from './search-url.ts';

/** The index the site searches; a reindex builds `<uid>_<stamp>` and swaps it in. */
export const PRODUCTS_INDEX = 'products';
/** Holds one document describing what the products index was built from (fingerprint, count, time). */
export const PRODUCTS_META_INDEX = 'products_meta';

// ---------------------------------------------------------------------------------------------------------------
// Accents
// ---------------------------------------------------------------------------------------------------------------

/** Lower-cases and strips Vietnamese diacritics (đ → d): "Kẹo Dừa" → "keo dua", the way Meilisearch folds. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Whether a text carries any Vietnamese diacritic (or đ), i.e. the shopper chose a reading. */
export function hasAccents(text: string): boolean {
  return foldAccents(text) !== text.normalize('NFC').toLowerCase();
}

/** The words of a text, lower-cased and NFC-normalised, accents kept. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------

/** Price bands offered as a facet; bounds in whole đồng, min inclusive, max exclusive. */
export const PRICE_BANDS = [
  { id: 'under-100k', min: 0, max: 100_000 },
  { id: '100k-300k', min: 100_000, max: 300_000 },
  { id: '300k-1m', min: 300_000, max: 1_000_000 },
  { id: 'over-1m', min: 1_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type PriceBandId = (typeof PRICE_BANDS)[number]['id'];
const PRICE_BAND_IDS = PRICE_BANDS.map((b) => b.id) as [PriceBandId, ...PriceBandId[]];

/** The band a price falls in. */
export function priceBandOf(price: number): PriceBandId {
  return PRICE_BANDS.find((b) => price >= b.min && price < b.max)!.id;
}

const starsSchema = z.union([z.literal(3), z.literal(4), z.literal(5)]);
// Private-use characters mark highlights; they are stripped from indexed text so no document can forge one.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const text = z.string().transform((s) => s.replace(/[\uE000\uE001]/g, ''));

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
    score: z.number().min(0).max(100),
    price: z.number().int().nonnegative(),
    priceBand: z.enum(PRICE_BAND_IDS),
    unitVi: text,
    unitEn: text,
    certificateValid: z.boolean(),
    exportReady: z.boolean(),
    exportMarkets: z.array(z.string()),
    image: z.object({ src: z.string(), width: z.number(), height: z.number() }).strict().nullable(),
  })
  .strict();
export type SearchDocument = z.infer<typeof searchDocumentSchema>;

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
  name: { vi: string; en: string };
  summary: { vi: string; en: string };
  unit: { vi: string; en: string };
  group: (typeof OCOP_GROUPS)[number];
  stars: Stars;
  score: number;
  price: number;
  certificateValid: boolean;
  tags: readonly string[];
  ingredients?: { vi: readonly string[]; en: readonly string[] } | undefined;
  exportMarkets: readonly string[];
  story: { vi: string; en: string };
  producer: {
    id: string;
    name: string;
    nameEn: string;
    kind: (typeof PRODUCER_KINDS)[number];
    commune: string;
    formerDistrict?: string | undefined;
  };
  province: { id: string; name: { vi: string; en: string } };
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

/** Builds the search document of one product; validated, so a bad catalogue fails here and not in Meilisearch. */
export function toSearchDocument(source: SearchSource): SearchDocument {
  return searchDocumentSchema.parse({
    id: source.slug,
    nameVi: source.name.vi,
    nameEn: source.name.en,
    summaryVi: source.summary.vi,
    summaryEn: source.summary.en,
    producerId: source.producer.id,
    producerName: source.producer.name,
    producerNameEn: source.producer.nameEn,
    producerKind: source.producer.kind,
    provinceId: source.province.id,
    provinceVi: source.province.name.vi,
    provinceEn: source.province.name.en,
    commune: source.producer.commune,
    formerDistrict: source.producer.formerDistrict ?? null,
    group: source.group,
    groupVi: labels.group[source.group].vi,
    groupEn: labels.group[source.group].en,
    tags: [...source.tags],
    ingredientsVi: [...(source.ingredients?.vi ?? [])],
    ingredientsEn: [...(source.ingredients?.en ?? [])],
    storyVi: plainText(source.story.vi),
    storyEn: plainText(source.story.en),
    stars: source.stars,
    score: source.score,
    price: source.price,
    priceBand: priceBandOf(source.price),
    unitVi: source.unit.vi,
    unitEn: source.unit.en,
    certificateValid: source.certificateValid,
    exportReady: source.exportMarkets.length > 0,
    exportMarkets: [...source.exportMarkets],
    image: source.image,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Index settings
// ---------------------------------------------------------------------------------------------------------------

/**
 * Bilingual and regional synonyms: each row is one meaning; the accent-free forms of the Vietnamese terms are
 * added too. Meilisearch folds accents in synonyms as well, so a single syllable whose folded form has other
 * meanings (dừa coconut / dứa pineapple / dưa melon all fold to "dua") is left out: every product already carries
 * its name in both languages, and such a synonym would only make "coconut" find pineapple.
 */
export const SYNONYM_ROWS: readonly (readonly string[])[] = [
  ['tôm khô', 'dried shrimp'],
  ['kẹo dừa', 'coconut candy'],
  ['nước mắm', 'fish sauce'],
  ['trái nhàu', 'nhàu', 'noni'],
  ['mận', 'plum'],
  ['mật ong', 'honey'],
  ['cà phê', 'coffee', 'cafe'],
  ['chè', 'trà', 'tea'],
  ['yến sào', 'tổ yến', "bird's nest", 'bird nest', 'swiftlet nest'],
  ['khô cá', 'cá khô', 'dried fish'],
  ['bánh phồng tôm', 'prawn crackers', 'shrimp crackers'],
  ['sầu riêng', 'durian'],
  ['long nhãn', 'dried longan'],
  ['chuối khô', 'chuối sấy', 'dried banana'],
  ['lạc', 'đậu phộng', 'peanut'],
  ['vừng', 'mè', 'sesame'],
  ['bắp', 'ngô', 'corn'],
  ['dứa sấy', 'thơm sấy', 'khóm sấy', 'dried pineapple'],
  ['nước cốt dừa', 'coconut milk'],
  ['ba khía', 'salted crab'],
  ['giảo cổ lam', 'jiaogulan'],
  ['chả cá', 'fish cake'],
];

/** Mutual synonyms for Meilisearch, with the accent-free form of every Vietnamese term. */
export function buildSynonyms(rows: typeof SYNONYM_ROWS = SYNONYM_ROWS): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  for (const row of rows) {
    const terms = new Set(row.map((t) => t.normalize('NFC').toLowerCase()));
    for (const term of [...terms]) terms.add(foldAccents(term));
    for (const term of terms) {
      const others = (synonyms[term] ??= new Set());
      for (const other of terms) if (other !== term) others.add(other);
    }
  }
  return Object.fromEntries(
    Object.entries(synonyms)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, [...v].sort()]),
  );
}

/**
 * Typo tolerance for short Vietnamese syllables: 3-letter syllables fold onto each other (dua/dưa/dứa/dừa,
 * keo/kèo/kẹo), so they must match exactly; one typo from 4 letters, two from 8; never on numbers ("500 g").
 * Chosen with the sweep in scripts/bench-search.mjs: 11/12 misspellings found, no more false friends than 5/9.
 */
export const TYPO_TOLERANCE = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  disableOnNumbers: true,
  disableOnAttributes: [] as string[],
  disableOnWords: [] as string[],
};

/** Every setting of the products index, in one place. */
export const PRODUCTS_INDEX_SETTINGS = {
  // Priority order: a match in the name beats the producer, which beats province, group, tags, ingredients, story.
  searchableAttributes: [
    'nameVi',
    'nameEn',
    'producerName',
    'producerNameEn',
    'provinceVi',
    'provinceEn',
    'commune',
    'formerDistrict',
    'groupVi',
    'groupEn',
    'tags',
    'ingredientsVi',
    'ingredientsEn',
    'summaryVi',
    'summaryEn',
    'storyVi',
    'storyEn',
  ],
  filterableAttributes: [
    'provinceId',
    'group',
    'stars',
    'producerKind',
    'producerId',
    'price',
    'priceBand',
    'certificateValid',
    'exportReady',
  ],
  sortableAttributes: ['price', 'stars', 'score'],
  // Relevance first; among equally relevant products the higher-rated one wins.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'stars:desc', 'score:desc'],
  displayedAttributes: ['*'],
  // Vietnam has 34 provinces since 2025 (63 before): 100 values keeps every province in the facet.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 1000 },
  synonyms: buildSynonyms(),
  typoTolerance: TYPO_TOLERANCE,
  // Bounds the worst query; a cut-off search returns its best results so far rather than stalling the page.
  searchCutoffMs: 500,
  proximityPrecision: 'byWord',
} as const;
export type ProductsIndexSettings = typeof PRODUCTS_INDEX_SETTINGS;

// ---------------------------------------------------------------------------------------------------------------
// URL parameters
// ---------------------------------------------------------------------------------------------------------------

export const RESULTS_PER_PAGE = 12;
/** Meilisearch returns at most maxTotalHits (1000) results: 84 pages of 12. */
export const MAX_PAGE = Math.ceil(PRODUCTS_INDEX_SETTINGS.pagination.maxTotalHits / RESULTS_PER_PAGE);
export const MAX_QUERY_LENGTH = 200;

const flagSchema = z
  .enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' })
  .transform((v) => v === '1' || v === 'true');

/** A search as written in the URL (?q=&province=&group=&stars=&price=&valid=&export=&sort=&page=). */
export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` })
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
      .default(''),
    province: z
      .array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a province id such as ben-tre' }))
      .max(64, { error: 'lists too many provinces' })
      .default([]),
    group: z.array(z.enum(OCOP_GROUPS, { error: `must be one of ${OCOP_GROUPS.join(', ')}` })).default([]),
    stars: z
      .array(
        z.coerce
          .number({ error: 'must be 3, 4 or 5' })
          .refine((n) => (STAR_LEVELS as readonly number[]).includes(n), { error: 'must be 3, 4 or 5' })
          .transform((n) => n as Stars),
      )
      .default([]),
    price: z
      .array(z.enum(PRICE_BAND_IDS, { error: `must be one of ${PRICE_BAND_IDS.join(', ')}` }))
      .default([]),
    valid: flagSchema.default(false),
    export: flagSchema.default(false),
    sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` }).default('relevance'),
    page: z.coerce
      .number({ error: 'must be a page number' })
      .int({ error: 'must be a whole page number' })
      .min(1, { error: 'must be 1 or more' })
      .max(MAX_PAGE, { error: `must be at most ${MAX_PAGE}` })
      .default(1),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const LIST_PARAMS = new Set(['province', 'group', 'stars', 'price']);
const QUERY_PARAMS = new Set(Object.keys(searchQuerySchema.shape));

export type FieldErrors = Record<string, string>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

/** Field name → first message, from a zod error. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'query');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Reads a search from URL parameters. Unknown parameters (utm_source, fbclid…) are ignored, empty values count
 * as absent, and list parameters may repeat (province=ca-mau&province=son-la).
 */
export function parseSearchParams(params: URLSearchParams): ParseResult<SearchQuery> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (!QUERY_PARAMS.has(key) || value === '') continue;
    if (LIST_PARAMS.has(key)) {
      const list = (raw[key] ??= []) as string[];
      list.push(value);
    } else raw[key] = value;
  }
  const parsed = searchQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const q = parsed.data;
  // Duplicates would only repeat a filter; sorted values give one canonical URL per search.
  return {
    ok: true,
    value: {
      ...q,
      province: [...new Set(q.province)].sort(),
      group: [...new Set(q.group)].sort(),
      stars: [...new Set(q.stars)].sort(),
      price: PRICE_BAND_IDS.filter((id) => q.price.includes(id)),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Query plan
// ---------------------------------------------------------------------------------------------------------------

/** A Meilisearch search as plain data (the subset of its search parameters the site uses). */
export interface SearchRequest {
  indexUid: string;
  q: string;
  filter?: (string | string[])[];
  facets?: string[];
  page?: number;
  hitsPerPage?: number;
  limit?: number;
  sort?: string[];
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
  attributesToSearchOn?: string[];
  distinct?: string;
}

/** What the adapter hands back for each request. */
export interface SearchResponse {
  hits: Record<string, unknown>[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Facets chosen by ticking several values (OR within the facet, AND across facets). */
export const MULTI_FACETS = {
  province: 'provinceId',
  group: 'group',
  stars: 'stars',
  price: 'priceBand',
} as const;
type MultiFacetKey = keyof typeof MULTI_FACETS;
const MULTI_FACET_KEYS = Object.keys(MULTI_FACETS) as MultiFacetKey[];

/** A filter value in Meilisearch's syntax, quoted and escaped so no input can change the expression. */
export function filterValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The filter for a search as an AND-list of OR-groups, optionally leaving one multi-select facet out. */
export function buildFilter(query: SearchQuery, except?: MultiFacetKey): (string | string[])[] {
  const filter: (string | string[])[] = [];
  for (const key of MULTI_FACET_KEYS) {
    if (key === except || query[key].length === 0) continue;
    filter.push(query[key].map((v) => `${MULTI_FACETS[key]} = ${filterValue(v)}`));
  }
  if (query.valid) filter.push('certificateValid = true');
  if (query.export) filter.push('exportReady = true');
  return filter;
}

/** Meilisearch sort for a sort order; relevance leaves ordering to the ranking rules. */
export function sortFor(order: SortOrder): string[] | undefined {
  switch (order) {
    case 'price-asc':
      return ['price:asc'];
    case 'price-desc':
      return ['price:desc'];
    case 'stars':
      return ['stars:desc', 'score:desc'];
    default:
      return undefined;
  }
}

/** Fields a result card shows; the long stories stay on the server. */
const CARD_ATTRIBUTES = [
  'id',
  'nameVi',
  'nameEn',
  'summaryVi',
  'summaryEn',
  'producerId',
  'producerName',
  'producerNameEn',
  'provinceId',
  'provinceVi',
  'provinceEn',
  'tags',
  'stars',
  'price',
  'unitVi',
  'unitEn',
  'certificateValid',
  'image',
];
const HIGHLIGHT = {
  attributesToHighlight: ['nameVi', 'nameEn', 'summaryVi', 'summaryEn'],
  highlightPreTag: MARK_OPEN,
  highlightPostTag: MARK_CLOSE,
};

/** How many leading results the accent tiebreaker may reorder. */
export const RERANK_WINDOW = 48;

export interface SearchPlan {
  /** The page of results with the facets that are not multi-selected. */
  main: SearchRequest;
  /** One count-only request per multi-select facet with selections, without its own filter (disjunctive counts). */
  disjunctive: { key: MultiFacetKey; request: SearchRequest }[];
  /** Whether the main request fetched the re-rank window instead of the page. */
  windowed: boolean;
}

/** The Meilisearch requests for a search page: one multi-search, so one round trip. */
export function planSearch(query: SearchQuery, indexUid = PRODUCTS_INDEX): SearchPlan {
  const selected = MULTI_FACET_KEYS.filter((key) => query[key].length > 0);
  const mainFacets = [
    ...MULTI_FACET_KEYS.filter((key) => !selected.includes(key)).map((key) => MULTI_FACETS[key]),
    'certificateValid',
    'exportReady',
  ];
  // The accent tiebreaker reorders the first RERANK_WINDOW results; pages inside it are cut from that window.
  const windowed =
    query.sort === 'relevance' && hasAccents(query.q) && query.page * RESULTS_PER_PAGE <= RERANK_WINDOW;
  const filter = buildFilter(query);
  const sort = sortFor(query.sort);
  const main: SearchRequest = {
    indexUid,
    q: query.q,
    ...(filter.length ? { filter } : {}),
    facets: mainFacets,
    page: windowed ? 1 : query.page,
    hitsPerPage: windowed ? RERANK_WINDOW : RESULTS_PER_PAGE,
    ...(sort ? { sort } : {}),
    attributesToRetrieve: CARD_ATTRIBUTES,
    ...HIGHLIGHT,
  };
  const disjunctive = selected.map((key) => {
    const f = buildFilter(query, key);
    return {
      key,
      request: {
        indexUid,
        q: query.q,
        ...(f.length ? { filter: f } : {}),
        facets: [MULTI_FACETS[key]],
        page: 1,
        hitsPerPage: 0,
      } satisfies SearchRequest,
    };
  });
  return { main, disjunctive, windowed };
}

/** Requests run only when a search finds nothing: the same words without filters, and popular products. */
export function planNoResults(query: SearchQuery, indexUid = PRODUCTS_INDEX): SearchRequest[] {
  return [
    { indexUid, q: query.q, page: 1, hitsPerPage: 0 },
    {
      indexUid,
      q: '',
      filter: ['certificateValid = true'],
      sort: ['stars:desc', 'score:desc'],
      page: 1,
      hitsPerPage: 4,
      attributesToRetrieve: CARD_ATTRIBUTES,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Accent tiebreaker
// ---------------------------------------------------------------------------------------------------------------

/** Where an exact accented match counts most: the name, then the tags, then where it comes from. */
const ACCENT_FIELDS: readonly { field: string; weight: number }[] = [
  { field: 'nameVi', weight: 8 },
  { field: 'tags', weight: 4 },
  { field: 'summaryVi', weight: 2 },
  { field: 'producerName', weight: 1 },
  { field: 'provinceVi', weight: 1 },
];

function fieldWords(hit: Record<string, unknown>, field: string): Set<string> {
  const value = hit[field];
  const joined = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return new Set(words(joined.replace(/[\uE000\uE001]/g, '')));
}

/** How strongly a hit matches the accented words of the query exactly (0 when none does). */
export function accentScore(hit: Record<string, unknown>, queryText: string): number {
  const accented = words(queryText).filter(hasAccents);
  let score = 0;
  for (const { field, weight } of ACCENT_FIELDS) {
    const present = fieldWords(hit, field);
    for (const word of accented) if (present.has(word)) score += weight;
  }
  return score;
}

/**
 * Meilisearch folds accents, so "dừa" also finds dứa (pineapple) and dưa (melon). When the query carries accents,
 * hits whose text has those exact words move first; the sort is stable, so Meilisearch's order breaks ties.
 * Without accents the order is left alone and every reading stays.
 */
export function accentRerank<T extends Record<string, unknown>>(hits: readonly T[], queryText: string): T[] {
  if (!hasAccents(queryText)) return [...hits];
  return hits
    .map((hit, index) => ({ hit, index, score: accentScore(hit, queryText) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.hit);
}

// ---------------------------------------------------------------------------------------------------------------
// Highlights
// ---------------------------------------------------------------------------------------------------------------

/** A piece of highlighted text; rendered as text nodes (with <mark> for matches), never as HTML. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Splits Meilisearch's highlighted text (marked with private-use characters) into plain segments. */
export function highlightSegments(formatted: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current) segments.push({ text: current, match });
    current = '';
  };
  for (const ch of formatted) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      match = ch === MARK_OPEN;
    } else current += ch;
  }
  flush();
  return segments;
}

/** Escapes text for HTML, for the rare caller that must produce a string (e.g. an e-mail); the UI renders segments. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Highlighted text as an HTML string with <mark>, every piece escaped. */
export function highlightToHtml(formatted: string): string {
  return highlightSegments(formatted)
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------------------------

export interface ResultHit {
  slug: string;
  href: string;
  name: TextSegment[];
  summary: TextSegment[];
  producer: string;
  province: string;
  stars: Stars;
  certificateValid: boolean;
  price: string;
  unit: string;
  image: { src: string; width: number; height: number } | null;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchResults {
  query: SearchQuery;
  total: number;
  page: number;
  totalPages: number;
  hits: ResultHit[];
  facets: {
    province: FacetValue[];
    group: FacetValue[];
    stars: FacetValue[];
    price: FacetValue[];
    valid: number;
    export: number;
  };
  /** Only when nothing was found: hits without the filters, and popular products to try. */
  noResults?: { withoutFilters: number; popular: ResultHit[] };
}

/** Province names by id, for facet labels. */
export type ProvinceNames = Record<string, { vi: string; en: string }>;

function str(hit: Record<string, unknown>, key: string): string {
  const v = hit[key];
  return typeof v === 'string' ? v : '';
}

/** A raw Meilisearch hit as a result card in a locale, with highlights when the hit has them. */
export function toResultHit(hit: Record<string, unknown>, locale: Locale): ResultHit {
  const formatted = (hit['_formatted'] as Record<string, unknown> | undefined) ?? hit;
  const en = locale === 'en';
  const slug = str(hit, 'id');
  const image = hit['image'] as ResultHit['image'] | undefined;
  return {
    slug,
    href: localizedPath(`/products/${slug}`, locale),
    name: highlightSegments(str(formatted, en ? 'nameEn' : 'nameVi')),
    summary: highlightSegments(str(formatted, en ? 'summaryEn' : 'summaryVi')),
    producer: str(hit, en ? 'producerNameEn' : 'producerName'),
    province: str(hit, en ? 'provinceEn' : 'provinceVi'),
    stars: (hit['stars'] as Stars | undefined) ?? 3,
    certificateValid: hit['certificateValid'] === true,
    price: formatVnd(Number(hit['price'] ?? 0), locale),
    unit: str(hit, en ? 'unitEn' : 'unitVi'),
    image: image ?? null,
  };
}

function facetValues(
  counts: Record<string, number> | undefined,
  selected: readonly (string | number)[],
  label: (value: string) => string,
  order: readonly string[] | null,
): FacetValue[] {
  const all = new Map(Object.entries(counts ?? {}));
  // A ticked value stays visible with 0 so it can be unticked.
  for (const s of selected) if (!all.has(String(s))) all.set(String(s), 0);
  const values = [...all].map(([value, count]) => ({
    value,
    label: label(value),
    count,
    selected: selected.map(String).includes(value),
  }));
  if (order) return values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

/** Price band label in a locale, e.g. "100.000 ₫ – 300.000 ₫". */
export function priceBandLabel(id: string, locale: Locale): string {
  const band = PRICE_BANDS.find((b) => b.id === id);
  if (!band) return id;
  const fmt = (n: number) => formatVnd(n, locale);
  if (band.min === 0) return locale === 'vi' ? `Dưới ${fmt(band.max)}` : `Under ${fmt(band.max)}`;
  if (band.max === Number.POSITIVE_INFINITY)
    return locale === 'vi' ? `Từ ${fmt(band.min)}` : `${fmt(band.min)} and up`;
  return `${fmt(band.min)} – ${fmt(band.max)}`;
}

/** Combines the responses of a plan into the page's results. `responses` are in plan order: main, disjunctive… */
export function shapeResults(
  query: SearchQuery,
  plan: SearchPlan,
  responses: readonly SearchResponse[],
  locale: Locale,
  provinceNames: ProvinceNames,
): SearchResults {
  const [main, ...rest] = responses;
  if (!main) throw new Error('shapeResults needs the main response');
  const distribution: Record<string, Record<string, number>> = { ...main.facetDistribution };
  plan.disjunctive.forEach(({ key }, i) => {
    distribution[MULTI_FACETS[key]] = rest[i]?.facetDistribution?.[MULTI_FACETS[key]] ?? {};
  });
  let pageHits = main.hits;
  if (plan.windowed) {
    const start = (query.page - 1) * RESULTS_PER_PAGE;
    pageHits = accentRerank(main.hits, query.q).slice(start, start + RESULTS_PER_PAGE);
  }
  const total = main.totalHits;
  return {
    query,
    total,
    page: query.page,
    totalPages: Math.min(Math.ceil(total / RESULTS_PER_PAGE), MAX_PAGE),
    hits: pageHits.map((hit) => toResultHit(hit, locale)),
    facets: {
      province: facetValues(
        distribution['provinceId'],
        query.province,
        (id) => provinceNames[id]?.[locale] ?? id,
        null,
      ),
      group: facetValues(
        distribution['group'],
        query.group,
        (id) => labels.group[id as keyof typeof labels.group]?.[locale] ?? id,
        OCOP_GROUPS,
      ),
      stars: facetValues(
        distribution['stars'],
        query.stars,
        (s) => (locale === 'vi' ? `${s} sao` : `${s} stars`),
        ['5', '4', '3'],
      ),
      price: facetValues(
        distribution['priceBand'],
        query.price,
        (id) => priceBandLabel(id, locale),
        PRICE_BAND_IDS,
      ),
      valid: distribution['certificateValid']?.['true'] ?? 0,
      export: distribution['exportReady']?.['true'] ?? 0,
    },
  };
}

/** Adds the no-results help from the two planNoResults responses. */
export function withNoResults(
  results: SearchResults,
  responses: readonly SearchResponse[],
  locale: Locale,
): SearchResults {
  const [broader, popular] = responses;
  return {
    ...results,
    noResults: {
      withoutFilters: hasFilters(results.query) ? (broader?.totalHits ?? 0) : 0,
      popular: (popular?.hits ?? []).map((hit) => toResultHit(hit, locale)),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Suggestions (header search box)
// ---------------------------------------------------------------------------------------------------------------

export interface Suggestion {
  kind: 'product' | 'producer' | 'province';
  id: string;
  label: TextSegment[];
  detail: string;
  href: string;
}

/** Three searches in one round trip: products, producers (one per producer), provinces (one per province). */
export function planSuggestions(q: string, indexUid = PRODUCTS_INDEX): SearchRequest[] {
  return [
    {
      indexUid,
      q,
      limit: 5,
      attributesToRetrieve: [
        'id',
        'nameVi',
        'nameEn',
        'producerName',
        'producerNameEn',
        'provinceVi',
        'provinceEn',
      ],
      attributesToHighlight: ['nameVi', 'nameEn'],
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
    },
    {
      indexUid,
      q,
      limit: 3,
      attributesToSearchOn: ['producerName', 'producerNameEn'],
      distinct: 'producerId',
      attributesToRetrieve: ['producerId', 'producerName', 'producerNameEn', 'provinceVi', 'provinceEn'],
      attributesToHighlight: ['producerName', 'producerNameEn'],
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
    },
    {
      indexUid,
      q,
      limit: 2,
      attributesToSearchOn: ['provinceVi', 'provinceEn'],
      distinct: 'provinceId',
      attributesToRetrieve: ['provinceId', 'provinceVi', 'provinceEn'],
      attributesToHighlight: ['provinceVi', 'provinceEn'],
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
    },
  ];
}

/** Suggestions from the three planSuggestions responses, products first, accents as a tiebreaker. */
export function shapeSuggestions(
  q: string,
  responses: readonly SearchResponse[],
  locale: Locale,
): Suggestion[] {
  const [products, producers, provinces] = responses;
  const en = locale === 'en';
  const fmt = (hit: Record<string, unknown>, key: string) =>
    highlightSegments(str((hit['_formatted'] as Record<string, unknown> | undefined) ?? hit, key));
  return [
    ...accentRerank(products?.hits ?? [], q).map((hit): Suggestion => ({
      kind: 'product',
      id: str(hit, 'id'),
      label: fmt(hit, en ? 'nameEn' : 'nameVi'),
      detail: `${str(hit, en ? 'producerNameEn' : 'producerName')} · ${str(hit, en ? 'provinceEn' : 'provinceVi')}`,
      href: localizedPath(`/products/${str(hit, 'id')}`, locale),
    })),
    ...(producers?.hits ?? []).map((hit): Suggestion => ({
      kind: 'producer',
      id: str(hit, 'producerId'),
      label: fmt(hit, en ? 'producerNameEn' : 'producerName'),
      detail: str(hit, en ? 'provinceEn' : 'provinceVi'),
      href: localizedPath(`/producers/${str(hit, 'producerId')}`, locale),
    })),
    ...(provinces?.hits ?? []).map((hit): Suggestion => ({
      kind: 'province',
      id: str(hit, 'provinceId'),
      label: fmt(hit, en ? 'provinceEn' : 'provinceVi'),
      detail: '',
      href: localizedPath(`/provinces/${str(hit, 'provinceId')}`, locale),
    })),
  ];
}

/** Province names by id from a distinct-by-province listing, for facet labels. */
export function planProvinceNames(indexUid = PRODUCTS_INDEX): SearchRequest {
  return {
    indexUid,
    q: '',
    limit: 100,
    distinct: 'provinceId',
    attributesToRetrieve: ['provinceId', 'provinceVi', 'provinceEn'],
  };
}

/** Reads planProvinceNames' response. */
export function shapeProvinceNames(response: SearchResponse): ProvinceNames {
  const names: ProvinceNames = {};
  for (const hit of response.hits)
    names[str(hit, 'provinceId')] = { vi: str(hit, 'provinceVi'), en: str(hit, 'provinceEn') };
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// API parameters
// ---------------------------------------------------------------------------------------------------------------

/** Extra parameters of /api/search: which view and which language. */
export const apiParamsSchema = z
  .object({
    view: z.enum(['results', 'suggest'], { error: 'must be results or suggest' }).default('results'),
    lang: z.enum(['vi', 'en'], { error: 'must be vi or en' }).default('vi'),
  })
  .strict();
export type ApiParams = z.infer<typeof apiParamsSchema>;

/** Reads /api/search parameters: view and lang, then the search itself. */
export function parseApiParams(params: URLSearchParams): ParseResult<{ api: ApiParams; query: SearchQuery }> {
  const api = apiParamsSchema.safeParse({
    ...(params.get('view') ? { view: params.get('view') } : {}),
    ...(params.get('lang') ? { lang: params.get('lang') } : {}),
  });
  const query = parseSearchParams(params);
  const fieldErrors = {
    ...(api.success ? {} : fieldErrorsOf(api.error)),
    ...(query.ok ? {} : query.fieldErrors),
  };
  if (!api.success || !query.ok) return { ok: false, fieldErrors };
  return { ok: true, value: { api: api.data, query: query.value } };
}
