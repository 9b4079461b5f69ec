/**
 * The throttles in the database: one counter row per throttle and key, counted up by a single atomic upsert
 * (`INSERT ... ON CONFLICT DO UPDATE ... RETURNING`), so a burst of parallel attempts is counted one by one and
 * exactly the limit gets through. The rule (limits, windows, the verdict) is in ./accounts.ts. Used for sign-in
 * failures and reset requests (better-auth hooks below) and for order attempts (the checkout action).
 */
import { createAuthMiddleware, APIError, isAPIError } from 'better-auth/api';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { throttleCounters } from '~/lib/db/schema';
import {
  accountThrottleKey,
  combinedVerdict,
  throttleVerdict,
  throttleWindowCutoff,
  type ThrottleLimits,
  type ThrottleName,
  type ThrottleVerdict,
} from './accounts';

/**
 * The client address as the site saw it (Astro's clientAddress). The site sets this header itself and drops any
 * value a client sends, so the per-address throttle cannot be dodged by forging X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ocop-client-address';

/** What the throttles need: the database, the limits and a clock (tests step past a window with their own). */
export interface ThrottleStore {
  db: Database;
  limits: ThrottleLimits;
  now: () => Date;
}

/** The error a throttled better-auth call answers with; `retryAfter` is in its body and its Retry-After header. */
export const THROTTLED_CODE = 'THROTTLED';

const SIGN_IN_PATH = '/sign-in/email';
const RESET_REQUEST_PATH = '/request-password-reset';
/** Counters whose window closed this long ago are deleted (longer than any window). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface Throttle {
  /** Counts one attempt under `key` and says whether it may go ahead. */
  hit(name: ThrottleName, key: string): Promise<ThrottleVerdict>;
  /** Gives one counted attempt back (a sign-in that turned out right is not a failure). */
  refund(name: ThrottleName, key: string): Promise<void>;
  /** Forgets the key's attempts. */
  clear(name: ThrottleName, key: string): Promise<void>;
}

/** The throttle counters on a database. */
export function createThrottle(store: ThrottleStore): Throttle {
  const { db } = store;
  const c = throttleCounters;
  return {
    async hit(name, key) {
      const at = store.now();
      const rule = store.limits[name];
      const cutoff = throttleWindowCutoff(rule, at).toISOString();
      // One statement: a new key or a closed window starts at 1 from now, an open window counts up. PostgreSQL
      // locks the row for the update, so parallel attempts each see their own count.
      const open = sql`${c.windowStart} > ${cutoff}::timestamptz`;
      const [row] = await db
        .insert(c)
        .values({ name, key, count: 1, windowStart: at })
        .onConflictDoUpdate({
          target: [c.name, c.key],
          set: {
            count: sql`case when ${open} then ${c.count} + 1 else 1 end`,
            windowStart: sql`case when ${open} then ${c.windowStart} else excluded.window_start end`,
          },
        })
        .returning({ count: c.count, windowStart: c.windowStart });
      if (!row) throw new Error('throttle counter upsert returned no row');
      if (row.count === 1) await prune(db, at);
      return throttleVerdict(row, rule, at);
    },
    async refund(name, key) {
      await db
        .update(c)
        .set({ count: sql`greatest(${c.count} - 1, 0)` })
        .where(and(eq(c.name, name), eq(c.key, key)));
    },
    async clear(name, key) {
      await db.delete(c).where(and(eq(c.name, name), eq(c.key, key)));
    },
  };
}

/** Deletes counters long past their window, when a new window opens (keeps the table to the active keys). */
async function prune(db: Database, at: Date): Promise<void> {
  await db
    .delete(throttleCounters)
    .where(lt(throttleCounters.windowStart, new Date(at.getTime() - PRUNE_AFTER_MS)));
}

/** A 429 for better-auth's callers: the seconds to wait in the body and in a Retry-After header. */
function throttledError(retryAfter: number): APIError {
  return new APIError(
    'TOO_MANY_REQUESTS',
    { message: 'Too many attempts', code: THROTTLED_CODE, retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/** The seconds to wait from an error thrown by a throttled better-auth call, or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!isAPIError(error) || error.statusCode !== 429) return null;
  const body: unknown = error.body;
  const seconds =
    body && typeof body === 'object' && 'retryAfter' in body ? Number(body.retryAfter) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 1;
}

function addressOf(headers: Headers | undefined): string {
  return headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
}

function emailOf(body: unknown): string {
  const email = body && typeof body === 'object' && 'email' in body ? body.email : '';
  return accountThrottleKey(typeof email === 'string' ? email : '');
}

/**
 * better-auth hooks (they cover the site's forms and /api/auth alike). Sign-in: the attempt is counted as a
 * failure before the password is checked, so parallel guesses cannot all pass a count taken before any failed;
 * a right password then clears the account's count and gives the address its attempt back. Reset requests: every
 * request counts, per email and per address.
 */
export function throttleHooks(throttle: Throttle) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      const address = addressOf(ctx.headers);
      let verdict: ThrottleVerdict;
      if (ctx.path === SIGN_IN_PATH)
        verdict = combinedVerdict([
          await throttle.hit('signInAccount', emailOf(ctx.body)),
          await throttle.hit('signInAddress', address),
        ]);
      else if (ctx.path === RESET_REQUEST_PATH)
        verdict = combinedVerdict([
          await throttle.hit('resetEmail', emailOf(ctx.body)),
          await throttle.hit('resetAddress', address),
        ]);
      else return;
      if (!verdict.allowed) throw throttledError(verdict.retryAfter);
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH || isAPIError(ctx.context.returned)) return;
      await throttle.clear('signInAccount', emailOf(ctx.body));
      await throttle.refund('signInAddress', addressOf(ctx.headers));
    }),
  };
}
