/**
 * The search as URL state, without zod, so the islands can build links and history entries cheaply: the query
 * type, its defaults and its URL form. Parsing and validation of URL parameters happen on the server
 * (search-params.ts).
 */
import type { OcopGroup, Stars } from '../catalog/catalog.ts';
import type { PriceBandId } from './price-bands.ts';

export const SORTS = ['relevance', 'price-asc', 'price-desc', 'stars'] as const;
export type SortOrder = (typeof SORTS)[number];

/** A search as written in the URL (?q=&province=&group=&stars=&price=&valid=&export=&sort=&page=). */
export interface SearchQuery {
  q: string;
  province: string[];
  group: OcopGroup[];
  stars: Stars[];
  price: PriceBandId[];
  valid: boolean;
  export: boolean;
  sort: SortOrder;
  page: number;
}

/** The facets where several values may be ticked (OR within the facet, AND across facets). */
export const MULTI_FACET_KEYS = ['province', 'group', 'stars', 'price'] as const;
export type MultiFacetKey = (typeof MULTI_FACET_KEYS)[number];

/** The longest search words accepted (the box stops there, the server refuses more). */
export const MAX_QUERY_LENGTH = 200;

/** Suggestions start at two characters: one letter matches half the catalogue. */
export const SUGGEST_MIN_LENGTH = 2;

/** The filters of a search: everything but the words, the sort and the page. */
export type QueryFilters = Omit<SearchQuery, 'q' | 'sort' | 'page'>;

/** Every filter off (fresh lists each time): what "clear filters" sets. */
export function noFilters(): QueryFilters {
  return { province: [], group: [], stars: [], price: [], valid: false, export: false };
}

/** The default search: no words, no filters, best match, first page. */
export const EMPTY_QUERY: SearchQuery = { q: '', ...noFilters(), sort: 'relevance', page: 1 };

/** Writes a search as URL parameters, omitting defaults, so links and history entries stay short. */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of MULTI_FACET_KEYS) {
    for (const value of query[key]) params.append(key, String(value));
  }
  if (query.valid) params.set('valid', '1');
  if (query.export) params.set('export', '1');
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}

/** The link to a search on a search page (`base` is /search or /en/search). */
export function searchHref(base: string, query: SearchQuery): string {
  const params = toSearchParams(query).toString();
  return params ? `${base}?${params}` : base;
}

/** How many filters (ticked values and switches, not the words, sort or page) narrow the search. */
export function filterCount(query: SearchQuery): number {
  const ticked = MULTI_FACET_KEYS.reduce((sum, key) => sum + query[key].length, 0);
  return ticked + (query.valid ? 1 : 0) + (query.export ? 1 : 0);
}

/** Whether any filter narrows the search. */
export function hasFilters(query: SearchQuery): boolean {
  return filterCount(query) > 0;
}

/**
 * The search a form's fields describe (name/value pairs, as `new FormData(form)` lists them) as short URL
 * parameters: the words trimmed, empty words and the default sort left out, the first page (a new search).
 */
export function formSearchParams(fields: Iterable<readonly [string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of fields) {
    if (typeof value !== 'string' || name === 'page') continue;
    const text = name === 'q' ? value.trim() : value;
    if ((name === 'q' && text === '') || (name === 'sort' && text === 'relevance')) continue;
    params.append(name, text);
  }
  return params;
}
