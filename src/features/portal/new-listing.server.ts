/**
 * The shared start of the two pages that begin a listing (the producer's /producer/listings/new and the promoter's
 * /promoter/listings/new): the guard, the translator, the saved listing's redirect (303, so a refresh does not post
 * again), and a refused save's feedback, status and the form as it was posted (to show it again as typed).
 */
import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import { guardedPage, type GuardedPage } from '~/features/accounts/guard.server';
import { localizedPath } from '~/lib/i18n';
import { feedbackOf, type Feedback } from './feedback';
import { usePortalTranslations } from './messages';

type Saved = { listingId: string; state: string };

export interface NewListingPage extends GuardedPage {
  t: ReturnType<typeof usePortalTranslations>;
  feedback: Feedback;
  /** The form posted by a refused save, or null. */
  posted: FormData | null;
}

/** The page's start, or the Response to answer with (a 404, a sign-in redirect, the saved listing's redirect). */
export async function newListingPage(
  astro: AstroGlobal,
  role: 'producer.dashboard' | 'promoter.console',
  savedPath: (saved: Saved) => string,
): Promise<NewListingPage | Response> {
  const page = await guardedPage(astro, role, null);
  if (page instanceof Response) return page;
  const { locale, user, refused } = page;
  const result = astro.getActionResult(actions.portal.saveListing);
  if (result?.data) return astro.redirect(localizedPath(savedPath(result.data), locale), 303);
  const t = usePortalTranslations(locale);
  if (result?.error) astro.response.status = result.error.status;
  const posted = result?.error
    ? await astro.request
        .clone()
        .formData()
        .catch(() => null)
    : null;
  return { locale, user, refused, t, feedback: feedbackOf(result, t), posted };
}
