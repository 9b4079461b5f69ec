/**
 * The search as URL state, without zod, so the islands can build links and history entries cheaply. Parsing and
 * validation of URL parameters happen on the server (search.ts parseSearchParams).
 */
import type { SearchQuery } from './search.ts';

export const SORTS = ['relevance', 'price-asc', 'price-desc', 'stars'] as const;
export type SortOrder = (typeof SORTS)[number];

/** Suggestions start at two characters: one letter matches half the catalogue. */
export const SUGGEST_MIN_LENGTH = 2;

/** The default search: no words, no filters, best match, first page. */
export const EMPTY_QUERY: SearchQuery = {
  q: '',
  province: [],
  group: [],
  stars: [],
  price: [],
  valid: false,
  export: false,
  sort: 'relevance',
  page: 1,
};

/** Writes a search as URL parameters, omitting defaults, so links and history entries stay short. */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['province', 'group', 'stars', 'price'] as const) {
    for (const value of query[key]) params.append(key, String(value));
  }
  if (query.valid) params.set('valid', '1');
  if (query.export) params.set('export', '1');
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}

/** Whether any filter (not the words, sort or page) narrows the search. */
export function hasFilters(query: SearchQuery): boolean {
  return (
    query.province.length + query.group.length + query.stars.length + query.price.length > 0 ||
    query.valid ||
    query.export
  );
}
