/**
 * Reading a search from URL parameters, pure: the zod schema of SearchQuery (search-url.ts), the /api/search
 * parameters, and field errors that name each bad parameter. Runs on the server; the islands stay zod-free.
 */
import { z } from 'zod';
import { OCOP_GROUPS, STAR_LEVELS, type Stars } from '../catalog/catalog.ts';
import { LOCALES } from '../../lib/i18n/locales.ts';
import { MAX_PAGE } from './plan.ts';
import { PRICE_BAND_IDS } from './price-bands.ts';
import { MAX_QUERY_LENGTH, MULTI_FACET_KEYS, SORTS, type SearchQuery } from './search-url.ts';

const flagSchema = z
  .enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' })
  .transform((v) => v === '1' || v === 'true');

/** SearchQuery as URL parameters, each with the message that names what it must be. */
export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, { error: `must be at most ${MAX_QUERY_LENGTH} characters` })
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
      .default(''),
    province: z
      .array(z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a province id such as ben-tre' }))
      .max(64, { error: 'lists too many provinces' })
      .default([]),
    group: z.array(z.enum(OCOP_GROUPS, { error: `must be one of ${OCOP_GROUPS.join(', ')}` })).default([]),
    stars: z
      .array(
        z.coerce
          .number({ error: 'must be 3, 4 or 5' })
          .refine((n) => (STAR_LEVELS as readonly number[]).includes(n), { error: 'must be 3, 4 or 5' })
          .transform((n) => n as Stars),
      )
      .default([]),
    price: z
      .array(z.enum(PRICE_BAND_IDS, { error: `must be one of ${PRICE_BAND_IDS.join(', ')}` }))
      .default([]),
    valid: flagSchema.default(false),
    export: flagSchema.default(false),
    sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` }).default('relevance'),
    page: z.coerce
      .number({ error: 'must be a page number' })
      .int({ error: 'must be a whole page number' })
      .min(1, { error: 'must be 1 or more' })
      .max(MAX_PAGE, { error: `must be at most ${MAX_PAGE}` })
      .default(1),
  })
  .strict() satisfies z.ZodType<SearchQuery, unknown>;

const LIST_PARAMS = new Set<string>(MULTI_FACET_KEYS);
const QUERY_PARAMS = new Set(Object.keys(searchQuerySchema.shape));

export type FieldErrors = Record<string, string>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

/** Field name → first message, from a zod error. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'query');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Reads a search from URL parameters. Unknown parameters (utm_source, fbclid…) are ignored, empty values count
 * as absent, and list parameters may repeat (province=ca-mau&province=son-la).
 */
export function parseSearchParams(params: URLSearchParams): ParseResult<SearchQuery> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (!QUERY_PARAMS.has(key) || value === '') continue;
    if (LIST_PARAMS.has(key)) {
      const list = (raw[key] ??= []) as string[];
      list.push(value);
    } else raw[key] = value;
  }
  const parsed = searchQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const q = parsed.data;
  // Duplicates would only repeat a filter; sorted values give one canonical URL per search.
  return {
    ok: true,
    value: {
      ...q,
      province: [...new Set(q.province)].sort(),
      group: [...new Set(q.group)].sort(),
      stars: [...new Set(q.stars)].sort(),
      price: PRICE_BAND_IDS.filter((id) => q.price.includes(id)),
    },
  };
}

/** Extra parameters of /api/search: which view and which language. */
export const apiParamsSchema = z
  .object({
    view: z.enum(['results', 'suggest'], { error: 'must be results or suggest' }).default('results'),
    lang: z.enum(LOCALES, { error: `must be ${LOCALES.join(' or ')}` }).default('vi'),
  })
  .strict();
export type ApiParams = z.infer<typeof apiParamsSchema>;

/** Reads /api/search parameters: view and lang, then the search itself. */
export function parseApiParams(params: URLSearchParams): ParseResult<{ api: ApiParams; query: SearchQuery }> {
  const api = apiParamsSchema.safeParse({
    ...(params.get('view') ? { view: params.get('view') } : {}),
    ...(params.get('lang') ? { lang: params.get('lang') } : {}),
  });
  const query = parseSearchParams(params);
  const fieldErrors = {
    ...(api.success ? {} : fieldErrorsOf(api.error)),
    ...(query.ok ? {} : query.fieldErrors),
  };
  if (!api.success || !query.ok) return { ok: false, fieldErrors };
  return { ok: true, value: { api: api.data, query: query.value } };
}
