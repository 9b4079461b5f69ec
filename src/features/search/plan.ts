/**
 * Search plans, pure: the Meilisearch requests for a search page (one multi-search: the page, disjunctive facet
 * counts, help when nothing matched), for header suggestions, and for province names. Requests are plain data in
 * the adapter's own types; search.server.ts sends them.
 */
import type { SearchRequest } from '../../lib/search/search-backend.ts';
import { hasAccents, telexQuery } from './accents.ts';
import { ACCENT_CODED_ATTRIBUTES, bilingualAttributes, type LocalizedField } from './documents.ts';
import { MARK_CLOSE, MARK_OPEN } from './highlights.ts';
import { PRODUCTS_INDEX, PRODUCTS_INDEX_SETTINGS } from './index-settings.ts';
import { MULTI_FACET_KEYS, type MultiFacetKey, type SearchQuery, type SortOrder } from './search-url.ts';

export type { SearchRequest, SearchResponse } from '../../lib/search/search-backend.ts';

export const RESULTS_PER_PAGE = 12;
/** Meilisearch returns at most maxTotalHits (1000) results: 84 pages of 12. */
export const MAX_PAGE = Math.ceil(PRODUCTS_INDEX_SETTINGS.pagination.maxTotalHits / RESULTS_PER_PAGE);
/** How many leading results the accent tiebreaker may reorder. */
export const RERANK_WINDOW = 48;

/** The index attribute of each multi-select facet. */
export const MULTI_FACETS = {
  province: 'provinceId',
  group: 'group',
  // A lapsed recognition carries no stars (no badge), so the star facet counts and filters valid ones only.
  stars: 'validStars',
  price: 'priceBand',
} as const satisfies Record<MultiFacetKey, string>;

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
  'producerId',
  'provinceId',
  'tags',
  'stars',
  'price',
  'certificateValid',
  'image',
  ...bilingualAttributes('name', 'summary', 'producer', 'province', 'unit'),
];

/** Highlight parameters for the bilingual fields, marked with the private-use characters highlights.ts reads. */
function highlight(...fields: LocalizedField[]): Partial<SearchRequest> {
  return {
    attributesToHighlight: bilingualAttributes(...fields),
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  };
}

/**
 * How the words of a results search match. `exact-accents` (the query has accents): the Telex form of the query
 * against the accent-coded copies only, so "mận" finds plums and not "mặn" or "Mạnh". `folded`: the words as
 * typed against every searchable attribute, so "man" finds every reading (and the fallback when an accented
 * query has no exact match, e.g. one word typed without its accents).
 */
export type MatchMode = 'exact-accents' | 'folded';

/** The first mode to try for a query. */
export function matchModeOf(q: string): MatchMode {
  return hasAccents(q) ? 'exact-accents' : 'folded';
}

/**
 * The words of a results request: every word must match (no padding with products that match one word of two),
 * and none by prefix (the trailing space ends the last word, so "mận" does not find "mạnh"). An empty query lists
 * the catalogue. Header suggestions keep prefix matching (planSuggestions): there the last word is being typed.
 */
export function wordsMatch(q: string, mode: MatchMode): Partial<SearchRequest> & { q: string } {
  const text = q.normalize('NFC').trim();
  if (!text) return { q: '' };
  if (mode === 'exact-accents') {
    return {
      q: `${telexQuery(text)} `,
      attributesToSearchOn: ACCENT_CODED_ATTRIBUTES,
      matchingStrategy: 'all',
    };
  }
  return { q: `${text} `, matchingStrategy: 'all' };
}

export interface SearchPlan {
  /** The page of results with the facets that are not multi-selected. */
  main: SearchRequest;
  /** One count-only request per multi-select facet with selections, without its own filter (disjunctive counts). */
  disjunctive: { key: MultiFacetKey; request: SearchRequest }[];
  /** Whether the main request fetched the re-rank window instead of the page. */
  windowed: boolean;
  /** How the words matched; accent-exact hits are highlighted by results.ts (Meilisearch cannot). */
  mode: MatchMode;
}

/** The count-only request for one ticked facet: the other filters apply, its own does not. */
function disjunctiveRequest(
  query: SearchQuery,
  key: MultiFacetKey,
  indexUid: string,
  mode: MatchMode,
): SearchRequest {
  const filter = buildFilter(query, key);
  return {
    indexUid,
    ...wordsMatch(query.q, mode),
    ...(filter.length ? { filter } : {}),
    facets: [MULTI_FACETS[key]],
    page: 1,
    hitsPerPage: 0,
  };
}

