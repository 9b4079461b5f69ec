/**
 * The CSV downloads of the promoter reports (a fair's, a programme's): 404 for an unknown locale or subject,
 * 401 / 403 unless the account may read the province's reports, then the bookings or (?settlement=1) the
 * settlement as a CSV attachment.
 */
import type { APIRoute } from 'astro';
import { can, type InProvince } from '~/features/accounts/accounts';
import { localeFromParam } from '~/lib/i18n';
import type { Fairs } from './fairs.server';
import { bookingsCsv, settlementCsv } from './report-csv';
import type { ReportWithBookings } from './reports.server';

/** What a report download is about: how to find it, report it, and name its file. */
export interface ReportSubject<T extends InProvince> {
  find(fairs: Fairs, id: string): Promise<T | undefined>;
  report(fairs: Fairs, subject: T): Promise<ReportWithBookings | undefined>;
  /** The file name's start: `<start>-bookings.csv` or `<start>-settlement.csv`. */
  fileName(subject: T): string;
}

/** The GET handler of a report's CSV route, on the fairs service the composition root gives. */
export function reportCsvRoute<T extends InProvince>(
  fairs: () => Promise<Fairs>,
  subject: ReportSubject<T>,
): APIRoute {
  return async ({ params, locals, url }) => {
    const locale = localeFromParam(params['lang']);
    if (!locale) return new Response('Not found', { status: 404 });
    // Who is asking first: a signed-out request is refused before anything reads the database.
    if (!locals.user) return new Response('Unauthorized', { status: 401 });
    const service = await fairs();
    const found = await subject.find(service, params['id'] ?? '');
    if (!found) return new Response('Not found', { status: 404 });
    if (!can(locals.user, 'report.view', { provinceId: found.provinceId }))
      return new Response('Forbidden', { status: locals.user ? 403 : 401 });
    const result = (await subject.report(service, found))!;
    const settlement = url.searchParams.has('settlement');
    const body = settlement ? settlementCsv(result.report, locale) : bookingsCsv(result.bookings, locale);
    const name = `${subject.fileName(found)}-${settlement ? 'settlement' : 'bookings'}.csv`;
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
      },
    });
  };
}
