/**
 * The build's file server for scripts/serve.mjs (docs/performance.md, "Search overhead"). The adapter runs in
 * middleware mode, so every file in dist/client is served here: the table of files is read once at start, and a
 * request for an on-demand path (a search, a page rendered per request) costs one or two Map look-ups, no stat.
 *
 * - A file with precompressed copies (`.br`/`.gz`, written by integrations/compress at build time) is sent as the
 *   copy the request's Accept-Encoding allows, else as it is, always with `Vary: Accept-Encoding`.
 * - Type, length, Last-Modified, a weak ETag (304 on revalidation) and the cache policy (hashed `/_astro/` assets
 *   immutable, the rest revalidated), as the adapter's file server sent them; GET and HEAD only. A Range header is
 *   ignored: the whole file is sent (200), which HTTP allows, and no Accept-Ranges is advertised.
 * - A prerendered page carries its own headers (its Content-Security-Policy, from the build's _headers.json).
 * - A path is decoded and split into segments; `..`, hidden names (but `.well-known`) and malformed escapes name
 *   no file. Only files found under the client folder at start are in the table, so nothing outside it is served.
 *
 * The table is the build's: after a new build, restart the server (its server bundle changes anyway).
 */
import fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  ENCODINGS,
  ENCODING_SUFFIX,
  negotiateEncoding,
  staticCacheControl,
  staticCandidates,
} from '../../src/lib/boundary/compression.ts';
import { pageKey } from '../../src/lib/boundary/security-headers.ts';
import { isFresh, staticFileType, weakEtag } from '../../src/lib/boundary/static-files.ts';

/**
 * @typedef {{ file: string, size: number, etag: string }} Representation
 * @typedef {{
 *   original: Representation,
 *   type: string,
 *   mtimeMs: number,
 *   lastModified: string,
 *   cacheControl: string,
 *   variants: Map<import('../../src/lib/boundary/compression.ts').Encoding, Representation>,
 *   headers: { key: string, value: string }[],
 * }} StaticFile
 */

/** True for a folder or file name the server never serves (dotfiles, but `.well-known`). */
const hidden = (segment) => segment.startsWith('.') && segment !== '.well-known';

/**
 * Every file of a client folder by URL path (`/en/index.html`), with its precompressed copies attached to it.
 * @param {string} clientDir
 * @param {Map<string, { key: string, value: string }[]>} [pageHeaders] a page's own headers by pageKey
 * @returns {Map<string, StaticFile>}
 */
export function scanClient(clientDir, pageHeaders = new Map()) {
  /** @type {Map<string, StaticFile>} */
  const files = new Map();
  if (!fs.existsSync(clientDir)) return files;
  /** @type {{ urlPath: string, encoding: import('../../src/lib/boundary/compression.ts').Encoding, copy: Representation }[]} */
  const copies = [];
  for (const dirent of fs.readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
    if (!dirent.isFile()) continue;
    const path = join(dirent.parentPath, dirent.name);
    const urlPath = `/${relative(clientDir, path).split(sep).join('/')}`;
    if (urlPath.split('/').some(hidden)) continue;
    const stat = fs.statSync(path);
    const original = { file: path, size: stat.size, etag: weakEtag(stat.size, stat.mtimeMs) };
    files.set(urlPath, {
      original,
      type: staticFileType(urlPath),
      mtimeMs: stat.mtimeMs,
      lastModified: stat.mtime.toUTCString(),
      cacheControl: staticCacheControl(urlPath),
      variants: new Map(),
      headers: urlPath.endsWith('.html') ? (pageHeaders.get(pageKey(urlPath)) ?? []) : [],
    });
    const encoding = ENCODINGS.find((e) => urlPath.endsWith(ENCODING_SUFFIX[e]));
    if (encoding)
      copies.push({ urlPath: urlPath.slice(0, -ENCODING_SUFFIX[encoding].length), encoding, copy: original });
  }
  // A copy belongs to its original (the copy stays a file of its own too, as the adapter served it).
  for (const { urlPath, encoding, copy } of copies) {
    const entry = files.get(urlPath);
    if (!entry) continue;
    entry.variants.set(encoding, { ...copy, etag: weakEtag(copy.size, entry.mtimeMs, encoding) });
  }
  return files;
}

/**
 * Sends one file's representation for the request (its headers are set on `res` first).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {StaticFile} entry
 */
function sendFile(req, res, entry) {
  for (const { key, value } of entry.headers) res.setHeader(key, value);
  let chosen = entry.original;
  if (entry.variants.size > 0) {
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = negotiateEncoding(req.headers['accept-encoding'], [...entry.variants.keys()]);
    if (encoding) {
      chosen = /** @type {Representation} */ (entry.variants.get(encoding));
      res.setHeader('Content-Encoding', encoding);
    }
  }
  res.setHeader('Content-Type', entry.type);
  res.setHeader('Cache-Control', entry.cacheControl);
  res.setHeader('Last-Modified', entry.lastModified);
  res.setHeader('ETag', chosen.etag);
  if (isFresh(req.headers, chosen.etag, entry.mtimeMs)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Length', chosen.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(chosen.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * @param {string} clientDir the build's client folder (dist/client)
 * @param {{ pageHeaders?: Map<string, { key: string, value: string }[]> }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 *   serves the file a GET or HEAD names and returns true, or returns false (the request is for the app)
 */
export function createStaticFiles(clientDir, { pageHeaders } = {}) {
  const files = scanClient(clientDir, pageHeaders);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const candidates = staticCandidates(req.url ?? '/');
    if (!candidates) return false;
    for (const candidate of candidates) {
      const entry = files.get(candidate);
      if (entry) {
        sendFile(req, res, entry);
        return true;
      }
    }
    return false;
  };
}
