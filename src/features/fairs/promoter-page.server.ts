/**
 * The preamble every promoter page shares: the locale from the `[...lang]` param (404 when unknown), the fair or
 * programme of the URL (404 when missing), the permission of the signed-in account through `denial`, and the
 * guard (sign-in redirect, or 403 with the page showing AccessDenied). Also the two things their forms share:
 * the submission shown again after a refusal, and the alert after a save.
 */
import type { AstroGlobal } from 'astro';
import { denial, type Action, type Actor, type Denial, type InProvince } from '~/features/accounts/accounts';
import { guardPage } from '~/features/accounts/guard.server';
import { localeFromParam, type Locale } from '~/lib/i18n';
import type { ProgrammeView } from './applicants';
import type { FairView } from './fairs';
import type { Fairs } from './fairs.server';
import type { FairsTranslator } from './messages';

type Page = Pick<AstroGlobal, 'params' | 'locals' | 'rewrite' | 'redirect' | 'url' | 'response' | 'request'>;

/** What a promoter page may do to a province's fair, programme or report. */
export type ProvinceAction = Extract<
  Action,
  'fair.organise' | 'booth.approve' | 'report.view' | 'subsidy.setPolicy'
>;

/** A promoter page that passed the preamble: `refused` is set when the page must show AccessDenied (403). */
export interface PromoterPage {
  locale: Locale;
  user: Actor | null;
  refused: Denial | null;
}

async function loadInProvince<T extends InProvince>(
  astro: Page,
  action: ProvinceAction,
  find: (id: string) => Promise<T | undefined>,
): Promise<Response | (PromoterPage & { subject: T })> {
  const locale = localeFromParam(astro.params['lang']);
  if (!locale) return astro.rewrite('/404');
  const user = astro.locals.user;
  // Who is asking first: a signed-out visitor goes to sign-in before anything reads the database.
  if (!user) return guardPage(astro, locale, 'signed-out')!;
  // A malformed id finds nothing without a query (the fairs store parses it strictly): 404.
  const subject = await find(astro.params['id'] ?? '');
  if (!subject) return astro.rewrite('/404');
  const refused = denial(user, action, { provinceId: subject.provinceId });
  return guardPage(astro, locale, refused) ?? { locale, user, refused, subject };
}

/** The preamble of a page about the fair `[id]`: a Response to return, or the page's locale, fair and permission. */
export async function loadFairForPromoter(
  astro: Page,
  action: ProvinceAction,
  fairs: Fairs,
): Promise<Response | (PromoterPage & { fair: FairView })> {
  const page = await loadInProvince(astro, action, fairs.getFair);
  return page instanceof Response ? page : { ...page, fair: page.subject };
}

/** The preamble of a page about the programme `[id]`: a Response to return, or the page's locale and programme. */
export async function loadProgrammeForPromoter(
  astro: Page,
  action: ProvinceAction,
  fairs: Fairs,
): Promise<Response | (PromoterPage & { programme: ProgrammeView })> {
  const page = await loadInProvince(astro, action, fairs.getProgramme);
  return page instanceof Response ? page : { ...page, programme: page.subject };
}

/**
 * The preamble of a console page that acts in the promoter's own province (its fair list, a new fair or policy):
 * `action` null asks only for the console itself.
 */
export async function loadPromoterConsole(
  astro: Page,
  action: ProvinceAction | null,
): Promise<Response | (PromoterPage & { provinceId: string })> {
  const locale = localeFromParam(astro.params['lang']);
  if (!locale) return astro.rewrite('/404');
  const user = astro.locals.user;
  const provinceId = user?.provinceId ?? '';
  const refused = action ? denial(user, action, { provinceId }) : denial(user, 'promoter.console', null);
  return guardPage(astro, locale, refused) ?? { locale, user, refused, provinceId };
}

/** The form as posted when the action refused it (to show what was typed again), else null. */
export async function refusedSubmission(
  astro: Page,
  result: { error?: unknown } | undefined,
): Promise<FormData | null> {
  if (!result?.error) return null;
  return astro.request
    .clone()
    .formData()
    .catch(() => null);
}

/** The console alert after a submission: its error, or "Saved." when the page came back with `?saved`. */
export function consoleAlert(
  astro: Page,
  form: string | null,
  t: FairsTranslator,
): { kind: 'error' | 'success'; text: string } | null {
  if (form) return { kind: 'error', text: form };
  return astro.url.searchParams.has('saved') ? { kind: 'success', text: t('saved') } : null;
}
