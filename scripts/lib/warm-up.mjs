/**
 * Warm-up before the site reports ready (docs/performance.md): scripts/serve.mjs answers a few requests through
 * its own request listener on a private loopback port, so the first visitor does not wait for what the first
 * request does once: opening the database (migrations, demo accounts), connecting to Meilisearch, loading the
 * server's page modules. A request that fails or is slow is logged and the site starts anyway.
 */
import http from 'node:http';

/**
 * What a first visitor would do first: a session look-up, a suggestion, a search without and one with accents (each
 * takes its own path through the search service), a search page; and what the server itself asks as soon as it
 * listens (scripts/lib/live-routes.mjs: the replaced product pages, from the database), which would otherwise load
 * that route's modules at the moment the first visitor searches.
 */
export const WARM_UP_PATHS = [
  '/account',
  '/api/portal/replaced-slugs',
  '/api/search?view=suggest&lang=vi&q=keo',
  '/api/search?lang=vi&q=keo%20dua',
  `/api/search?lang=vi&q=${encodeURIComponent('kẹo dừa')}`,
  '/search?q=keo%20dua',
];

/**
 * @param {http.RequestListener} listener the server's request listener
 * @param {{ paths?: string[], timeoutMs?: number, log?: (line: string) => void }} [options] timeoutMs: for all
 * @returns {Promise<{ path: string, status: number | string, ms: number }[]>}
 */
export async function warmUp(listener, { paths = WARM_UP_PATHS, timeoutMs = 300_000, log = () => {} } = {}) {
  // One deadline for the whole warm-up: a backend that is down must not keep the site from starting for long.
  const deadline = Date.now() + timeoutMs;
  const server = http.createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const results = [];
  try {
    for (const path of paths) {
      const started = performance.now();
      let status;
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch (error) {
        status = error instanceof Error ? error.message : String(error);
      }
      const ms = Math.round(performance.now() - started);
      results.push({ path, status, ms });
      if (typeof status !== 'number' || status >= 500) log(`[warm-up] ${path}: ${status} after ${ms} ms`);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
  return results;
}
