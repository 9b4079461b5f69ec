import { describe, expect, it } from 'vitest';
import { BASELINE_CSP, pageKey, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('forbid sniffing, framing and full referrers on every response', () => {
    const headers = new Map(securityHeaders({ production: false }));
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('X-Frame-Options')).toBe('DENY');
    expect(headers.get('Content-Security-Policy')).toBe(BASELINE_CSP);
    expect(BASELINE_CSP).toContain("frame-ancestors 'none'");
    expect(BASELINE_CSP).not.toContain('unsafe');
  });

  it('send HSTS only in production', () => {
    expect(new Map(securityHeaders({ production: false })).has('Strict-Transport-Security')).toBe(false);
    expect(new Map(securityHeaders({ production: true })).get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});

describe("page keys for the build's stored page headers", () => {
  it.each([
    ['/', '/'],
    ['/index.html', '/'],
    ['/en/', '/en'],
    ['/en', '/en'],
    ['/en/index.html', '/en'],
    ['/en/products/keo-dua/?ref=qr#story', '/en/products/keo-dua'],
    ['/provinces/b%E1%BA%BFn-tre', '/provinces/bến-tre'],
    ['/%E0%A4%A', '/%E0%A4%A'],
  ])('%s → %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
  });
});
