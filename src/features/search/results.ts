/**
 * Results, pure: Meilisearch's responses to a plan (plan.ts) shaped into what the page and the header show, in
 * one locale: result cards with highlights, facet values with counts and labels, no-results help, suggestions.
 * Views receive strings already in their language; the language is picked by localizedAttribute (documents.ts).
 */
import { OCOP_GROUPS, type OcopGroup, type Stars } from '../catalog/catalog.ts';
import { compareText, formatVnd } from '../../lib/i18n/format.ts';
import {
  LOCALES,
  labels,
  localize,
  localizedPath,
  starsLabel,
  type Locale,
  type Localized,
} from '../../lib/i18n/index.ts';
import type { SearchResponse } from '../../lib/search/search-backend.ts';
import { accentRerank, exactWordMarker } from './accents.ts';
import { localizedAttribute, type LocalizedField } from './documents.ts';
import { highlightSegments, type TextSegment } from './highlights.ts';
import { useSearchTranslations } from './messages.ts';
import {
  MAX_PAGE,
  MULTI_FACETS,
  RESULTS_PER_PAGE,
  SUGGESTION_KINDS,
  type SearchPlan,
  type SuggestionKind,
} from './plan.ts';
import { PRICE_BANDS, PRICE_BAND_IDS } from './price-bands.ts';
import { hasFilters, type MultiFacetKey, type SearchQuery } from './search-url.ts';

/** One result card, every text in the page's language. */
export interface ResultHit {
  slug: string;
  href: string;
  name: TextSegment[];
  summary: TextSegment[];
  producer: string;
  province: string;
  stars: Stars;
  /** The star badge's accessible name, e.g. "OCOP 4 sao". */
  starsLabel: string;
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
  facets: Record<MultiFacetKey, FacetValue[]> & { valid: number; export: number };
  /** Only when nothing was found: hits without the filters, and popular products to try. */
  noResults?: { withoutFilters: number; popular: ResultHit[] };
}

/** One suggestion of the header search box. */
export interface Suggestion {
  kind: SuggestionKind;
  id: string;
  label: TextSegment[];
  detail: string;
  href: string;
}

/** Province names by id, for facet labels. */
export type ProvinceNames = Record<string, Localized>;

type Hit = Record<string, unknown>;

function str(hit: Hit, key: string): string {
  const v = hit[key];
  return typeof v === 'string' ? v : '';
}

/** A bilingual field of a hit in a locale. */
function localizedText(hit: Hit, field: LocalizedField, locale: Locale): string {
  return str(hit, localizedAttribute(field, locale));
}

/** A bilingual field of a hit in a locale, with its highlights when the hit has them. */
function localizedSegments(hit: Hit, field: LocalizedField, locale: Locale): TextSegment[] {
  const formatted = (hit['_formatted'] as Hit | undefined) ?? hit;
  return highlightSegments(localizedText(formatted, field, locale));
}

/** A raw Meilisearch hit as a result card in a locale, with highlights when the hit has them. */
export function toResultHit(hit: Hit, locale: Locale): ResultHit {
  const slug = str(hit, 'id');
  const stars = (hit['stars'] as Stars | undefined) ?? 3;
  return {
    slug,
    href: localizedPath(`/products/${slug}`, locale),
    name: localizedSegments(hit, 'name', locale),
    summary: localizedSegments(hit, 'summary', locale),
    producer: localizedText(hit, 'producer', locale),
    province: localizedText(hit, 'province', locale),
    stars,
    starsLabel: starsLabel(stars, locale),
    certificateValid: hit['certificateValid'] === true,
    price: formatVnd(Number(hit['price'] ?? 0), locale),
    unit: localizedText(hit, 'unit', locale),
    image: (hit['image'] as ResultHit['image'] | undefined) ?? null,
  };
}

/** A facet's values with counts; in `order` when given, else most frequent first, then by label. */
function facetValues(
  counts: Record<string, number> | undefined,
  selected: readonly (string | number)[],
  label: (value: string) => string,
  order: readonly string[] | null,
): FacetValue[] {
  const ticked = selected.map(String);
  const all = new Map(Object.entries(counts ?? {}));
  // A ticked value stays visible with 0 so it can be unticked.
  for (const value of ticked) if (!all.has(value)) all.set(value, 0);
  const values = [...all].map(([value, count]) => ({
    value,
    label: label(value),
    count,
    selected: ticked.includes(value),
  }));
  if (order) return values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return values.sort((a, b) => b.count - a.count || compareText(a.label, b.label));
}

