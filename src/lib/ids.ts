/**
 * Strict parsing of every id that arrives from outside (route params, form fields, action inputs, query strings).
 * An id that does not match its exact shape is refused here, so it never reaches a database query: `0x10`, `1e3`,
 * ` 16` and `16abc` are not the number 16, and a control or invisible character is never part of an id. Pure.
 */
import { z } from 'zod';

/** The longest slug we accept (product and fair slugs are far shorter). */
export const SLUG_MAX_LENGTH = 120;
/** The longest account id we accept (better-auth issues 32 characters). */
export const ACCOUNT_ID_MAX_LENGTH = 64;
/** The largest numeric id: 15 digits stay below Number.MAX_SAFE_INTEGER, far above any row count. */
const NUMERIC_ID_PATTERN = /^[1-9][0-9]{0,14}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** A UUID as we issue them (crypto.randomUUID: lower-case hex), or null for anything else. */
export function parseUuid(value: unknown): string | null {
  return typeof value === 'string' && value.length === 36 && UUID_PATTERN.test(value) ? value : null;
}

/** A positive whole-number id written in plain decimal digits only, or null (`0x10`, `1e3`, ` 16`, `016`). */
export function parseNumericId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  return typeof value === 'string' && NUMERIC_ID_PATTERN.test(value) ? Number(value) : null;
}

/** A URL slug (lower-case letters and digits joined by single hyphens, at most 120 characters), or null. */
export function parseSlug(value: unknown): string | null {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value)
    ? value
    : null;
}

/** An account id (letters, digits, `_` and `-`, at most 64 characters), or null. */
export function parseAccountId(value: unknown): string | null {
  return typeof value === 'string' && value.length <= ACCOUNT_ID_MAX_LENGTH && ACCOUNT_ID_PATTERN.test(value)
    ? value
    : null;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;

/** A random token we issued (base64url: letters, digits, `_` and `-`) of at most `max` characters, or null. */
export function parseToken(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max && TOKEN_PATTERN.test(value) ? value : null;
}

/** A fair reference in a URL: its UUID or its slug, or null. */
export function parseUuidOrSlug(value: unknown): string | null {
  return parseUuid(value) ?? parseSlug(value);
}

/** A zod field for a required UUID; anything else is the issue `message`. */
export function uuidField(message: string) {
  return z.string({ error: message }).refine((v) => parseUuid(v) !== null, { error: message });
}

/** A zod field for an optional UUID: missing or empty is null, anything else but a UUID is the issue `message`. */
export function optionalUuidField(message: string) {
  return z
    .string({ error: message })
    .nullish()
    .refine((v) => !v || parseUuid(v) !== null, { error: message })
    .transform((v) => v || null);
}

/** A zod field for a numeric id sent as text or a number, parsed strictly by `parseNumericId`. */
export function numericIdField(message: string) {
  return z.union([z.string(), z.number()], { error: message }).transform((v, ctx) => {
    const id = parseNumericId(v);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });
}

/** A zod field for a required account id, parsed strictly by `parseAccountId`. */
export function accountIdField(message: string) {
  return z.string({ error: message }).refine((v) => parseAccountId(v) !== null, { error: message });
}

/** A zod field for an optional slug (producer, province): missing or empty is undefined, else strict. */
export function optionalSlugField(message: string) {
  return (
    z
      .string({ error: message })
      // nullish, not optional: Astro's form parsing gives null for a missing field behind a refine/transform.
      .nullish()
      .refine((v) => !v || parseSlug(v) !== null, { error: message })
      .transform((v) => v || undefined)
  );
}
