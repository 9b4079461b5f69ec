/**
 * The one error boundary's rules: which requests answer in JSON, how a request body that cannot be read is refused
 * (400, plain message), and what a visitor sees when something failed on our side (a plain page or JSON with the
 * request id, never a stack trace or a driver's text). Pure: the middleware does the I/O.
 */
import { isDatabaseUnavailable } from '~/lib/db/errors';
import { SearchUnavailableError } from '~/lib/search/search-backend';
import { escapeHtml } from './escape';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { useBoundaryTranslations } from './messages';

/** The plain messages of refused request bodies (JSON clients read `message`; no internals in them). */
export const BODY_PROBLEMS = {
  malformed: 'The request body could not be read: send valid JSON (application/json) or a form.',
  contentType: 'Unsupported content type: send JSON (application/json) or a form.',
  controlCharacter: 'Text fields may not contain control characters.',
} as const;
export type BodyProblem = keyof typeof BODY_PROBLEMS;

/**
 * True when `text` holds a control character no form field may carry: C0 controls other than tab, line feed and
 * carriage return, and DEL (U+0000 cannot even be stored by PostgreSQL).
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** True for requests answered in JSON: the API, Astro Actions' RPC endpoint and the `.json` routes. */
export function answersInJson(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/_actions/') || pathname.endsWith('.json');
}

/** The kind of body a content type announces: JSON, a form, none, or something actions do not take. */
export function bodyKind(contentType: string | null): 'json' | 'form' | 'multipart' | 'none' | 'other' {
  if (!contentType) return 'none';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data') return 'multipart';
  return 'other';
}

/** What is wrong with a parsed JSON body, if anything: a string anywhere in it with a control character. */
export function jsonValueProblem(value: unknown, depth = 0): BodyProblem | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? 'controlCharacter' : null;
  if (depth > 64) return 'malformed';
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonValueProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = hasControlCharacter(key) ? 'controlCharacter' : jsonValueProblem(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** What is wrong with a JSON body's text: not JSON at all, or a control character in one of its strings. */
export function jsonTextProblem(text: string): BodyProblem | null {
  if (text.trim() === '') return null; // Astro reads an empty JSON body as no input; the schema answers.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  return jsonValueProblem(value);
}

/** What is wrong with a form's fields (names and text values), if anything. */
export function formProblem(entries: Iterable<[string, unknown]>): BodyProblem | null {
  for (const [name, value] of entries)
    if (hasControlCharacter(name) || (typeof value === 'string' && hasControlCharacter(value)))
      return 'controlCharacter';
  return null;
}

/** Keys that must never be followed when resolving a name (they reach Object.prototype). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when `name` (the `<name>` of /_actions/<name> or `?_action=`, dot-separated, maybe percent-encoded) names a
 * function of `tree` through own properties only. Anything else is an unknown action (404), not a crash.
 */
export function namesAction(tree: object, name: string): boolean {
  let node: unknown = tree;
  // Astro's own client posts to `/_actions/<name>/` (trailingSlash 'ignore' keeps the slash in the name).
  for (const raw of name.replace(/\/$/, '').split('.')) {
    let key: string;
    try {
      key = decodeURIComponent(raw);
    } catch {
      return false;
    }
    if (typeof node !== 'object' || node === null || FORBIDDEN_KEYS.has(key) || !Object.hasOwn(node, key))
      return false;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'function';
}

/** The JSON of a refused action body, in the shape Astro's action client reads (`code`, `message`). */
export function badRequestJson(problem: BodyProblem): string {
  return JSON.stringify({
    type: 'AstroActionError',
    code: 'BAD_REQUEST',
    status: 400,
    message: BODY_PROBLEMS[problem],
  });
}

/** Status and body of a request that failed on our side: 503 when a backend is down, else 500. */
export interface Failure {
  status: 500 | 503;
  requestId: string;
}

/**
 * The status of an unexpected error: 503 when a backend is down or restarting (the database unreachable, search
 * unavailable), which clients may retry after a moment; 500 for anything else.
 */
export function failureStatus(error: unknown): Failure['status'] {
  return isDatabaseUnavailable(error) || error instanceof SearchUnavailableError ? 503 : 500;
}

/** The plain message of a failure for JSON clients, with the request id to quote. */
export function failureMessage({ status, requestId }: Failure): string {
  return status === 503
    ? `Service temporarily unavailable (request ${requestId}).`
    : `Something went wrong on our side (request ${requestId}).`;
}

/** The JSON a client gets for a failure: a plain message and the request id, nothing else. */
export function failureJson(failure: Failure): string {
  return JSON.stringify({
    type: 'AstroActionError',
    code: failure.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR',
    status: failure.status,
    message: failureMessage(failure),
    requestId: failure.requestId,
  });
}

/** The plain page a visitor gets for a failure, in the page's language, with the request id to quote. */
export function failureHtml({ status, requestId }: Failure, locale: Locale): string {
  const t = useBoundaryTranslations(locale);
  const title = t(status === 503 ? 'unavailableTitle' : 'failedTitle');
  const text = t(status === 503 ? 'unavailableText' : 'failedText');
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>`,
    '<body>',
    `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`,
    `<p>${escapeHtml(t('reference', { id: requestId }))}</p>`,
    `<p><a href="${escapeHtml(localizedPath('/', locale))}">${escapeHtml(t('backHome'))}</a></p></main>`,
    '</body></html>',
  ].join('');
}

/** The log line of a failure: the request id, method and path, and the error's own text (for us, not the visitor). */
export function failureLogLine(requestId: string, method: string, pathname: string, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `[request ${requestId}] ${method} ${pathname} failed: ${detail}`;
}
