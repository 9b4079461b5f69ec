/** CSV download of a fair's bookings, or (?settlement=1) the settlement the finance office pays from. */
import type { APIRoute } from 'astro';
import { can } from '~/features/accounts/accounts';
import { getFairs } from '~/services.server';
import { bookingsCsv, settlementCsv } from '~/features/fairs/report-csv';
import { localeFromParam } from '~/lib/i18n';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals, url }) => {
  const locale = localeFromParam(params.lang);
  const service = await getFairs();
  const fair = locale ? await service.getFair(params.id ?? '') : undefined;
  if (!locale || !fair) return new Response('Not found', { status: 404 });
  if (!can(locals.user, 'report.view', { provinceId: fair.provinceId }))
    return new Response('Forbidden', { status: locals.user ? 403 : 401 });
  const result = (await service.reportOfFair(fair.id))!;
  const settlement = url.searchParams.has('settlement');
  const body = settlement ? settlementCsv(result.report, locale) : bookingsCsv(result.bookings, locale);
  const name = `${fair.slug}-${settlement ? 'settlement' : 'bookings'}.csv`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
    },
  });
};
