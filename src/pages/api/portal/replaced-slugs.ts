/**
 * GET /api/portal/replaced-slugs: the content files' product slugs whose prerendered page a database listing of the
 * same producer replaced (live) or hid (taken off sale), read from the database. scripts/serve.mjs polls it every
 * few seconds to send those paths to the on-demand product page (scripts/lib/live-routes.mjs); every server reads
 * the same database, so all of them agree within one polling interval.
 */
import type { APIRoute } from 'astro';
import { liveCatalogue } from '~/services.server';

export const prerender = false;

export const GET: APIRoute = async () => {
  const slugs = await (await liveCatalogue()).replacedFileSlugs();
  return new Response(JSON.stringify({ slugs }), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
};