/** The Meilisearch requests for a search page: one multi-search, so one round trip. */
export function planSearch(
  query: SearchQuery,
  indexUid = PRODUCTS_INDEX,
  mode: MatchMode = matchModeOf(query.q),
): SearchPlan {
  const selected = MULTI_FACET_KEYS.filter((key) => query[key].length > 0);
  const mainFacets = [
    ...MULTI_FACET_KEYS.filter((key) => !selected.includes(key)).map((key) => MULTI_FACETS[key]),
    'certificateValid',
    'exportReady',
  ];
  // When an accented query falls back to folded matching, the accent tiebreaker reorders the first RERANK_WINDOW
  // results; pages inside it are cut from that window.
  const windowed =
    mode === 'folded' &&
    query.sort === 'relevance' &&
    hasAccents(query.q) &&
    query.page * RESULTS_PER_PAGE <= RERANK_WINDOW;
  const filter = buildFilter(query);
  const sort = sortFor(query.sort);
  const main: SearchRequest = {
    indexUid,
    ...wordsMatch(query.q, mode),
    ...(filter.length ? { filter } : {}),
    facets: mainFacets,
    page: windowed ? 1 : query.page,
    hitsPerPage: windowed ? RERANK_WINDOW : RESULTS_PER_PAGE,
    ...(sort ? { sort } : {}),
    attributesToRetrieve: CARD_ATTRIBUTES,
    ...(mode === 'folded' ? highlight('name', 'summary') : {}),
  };
  const disjunctive = selected.map((key) => ({
    key,
    request: disjunctiveRequest(query, key, indexUid, mode),
  }));
  return { main, disjunctive, windowed, mode };
}

/** When a search finds nothing and has filters: the same words without filters (how many would match). */
export function planBroader(
  query: SearchQuery,
  indexUid = PRODUCTS_INDEX,
  mode: MatchMode = 'folded',
): SearchRequest {
  return { indexUid, ...wordsMatch(query.q, mode), page: 1, hitsPerPage: 0 };
}

/** Popular products, offered when a search finds nothing; the same for every query, so the service keeps them. */
export function planPopular(indexUid = PRODUCTS_INDEX): SearchRequest {
  return {
    indexUid,
    q: '',
    filter: ['certificateValid = true'],
    sort: ['stars:desc', 'score:desc'],
    page: 1,
    hitsPerPage: 4,
    attributesToRetrieve: CARD_ATTRIBUTES,
  };
}

/** What the header suggests, in the order it lists them: how many, which id, which text is the label. */
export const SUGGESTION_KINDS = [
  { kind: 'product', limit: 5, id: 'id', label: 'name', detail: ['producer', 'province'], path: '/products' },
  {
    kind: 'producer',
    limit: 3,
    id: 'producerId',
    label: 'producer',
    detail: ['province'],
    path: '/producers',
  },
  { kind: 'province', limit: 2, id: 'provinceId', label: 'province', detail: [], path: '/provinces' },
] as const satisfies readonly {
  kind: string;
  limit: number;
  id: string;
  label: LocalizedField;
  detail: readonly LocalizedField[];
  path: string;
}[];
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]['kind'];

/**
 * Three searches in one round trip: products, producers (one per producer, searched by name only) and provinces
 * (one per province), in SUGGESTION_KINDS order.
 */
export function planSuggestions(q: string, indexUid = PRODUCTS_INDEX): SearchRequest[] {
  return SUGGESTION_KINDS.map(({ kind, limit, id, label, detail }) => ({
    indexUid,
    q,
    limit,
    // Producers and provinces are matched on their own names, one hit each.
    ...(kind === 'product' ? {} : { attributesToSearchOn: bilingualAttributes(label), distinct: id }),
    attributesToRetrieve: [id, ...bilingualAttributes(label, ...detail)],
    ...highlight(label),
  }));
}

/** Province names by id from a distinct-by-province listing, for facet labels. */
export function planProvinceNames(indexUid = PRODUCTS_INDEX): SearchRequest {
  return {
    indexUid,
    q: '',
    limit: 100,
    distinct: 'provinceId',
    attributesToRetrieve: ['provinceId', ...bilingualAttributes('province')],
  };
}
