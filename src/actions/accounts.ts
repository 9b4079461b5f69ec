/**
 * Account actions, used as HTML form actions (they work without JavaScript). Thin: the input schema comes from
 * the accounts feature, the work from its service, failures become typed ActionErrors whose message is an error
 * code (shown as `error.<code>` of src/features/accounts/messages.ts).
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { localeFromPath, localizedPath, type Locale } from '~/lib/i18n';
import {
  passwordResetRequestSchema,
  passwordResetSchema,
  roleAssignmentProblems,
  roleAssignmentSchema,
  signInSchema,
  signUpSchema,
} from '~/features/accounts/accounts';
import type { AuthFailure, CookieToSet } from '~/features/accounts/accounts.server';
import { noteRetryAfter } from '~/lib/boundary/retry-after';
import { catalogueIndex, getAccounts } from '~/services.server';

export const accounts = {
  signUp: defineAction({
    accept: 'form',
    input: signUpSchema,
    handler: async (input, context) => {
      const result = await (await getAccounts()).signUp(input, addressOf(context));
      if (!result.ok) throw failure(result.reason);
      setCookies(context, result.cookies);
      return { next: input.next ?? null };
    },
  }),

  signIn: defineAction({
    accept: 'form',
    input: signInSchema,
    handler: async (input, context) => {
      const result = await (await getAccounts()).signIn(input, addressOf(context));
      if (!result.ok)
        throw failure(result.reason, context, 'retryAfter' in result ? result.retryAfter : null);
      setCookies(context, result.cookies);
      return { next: input.next ?? null };
    },
  }),

  signOut: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const cookies = await (
        await getAccounts()
      ).signOut(context.request.headers.get('cookie'), addressOf(context));
      setCookies(context, cookies);
      return { signedOut: true };
    },
  }),

  requestPasswordReset: defineAction({
    accept: 'form',
    input: passwordResetRequestSchema,
    handler: async (input, context) => {
      const resetPage = new URL(localizedPath('/reset-password', localeOf(context)), context.url.origin).href;
      const result = await (await getAccounts()).requestPasswordReset(input, resetPage, addressOf(context));
      if (!result.ok) throw failure('resetThrottled', context, result.retryAfter);
      // The same answer whether or not an account has this email.
      return { sent: true };
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: passwordResetSchema,
    handler: async (input, context) => {
      const result = await (await getAccounts()).resetPassword(input, addressOf(context));
      if (!result.ok) throw failure(result.reason);
      return { reset: true };
    },
  }),

  assignRole: defineAction({
    accept: 'form',
    // Catalogue ids are checked here too, so an unknown producer or province is a field error (400).
    input: roleAssignmentSchema.superRefine(async (assignment, ctx) => {
      const problems = roleAssignmentProblems(assignment, await catalogueIndex());
      for (const [field, message] of Object.entries(problems))
        ctx.addIssue({ code: 'custom', path: [field], message });
    }),
    handler: async (input, context) => {
      const actor = context.locals.user;
      if (!actor) throw new ActionError({ code: 'UNAUTHORIZED', message: 'signedOut' });
      const result = await (await getAccounts()).assignRole(actor, input, await catalogueIndex());
      if (result.ok) return { userId: input.userId, role: input.role };
      if (result.reason === 'forbidden') throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      if (result.reason === 'not-found')
        throw new ActionError({ code: 'NOT_FOUND', message: 'userNotFound' });
      // The input schema already checked the catalogue; this covers a catalogue that changed in between.
      const fieldProblem = 'fields' in result ? Object.values(result.fields)[0] : undefined;
      throw new ActionError({ code: 'BAD_REQUEST', message: fieldProblem ?? 'idUnknown' });
    },
  }),
};

// Wiring helpers.

const failureCodes: Record<AuthFailure | 'resetThrottled', { code: ActionError['code']; message: string }> = {
  'invalid-credentials': { code: 'UNAUTHORIZED', message: 'invalidCredentials' },
  throttled: { code: 'TOO_MANY_REQUESTS', message: 'throttled' },
  resetThrottled: { code: 'TOO_MANY_REQUESTS', message: 'resetThrottled' },
  'email-taken': { code: 'CONFLICT', message: 'emailTaken' },
  'token-invalid': { code: 'BAD_REQUEST', message: 'tokenInvalid' },
  'weak-password': { code: 'BAD_REQUEST', message: 'passwordTooShort' },
};

/**
 * The ActionError for a failure. A throttled one also notes its wait for the request, so the answer is a 429 with
 * Retry-After (src/middleware.ts) and the form says when to try again.
 */
function failure(
  reason: keyof typeof failureCodes,
  context?: ActionAPIContext,
  retryAfter: number | null = null,
): ActionError {
  if (context && retryAfter !== null) noteRetryAfter(context.request, retryAfter);
  return new ActionError(failureCodes[reason]);
}

/** The address the server saw the request come from (Astro's clientAddress), for the per-address throttles. */
export function addressOf(context: ActionAPIContext): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

function localeOf(context: ActionAPIContext): Locale {
  return localeFromPath(context.url.pathname);
}

/** Applies better-auth's cookies exactly as it chose them (values are already encoded, so no re-encoding). */
function setCookies(context: ActionAPIContext, cookies: CookieToSet[]): void {
  for (const cookie of cookies) {
    context.cookies.set(cookie.name, cookie.value, {
      ...definedOnly(cookie.options),
      encode: (value) => value,
    });
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
