/**
 * The build bench's on-demand part (`npm run bench -- --only build --on-demand`): serves a built synthetic catalogue
 * with the real server (scripts/start.mjs, on 127.0.0.1 only) and asks for product pages with a fixed number of
 * clients, each sending its next request when the last one is answered. Reports latency percentiles, throughput,
 * the answers that were not 200, and the peak memory of the server's process tree (Node, Meilisearch) while it
 * starts and while it serves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { treeRssByCommand, watchMemory } from './bench-utils.mjs';
import { seededRandom } from './seeded-random.mjs';
import { startServer } from './site-server.mjs';

/** The `q` quantile (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** `count` product page paths over the catalogue's slugs, Vietnamese and English in turn. */
export function productPagePaths(slugs, count, seed = 14) {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const slug = slugs[Math.floor(next() * slugs.length)];
    return `${i % 2 ? '/en' : ''}/products/${slug}`;
  });
}

/** Requests every path with `clients` concurrent clients; each answer's time in ms, and the non-200 answers. */
async function load(base, paths, clients) {
  const times = [];
  const failures = [];
  let next = 0;
  async function client() {
    while (next < paths.length) {
      const path = paths[next++];
      const t0 = performance.now();
      try {
        const res = await fetch(base + path, { signal: AbortSignal.timeout(60000) });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`${res.status} ${path}`);
      } catch (error) {
        failures.push(`${error.name} ${path}`);
      }
      times.push(performance.now() - t0);
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return { times, failures, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Starts the built site in `project` (its dist/) on `port`, warms it with `warm` requests, then measures `requests`
 * product pages of the catalogue in `content` at `clients` clients.
 */
export async function benchOnDemand({ project, content, port, clients = 32, requests = 2000, warm = 64 }) {
  const slugs = readdirSync(join(content, 'products')).sort();
  const t0 = performance.now();
  let memory;
  const server = await startServer(
    project,
    {
      NODE_ENV: 'production',
      MAIL_DISABLED: 'true',
      AUTH_SECRET: 'bench-only-secret-0123456789abcdef',
      // Stories are read from the catalogue's files when a page is rendered (src/features/catalog/stories.server.ts).
      OCOP_CONTENT_DIR: content,
    },
    { port, onSpawn: (pid) => (memory = watchMemory(pid)) },
  );
  const readySeconds = (performance.now() - t0) / 1000;
  const rssWhenReady = treeRssByCommand(server.pid);
  try {
    const pages = productPagePaths(slugs, warm + requests);
    memory.phase('warming');
    await load(server.base, pages.slice(0, warm), clients);
    memory.phase('serving');
    const { times, failures, seconds } = await load(server.base, pages.slice(warm), clients);
    const rssAfterServing = treeRssByCommand(server.pid);
    const sorted = times.sort((a, b) => a - b);
    const ms = (q) => +quantile(sorted, q).toFixed(1);
    const mem = memory.stop();
    return {
      clients,
      requests,
      readySeconds: +readySeconds.toFixed(1),
      p50Ms: ms(0.5),
      p95Ms: ms(0.95),
      p99Ms: ms(0.99),
      maxMs: +sorted.at(-1).toFixed(1),
      pagesPerSecond: +(requests / seconds).toFixed(1),
      failures: failures.length,
      firstFailures: failures.slice(0, 5),
      rssMiBWhenReady: rssWhenReady,
      rssMiBAfterServing: rssAfterServing,
      serverPeakTreeRssMiB: Math.round(mem.treeRss / 2 ** 20),
      serverPeakProcessHwmMiB: Math.round(mem.maxHwm / 2 ** 20),
      serverPeakTreeRssMiBByPhase: Object.fromEntries(
        Object.entries(mem.phases).map(([name, bytes]) => [name, Math.round(bytes / 2 ** 20)]),
      ),
    };
  } finally {
    memory.stop();
    await server.stop();
  }
}
