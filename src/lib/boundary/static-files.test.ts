import { describe, expect, it } from 'vitest';
import { UNKNOWN_TYPE, isFresh, staticFileType, weakEtag } from './static-files';

describe('staticFileType', () => {
  it('names text with its charset, images and fonts by kind, anything else as bytes', () => {
    expect(staticFileType('/en/index.html')).toBe('text/html; charset=utf-8');
    expect(staticFileType('/_astro/page.Ab1.js')).toBe('text/javascript; charset=utf-8');
    expect(staticFileType('/favicon.svg')).toBe('image/svg+xml');
    expect(staticFileType('/_astro/cover.Ef3.AVIF')).toBe('image/avif');
    expect(staticFileType('/_astro/logo.jpg')).toBe('image/jpeg');
    expect(staticFileType('/fonts/be-vietnam.woff2')).toBe('font/woff2');
    expect(staticFileType('/_astro/page.Ab1.js.gz')).toBe('application/gzip');
    expect(staticFileType('/_astro/page.Ab1.js.br')).toBe(UNKNOWN_TYPE);
    expect(staticFileType('/LICENSE')).toBe(UNKNOWN_TYPE);
    expect(staticFileType('/.well-known/.hidden')).toBe(UNKNOWN_TYPE);
  });
});

describe('weakEtag', () => {
  it('is weak, made of size and time in hex, and differs per encoding', () => {
    expect(weakEtag(4096, 1_700_000_000_123)).toBe('W/"1000-18bcfe5687b"');
    expect(weakEtag(4096, 1_700_000_000_123.7)).toBe('W/"1000-18bcfe5687b"');
    expect(weakEtag(1200, 1_700_000_000_123, 'br')).toBe('W/"4b0-18bcfe5687b-br"');
  });
});

describe('isFresh', () => {
  const etag = weakEtag(4096, Date.UTC(2026, 11, 1, 10, 0, 0, 500));
  const mtime = Date.UTC(2026, 11, 1, 10, 0, 0, 500);
  it('is never fresh without a validator', () => {
    expect(isFresh({}, etag, mtime)).toBe(false);
  });
  it('compares entity tags weakly, in a list, with the wildcard', () => {
    expect(isFresh({ 'if-none-match': etag }, etag, mtime)).toBe(true);
    expect(isFresh({ 'if-none-match': etag.slice(2) }, etag, mtime)).toBe(true);
    expect(isFresh({ 'if-none-match': `W/"other", ${etag}` }, etag, mtime)).toBe(true);
    expect(isFresh({ 'if-none-match': '*' }, etag, mtime)).toBe(true);
    expect(isFresh({ 'if-none-match': 'W/"1000-0"' }, etag, mtime)).toBe(false);
  });
  it('lets If-None-Match decide over If-Modified-Since', () => {
    const later = new Date(mtime + 60_000).toUTCString();
    expect(isFresh({ 'if-none-match': 'W/"x"', 'if-modified-since': later }, etag, mtime)).toBe(false);
  });
  it('compares modification times to the second', () => {
    const same = new Date(mtime).toUTCString();
    expect(isFresh({ 'if-modified-since': same }, etag, mtime)).toBe(true);
    expect(isFresh({ 'if-modified-since': new Date(mtime - 1000).toUTCString() }, etag, mtime)).toBe(false);
    expect(isFresh({ 'if-modified-since': 'yesterday' }, etag, mtime)).toBe(false);
  });
  it('sends the body when the request says no-cache', () => {
    expect(isFresh({ 'if-none-match': etag, 'cache-control': 'no-cache' }, etag, mtime)).toBe(false);
    expect(isFresh({ 'if-none-match': etag, 'cache-control': 'max-age=0' }, etag, mtime)).toBe(true);
  });
});
