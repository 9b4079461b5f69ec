/**
 * The Meilisearch adapter: runs the site's requests (search-backend.ts) as one multi-search with a time-out, and
 * maps every Meilisearch failure to a SearchUnavailableError with a reason. Meilisearch's client and error types
 * stay in this file.
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type Meilisearch,
  type MultiSearchQuery,
} from 'meilisearch';
import { createMeiliClient } from './client.ts';
import {
  SearchUnavailableError,
  type SearchBackend,
  type SearchRequest,
  type SearchResponse,
  type SearchUnavailableReason,
} from './search-backend.ts';

export interface MeiliBackendConfig {
  /** Base URL; without one every search fails as "not-configured". */
  url?: string | undefined;
  /** Master key or a search key; never sent to the browser. */
  apiKey?: string | undefined;
  /** Per-request time-out; a slower Meilisearch counts as unavailable. */
  timeoutMs?: number | undefined;
}

/** Why a Meilisearch call failed, in the site's words, with a detail for the log (never the API key). */
function describeFailure(
  outer: unknown,
  timeoutMs: number,
): { reason: SearchUnavailableReason; detail: string } {
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

/** A search backend for one Meilisearch server; its errors say "Meilisearch <reason> at <url>: <detail>". */
export function createMeiliBackend(config: MeiliBackendConfig): SearchBackend {
  const timeoutMs = config.timeoutMs ?? 1500;
  const client: Meilisearch | null = config.url
    ? createMeiliClient({ url: config.url, apiKey: config.apiKey, timeoutMs, nodeTransport: true })
    : null;
  const where = config.url ?? '(MEILI_URL unset)';

  return {
    async multiSearch(requests: readonly SearchRequest[]): Promise<SearchResponse[]> {
      try {
        if (!client) throw new SearchUnavailableError('not-configured', 'MEILI_URL is not set');
        const { results } = await client.multiSearch({ queries: requests as MultiSearchQuery[] });
        return results.map((r) => ({
          hits: r.hits,
          totalHits: r.totalHits ?? r.estimatedTotalHits ?? r.hits.length,
          ...(r.facetDistribution ? { facetDistribution: r.facetDistribution } : {}),
        }));
      } catch (error) {
        const { reason, detail } = describeFailure(error, timeoutMs);
        throw new SearchUnavailableError(reason, `Meilisearch ${reason} at ${where}: ${detail}`);
      }
    },
  };
}
