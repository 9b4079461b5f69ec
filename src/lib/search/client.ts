/**
 * The Meilisearch client factory: configuration comes in as arguments (the caller reads the environment), so the
 * site, the indexer, tests and the bench build clients the same way.
 */
import { Meilisearch } from 'meilisearch';
// The .ts extension lets Node (npm start, scripts) load this file directly, not only through Vite.
import { nodeHttpJson } from './node-transport.ts';

export interface MeiliConfig {
  /** Base URL, e.g. http://127.0.0.1:7700. */
  url: string;
  /** Master key or an API key with the needed actions; never sent to the browser. */
  apiKey?: string | undefined;
  /** Per-request time-out in milliseconds. */
  timeoutMs?: number | undefined;
  /** Send requests over node:http (lower latency for the site's queries; see node-transport.ts). */
  nodeTransport?: boolean | undefined;
}

/** A Meilisearch client for a server. */
export function createMeiliClient(config: MeiliConfig): Meilisearch {
  return new Meilisearch({
    host: config.url,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
    ...(config.nodeTransport ? { httpClient: nodeHttpJson } : {}),
  });
}
