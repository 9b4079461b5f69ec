/**
 * Accounts on the server: better-auth (email + password, sessions in the database through its Drizzle adapter),
 * the sign-in throttle, password reset messages in the outbox, role assignment and the demo accounts.
 * A factory: it takes its database and settings as arguments, so tests build it against any database.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { and, asc, count, eq, gt, lt, or } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  accounts,
  outboxMessages,
  rateLimits,
  roleChanges,
  sessions,
  signInFailures,
  users,
  verifications,
} from '~/lib/db/schema';
import {
  accountThrottleKey,
  can,
  roleAssignmentProblems,
  SIGN_IN_THROTTLE,
  signInThrottled,
  type Actor,
  type CatalogueIndex,
  type PasswordReset,
  type PasswordResetRequest,
  type Role,
  type RoleAssignment,
  type SignInInput,
  type SignInThrottleRule,
  type SignUpInput,
} from './accounts';
import type { DemoAccount } from './demo-accounts';

/**
 * The client address as the site saw it (Astro's clientAddress). The site sets this header itself and drops any
 * value a client sends, so the per-address throttle cannot be dodged by forging X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ocop-client-address';

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
  throttle?: SignInThrottleRule;
  /** Clock for the throttle window; tests pass their own to step past the window. */
  now?: () => Date;
}

/** A cookie the caller must set on its response (name, value and attributes as better-auth chose them). */
export interface CookieToSet {
  name: string;
  value: string;
  options: {
    maxAge?: number | undefined;
    expires?: Date | undefined;
    path?: string | undefined;
    domain?: string | undefined;
    secure?: boolean | undefined;
    httpOnly?: boolean | undefined;
    sameSite?: 'strict' | 'lax' | 'none' | undefined;
  };
}

export type AuthFailure =
  'invalid-credentials' | 'throttled' | 'email-taken' | 'token-invalid' | 'weak-password';
export type AuthResult =
  { ok: true; cookies: CookieToSet[]; userId: string | null } | { ok: false; reason: AuthFailure };

/** A signed-in person with what the header and the account page show. */
export interface SignedInUser extends Actor {
  name: string;
  email: string;
}

export type Accounts = ReturnType<typeof createAccounts>;

