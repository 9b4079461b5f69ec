/**
 * Loads the session and the user's role for every on-demand request (pages, actions, server islands) into
 * Astro.locals.user. Prerendered pages skip it: they are the same for everyone.
 */
import { defineMiddleware } from 'astro:middleware';
import { getAccounts } from '~/services.server';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  if (context.isPrerendered) return next();
  let accounts;
  try {
    accounts = await getAccounts();
  } catch (error) {
    // Misconfiguration (no AUTH_SECRET in production) or an unreachable database: say so in the log, and give
    // visitors a plain 503 rather than a stack trace. Prerendered pages keep working.
    console.error('[accounts] cannot serve on-demand pages:', error instanceof Error ? error.message : error);
    return new Response('Service temporarily unavailable', { status: 503, headers: { 'Retry-After': '30' } });
  }
  context.locals.user = await accounts.userForRequest(context.request.headers);
  const response = await next();
  if (context.request.headers.has('cookie')) {
    // Pages that may show who is signed in must never be stored by a shared cache.
    try {
      response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Some responses (e.g. Response.redirect) have immutable headers; they carry no personal data.
    }
  }
  return response;
});
