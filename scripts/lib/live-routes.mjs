/**
 * Product pages of content files replaced by a live database listing (docs/portal.md, "Live pages"). The adapter
 * serves a prerendered file before the app runs, so a path like /products/<slug> of a replaced file would show the
 * file's out-of-date page; this module rewrites such a request to /products/<slug>/live, which only the on-demand
 * product route answers. It learns the slugs from the app (GET /api/portal/replaced-slugs, read from the shared
 * database) every `intervalMs` from `start()`, called once the server listens, so every server agrees within that
 * time; nothing else is kept.
 */
import http from 'node:http';
import https from 'node:https';

const PRODUCT_PATH = /^(\/en)?\/products\/([a-z0-9][a-z0-9-]*)\/?$/;

/**
 * @param {{ fetchSlugs: () => Promise<string[]>, intervalMs?: number, log?: (line: string) => void }} options
 */
export function createLiveRoutes({ fetchSlugs, intervalMs = 2000, log = console.error }) {
  /** @type {Set<string>} */
  let replaced = new Set();
  let failing = false;
  async function refresh() {
    try {
      replaced = new Set(await fetchSlugs());
      failing = false;
    } catch (error) {
      // Said once per outage; the last known set stays in use meanwhile.
      if (!failing)
        log(`[live-routes] replaced slugs unavailable: ${error instanceof Error ? error.message : error}`);
      failing = true;
    }
  }
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return {
    refresh,
    /**
     * Starts polling: call it once the server listens (it asks this server itself, so an earlier poll could only
     * fail, or time out while the server warms up). Resolves after the first answer.
     */
    start() {
      if (!timer) {
        timer = setInterval(refresh, intervalMs);
        timer.unref();
      }
      return refresh();
    },
    stop: () => clearInterval(timer),
    /**
     * The URL to hand to the adapter: the live route's for a replaced file's product page, else unchanged.
     * @param {string} url
     */
    rewrite(url) {
      const q = url.indexOf('?');
      const path = q >= 0 ? url.slice(0, q) : url;
      const match = PRODUCT_PATH.exec(path);
      if (!match || !replaced.has(match[2] ?? '')) return url;
      return `${match[1] ?? ''}/products/${match[2]}/live${q >= 0 ? url.slice(q) : ''}`;
    },
  };
}

/**
 * Reads the replaced slugs from this server's own app over loopback (with TLS, its own certificate is not checked
 * against a host name: the request never leaves the machine).
 * @param {{ host: string, port: number, tls: boolean }} where
 * @returns {() => Promise<string[]>}
 */
export function slugsFromApp({ host, port, tls }) {
  const get = tls ? https.get : http.get;
  const loopback = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  const options = {
    host: loopback,
    port,
    path: '/api/portal/replaced-slugs',
    timeout: 5000,
    rejectUnauthorized: false,
  };
  return () =>
    new Promise((resolve, reject) => {
      const request = get(options, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          try {
            if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
            const slugs = /** @type {{ slugs?: unknown }} */ (JSON.parse(text)).slugs;
            if (!Array.isArray(slugs)) throw new Error('no slug list');
            resolve(slugs.filter((s) => typeof s === 'string'));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', reject);
    });
}
