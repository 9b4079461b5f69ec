/**
 * Accounts on the server: better-auth (./auth.server.ts), sessions (./sessions.server.ts), the throttles,
 * password reset through the outbox, role assignment and the demo accounts, each in its own module as functions
 * of a context. This factory builds the context once and binds them; it takes its database and settings as
 * arguments, so tests build it against any database.
 */
import type { Database } from '~/lib/db/client';
import { THROTTLES, type ThrottleLimits } from './accounts';
import { createAuth, type AuthContext } from './auth.server';
import { seedDemoAccounts } from './demo-seed.server';
import { requestPasswordReset, resetPassword } from './password-reset.server';
import { assignRole, listUsers } from './roles.server';
import { signIn, signOut, signUp, userForRequest } from './sessions.server';
import { createThrottle } from './throttle.server';

export type { AuthFailure, AuthResult, CookieToSet, SignedInUser } from './auth.server';
export type { RoleAssignmentResult } from './roles.server';
export { CLIENT_ADDRESS_HEADER, type Throttle } from './throttle.server';

export interface AccountsOptions {
  db: Database;
  /** Signs session cookies and tokens; at least 32 characters. */
  secret: string;
  /** Public origin of the site, e.g. https://ocop.example. */
  baseURL: string;
  /** Production: Secure cookies; no printed messages. */
  production: boolean;
  /** Print outbox messages (reset links) to the console, for development. */
  printMessages?: boolean;
  /** Limits that differ from THROTTLES (tests use small ones). */
  throttleLimits?: Partial<ThrottleLimits>;
  /** Clock for the throttle windows; tests pass their own to step past a window. */
  now?: () => Date;
}

type Bound<F> = F extends (ctx: AuthContext, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Binds an account operation to the context. */
function bind<F extends (ctx: AuthContext, ...args: never[]) => unknown>(
  ctx: AuthContext,
  operation: F,
): Bound<F> {
  return ((...args: never[]) => operation(ctx, ...args)) as Bound<F>;
}

/** Builds the accounts service on a database. */
export function createAccounts(options: AccountsOptions) {
  const throttle = createThrottle({
    db: options.db,
    limits: { ...THROTTLES, ...options.throttleLimits },
    now: options.now ?? (() => new Date()),
  });
  const auth = createAuth({
    db: options.db,
    secret: options.secret,
    baseURL: options.baseURL,
    production: options.production,
    printMessages: options.printMessages ?? false,
    throttle,
  });
  const ctx: AuthContext = { db: options.db, auth };
  return {
    /** The better-auth instance, for its HTTP handler (/api/auth/*). */
    auth,
    /** The throttle counters, for limits outside accounts (order attempts in the checkout action). */
    throttle,
    signUp: bind(ctx, signUp),
    signIn: bind(ctx, signIn),
    signOut: bind(ctx, signOut),
    requestPasswordReset: bind(ctx, requestPasswordReset),
    resetPassword: bind(ctx, resetPassword),
    userForRequest: bind(ctx, userForRequest),
    listUsers: bind(ctx, listUsers),
    assignRole: bind(ctx, assignRole),
    seedDemoAccounts: bind(ctx, seedDemoAccounts),
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
