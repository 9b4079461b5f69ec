#!/usr/bin/env node
/**
 * Runs a production build's server (`node scripts/serve.mjs dist/server/entry.mjs`; scripts/start.mjs does this):
 * the Astro node adapter in middleware mode behind this file's own request listener, the one place that sees
 * pages, actions, API routes and files alike. It sets the site's security headers on every response, serves the
 * build's files itself (scripts/lib/static-files.mjs: precompressed copies, each page's own policy) and hands the
 * rest to the adapter's handler, through streaming compression. Astro's own headers (an on-demand page's full
 * Content-Security-Policy) are written later and take precedence over the baseline.
 * HOST, PORT, SERVER_CERT_PATH and SERVER_KEY_PATH work as with the adapter's own standalone server.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageKey, securityHeaders } from '../src/lib/boundary/security-headers.ts';
import { createCompression } from './lib/compress.mjs';
import { createStaticFiles } from './lib/static-files.mjs';
import { createLiveRoutes, slugsFromApp } from './lib/live-routes.mjs';
import { warmUp } from './lib/warm-up.mjs';
import { startWorker } from './worker-start.mjs';

const entry = process.argv[2];
if (!entry) {
  console.error('Usage: node scripts/serve.mjs <dist/server/entry.mjs>');
  process.exit(1);
}
// In middleware mode the adapter's entry starts no server of its own; this says so for a standalone build too.
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

// The build's files, looked up in a table made once (no file system call for a request the app answers), and
// streaming brotli/gzip for what the app renders.
const serveStatic = createStaticFiles(fileURLToPath(new URL('../client/', entryUrl)), { pageHeaders });
const compress = createCompression();

const headers = securityHeaders({ production: process.env.NODE_ENV === 'production' });
/** @type {http.RequestListener} */
function withHeaders(req, res) {
  // A content file's product page replaced by a live listing goes to the on-demand product route.
  req.url = liveRoutes.rewrite(req.url ?? '/');
  for (const [name, value] of headers) res.setHeader(name, value);
  if (!decodable(req.url)) {
    // As the adapter's standalone server answered a malformed escape.
    res.statusCode = 400;
    res.end('Bad request.');
    return;
  }
  if (serveStatic(req, res)) return;
  compress(req, res, () => handler(req, res));
}

/** @param {string} url */
function decodable(url) {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
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
