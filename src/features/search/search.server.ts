/**
 * The site's search, over Meilisearch: runs the plans from search.ts in one multi-search, with a time-out, and
 * turns every Meilisearch failure into a SearchUnavailableError plus one log line. Meilisearch types stay here.
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type Meilisearch,
  type MultiSearchQuery,
} from 'meilisearch';
import { createMeiliClient } from '~/lib/search/client';
import type { Locale } from '~/lib/i18n';
import {
  PRODUCTS_INDEX,
  SUGGEST_MIN_LENGTH,
  planNoResults,
  planProvinceNames,
  planSearch,
  planSuggestions,
  shapeProvinceNames,
  shapeResults,
  shapeSuggestions,
  withNoResults,
  type ProvinceNames,
  type SearchQuery,
  type SearchRequest,
  type SearchResponse,
  type SearchResults,
  type Suggestion,
} from './search';

export type UnavailableReason = 'not-configured' | 'unreachable' | 'timeout' | 'not-indexed' | 'failed';

/** Search cannot answer right now; `reason` says why (pages show one plain message for all of them). */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SearchServiceConfig {
  url?: string | undefined;
  apiKey?: string | undefined;
  /** Per-request time-out; a slower Meilisearch counts as unavailable. */
  timeoutMs?: number;
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

function describe(outer: unknown, timeoutMs: number): { reason: UnavailableReason; detail: string } {
  if (outer instanceof SearchUnavailableError) return { reason: outer.reason, detail: outer.message };
  // With the node transport the client wraps API errors in a request error; unwrap them.
  const error =
    outer instanceof MeilisearchRequestError && outer.cause instanceof MeilisearchApiError
      ? outer.cause
      : outer;
  // The client wraps its time-out in a request error; look one level down.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (error instanceof MeilisearchRequestTimeOutError || cause instanceof MeilisearchRequestTimeOutError) {
    return { reason: 'timeout', detail: `no answer within ${timeoutMs} ms` };
  }
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? 'unknown';
    return {
      reason: code === 'index_not_found' ? 'not-indexed' : 'failed',
      detail: `HTTP ${error.response.status} ${code}: ${error.cause?.message ?? error.message}`,
    };
  }
  if (error instanceof MeilisearchRequestError) {
    const code = (cause as { cause?: { code?: string } } | undefined)?.cause?.code;
    return { reason: 'unreachable', detail: code ?? error.message };
  }
  return { reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

/** A search service for one Meilisearch server. */
export function createSearchService(config: SearchServiceConfig): SearchService {
  const timeoutMs = config.timeoutMs ?? 1500;
  const indexUid = config.indexUid ?? PRODUCTS_INDEX;
  const log = config.log ?? ((line: string) => console.error(line));
  const namesTtlMs = config.namesTtlMs ?? 60_000;
  const client: Meilisearch | null = config.url
    ? createMeiliClient({ url: config.url, apiKey: config.apiKey, timeoutMs, nodeTransport: true })
    : null;
  let names: { value: ProvinceNames; expires: number } | null = null;

  async function multi(requests: SearchRequest[], what: string): Promise<SearchResponse[]> {
    try {
      if (!client) throw new SearchUnavailableError('not-configured', 'MEILI_URL is not set');
      const { results } = await client.multiSearch({ queries: requests as MultiSearchQuery[] });
      return results.map((r) => ({
        hits: r.hits,
        totalHits: r.totalHits ?? r.estimatedTotalHits ?? r.hits.length,
        ...(r.facetDistribution ? { facetDistribution: r.facetDistribution } : {}),
      }));
    } catch (error) {
      const { reason, detail } = describe(error, timeoutMs);
      log(
        `[search] ${what} failed: Meilisearch ${reason} at ${config.url ?? '(MEILI_URL unset)'}: ${detail}`,
      );
      throw new SearchUnavailableError(reason, detail);
    }
  }

  return {
    async search(query, locale) {
      const plan = planSearch(query, indexUid);
      const needNames = !names || names.expires < Date.now();
      const requests = [plan.main, ...plan.disjunctive.map((d) => d.request)];
      // Province names ride along in the same round trip when the cache is cold.
      const responses = await multi(
        needNames ? [...requests, planProvinceNames(indexUid)] : requests,
        'search',
      );
      if (needNames)
        names = { value: shapeProvinceNames(responses.pop()!), expires: Date.now() + namesTtlMs };
      const results = shapeResults(query, plan, responses, locale, names!.value);
      if (results.total > 0) return results;
      return withNoResults(results, await multi(planNoResults(query, indexUid), 'no-results help'), locale);
    },
    async suggest(q, locale) {
      const text = q.normalize('NFC').trim();
      if (text.length < SUGGEST_MIN_LENGTH) return [];
      return shapeSuggestions(text, await multi(planSuggestions(text, indexUid), 'suggestions'), locale);
    },
  };
}