/** Price band label in a locale, e.g. "100.000 ₫ – 300.000 ₫". */
export function priceBandLabel(id: string, locale: Locale): string {
  const band = PRICE_BANDS.find((b) => b.id === id);
  if (!band) return id;
  const t = useSearchTranslations(locale);
  const min = formatVnd(band.min, locale);
  if (band.max === Number.POSITIVE_INFINITY) return t('priceFrom', { min });
  const max = formatVnd(band.max, locale);
  return band.min === 0 ? t('priceUnder', { max }) : t('priceBetween', { min, max });
}

type Distribution = Record<string, Record<string, number>>;

/** The facet values of a page: multi-select facets with labels, and the two switches' counts. */
function shapeFacets(
  distribution: Distribution,
  query: SearchQuery,
  locale: Locale,
  provinceNames: ProvinceNames,
): SearchResults['facets'] {
  const t = useSearchTranslations(locale);
  const of = (key: MultiFacetKey) => distribution[MULTI_FACETS[key]];
  return {
    province: facetValues(
      of('province'),
      query.province,
      (id) => (provinceNames[id] ? localize(provinceNames[id], locale) : id),
      null,
    ),
    group: facetValues(
      of('group'),
      query.group,
      (id) => (Object.hasOwn(labels.group, id) ? localize(labels.group[id as OcopGroup], locale) : id),
      OCOP_GROUPS,
    ),
    stars: facetValues(of('stars'), query.stars, (s) => t('starsOption', { n: Number(s) }), ['5', '4', '3']),
    price: facetValues(of('price'), query.price, (id) => priceBandLabel(id, locale), PRICE_BAND_IDS),
    valid: distribution['certificateValid']?.['true'] ?? 0,
    export: distribution['exportReady']?.['true'] ?? 0,
  };
}

/** The highlighted fields of a hit found by its accent-coded copies, marked where a word is exactly a query word. */
function withExactMarks(hit: Hit, mark: (text: string) => string): Hit {
  const formatted: Hit = { ...hit };
  for (const field of ['name', 'summary'] as const) {
    for (const locale of LOCALES) {
      const attribute = localizedAttribute(field, locale);
      formatted[attribute] = mark(str(hit, attribute));
    }
  }
  return { ...hit, _formatted: formatted };
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
  const distribution: Distribution = { ...main.facetDistribution };
  plan.disjunctive.forEach(({ key }, i) => {
    distribution[MULTI_FACETS[key]] = rest[i]?.facetDistribution?.[MULTI_FACETS[key]] ?? {};
  });
  const mark = plan.mode === 'exact-accents' ? exactWordMarker(query.q) : null;
  let pageHits = mark ? main.hits.map((hit) => withExactMarks(hit, mark)) : main.hits;
  if (plan.windowed) {
    const start = (query.page - 1) * RESULTS_PER_PAGE;
    pageHits = accentRerank(main.hits, query.q).slice(start, start + RESULTS_PER_PAGE);
  }
  return {
    query,
    total: main.totalHits,
    page: query.page,
    totalPages: Math.min(Math.ceil(main.totalHits / RESULTS_PER_PAGE), MAX_PAGE),
    hits: pageHits.map((hit) => toResultHit(hit, locale)),
    facets: shapeFacets(distribution, query, locale, provinceNames),
  };
}

/** Adds the no-results help: the broader search's count (planBroader) and popular products (planPopular). */
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

/** Suggestions from the planSuggestions responses, products first, accents as a tiebreaker among products. */
export function shapeSuggestions(
  q: string,
  responses: readonly SearchResponse[],
  locale: Locale,
): Suggestion[] {
  return SUGGESTION_KINDS.flatMap(({ kind, id, label, detail, path }, i) => {
    const hits = responses[i]?.hits ?? [];
    return (kind === 'product' ? accentRerank(hits, q) : hits).map((hit): Suggestion => ({
      kind,
      id: str(hit, id),
      label: localizedSegments(hit, label, locale),
      detail: detail.map((field) => localizedText(hit, field, locale)).join(' · '),
      href: localizedPath(`${path}/${str(hit, id)}`, locale),
    }));
  });
}

/** Reads planProvinceNames' response. */
export function shapeProvinceNames(response: SearchResponse): ProvinceNames {
  const names: ProvinceNames = {};
  for (const hit of response.hits) {
    const name = Object.fromEntries(
      LOCALES.map((locale) => [locale, localizedText(hit, 'province', locale)]),
    );
    names[str(hit, 'provinceId')] = name as Localized;
  }
  return names;
}
