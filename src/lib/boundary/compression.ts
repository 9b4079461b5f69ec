/**
 * Which responses are compressed and how (docs/performance.md). Pure and free of path aliases: the build's
 * integration (integrations/compress) and the plain Node launcher (scripts/lib/compress.mjs) both import it.
 *
 * Static files that compress are written next to themselves at build time as `<file>.br` and `<file>.gz`;
 * on-demand responses (pages, actions, API routes) are compressed as they stream.
 */

/** The encodings the server sends, best first. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The file suffix of each precompressed copy. */
export const ENCODING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Below this many bytes a body is sent as it is: the encoding's own overhead eats most of the gain. */
export const MIN_COMPRESS_BYTES = 1024;

/** A precompressed copy is kept only when it saves at least this share of the file's size. */
export const MIN_SAVING = 0.05;

/** Content types by extension, for the kinds of static file that compress (images and fonts already are). */
const COMPRESSIBLE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** The Content-Type of a static file that compresses, or null for one that does not (images, fonts, archives). */
export function compressibleFileType(path: string): string | null {
  return COMPRESSIBLE_TYPES[extensionOf(path)] ?? null;
}

/**
 * Above this many bytes to precompress, a build uses a faster brotli quality: the best one (11) costs about two
 * seconds per megabyte on a 2-core machine, which is seconds for the normal catalogue's ~8 MB but hours for a
 * national catalogue's pages, and minutes for its one 80 MB search-documents file alone (docs/performance.md,
 * "National scale"). Bytes, not files: a few large files cost as much as many pages.
 */
export const BEST_BROTLI_MAX_BYTES = 32 * 1024 * 1024;

/** The brotli quality for precompressing `totalBytes`: the best for a normal build, 5 at national scale. */
export function brotliQualityFor(totalBytes: number): number {
  return totalBytes <= BEST_BROTLI_MAX_BYTES ? 11 : 5;
}

/** Whether a file of this size is worth precompressing at all. */
export function worthPrecompressing(path: string, size: number): boolean {
  return size >= MIN_COMPRESS_BYTES && compressibleFileType(path) !== null;
}

/** Whether a compressed copy saves enough to be kept (otherwise the original is always sent). */
export function keepCompressed(originalSize: number, compressedSize: number): boolean {
  return compressedSize <= originalSize * (1 - MIN_SAVING);
}

/**
 * The encoding to send for an `Accept-Encoding` header, from those on offer: the best of ENCODINGS the client
 * accepts (q > 0), by its q-value and then by our order; `*` accepts any encoding not named. Null: send it as is.
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  offered: readonly Encoding[] = ENCODINGS,
): Encoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    quality.set(name, Number.isFinite(q) ? q : 0);
  }
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const encoding of ENCODINGS) {
    if (!offered.includes(encoding)) continue;
    const q =
      quality.get(encoding) ??
      (encoding === 'gzip' ? quality.get('x-gzip') : undefined) ??
      quality.get('*') ??
      0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

/** Hashed build assets never change under their name: browsers may keep them for a year without asking. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Anything else static (pages, robots.txt, the favicon): revalidated on each use, as the file server does. */
export const REVALIDATE_CACHE = 'public, max-age=0';

/** The Cache-Control of a static file by its URL path. */
export function staticCacheControl(urlPath: string, assetsDir = '_astro'): string {
  return urlPath.startsWith(`/${assetsDir}/`) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/**
 * The files a request path may name in the build's client folder, in the order the file server tries them:
 * the path itself, or its `index.html` (pages are folders; `trailingSlash: 'ignore'`). Null for a path that
 * cannot name a file there (malformed escapes, `..`, hidden files).
 */
export function staticCandidates(url: string): string[] | null {
  let path = url.split(/[?#]/, 1)[0] ?? '/';
  try {
    path = decodeURI(path);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0')) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || (s.startsWith('.') && s !== '.well-known'))) return null;
  if (path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}/index.html`];
}
