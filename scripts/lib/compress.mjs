/**
 * Compressed on-demand responses for scripts/serve.mjs (docs/performance.md): `createCompression()` returns a
 * `(req, res, next)` wrapper that streams brotli or gzip, as the request's Accept-Encoding allows, for bodies that
 * compress (by Content-Type) and are not tiny, with `Vary: Accept-Encoding`. Static files never pass here: their
 * precompressed copies are sent by scripts/lib/static-files.mjs.
 */
import zlib from 'node:zlib';
import compression from 'compression';
import { MIN_COMPRESS_BYTES } from '../../src/lib/boundary/compression.ts';

/**
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void}
 */
export function createCompression() {
  return compression({
    threshold: MIN_COMPRESS_BYTES,
    // Quality 5 / level 6: most of the gain at a small share of the CPU of the best settings (those are for the
    // build's precompressed copies, made once).
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    level: 6,
  });
}
