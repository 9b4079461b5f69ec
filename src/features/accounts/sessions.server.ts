/** Signing up, in and out, and the signed-in user of a request. */
import { isAPIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { users } from '~/lib/db/schema';
import type { SignInInput, SignUpInput } from './accounts';
import {
  cookiesFrom,
  requestHeaders,
  toSignedInUser,
  type AuthContext,
  type AuthResult,
  type CookieToSet,
  type SignedInUser,
} from './auth.server';
import { retryAfterOf } from './throttle.server';

const EMAIL_TAKEN = ['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'];
const WEAK_PASSWORD = ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'];

/** Creates an account (role shopper) and signs it in. */
export async function signUp(ctx: AuthContext, input: SignUpInput, address: string): Promise<AuthResult> {
  try {
    const { headers, response } = await ctx.auth.api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: requestHeaders(address),
      returnHeaders: true,
    });
    // The language of the page it signed up on is the language of the messages it will get.
    if (input.locale && input.locale !== 'vi')
      await ctx.db.update(users).set({ locale: input.locale }).where(eq(users.id, response.user.id));
    return { ok: true, cookies: cookiesFrom(headers), userId: response.user.id };
  } catch (error) {
    const code = isAPIError(error) ? error.body?.code : undefined;
    if (code && EMAIL_TAKEN.includes(code)) return { ok: false, reason: 'email-taken' };
    if (code && WEAK_PASSWORD.includes(code)) return { ok: false, reason: 'weak-password' };
    throw error;
  }
}

/** Signs in; unknown email and wrong password give the same answer. */
export async function signIn(ctx: AuthContext, input: SignInInput, address: string): Promise<AuthResult> {
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: requestHeaders(address),
      returnHeaders: true,
    });
    return { ok: true, cookies: cookiesFrom(headers), userId: response.user.id };
  } catch (error) {
    if (isAPIError(error)) {
      const retryAfter = retryAfterOf(error);
      if (retryAfter !== null) return { ok: false, reason: 'throttled', retryAfter };
      if (error.statusCode === 401 || error.statusCode === 403)
        return { ok: false, reason: 'invalid-credentials' };
    }
    throw error;
  }
}

/** Ends the session named by the request's cookie and returns the cookies that clear it. */
export async function signOut(
  ctx: AuthContext,
  cookieHeader: string | null,
  address: string,
): Promise<CookieToSet[]> {
  if (!cookieHeader) return [];
  const { headers } = await ctx.auth.api.signOut({
    headers: requestHeaders(address, cookieHeader),
    returnHeaders: true,
  });
  return cookiesFrom(headers);
}

/** The signed-in user for a request's cookies, read from the database every time (roles can change). */
export async function userForRequest(ctx: AuthContext, headers: Headers): Promise<SignedInUser | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  const result = await ctx.auth.api.getSession({ headers: new Headers({ cookie }) });
  if (!result) return null;
  const [row] = await ctx.db.select().from(users).where(eq(users.id, result.user.id));
  return row ? toSignedInUser(row) : null;
}
