/**
 * Rules of the pages rendered on demand from the live catalogue (database listings merged with content files). Pure.
 */

/**
 * Cache-Control of a live page: browsers ask again each time (a price change shows at once), a shared cache may
 * keep it a few seconds and serve it stale while it fetches the next copy.
 */
export const LIVE_PAGE_CACHE = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

/** The suffix scripts/serve.mjs adds to a replaced content file's product path so that it reaches the live route. */
export const LIVE_SUFFIX = 'live';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The slug of a live product route's rest parameter (`<slug>` or `<slug>/live`), or null for anything else. */
export function parseLivePath(path: string | undefined): string | null {
  const [slug, suffix, ...rest] = (path ?? '').split('/');
  if (!slug || !SLUG.test(slug) || rest.length > 0) return null;
  return suffix === undefined || suffix === LIVE_SUFFIX ? slug : null;
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sitemap of locale-neutral paths, each in Vietnamese (at /) and English (at /en), with both as alternates. */
export function liveSitemapXml(site: URL, paths: readonly string[]): string {
  const entries = paths.flatMap((path) => {
    const vi = new URL(path, site).href;
    const en = new URL(`/en${path}`, site).href;
    const alternates = [
      `<xhtml:link rel="alternate" hreflang="vi-VN" href="${xmlText(vi)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${xmlText(en)}"/>`,
    ].join('');
    return [vi, en].map((loc) => `<url><loc>${xmlText(loc)}</loc>${alternates}</url>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