/** Builds the accounts service on a database. */
export function createAccounts(options: AccountsOptions) {
  const { db } = options;
  const rule = options.throttle ?? SIGN_IN_THROTTLE;
  const now = options.now ?? (() => new Date());

  const auth = betterAuth({
    appName: 'OCOP Market',
    baseURL: options.baseURL,
    secret: options.secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
      transaction: true,
    }),
    user: {
      // Role and scope are set only by an admin (assignRole), never through sign-up or profile updates.
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'shopper' },
        producerId: { type: 'string', input: false, required: false },
        provinceId: { type: 'string', input: false, required: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url, token }) => {
        const link = resetLink(url, token);
        await queueMessage({
          kind: 'password-reset',
          recipient: user.email,
          subject: 'Đặt lại mật khẩu Chợ OCOP / Reset your OCOP Market password',
          body: [
            `Xin chào ${user.name},`,
            `Mở liên kết sau trong vòng 1 giờ để đặt mật khẩu mới: ${link}`,
            '',
            `Hello ${user.name},`,
            `Open this link within 1 hour to choose a new password: ${link}`,
            '',
            'Nếu bạn không yêu cầu, hãy bỏ qua thư này. / If you did not ask for this, ignore this message.',
          ].join('\n'),
        });
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      // Applies to the HTTP endpoints under /api/auth; stored in the database so it holds across instances.
      enabled: true,
      storage: 'database',
      // Sign-in has its own per-account and per-address throttle below, which also covers our form actions.
      customRules: { '/sign-in/email': false },
    },
    advanced: {
      cookiePrefix: 'ocop',
      useSecureCookies: options.production,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // Expected failures (wrong password, unknown email) are answers, not incidents worth a log line.
    logger: { level: 'error' },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
        const failures = await recentFailures(accountThrottleKey(email), clientAddress(ctx.headers));
        if (signInThrottled(failures, rule)) {
          throw new APIError('TOO_MANY_REQUESTS', {
            message: 'Too many sign-in attempts',
            code: 'SIGN_IN_THROTTLED',
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
        const returned = ctx.context.returned;
        if (isAPIError(returned) && returned.statusCode === 401) {
          await recordFailure(accountThrottleKey(email), clientAddress(ctx.headers));
        } else if (!isAPIError(returned)) {
          // A correct password clears that account's count; the address count stays (it may be spraying).
          await db.delete(signInFailures).where(eq(signInFailures.accountKey, accountThrottleKey(email)));
        }
      }),
    },
  });

  function clientAddress(headers: Headers | undefined): string {
    return headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
  }

  async function recentFailures(
    accountKey: string,
    address: string,
  ): Promise<{ account: number; address: number }> {
    const since = new Date(now().getTime() - rule.windowSeconds * 1000);
    const [byAccount] = await db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.accountKey, accountKey), gt(signInFailures.failedAt, since)));
    const [byAddress] = await db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.address, address), gt(signInFailures.failedAt, since)));
    return { account: byAccount?.n ?? 0, address: byAddress?.n ?? 0 };
  }

  async function recordFailure(accountKey: string, address: string): Promise<void> {
    const at = now();
    const expired = new Date(at.getTime() - rule.windowSeconds * 1000);
    await db.transaction(async (tx) => {
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

  async function queueMessage(message: {
    kind: string;
    recipient: string;
    subject: string;
    body: string;
  }): Promise<void> {
    await db.insert(outboxMessages).values(message);
    if (options.printMessages) {
      console.info(
        `\n[outbox] ${message.kind} to ${message.recipient}: ${message.subject}\n${message.body}\n`,
      );
    }
  }

  function requestHeaders(address: string, cookieHeader?: string | null): Headers {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: address });
    if (cookieHeader) headers.set('cookie', cookieHeader);
    return headers;
  }

  return {
    /** The better-auth instance, for its HTTP handler (/api/auth/*). */
    auth,

    /** Creates an account (role shopper) and signs it in. */
    async signUp(input: SignUpInput, address: string): Promise<AuthResult> {
      try {
        const { headers, response } = await auth.api.signUpEmail({
          body: { name: input.name, email: input.email, password: input.password },
          headers: requestHeaders(address),
          returnHeaders: true,
        });
        return { ok: true, cookies: cookiesFrom(headers), userId: response.user.id };
      } catch (error) {
        if (isAPIError(error)) {
          if (
            error.body?.code === 'USER_ALREADY_EXISTS' ||
            error.body?.code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'
          ) {
            return { ok: false, reason: 'email-taken' };
          }
          if (error.body?.code === 'PASSWORD_TOO_SHORT' || error.body?.code === 'PASSWORD_TOO_LONG') {
            return { ok: false, reason: 'weak-password' };
          }
        }
        throw error;
      }
    },

    /** Signs in; unknown email and wrong password give the same answer. */
    async signIn(input: SignInInput, address: string): Promise<AuthResult> {
      try {
        const { headers, response } = await auth.api.signInEmail({
          body: { email: input.email, password: input.password },
          headers: requestHeaders(address),
          returnHeaders: true,
        });
        return { ok: true, cookies: cookiesFrom(headers), userId: response.user.id };
      } catch (error) {
        if (isAPIError(error)) {
          if (error.statusCode === 429) return { ok: false, reason: 'throttled' };
          if (error.statusCode === 401 || error.statusCode === 403)
            return { ok: false, reason: 'invalid-credentials' };
        }
        throw error;
      }
    },

    /** Ends the session named by the request's cookie and returns the cookies that clear it. */
    async signOut(cookieHeader: string | null, address: string): Promise<CookieToSet[]> {
      if (!cookieHeader) return [];
      const { headers } = await auth.api.signOut({
        headers: requestHeaders(address, cookieHeader),
        returnHeaders: true,
      });
      return cookiesFrom(headers);
    },

    /**
     * Queues a reset link for the email if an account has it, and answers the same either way.
     * `resetPageUrl` is the absolute URL of the reset page in the visitor's language; the token is appended.
     */
    async requestPasswordReset(
      input: PasswordResetRequest,
      resetPageUrl: string,
      address: string,
    ): Promise<void> {
      await auth.api.requestPasswordReset({
        body: { email: input.email, redirectTo: resetPageUrl },
        headers: requestHeaders(address),
      });
    },

    /** Sets a new password with a one-time token; the token is used up and every session of the account ends. */
    async resetPassword(input: PasswordReset, address: string): Promise<AuthResult> {
      try {
        await auth.api.resetPassword({
          body: { token: input.token, newPassword: input.password },
          headers: requestHeaders(address),
        });
        return { ok: true, cookies: [], userId: null };
      } catch (error) {
        if (isAPIError(error) && error.statusCode === 400) {
          const code = error.body?.code;
          if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG')
            return { ok: false, reason: 'weak-password' };
          return { ok: false, reason: 'token-invalid' };
        }
        throw error;
      }
    },

    /** The signed-in user for a request's cookies, read from the database every time (roles can change). */
    async userForRequest(requestHeaders: Headers): Promise<SignedInUser | null> {
      const cookie = requestHeaders.get('cookie');
      if (!cookie) return null;
      const result = await auth.api.getSession({ headers: new Headers({ cookie }) });
      if (!result) return null;
      const [row] = await db.select().from(users).where(eq(users.id, result.user.id));
      return row ? toSignedInUser(row) : null;
    },

    /** Every account, for the admin page (admins only). */
    async listUsers(actor: Actor | null): Promise<SignedInUser[] | 'forbidden'> {
      if (!can(actor, 'admin.console', null)) return 'forbidden';
      const rows = await db.select().from(users).orderBy(asc(users.email));
      return rows.map(toSignedInUser);
    },

    /**
     * Gives a user a role with its scope (producer link or promoter province) and records who did it.
     * Checked on the server: only admins, never on themselves, only with ids that exist in the catalogue.
     */
    async assignRole(
      actor: Actor | null,
      assignment: RoleAssignment,
      catalogue: CatalogueIndex,
    ): Promise<
      | { ok: true }
      | { ok: false; reason: 'forbidden' | 'not-found' }
      | { ok: false; reason: 'invalid'; fields: Partial<Record<'producerId' | 'provinceId', string>> }
    > {
      if (!actor || !can(actor, 'user.setRole', { userId: assignment.userId }))
        return { ok: false, reason: 'forbidden' };
      const fields = roleAssignmentProblems(assignment, catalogue);
      if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(users)
          .set({
            role: assignment.role,
            producerId: assignment.producerId,
            provinceId: assignment.provinceId,
          })
          .where(eq(users.id, assignment.userId))
          .returning({ id: users.id });
        if (updated.length === 0) return { ok: false as const, reason: 'not-found' as const };
        await tx.insert(roleChanges).values({
          userId: assignment.userId,
          role: assignment.role,
          producerId: assignment.producerId,
          provinceId: assignment.provinceId,
          changedBy: actor.id,
        });
        return { ok: true as const };
      });
    },

    /** Creates the demo accounts that do not exist yet, with their roles. Idempotent. */
    async seedDemoAccounts(demo: readonly DemoAccount[]): Promise<string[]> {
      const created: string[] = [];
      for (const account of demo) {
        const [existing] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, account.email));
        if (existing) continue;
        let userId: string;
        try {
          const result = await auth.api.signUpEmail({
            body: { name: account.name, email: account.email, password: account.password },
          });
          userId = result.user.id;
        } catch (error) {
          // Another server process seeded it first.
          if (isAPIError(error) && error.body?.code?.startsWith('USER_ALREADY_EXISTS')) continue;
          throw error;
        }
        await db
          .update(users)
          .set({
            role: account.role,
            producerId: account.producerId,
            provinceId: account.provinceId,
            emailVerified: true,
          })
          .where(eq(users.id, userId));
        created.push(account.email);
      }
      return created;
    },
  };
}

function toSignedInUser(row: typeof users.$inferSelect): SignedInUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    producerId: row.producerId,
    provinceId: row.provinceId,
  };
}

/** The Set-Cookie headers of a better-auth response, as cookies to set through the framework. */
function cookiesFrom(headers: Headers): CookieToSet[] {
  const cookies: CookieToSet[] = [];
  for (const line of headers.getSetCookie()) {
    for (const [name, attributes] of parseSetCookieHeader(line)) {
      cookies.push({ name, value: attributes.value, options: toCookieOptions(attributes) });
    }
  }
  return cookies;
}

/** The link in a reset message: the site's own reset page (better-auth's callbackURL) with the token. */
function resetLink(betterAuthUrl: string, token: string): string {
  const callback = new URL(betterAuthUrl).searchParams.get('callbackURL');
  if (!callback) return betterAuthUrl;
  const page = new URL(callback);
  page.searchParams.set('token', token);
  return page.href;
}
