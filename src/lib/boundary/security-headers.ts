/**
 * The headers every response carries, pages, actions, API routes and static files alike (scripts/serve.mjs sets
 * them before the Astro server answers). Pure and free of path aliases: the plain Node launcher imports it.
 *
 * Pages get their full Content-Security-Policy from Astro (astro.config.mjs, with the hashes of their inline
 * scripts and styles), which replaces the baseline policy below; every other response keeps the baseline, so a
 * file or an error page that is not an Astro page still cannot be framed, run plugins or load from elsewhere.
 */

/** The policy of a response that is not an Astro page (an asset, JSON, an error page of the server itself). */
export const BASELINE_CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** One year: browsers remember to use HTTPS for this long after one visit. */
const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

export interface SecurityHeaderOptions {
  /** HSTS is sent only in production: a local http:// run must not pin the browser to HTTPS for 127.0.0.1. */
  production: boolean;
}

/** The header names and values, in the order they are set. */
export function securityHeaders(options: SecurityHeaderOptions): [string, string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', BASELINE_CSP],
    // Files are read as the type the server says (a user's upload named .jpg never runs as a script).
    ['X-Content-Type-Options', 'nosniff'],
    // Other sites see the origin only, never a path with an order number and its access key.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // For browsers that predate frame-ancestors.
    ['X-Frame-Options', 'DENY'],
    // No page of the site uses these; an injected script could not ask for them either.
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  if (options.production)
    headers.push(['Strict-Transport-Security', `max-age=${HSTS_MAX_AGE}; includeSubDomains`]);
  return headers;
}

/**
 * The key a prerendered page's headers are stored under in the build's _headers.json (`/`, `/en`,
 * `/en/products/x`) for a request path: query, trailing slash and `index.html` dropped, percent-escapes decoded.
 * The Node adapter's own look-up takes the first stored path that *contains* the request's (so `/` got the
 * policy of `/cart`, with the wrong hashes); scripts/serve.mjs looks pages up by this exact key instead.
 */
export function pageKey(url: string): string {
  let path = url.split(/[?#]/, 1)[0] ?? '/';
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape matches no page.
  }
  path = path.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
