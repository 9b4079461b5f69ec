/**
 * The preamble of the pages behind sign-in: turn a `denial` into what the page does about it. The rules stay in
 * `can`/`denial` (./accounts.ts); this only maps their answer to HTTP.
 */
import type { AstroGlobal } from 'astro';
import { localizedPath, type Locale } from '~/lib/i18n';
import type { Denial } from './accounts';

/** The parts of `Astro` a guard needs. */
type Page = Pick<AstroGlobal, 'redirect' | 'url' | 'response'>;

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

/**
 * The preamble of the sign-in and sign-up pages: once the form went through, on to `next` (or the account page);
 * a visitor already signed in skips the form. Returns undefined when the form is to be shown.
 */
export function signedInRedirect(
  astro: Page & Pick<AstroGlobal, 'locals'>,
  locale: Locale,
  result: { error?: unknown; data?: { next: string | null } | undefined } | undefined,
): Response | undefined {
  const account = localizedPath('/account', locale);
  if (result && !result.error) return astro.redirect(result.data?.next ?? account, 303);
  if (!result && astro.locals.user) return astro.redirect(account, 303);
  return undefined;
}
