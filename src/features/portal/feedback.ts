/**
 * What a portal page says after a form came back: the field errors under their fields and one alert at the top, in
 * the visitor's language. Field messages arrive already worded (listing problems) or as keys of ./messages.ts
 * (ids, versions, refusals); both end up as text here. After a success the page redirects with `?done=`, read by
 * `doneAlert`. Pure.
 */
import type { Translator } from '~/lib/i18n';
import type { PortalMessageKey } from './messages.ts';
import { LISTING_STATES, stateKey, type ListingState } from './moderation.ts';

export type Alert = { kind: 'error' | 'success'; text: string } | null;

interface ResultLike {
  error?: { type?: string; message?: string; fields?: Record<string, string[] | undefined> } | undefined;
}

export interface Feedback {
  fields: Record<string, string>;
  alert: Alert;
}

const text = (t: Translator<PortalMessageKey>, message: string | undefined): string =>
  message && t.has(message) ? t(message, { maximum: 1000 }) : (message ?? t('form.unknown'));

/** The field errors and the alert of a refused form (none when it went through or was not posted). */
export function feedbackOf(result: ResultLike | undefined, t: Translator<PortalMessageKey>): Feedback {
  const error = result?.error;
  if (!error) return { fields: {}, alert: null };
  if (error.type === 'AstroActionInputError' && error.fields) {
    const fields: Record<string, string> = {};
    for (const [name, messages] of Object.entries(error.fields))
      if (messages?.[0]) fields[name] = text(t, messages[0]);
    // A problem of the listing as a whole, or of a field this form does not show, is the alert itself.
    const whole = fields['listing'];
    return { fields, alert: { kind: 'error', text: whole ?? t('form.invalid') } };
  }
  return { fields: {}, alert: { kind: 'error', text: text(t, error.message) } };
}

export type Done = 'saved' | 'moved' | 'priceStock';

/** The alert after a redirect that says what went through (`?done=saved`, `?done=moved&state=pending`). */
export function doneAlert(search: URLSearchParams, t: Translator<PortalMessageKey>): Alert {
  const done = search.get('done');
  if (done === 'saved') return { kind: 'success', text: t('done.saved') };
  if (done === 'priceStock') return { kind: 'success', text: t('done.priceStock') };
  const state = search.get('state');
  if (done === 'moved' && (LISTING_STATES as readonly string[]).includes(state ?? ''))
    return { kind: 'success', text: t('done.moved', { state: t(stateKey(state as ListingState)) }) };
  return null;
}

/** Numbers a photo refusal may carry in the editor's query after an upload. */
const PHOTO_VALUES = ['maxMb', 'megapixels', 'maxMegapixels', 'width', 'height', 'min', 'maxAspect', 'max'];

/** The alert after a photo upload came back to the editor (`?photo=<id>` or `?photoProblem=<key>&width=…`). */
export function photoAlert(search: URLSearchParams, t: Translator<PortalMessageKey>): Alert {
  const problem = search.get('photoProblem');
  if (problem && t.has(problem)) {
    const values: Record<string, number> = {};
    for (const name of PHOTO_VALUES) {
      const value = Number(search.get(name));
      if (search.has(name) && Number.isFinite(value)) values[name] = value;
    }
    return { kind: 'error', text: t(problem, values) };
  }
  if (problem) return { kind: 'error', text: t('photo.damaged') };
  return search.has('photo') ? { kind: 'success', text: t('label.photoAdded') } : null;
}
