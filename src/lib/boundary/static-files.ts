/**
 * The rules of the build's file server (scripts/lib/static-files.mjs, docs/performance.md): the type of each file,
 * its validator, and when a revalidation is answered 304. Pure and free of path aliases: the plain Node launcher
 * imports it. Which file a request path names is staticCandidates in compression.ts.
 */
import { compressibleFileType } from './compression.ts';

/** Types of the files that do not compress (already compressed, or binary), by extension. */
const OTHER_TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.gz': 'application/gzip',
};

/** Sent for a file of an unknown kind (with nosniff, a browser never runs or renders it). */
export const UNKNOWN_TYPE = 'application/octet-stream';

/** The Content-Type of any static file by its name. */
export function staticFileType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot).toLowerCase();
  return compressibleFileType(path) ?? OTHER_TYPES[extension] ?? UNKNOWN_TYPE;
}

/**
 * A file's weak validator, as the adapter's file server made it (size and modification time, in hex), with the
 * encoding appended for a precompressed copy so that no two representations share one.
 */
export function weakEtag(size: number, mtimeMs: number, encoding?: string): string {
  const base = `${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}`;
  return `W/"${encoding ? `${base}-${encoding}` : base}"`;
}

/** The request headers a revalidation reads. */
export interface Revalidation {
  'if-none-match'?: string | undefined;
  'if-modified-since'?: string | undefined;
  'cache-control'?: string | undefined;
}

/**
 * Whether the client's copy is still the file's (answer 304): If-None-Match (weak comparison, `*` matches any)
 * decides when present, else If-Modified-Since against the file's time to the second. `Cache-Control: no-cache`
 * in the request asks for the body whatever the validators say.
 */
export function isFresh(request: Revalidation, etag: string, mtimeMs: number): boolean {
  const noneMatch = request['if-none-match'];
  const modifiedSince = request['if-modified-since'];
  if (!noneMatch && !modifiedSince) return false;
  if (request['cache-control'] && /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(request['cache-control']))
    return false;
  if (noneMatch) {
    if (noneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const own = opaque(etag);
    return noneMatch.split(',').some((tag) => opaque(tag) === own);
  }
  const since = Date.parse(modifiedSince ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}
