#!/usr/bin/env node
/**
 * Runs a production build's server (`node scripts/serve.mjs dist/server/entry.mjs`; scripts/start.mjs does this)
 * with the site's security headers on every response: the Astro node adapter serves static files before any
 * Astro middleware runs, so this is the one place that sees pages, actions, API routes and files alike. Astro's
 * own headers (a page's full Content-Security-Policy) are written later and take precedence over the baseline.
 * HOST, PORT, SERVER_CERT_PATH and SERVER_KEY_PATH work as with the adapter's own standalone server.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageKey, securityHeaders } from '../src/lib/boundary/security-headers.ts';
import { createCompression } from './lib/compress.mjs';
import { createLiveRoutes, slugsFromApp } from './lib/live-routes.mjs';
import { warmUp } from './lib/warm-up.mjs';
import { startWorker } from './worker-start.mjs';

const entry = process.argv[2];
if (!entry) {
  console.error('Usage: node scripts/serve.mjs <dist/server/entry.mjs>');
  process.exit(1);
}
// The adapter's entry starts its own server on import unless told not to.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entryUrl = pathToFileURL(resolve(entry));
const { handler } = await import(entryUrl.href);
await startWorker(entryUrl);

/**
 * Each prerendered page's own headers (its Content-Security-Policy with the hashes of its inline scripts and
 * styles), as the build wrote them (`staticHeaders` in astro.config.mjs), by exact page key.
 * @type {Map<string, { key: string, value: string }[]>}
 */
const pageHeaders = new Map();
const headersFile = new URL('../_headers.json', entryUrl);
if (fs.existsSync(headersFile))
  for (const page of JSON.parse(fs.readFileSync(headersFile, 'utf8')))
    pageHeaders.set(pageKey(page.pathname), page.headers);

// Brotli/gzip: the build's precompressed copies of static files, streaming compression for the rest.
const compress = createCompression(fileURLToPath(new URL('../client/', entryUrl)));

const headers = securityHeaders({ production: process.env.NODE_ENV === 'production' });
/** @type {http.RequestListener} */
function withHeaders(req, res) {
  // A content file's product page replaced by a live listing goes to the on-demand product route.
  req.url = liveRoutes.rewrite(req.url ?? '/');
  for (const [name, value] of headers) res.setHeader(name, value);
  const own = pageHeaders.get(pageKey(req.url ?? '/'));
  if (own) {
    for (const { key, value } of own) res.setHeader(key, value);
    // The adapter would then set the policy it finds by a looser match (another page's, for `/`): keep this one.
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) =>
      name.toLowerCase() === 'content-security-policy' ? res : setHeader(name, value);
  }
  compress(req, res, () => handler(req, res));
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const { SERVER_CERT_PATH: certPath, SERVER_KEY_PATH: keyPath } = process.env;
const server =
  certPath && keyPath
    ? https.createServer({ cert: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) }, withHeaders)
    : http.createServer(withHeaders);
const liveRoutes = createLiveRoutes({
  fetchSlugs: slugsFromApp({ host, port, tls: Boolean(certPath && keyPath) }),
});
// The database and search are opened before the site listens, so the first visitor's request is a warm one.
if (process.env.OCOP_WARM_UP !== 'off') {
  const started = performance.now();
  await warmUp(withHeaders, { log: (line) => console.warn(line) });
  console.log(`[warm-up] database and search ready in ${Math.round(performance.now() - started)} ms`);
}
server.listen(port, host, () => {
  console.log(`OCOP Market on http://${host}:${port}`);
  // Polling starts only now: before listening, a poll of this server's own address could only fail.
  void liveRoutes.start();
});
