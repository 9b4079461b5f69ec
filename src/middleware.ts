/**
 * Every on-demand request (pages, actions, API routes) passes here; prerendered pages skip it.
 * - Loads the session and the user's role into Astro.locals.user, except on routes that need none
 *   (src/lib/boundary/sessionless.ts: the search API), which skip the database read.
 * - Runs Astro Actions itself (Astro's documented `getActionContext`), after Astro's own origin check, so their
 *   failure modes have one answer: an unreadable body, a wrong content type or a control character is a 400 with a
 *   plain message, and an error nobody expected is logged with a request id and answered without its text.
 * - Is the one error boundary: any unexpected exception is logged once with a request id, and the visitor gets a
 *   plain page in the page's language (or JSON for /api, /_actions and .json routes) with that id, status 500/503.
 */
import { ActionError, getActionContext } from 'astro:actions';
import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import {
  BODY_PROBLEMS,
  answersInJson,
  badRequestJson,
  bodyKind,
  failureHtml,
  failureJson,
  failureLogLine,
  failureMessage,
  failureStatus,
  formProblem,
  jsonTextProblem,
  namesAction,
  type BodyProblem,
} from '~/lib/boundary/boundary';
import { retryAfterFor } from '~/lib/boundary/retry-after';
import { isSessionless } from '~/lib/boundary/sessionless';
import { server } from '~/actions';
import { localeFromPath } from '~/lib/i18n';
import { getAccounts } from '~/services.server';
import { startBackgroundWorkIfAsked } from '~/worker-flag.server';

// scripts/serve.mjs loads this module at start so the background worker runs without waiting for a visitor.
startBackgroundWorkIfAsked();

/** Astro's default action body limit (security.actionBodySizeLimit); larger bodies get Astro's own 413. */
const ACTION_BODY_LIMIT = 1024 * 1024;

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  if (context.isPrerendered) return next();
  const requestId = crypto.randomUUID();
  try {
    return await handle(context, next, requestId);
  } catch (error) {
    console.error(failureLogLine(requestId, context.request.method, context.url.pathname, error));
    // A database or search restart is a 503 (try again shortly), not a fault of ours.
    const status = failureStatus(error);
    return failureResponse(context, status, requestId, status === 503 ? { 'Retry-After': '10' } : {});
  }
});

async function handle(context: APIContext, next: MiddlewareNext, requestId: string): Promise<Response> {
  const refused = await refusedActionBody(context);
  if (refused) return refused;
  // No session, no database: the answer is the same for every visitor (and may be cached publicly).
  if (isSessionless(context.url.pathname)) return next();
  let accounts;
  try {
    accounts = await getAccounts();
  } catch (error) {
    // Misconfiguration (no AUTH_SECRET in production) or an unreachable database: say so in the log, and give
    // visitors a plain 503 rather than a stack trace. Prerendered pages keep working.
    console.error(failureLogLine(requestId, context.request.method, context.url.pathname, error));
    return failureResponse(context, 503, requestId, { 'Retry-After': '30' });
  }
  context.locals.user = await accounts.userForRequest(context.request.headers);
  const answer = (await runAction(context, requestId)) ?? (await next());
  const response = throttledAnswer(answer, retryAfterFor(context.request));
  if (context.request.headers.has('cookie')) {
    // Pages that may show who is signed in must never be stored by a shared cache.
    try {
      response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Some responses (e.g. Response.redirect) have immutable headers; they carry no personal data.
    }
  }
  return response;
}

/**
 * A throttled action's answer (src/lib/boundary/retry-after.ts): 429 with Retry-After in seconds, whether it was
 * called from a script (already 429) or posted by a form (the page, which says when to retry, would be a 200).
 */
function throttledAnswer(response: Response, retryAfter: number | null): Response {
  if (retryAfter === null) return response;
  const headers = new Headers(response.headers);
  headers.set('Retry-After', String(retryAfter));
  return new Response(response.body, { status: 429, headers });
}

/** A plain page (or JSON) for a failure on our side, with the request id and nothing of the error itself. */
function failureResponse(
  context: APIContext,
  status: 500 | 503,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const json = answersInJson(context.url.pathname);
  const body = json
    ? failureJson({ status, requestId })
    : failureHtml({ status, requestId }, localeFromPath(context.url.pathname));
  return new Response(body, {
    status,
    headers: {
      ...headers,
      'Content-Type': json ? 'application/json' : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
    },
  });
}

