/**
 * The preambles of on-demand pages: the locale of the route (404 for an unknown one), then what the page does about
 * a `denial` (pages behind a rule) or about a finished account form. The rules stay in `can`/`denial`
 * (./accounts.ts); this only maps their answer to HTTP.
 */
import type { AstroGlobal } from 'astro';
import { localeFromParam, localizedPath, type Locale } from '~/lib/i18n';
import { denial, safeNextPath, type Action, type ActionResources, type Denial } from './accounts';
import type { SignedInUser } from './auth.server';
import { formState, type FormState, type FormStateOptions, type ResultLike } from './form-results';

/** The parts of `Astro` a guard needs. */
type Page = Pick<AstroGlobal, 'redirect' | 'url' | 'response'>;
/** The parts of `Astro` a page preamble needs. */
type RoutedPage = Page & Pick<AstroGlobal, 'params' | 'rewrite' | 'locals' | 'request'>;

/** A 303 to the sign-in page that comes back to this page afterwards. */
export function signInRedirect(astro: Page, locale: Locale): Response {
  return astro.redirect(
    `${localizedPath('/sign-in', locale)}?next=${encodeURIComponent(astro.url.pathname)}`,
    303,
  );
}

/**
 * For a signed-out visitor, the redirect to sign in (return it from the page); when the rules refuse, sets the
 * status to 403 and returns undefined (the page then renders AccessDenied); when allowed, does nothing.
 */
export function guardPage(astro: Page, locale: Locale, refused: Denial | null): Response | undefined {
  if (refused === 'signed-out') return signInRedirect(astro, locale);
  if (refused) astro.response.status = 403;
  return undefined;
}

/** A page behind a rule, once its preamble let it render (`refused` set: render AccessDenied, status 403). */
export interface GuardedPage {
  locale: Locale;
  user: SignedInUser | null;
  refused: Denial | null;
}

/**
 * The whole preamble of a page behind a rule: `const page = await guardedPage(Astro, 'admin.console', null);
 * if (page instanceof Response) return page;` (404 for an unknown locale, sign-in for a visitor).
 */
export async function guardedPage<A extends Action>(
  astro: RoutedPage,
  action: A,
  resource: ActionResources[A],
): Promise<Response | GuardedPage> {
  const locale = localeFromParam(astro.params.lang);
  if (!locale) return astro.rewrite('/404');
  const user = astro.locals.user;
  const refused = denial(user, action, resource);
  return guardPage(astro, locale, refused) ?? { locale, user, refused };
}

/** An account form page, once its preamble let it render. */
export interface AccountFormPage {
  locale: Locale;
  form: FormState;
  /** Where to go after signing in (a path on this site), from ?next=. */
  next: string | undefined;
}

/** The `next` path a sign-in or sign-up action answered with. */
function nextOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('next' in data)) return null;
  return typeof data.next === 'string' ? data.next : null;
}

/**
 * The preamble of an account form page (sign in, sign up, forgot and reset password): the locale (404 for an unknown
 * one), the form's state from its action `result`, and with `signIn`, the way on for a visitor who is (now) signed
 * in: to `next` once the form went through, to the account page when already signed in.
 */
export async function accountFormPage(
  astro: RoutedPage,
  result: (ResultLike & { data?: unknown }) | undefined,
  options: FormStateOptions & { signIn?: boolean } = {},
): Promise<Response | AccountFormPage> {
  const locale = localeFromParam(astro.params.lang);
  if (!locale) return astro.rewrite('/404');
  const account = localizedPath('/account', locale);
  if (options.signIn && result && !result.error) return astro.redirect(nextOf(result.data) ?? account, 303);
  if (options.signIn && !result && astro.locals.user) return astro.redirect(account, 303);
  const form = await formState(astro.request, result, locale, options);
  return { locale, form, next: safeNextPath(astro.url.searchParams.get('next')) };
}
