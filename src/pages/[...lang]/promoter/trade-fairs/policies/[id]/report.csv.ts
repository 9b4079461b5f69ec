/** CSV download of a policy's bookings over its period, or (?settlement=1) its settlement. */
import type { APIRoute } from 'astro';
import { can } from '~/features/accounts/accounts';
import { getFairs } from '~/services.server';
import { bookingsCsv, settlementCsv } from '~/features/fairs/report-csv';
import { localeFromParam } from '~/lib/i18n';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals, url }) => {
  const locale = localeFromParam(params.lang);
  const service = await getFairs();
  const programme = locale ? await service.getProgramme(params.id ?? '') : undefined;
  if (!locale || !programme) return new Response('Not found', { status: 404 });
  if (!can(locals.user, 'report.view', { provinceId: programme.provinceId }))
    return new Response('Forbidden', { status: locals.user ? 403 : 401 });
  const result = (await service.reportOfProgramme(programme.id))!;
  const settlement = url.searchParams.has('settlement');
  const body = settlement ? settlementCsv(result.report, locale) : bookingsCsv(result.bookings, locale);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="policy-${programme.periodStart}-${settlement ? 'settlement' : 'bookings'}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
