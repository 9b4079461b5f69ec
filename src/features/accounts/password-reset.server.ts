/** Password reset: a one-time link by mail (same answer whether or not the email has an account), then the new password. */
import { isAPIError } from 'better-auth/api';
import type { PasswordReset, PasswordResetRequest } from './accounts';
import { requestHeaders, type AuthContext, type AuthResult } from './auth.server';
import { retryAfterOf } from './throttle.server';

/**
 * Queues a reset link for the email if an account has it, and answers the same either way, unless the email or
 * the address has asked too often (then: wait `retryAfter` seconds; every email is throttled alike, so this says
 * nothing about whether an account has it).
 * `resetPageUrl` is the absolute URL of the reset page in the visitor's language; the token is appended.
 */
export async function requestPasswordReset(
  ctx: AuthContext,
  input: PasswordResetRequest,
  resetPageUrl: string,
  address: string,
): Promise<{ ok: true } | { ok: false; reason: 'throttled'; retryAfter: number }> {
  try {
    await ctx.auth.api.requestPasswordReset({
      body: { email: input.email, redirectTo: resetPageUrl },
      headers: requestHeaders(address),
    });
    return { ok: true };
  } catch (error) {
    const retryAfter = retryAfterOf(error);
    if (retryAfter === null) throw error;
    return { ok: false, reason: 'throttled', retryAfter };
  }
}

/** Sets a new password with a one-time token; the token is used up and every session of the account ends. */
export async function resetPassword(
  ctx: AuthContext,
  input: PasswordReset,
  address: string,
): Promise<AuthResult> {
  try {
    await ctx.auth.api.resetPassword({
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
}