/** True for a POST to an action: the RPC endpoint `/_actions/<name>` or a page's form post with `?_action=`. */
function isActionPost(context: APIContext): boolean {
  if (context.request.method !== 'POST') return false;
  return context.url.pathname.startsWith('/_actions/') || context.url.searchParams.has('_action');
}

/**
 * A 400 for an action body that cannot be read (truncated JSON or form, a content type actions do not take) or
 * that carries a control character (U+0000 cannot be stored, and no form's text has one). Bodies without a length
 * or over the limit are left to Astro, which refuses them itself (413).
 */
async function refusedActionBody(context: APIContext): Promise<Response | null> {
  if (!isActionPost(context)) return null;
  const request = context.request;
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!Number.isFinite(length) || length > ACTION_BODY_LIMIT) return null;
  const problem = await bodyProblem(request);
  if (!problem) return null;
  const json = context.url.pathname.startsWith('/_actions/');
  return new Response(json ? badRequestJson(problem) : BODY_PROBLEMS[problem], {
    status: 400,
    headers: { 'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8' },
  });
}

/** What is wrong with an action request's body, read from a clone (Astro reads the original afterwards). */
async function bodyProblem(request: Request): Promise<BodyProblem | null> {
  switch (bodyKind(request.headers.get('content-type'))) {
    case 'none':
      return null;
    case 'json':
      return jsonTextProblem(await request.clone().text());
    case 'form':
    case 'multipart':
      try {
        return formProblem((await request.clone().formData()).entries());
      } catch {
        return 'malformed';
      }
    case 'other':
      return 'contentType';
  }
}

type ActionResult = { data: unknown; error: undefined } | { data: undefined; error: ActionError };

/**
 * Runs the action of this request, if any: an RPC call is answered here; a page's form post stores its result for
 * the page (`Astro.getActionResult`) and the page renders next. Astro's own origin check has already run.
 */
async function runAction(context: APIContext, requestId: string): Promise<Response | undefined> {
  const { action, setActionResult, serializeActionResult } = getActionContext(context);
  if (!action) return undefined;
  let result: ActionResult;
  try {
    // Astro throws (a 500) for a name that is a namespace (`/_actions/fairs`) or badly encoded: it is a 404.
    result = namesAction(server, action.name)
      ? ((await action.handler()) as ActionResult)
      : { data: undefined, error: new ActionError({ code: 'NOT_FOUND', message: 'Unknown action.' }) };
  } catch (error) {
    // A body Astro could not parse (sent without a length, so not checked above) is the sender's mistake.
    if (!(error instanceof SyntaxError)) throw error;
    result = {
      data: undefined,
      error: new ActionError({ code: 'BAD_REQUEST', message: BODY_PROBLEMS.malformed }),
    };
  }
  const safe = plainResult(result, context, requestId);
  const serialized = serializeActionResult(safe);
  if (action.calledFrom === 'form') {
    setActionResult(action.name, serialized);
    return undefined;
  }
  if (serialized.type === 'empty') return new Response(null, { status: serialized.status });
  return new Response(serialized.body, {
    status: serialized.status,
    headers: { 'Content-Type': serialized.contentType },
  });
}

/**
 * An action's result with Astro's transport failures as 400s and an unexpected error's text (Astro passes the
 * thrown error's message through: a driver's text) replaced by a plain message with the request id, after logging.
 */
function plainResult(result: ActionResult, context: APIContext, requestId: string): ActionResult {
  const error = result.error;
  if (!error) return result;
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE')
    return {
      data: undefined,
      error: new ActionError({ code: 'BAD_REQUEST', message: BODY_PROBLEMS.contentType }),
    };
  if (error.code !== 'INTERNAL_SERVER_ERROR') return result;
  console.error(failureLogLine(requestId, context.request.method, context.url.pathname, error.message));
  const message = failureMessage({ status: 500, requestId });
  return { data: undefined, error: new ActionError({ code: 'INTERNAL_SERVER_ERROR', message }) };
}
