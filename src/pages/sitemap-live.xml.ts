/**
 * The sitemap part of what is rendered on demand from the live catalogue: every product shown now (database listings
 * the moment they are approved, and the files' products, whose listing pages are live too) and the listing pages, in
 * both languages. Referenced from the build's sitemap index (customSitemaps in astro.config.mjs) and robots.txt.
 */
import type { APIRoute } from 'astro';
import { liveSitemapXml } from '~/features/catalog/live-pages';
import { OCOP_GROUPS, STAR_LEVELS } from '~/features/catalog/catalog';
import { getProducers, getProvinces, productPagesPrerendered } from '~/features/catalog/catalog.server';
import { liveCatalogue } from '~/services.server';

export const prerender = false;

export const GET: APIRoute = async ({ site, url }) => {
  const [products, producers, provinces, prerendered] = await Promise.all([
    (await liveCatalogue()).products(),
    getProducers(),
    getProvinces(),
    productPagesPrerendered(),
  ]);
  const paths = [
    '/products',
    ...STAR_LEVELS.map((s) => `/stars/${s}`),
    ...OCOP_GROUPS.map((g) => `/groups/${g}`),
    ...provinces.map((p) => `/provinces/${p.id}`),
    ...producers.map((p) => `/producers/${p.id}`),
    // Files' product pages are in the build's sitemap when prerendered; a listing's (or a replaced file's) are here.
    ...products.filter((p) => p.listing || !prerendered).map((p) => `/products/${p.slug}`),
  ];
  return new Response(liveSitemapXml(site ?? url, paths), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
};
