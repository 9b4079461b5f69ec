/** CSV download of a fair's bookings, or (?settlement=1) the settlement the finance office pays from. */
import { reportCsvRoute } from '~/features/fairs/report-download.server';
import { getFairs } from '~/services.server';

export const prerender = false;

export const GET = reportCsvRoute(getFairs, {
  find: (fairs, id) => fairs.getFair(id),
  report: (fairs, fair) => fairs.reportOfFair(fair.id),
  fileName: (fair) => fair.slug,
});
