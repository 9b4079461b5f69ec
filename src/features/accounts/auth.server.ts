/**
 * better-auth configured for the site: email + password, sessions in the database through its Drizzle adapter,
 * rate limits stored in the database, the sign-in and reset-request throttle hooks and reset messages through the outbox. Also the
 * small helpers every account operation shares (request headers, cookies, the signed-in user's shape).
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import type { Database } from '~/lib/db/client';
import { accounts, rateLimits, sessions, users, verifications } from '~/lib/db/schema';
import { PASSWORD_MAX, PASSWORD_MIN, type Actor, type Role } from './accounts';
import { sendResetMessage, type Outbox } from './reset-message.server';
import { CLIENT_ADDRESS_HEADER, throttleHooks, type Throttle } from './throttle.server';

/** What better-auth is built from. */
export interface AuthSettings extends Outbox {
  /** The sign-in and reset-request throttles (./throttle.server.ts). */
  throttle: Throttle;
  /** Signs session cookies and tokens; at least 32 characters. */
  secret: string;
  /** Public origin of the site, e.g. https://ocop.example. */
  baseURL: string;
  /** Production: Secure cookies. */
  production: boolean;
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
  | { ok: true; cookies: CookieToSet[]; userId: string | null }
  | { ok: false; reason: Exclude<AuthFailure, 'throttled'> }
  /** Too many attempts: try again in `retryAfter` seconds. */
  | { ok: false; reason: 'throttled'; retryAfter: number };

/** A signed-in person with what the header and the account page show. */
export interface SignedInUser extends Actor {
  name: string;
  email: string;
}

/** How long a reset link works and how long a session lasts, in seconds. */
const RESET_LINK_SECONDS = 60 * 60;
const SESSION_SECONDS = 60 * 60 * 24 * 7;

function databaseOptions(db: Database) {
  return drizzleAdapter(db, {
    provider: 'pg',
    schema: {
      user: users,
      session: sessions,
      account: accounts,
      verification: verifications,
      rateLimit: rateLimits,
    },
    transaction: true,
  });
}

/** Builds better-auth on the database with the site's settings. */
export function createAuth(settings: AuthSettings) {
  return betterAuth({
    appName: 'OCOP Market',
    baseURL: settings.baseURL,
    secret: settings.secret,
    database: databaseOptions(settings.db),
    user: {
      // Role and scope are set only by an admin (assignRole), never through sign-up or profile updates.
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'shopper' },
        producerId: { type: 'string', input: false, required: false },
        provinceId: { type: 'string', input: false, required: false },
        /** The language of the messages the account gets (set at sign-up, never through better-auth's API). */
        locale: { type: 'string', input: false, required: false, defaultValue: 'vi' },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      sendResetPassword: (reset) => sendResetMessage(settings, reset),
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 * 24 },
    rateLimit: {
      // Applies to the HTTP endpoints under /api/auth; stored in the database so it holds across instances.
      enabled: true,
      storage: 'database',
      // Sign-in has its own per-account and per-address throttle, which also covers our form actions.
      customRules: { '/sign-in/email': false },
    },
    advanced: {
      cookiePrefix: 'ocop',
      useSecureCookies: settings.production,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // Expected failures (wrong password, unknown email) are answers, not incidents worth a log line.
    logger: { level: 'error' },
    hooks: throttleHooks(settings.throttle),
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** What the account operations work with: the database and better-auth on it. */
export interface AuthContext {
  db: Database;
  auth: Auth;
}

/** Headers for a call into better-auth on behalf of a client at `address` (with its cookie, if any). */
export function requestHeaders(address: string, cookieHeader?: string | null): Headers {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: address });
  if (cookieHeader) headers.set('cookie', cookieHeader);
  return headers;
}

/** The Set-Cookie headers of a better-auth response, as cookies to set through the framework. */
export function cookiesFrom(headers: Headers): CookieToSet[] {
  const cookies: CookieToSet[] = [];
  for (const line of headers.getSetCookie()) {
    for (const [name, attributes] of parseSetCookieHeader(line)) {
      cookies.push({ name, value: attributes.value, options: toCookieOptions(attributes) });
    }
  }
  return cookies;
}

/** A user row as the rest of the site sees it. */
export function toSignedInUser(row: typeof users.$inferSelect): SignedInUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    producerId: row.producerId,
    provinceId: row.provinceId,
  };
}
