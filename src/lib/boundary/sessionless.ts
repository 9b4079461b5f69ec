/**
 * Which on-demand routes need no session, pure: the middleware skips the session lookup (a database read per
 * request) for them. Only routes whose answer is the same for every visitor and that never read Astro.locals.user.
 */

/** Public search JSON for the islands: the same answer for everyone, cached publicly for a minute. */
const SESSIONLESS_PATHS: ReadonlySet<string> = new Set(['/api/search']);

/** True when a request to this path needs no session (and so no database). */
export function isSessionless(pathname: string): boolean {
  return SESSIONLESS_PATHS.has(
    pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname,
  );
}
