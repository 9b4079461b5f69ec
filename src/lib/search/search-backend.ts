/**
 * What the site asks of a search engine, in its own words: a request (the subset of search parameters the site
 * uses), the response it reads, and the one error for "search cannot answer now". No vendor types: the Meilisearch
 * adapter (meili-backend.ts) implements this, features plan requests and read responses against it.
 */

/** One search as plain data. */
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
  /** 'all': every word must match (the results page); 'last' drops words from the end until something matches. */
  matchingStrategy?: 'all' | 'last' | 'frequency';
  distinct?: string;
}

/** What the backend hands back for each request. */
export interface SearchResponse {
  hits: Record<string, unknown>[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** A search engine that runs several requests in one round trip. */
export interface SearchBackend {
  /** The responses in request order; rejects only with SearchUnavailableError. */
  multiSearch(requests: readonly SearchRequest[]): Promise<SearchResponse[]>;
}

export type SearchUnavailableReason = 'not-configured' | 'unreachable' | 'timeout' | 'not-indexed' | 'failed';

/** Search cannot answer right now; `reason` says why (pages show one plain message for all of them). */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  readonly reason: SearchUnavailableReason;

  constructor(reason: SearchUnavailableReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
