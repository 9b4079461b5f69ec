/**
 * Compressed responses for scripts/serve.mjs (docs/performance.md). `createCompression(clientDir)` returns a
 * `(req, res, next)` wrapper:
 * - a static file with a precompressed copy (`.br`/`.gz`, written by integrations/compress at build time) is sent
 *   as that copy when the request's Accept-Encoding allows it, with `Vary: Accept-Encoding`, its type, length,
 *   validators and cache policy (hashed `/_astro/` assets immutable);
 * - everything else goes to `next` (the adapter: static files, then the on-demand app) through the `compression`
 *   middleware, which streams brotli or gzip for bodies that compress (by Content-Type) and are not tiny.
 */
import fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import zlib from 'node:zlib';
import compression from 'compression';
import {
  ENCODINGS,
  ENCODING_SUFFIX,
  MIN_COMPRESS_BYTES,
  compressibleFileType,
  negotiateEncoding,
  staticCacheControl,
  staticCandidates,
} from '../../src/lib/boundary/compression.ts';

/**
 * The precompressed copies in a client folder: URL path of the original → its encodings' files and sizes.
 * @param {string} clientDir
 * @returns {Map<string, { type: string, mtime: Date, variants: Map<string, { file: string, size: number }> }>}
 */
export function scanPrecompressed(clientDir) {
  const found = new Map();
  if (!fs.existsSync(clientDir)) return found;
  for (const name of fs.readdirSync(clientDir, { recursive: true })) {
    const file = String(name);
    const encoding = ENCODINGS.find((e) => file.endsWith(ENCODING_SUFFIX[e]));
    if (!encoding) continue;
    const original = file.slice(0, -ENCODING_SUFFIX[encoding].length);
    const type = compressibleFileType(original);
    const originalPath = join(clientDir, original);
    if (!type || !fs.existsSync(originalPath)) continue;
    const urlPath = `/${relative(clientDir, originalPath).split(sep).join('/')}`;
    const entry = found.get(urlPath) ?? { type, mtime: fs.statSync(originalPath).mtime, variants: new Map() };
    entry.variants.set(encoding, {
      file: join(clientDir, file),
      size: fs.statSync(join(clientDir, file)).size,
    });
    found.set(urlPath, entry);
  }
  return found;
}

/**
 * Sends a precompressed copy if the request may have one; false when the request is for something else.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {ReturnType<typeof scanPrecompressed>} files
 */
function sendPrecompressed(req, res, files) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range) return false;
  const candidates = staticCandidates(req.url ?? '/');
  const urlPath = candidates?.find((c) => files.has(c));
  if (!urlPath) return false;
  const entry = files.get(urlPath);
  const encoding = negotiateEncoding(req.headers['accept-encoding'], [...entry.variants.keys()]);
  // Without an encoding the adapter's file server sends the original (with the same Vary, set here).
  res.setHeader('Vary', 'Accept-Encoding');
  if (!encoding) return false;
  const variant = entry.variants.get(encoding);
  const etag = `W/"${variant.size.toString(16)}-${entry.mtime.getTime().toString(16)}-${encoding}"`;
  res.setHeader('Content-Type', entry.type);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Cache-Control', staticCacheControl(urlPath));
  res.setHeader('Last-Modified', entry.mtime.toUTCString());
  res.setHeader('ETag', etag);
  const matches = req.headers['if-none-match']?.split(',').some((t) => t.trim() === etag);
  if (matches) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Length', variant.size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  fs.createReadStream(variant.file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

/**
 * @param {string} clientDir the build's client folder (dist/client)
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void}
 */
export function createCompression(clientDir) {
  const files = scanPrecompressed(clientDir);
  const streaming = compression({
    threshold: MIN_COMPRESS_BYTES,
    // Quality 5 / level 6: most of the gain at a small share of the CPU of the best settings (those are for the
    // build's precompressed copies, made once).
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    level: 6,
  });
  return (req, res, next) => {
    if (sendPrecompressed(req, res, files)) return;
    streaming(req, res, next);
  };
}
