/**
 * Turns an action result into what a form page shows: one translated error per field, or one for the form.
 * Works on the serialisable result shape, so it needs nothing from astro:actions.
 */
import type { Locale } from '~/lib/i18n';
import { errorText } from './messages';

interface ResultLike {
  error?: { type?: string; message: string; fields?: Record<string, string[] | undefined> } | undefined;
}

export interface FormFeedback {
  /** field name → translated message */
  fields: Record<string, string>;
  /** A problem with the submission as a whole (wrong password, throttled, expired token). */
  form: string | null;
}

/** Field and form messages for the last submission (empty when there was none or it succeeded). */
export function formFeedback(result: ResultLike | undefined, locale: Locale): FormFeedback {
  const error = result?.error;
  if (!error) return { fields: {}, form: null };
  if (error.type === 'AstroActionInputError' && error.fields) {
    const fields: Record<string, string> = {};
    for (const [name, messages] of Object.entries(error.fields)) {
      if (messages?.[0]) fields[name] = errorText(locale, messages[0]);
    }
    return { fields, form: null };
  }
  return { fields: {}, form: errorText(locale, error.message) };
}
