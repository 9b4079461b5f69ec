/**
 * Turns an action result into what an account form page shows: one translated error per field, one for the form,
 * the alert above it and what the visitor typed. Works on the serialisable result shape, so it needs nothing from
 * astro:actions.
 */
import type { Locale, Translator } from '~/lib/i18n';
import { retryAfterFor } from '~/lib/boundary/retry-after';
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, retryWait } from './accounts';
import { useAccountsTranslations, type AccountsMessageKey } from './messages';

/** The serialisable shape of an action result that form pages read. */
export interface ResultLike {
  error?: { type?: string; message: string; fields?: Record<string, string[] | undefined> } | undefined;
}

export interface FormFeedback {
  /** field name → translated message */
  fields: Record<string, string>;
  /** A problem with the submission as a whole (wrong password, throttled, expired token). */
  form: string | null;
}

/** The message over a form: it went through, or what to fix. */
export type FormAlert = { kind: 'error' | 'success'; text: string } | null;

type AccountsTranslator = Translator<AccountsMessageKey>;

/** The limits accounts messages name, from the rules in ./accounts.ts. */
export const RULE_VALUES = { passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX, nameMax: NAME_MAX };

/** How long to wait, in words ("42 seconds", "3 minutes"); null when the wait is not known. */
export function waitText(t: AccountsTranslator, seconds: number | null): string {
  if (seconds === null) return t('wait.soon');
  const { unit, n } = retryWait(seconds);
  return t(unit === 'seconds' ? 'wait.seconds' : 'wait.minutes', { n });
}

/**
 * The text of an error code from a schema or an action; an unknown code gets a generic message. `retryAfter` is
 * the wait a throttled request was given, in seconds.
 */
export function errorText(
  t: AccountsTranslator,
  code: string | undefined,
  retryAfter: number | null = null,
): string {
  const key = `error.${code}`;
  return t.has(key) ? t(key, { ...RULE_VALUES, wait: waitText(t, retryAfter) }) : t('error.somethingWrong');
}

/**
 * Field and form messages for the last submission (empty when there was none or it succeeded). The errors of
 * `hiddenFields` (a reset token) have no field to show under, so they become the form's problem.
 */
export function formFeedback(
  result: ResultLike | undefined,
  locale: Locale,
  hiddenFields: readonly string[] = [],
  retryAfter: number | null = null,
): FormFeedback {
  const t = useAccountsTranslations(locale);
  const error = result?.error;
  if (!error) return { fields: {}, form: null };
  if (error.type !== 'AstroActionInputError' || !error.fields)
    return { fields: {}, form: errorText(t, error.message, retryAfter) };
  const fields: Record<string, string> = {};
  let form: string | null = null;
  for (const [name, messages] of Object.entries(error.fields)) {
    if (!messages?.[0]) continue;
    if (hiddenFields.includes(name)) form ??= errorText(t, messages[0]);
    else fields[name] = errorText(t, messages[0]);
  }
  return { fields, form };
}

/** The alert over a form: `success` when it went through, else the form's problem, else "fix the marked fields". */
export function formAlert(
  feedback: FormFeedback,
  t: AccountsTranslator,
  success: string | null = null,
): FormAlert {
  if (success) return { kind: 'success', text: success };
  if (feedback.form) return { kind: 'error', text: feedback.form };
  if (Object.keys(feedback.fields).length > 0) return { kind: 'error', text: t('formProblems') };
  return null;
}

/** What an account form page shows after a submission. */
export interface FormState {
  t: AccountsTranslator;
  feedback: FormFeedback;
  alert: FormAlert;
  /** Whether the last submission went through. */
  succeeded: boolean;
  /** What was typed in a field when the form came back with an error (never kept after success). */
  typed: (name: string) => string | undefined;
}

export interface FormStateOptions {
  /** The text to show when the submission went through. */
  successKey?: AccountsMessageKey;
  /** Fields with no control to show an error under (a reset token). */
  hiddenFields?: readonly string[];
}

/**
 * The state of an account form page from its action result: messages, the alert (with the `successKey` text when
 * the submission went through) and the typed values, read again from the posted form.
 */
export async function formState(
  request: Request,
  result: ResultLike | undefined,
  locale: Locale,
  options: FormStateOptions = {},
): Promise<FormState> {
  const t = useAccountsTranslations(locale);
  // A throttled submission's wait, noted by its action for this request (src/lib/boundary/retry-after.ts).
  const feedback = formFeedback(result, locale, options.hiddenFields, retryAfterFor(request));
  const succeeded = Boolean(result && !result.error);
  const submitted = result?.error
    ? await request
        .clone()
        .formData()
        .catch(() => null)
    : null;
  const success = succeeded && options.successKey ? t(options.successKey) : null;
  return {
    t,
    feedback,
    alert: formAlert(feedback, t, success),
    succeeded,
    typed: (name) => {
      const value = submitted?.get(name);
      return typeof value === 'string' ? value : undefined;
    },
  };
}
