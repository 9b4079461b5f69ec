/** CSV download of a policy's bookings over its period, or (?settlement=1) its settlement. */
import { reportCsvRoute } from '~/features/fairs/report-download.server';
import { getFairs } from '~/services.server';

export const prerender = false;

export const GET = reportCsvRoute(getFairs, {
  find: (fairs, id) => fairs.getProgramme(id),
  report: (fairs, programme) => fairs.reportOfProgramme(programme.id),
  fileName: (programme) => `policy-${programme.periodStart}`,
});
