import { describe, expect, it } from 'vitest';
import {
  BEST_BROTLI_MAX_BYTES,
  brotliQualityFor,
  IMMUTABLE_CACHE,
  REVALIDATE_CACHE,
  compressibleFileType,
  keepCompressed,
  negotiateEncoding,
  staticCacheControl,
  staticCandidates,
  worthPrecompressing,
} from './compression';

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and sends as is without the header', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
  });
  it('honours q-values, q=0 refusals and the wildcard', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.1, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=nonsense, gzip')).toBe('gzip');
  });
  it('chooses only among the copies on offer', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('static files', () => {
  it('compresses text types and leaves images and fonts alone', () => {
    expect(compressibleFileType('/_astro/app.B1x.js')).toBe('text/javascript; charset=utf-8');
    expect(compressibleFileType('/en/index.html')).toBe('text/html; charset=utf-8');
    expect(compressibleFileType('/favicon.svg')).toBe('image/svg+xml');
    expect(compressibleFileType('/_astro/cover.webp')).toBeNull();
    expect(compressibleFileType('/_astro/font.woff2')).toBeNull();
    expect(compressibleFileType('/README')).toBeNull();
    expect(compressibleFileType('/.js')).toBeNull();
  });
  it('skips tiny files and copies that save too little', () => {
    expect(worthPrecompressing('a.js', 1023)).toBe(false);
    expect(worthPrecompressing('a.js', 1024)).toBe(true);
    expect(worthPrecompressing('a.png', 100_000)).toBe(false);
    expect(keepCompressed(10_000, 3_000)).toBe(true);
    expect(keepCompressed(10_000, 9_800)).toBe(false);
  });
  it('precompresses with the best brotli quality unless the build has a national catalogue of pages', () => {
    expect(brotliQualityFor(8_000_000)).toBe(11); // the normal catalogue's pages, scripts and documents
    expect(brotliQualityFor(BEST_BROTLI_MAX_BYTES)).toBe(11);
    expect(brotliQualityFor(BEST_BROTLI_MAX_BYTES + 1)).toBe(5);
    expect(brotliQualityFor(78_600_000)).toBe(5); // 20,000 products' search documents alone
  });
  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(staticCacheControl('/_astro/page.CX1.js')).toBe(IMMUTABLE_CACHE);
    expect(IMMUTABLE_CACHE).toContain('immutable');
    expect(staticCacheControl('/products/keo-dua/index.html')).toBe(REVALIDATE_CACHE);
    expect(staticCacheControl('/robots.txt')).toBe(REVALIDATE_CACHE);
  });
  it('maps request paths to the files the file server would send', () => {
    expect(staticCandidates('/')).toEqual(['/index.html']);
    expect(staticCandidates('/en/?q=1')).toEqual(['/en/index.html']);
    expect(staticCandidates('/en/products/keo-dua')).toEqual([
      '/en/products/keo-dua',
      '/en/products/keo-dua/index.html',
    ]);
    expect(staticCandidates('/t%E1%BB%89nh')).toEqual(['/tỉnh', '/tỉnh/index.html']);
    expect(staticCandidates('/%E0%A4%A')).toBeNull();
    expect(staticCandidates('/../etc/passwd')).toBeNull();
    expect(staticCandidates('/%2e%2e/secret')).toBeNull();
    expect(staticCandidates('/.env')).toBeNull();
  });
});
