/**
 * The site's search: sends the plans of plan.ts to a search backend (the Meilisearch adapter in src/lib/search)
 * in one round trip each, shapes the answers with results.ts, and logs one line per failure. The backend's
 * SearchUnavailableError reaches the caller, which shows one plain "search unavailable" message.
 */
import type { Locale } from '~/lib/i18n';
import { keptAnswers } from '~/lib/kept-answers';
import { SearchUnavailableError, type SearchBackend, type SearchRequest } from '~/lib/search/search-backend';
import { PRODUCTS_INDEX } from './index-settings';
import type { SearchDocument } from './documents';
import {
  planBroader,
  planPopular,
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
import { SUGGEST_MIN_LENGTH, hasFilters, type SearchQuery } from './search-url';

export { SearchUnavailableError, type SearchUnavailableReason } from '~/lib/search/search-backend';

export interface SearchServiceDeps {
  /** Where searches run (createMeiliBackend from ~/lib/search/meili-backend). */
  backend: SearchBackend;
  indexUid?: string;
  /** Where the one failure line goes (console.error by default). */
  log?: (line: string) => void;
  /** How long province names for facet labels, and the popular products offered when nothing matches, are kept. */
  namesTtlMs?: number;
  /**
   * How long the answer to an identical search or suggestion is kept (0, the default: not kept). The site uses
   * SEARCH_ANSWERS_TTL_MS; a product change then shows at most that long after Meilisearch applied it.
   */
  answersTtlMs?: number;
}

/**
 * The site keeps identical searches this long: a burst of the same search (a popular word, a shared link, the
 * header's suggestions while typing) costs one round trip, and a changed product shows within two seconds.
 */
export const SEARCH_ANSWERS_TTL_MS = 2000;

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
  names: Kept<ProvinceNames> | null;
  popular: Kept<SearchResponse> | null;
}

/** A value kept for namesTtlMs: the same for every search, so one round trip serves them all. */
interface Kept<T> {
  value: T;
  expires: number;
}

const stillFresh = <T>(kept: Kept<T> | null): T | null =>
  kept && kept.expires >= Date.now() ? kept.value : null;

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

function keep<T>(ctx: SearchContext, value: T): Kept<T> {
  return { value, expires: Date.now() + ctx.namesTtlMs };
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
  const fresh = stillFresh(ctx.names);
  const responses = await run(
    ctx,
    fresh ? requests : [...requests, planProvinceNames(ctx.indexUid)],
    'search',
  );
  let names = fresh;
  if (!names) {
    names = shapeProvinceNames(responses.pop()!);
    ctx.names = keep(ctx, names);
  }
  const results = shapeResults(query, plan, responses, locale, names);
  if (results.total > 0 || mode === 'exact-accents') return results;
  return withNoResults(results, await noResultsHelp(ctx, query, mode), locale);
}

/**
 * The help shown when nothing matched: how many results the words have without filters (asked only when there are
 * filters) and popular products (kept like province names), in withNoResults order. Often no round trip at all.
 */
async function noResultsHelp(
  ctx: SearchContext,
  query: SearchQuery,
  mode: MatchMode,
): Promise<SearchResponse[]> {
  const filtered = hasFilters(query);
  const popular = stillFresh(ctx.popular);
  const requests = [
    ...(filtered ? [planBroader(query, ctx.indexUid, mode)] : []),
    ...(popular ? [] : [planPopular(ctx.indexUid)]),
  ];
  const responses = requests.length > 0 ? await run(ctx, requests, 'no-results help') : [];
  const broader = filtered ? responses.shift()! : { hits: [], totalHits: 0 };
  if (popular) return [broader, popular];
  const answer = responses.shift()!;
  ctx.popular = keep(ctx, answer);
  return [broader, answer];
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
    popular: null,
  };
  const answers = keptAnswers<SearchResults>({ ttlMs: deps.answersTtlMs ?? 0 });
  const suggestions = keptAnswers<Suggestion[]>({ ttlMs: deps.answersTtlMs ?? 0 });
  return {
    search: (query, locale) => answers.get(JSON.stringify([locale, query]), () => search(ctx, query, locale)),
    suggest: (q, locale) => suggestions.get(JSON.stringify([locale, q]), () => suggest(ctx, q, locale)),
  };
}

/** Writes of single products to the products index (src/lib/search/meili-documents.ts over Meilisearch). */
export interface SearchDocumentStore {
  put(indexUid: string, document: SearchDocument): Promise<void>;
  remove(indexUid: string, id: string): Promise<void>;
}

/** Keeps one product's search document current: never a reindex, one document per change. */
export interface SearchDocuments {
  /** Adds or replaces the product's document (approved, or its price changed); true when Meilisearch took it. */
  upsert(document: SearchDocument): Promise<boolean>;
  /** Removes the product's document (withdrawn, taken off sale); true when Meilisearch took it. */
  remove(slug: string): Promise<boolean>;
}

/**
 * One-document upserts and deletes. A failure is logged and answered false, never thrown: the database change it
 * follows has happened, and the next change of that product (or the next reindex) writes the document again.
 */
export function createSearchDocuments(deps: {
  store: SearchDocumentStore;
  indexUid?: string;
  log?: (line: string) => void;
}): SearchDocuments {
  const indexUid = deps.indexUid ?? PRODUCTS_INDEX;
  const log = deps.log ?? ((line: string) => console.error(line));
  const attempt = async (what: string, write: () => Promise<void>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      log(`[search] ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  return {
    upsert: (document) => attempt(`indexing ${document.id}`, () => deps.store.put(indexUid, document)),
    remove: (slug) => attempt(`removing ${slug}`, () => deps.store.remove(indexUid, slug)),
  };
}
