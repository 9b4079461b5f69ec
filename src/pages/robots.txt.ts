import type { APIRoute } from 'astro';

/** robots.txt pointing crawlers at the sitemap; private areas are kept out of the index. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  // What is rendered on demand (database listings, the live listing pages); also listed in the sitemap index.
  const live = new URL('/sitemap-live.xml', site).href;
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /account',
    'Disallow: /en/account',
    '',
    `Sitemap: ${sitemap}`,
    `Sitemap: ${live}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
