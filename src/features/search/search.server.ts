/**
 * The site's search: sends the plans of plan.ts to a search backend (the Meilisearch adapter in src/lib/search)
 * in one round trip each, shapes the answers with results.ts, and logs one line per failure. The backend's
 * SearchUnavailableError reaches the caller, which shows one plain "search unavailable" message.
 */
import type { Locale } from '~/lib/i18n';
import { SearchUnavailableError, type SearchBackend, type SearchRequest } from '~/lib/search/search-backend';
import { PRODUCTS_INDEX } from './index-settings';
import {
  planNoResults,
  planProvinceNames,
  planSearch,
  planSuggestions,
  matchModeOf,
  type MatchMode,
  type SearchResponse,
} from './plan';
import {
  shapeProvinceNames,
  shapeResults,
  shapeSuggestions,
  withNoResults,
  type ProvinceNames,
  type SearchResults,
  type Suggestion,
} from './results';
import { SUGGEST_MIN_LENGTH, type SearchQuery } from './search-url';

export { SearchUnavailableError, type SearchUnavailableReason } from '~/lib/search/search-backend';

export interface SearchServiceDeps {
  /** Where searches run (createMeiliBackend from ~/lib/search/meili-backend). */
  backend: SearchBackend;
  indexUid?: string;
  /** Where the one failure line goes (console.error by default). */
  log?: (line: string) => void;
  /** How long province names for facet labels are kept. */
  namesTtlMs?: number;
}

export interface SearchService {
  /** A page of results with facets; with help attached when nothing matched. */
  search(query: SearchQuery, locale: Locale): Promise<SearchResults>;
  /** Header suggestions; empty for fewer than two characters. */
  suggest(q: string, locale: Locale): Promise<Suggestion[]>;
}

interface SearchContext {
  backend: SearchBackend;
  indexUid: string;
  log: (line: string) => void;
  namesTtlMs: number;
  names: { value: ProvinceNames; expires: number } | null;
}

/** Runs requests in one round trip; a failure is logged once and rethrown as SearchUnavailableError. */
async function run(ctx: SearchContext, requests: SearchRequest[], what: string): Promise<SearchResponse[]> {
  try {
    return await ctx.backend.multiSearch(requests);
  } catch (error) {
    const failure =
      error instanceof SearchUnavailableError
        ? error
        : new SearchUnavailableError('failed', error instanceof Error ? error.message : String(error));
    ctx.log(`[search] ${what} failed: ${failure.message}`);
    throw failure;
  }
}

function rememberNames(ctx: SearchContext, names: ProvinceNames): ProvinceNames {
  ctx.names = { value: names, expires: Date.now() + ctx.namesTtlMs };
  return names;
}

/**
 * A page of results. An accented query matches its exact reading first; when nothing matches exactly (a word typed
 * without its accents), it is searched folded, with every reading and the accent tiebreaker.
 */
async function search(ctx: SearchContext, query: SearchQuery, locale: Locale): Promise<SearchResults> {
  const mode = matchModeOf(query.q);
  const results = await searchIn(ctx, query, locale, mode);
  if (results.total > 0 || mode === 'folded') return results;
  return searchIn(ctx, query, locale, 'folded');
}

/** A page of results in one match mode; province names ride along in the same round trip when their cache is cold. */
async function searchIn(
  ctx: SearchContext,
  query: SearchQuery,
  locale: Locale,
  mode: MatchMode,
): Promise<SearchResults> {
  const plan = planSearch(query, ctx.indexUid, mode);
  const requests = [plan.main, ...plan.disjunctive.map((d) => d.request)];
  const fresh = ctx.names && ctx.names.expires >= Date.now() ? ctx.names.value : null;
  const responses = await run(
    ctx,
    fresh ? requests : [...requests, planProvinceNames(ctx.indexUid)],
    'search',
  );
  const names = fresh ?? rememberNames(ctx, shapeProvinceNames(responses.pop()!));
  const results = shapeResults(query, plan, responses, locale, names);
  if (results.total > 0 || mode === 'exact-accents') return results;
  return withNoResults(
    results,
    await run(ctx, planNoResults(query, ctx.indexUid, mode), 'no-results help'),
    locale,
  );
}

/** Header suggestions for the text typed so far. */
async function suggest(ctx: SearchContext, q: string, locale: Locale): Promise<Suggestion[]> {
  const text = q.normalize('NFC').trim();
  if (text.length < SUGGEST_MIN_LENGTH) return [];
  return shapeSuggestions(text, await run(ctx, planSuggestions(text, ctx.indexUid), 'suggestions'), locale);
}

/** The search service over one backend. */
export function createSearchService(deps: SearchServiceDeps): SearchService {
  const ctx: SearchContext = {
    backend: deps.backend,
    indexUid: deps.indexUid ?? PRODUCTS_INDEX,
    log: deps.log ?? ((line: string) => console.error(line)),
    namesTtlMs: deps.namesTtlMs ?? 60_000,
    names: null,
  };
  return {
    search: (query, locale) => search(ctx, query, locale),
    suggest: (q, locale) => suggest(ctx, q, locale),
  };
}
