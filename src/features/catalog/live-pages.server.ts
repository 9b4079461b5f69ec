/**
 * The shared start of a catalogue listing page rendered on demand (products, a star level, a group, a province, a
 * producer): the locale from the path, a 404 for an unknown one, the live catalogue, and the live page's cache header.
 */
import type { AstroGlobal } from 'astro';
import { localeFromParam, type Locale } from '~/lib/i18n';
import { liveCatalogue } from '~/services.server';
import type { ProductCard } from './catalog.server';
import { LIVE_PAGE_CACHE } from './live-pages';

/**
 * The page's locale, what its path names (`subject`: a group, a province...) and every product shown now; a 404
 * (rewrite) when the locale is unknown or the subject was not found.
 */
export async function liveListingPage<T>(
  astro: AstroGlobal,
  subject: T | undefined,
): Promise<{ locale: Locale; subject: T; products: ProductCard[] } | Response> {
  const locale = localeFromParam(astro.params.lang);
  if (!locale || subject === undefined) return astro.rewrite('/404');
  const products = await (await liveCatalogue()).products();
  astro.response.headers.set('Cache-Control', LIVE_PAGE_CACHE);
  return { locale, subject, products };
}
