/**
 * The sign-in throttle in the database: failures counted per submitted email and per client address over a
 * sliding window (the rule is `signInThrottled` in ./accounts.ts), checked before and recorded after each sign-in.
 */
import { createAuthMiddleware, APIError, isAPIError } from 'better-auth/api';
import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { signInFailures } from '~/lib/db/schema';
import { accountThrottleKey, signInThrottled, type SignInThrottleRule } from './accounts';

/**
 * The client address as the site saw it (Astro's clientAddress). The site sets this header itself and drops any
 * value a client sends, so the per-address throttle cannot be dodged by forging X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ocop-client-address';

/** What the throttle needs: the database, the rule and a clock (tests step past the window with their own). */
export interface ThrottleStore {
  db: Database;
  rule: SignInThrottleRule;
  now: () => Date;
}

const SIGN_IN_PATH = '/sign-in/email';

function clientAddress(headers: Headers | undefined): string {
  return headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
}

function windowStart(store: ThrottleStore, at: Date = store.now()): Date {
  return new Date(at.getTime() - store.rule.windowSeconds * 1000);
}

/** Failures within the window for an account key and for an address. */
export async function recentFailures(
  store: ThrottleStore,
  accountKey: string,
  address: string,
): Promise<{ account: number; address: number }> {
  const since = windowStart(store);
  const [byAccount] = await store.db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.accountKey, accountKey), gt(signInFailures.failedAt, since)));
  const [byAddress] = await store.db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, address), gt(signInFailures.failedAt, since)));
  return { account: byAccount?.n ?? 0, address: byAddress?.n ?? 0 };
}

/** Counts one failure, pruning the rows of this account and address that the window has left behind. */
export async function recordFailure(
  store: ThrottleStore,
  accountKey: string,
  address: string,
): Promise<void> {
  const at = store.now();
  const expired = windowStart(store, at);
  await store.db.transaction(async (tx) => {
    // Rows older than the window never count again; pruning them here keeps the table small.
    await tx
      .delete(signInFailures)
      .where(
        and(
          or(eq(signInFailures.accountKey, accountKey), eq(signInFailures.address, address)),
          lt(signInFailures.failedAt, expired),
        ),
      );
    await tx.insert(signInFailures).values({ accountKey, address, failedAt: at });
  });
}

/** better-auth hooks around email sign-in: refuse when throttled, then count the failure or clear the account. */
export function throttleHooks(store: ThrottleStore) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
      const failures = await recentFailures(store, accountThrottleKey(email), clientAddress(ctx.headers));
      if (signInThrottled(failures, store.rule)) {
        throw new APIError('TOO_MANY_REQUESTS', {
          message: 'Too many sign-in attempts',
          code: 'SIGN_IN_THROTTLED',
        });
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
      const returned = ctx.context.returned;
      if (isAPIError(returned) && returned.statusCode === 401) {
        await recordFailure(store, accountThrottleKey(email), clientAddress(ctx.headers));
      } else if (!isAPIError(returned)) {
        // A correct password clears that account's count; the address count stays (it may be spraying).
        await store.db.delete(signInFailures).where(eq(signInFailures.accountKey, accountThrottleKey(email)));
      }
    }),
  };
}
