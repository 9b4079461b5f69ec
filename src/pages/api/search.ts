/**
 * GET /api/search: JSON for the search islands. ?view=results (default) takes the same parameters as /search;
 * ?view=suggest&q= returns header suggestions. lang=vi|en. Bad parameters → 400 with field errors;
 * Meilisearch down or slow → 503 with a plain message. Never a 500.
 */
import type { APIRoute } from 'astro';
import { parseApiParams } from '~/features/search/search-params';
import { SearchUnavailableError } from '~/features/search/search.server';
import { siteSearch } from '~/services.server';

export const prerender = false;

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });

export const GET: APIRoute = async ({ url }) => {
  const parsed = parseApiParams(url.searchParams);
  if (!parsed.ok) {
    return json(
      {
        error: 'invalid_parameters',
        message: 'Some search parameters are invalid.',
        fields: parsed.fieldErrors,
      },
      400,
    );
  }
  const { api, query } = parsed.value;
  try {
    const body =
      api.view === 'suggest'
        ? { suggestions: await siteSearch().suggest(query.q, api.lang) }
        : { results: await siteSearch().search(query, api.lang) };
    // Results change only when the catalogue is reindexed; a short shared cache absorbs bursts.
    return json(body, 200, { 'Cache-Control': 'public, max-age=60' });
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return json(
        {
          error: 'search_unavailable',
          message: 'Search is temporarily unavailable. Please try again in a moment.',
        },
        503,
        { 'Retry-After': '10', 'Cache-Control': 'no-store' },
      );
    }
    console.error(`[search] /api/search failed: ${error instanceof Error ? error.message : String(error)}`);
    return json({ error: 'search_failed', message: 'Search failed. Please try again.' }, 503, {
      'Cache-Control': 'no-store',
    });
  }
};
