/** The report and settlement as CSV files (header in the page's locale, amounts in whole đồng). Pure. */
import type { Locale } from '~/lib/i18n';
import { useFairsTranslations } from './messages';
import { bookingColumns, settlementRows, toCsv, type FairReport, type ReportBooking } from './report';

function header(locale: Locale): string[] {
  const t = useFairsTranslations(locale);
  return [
    t('csv.fair'),
    t('csv.booth'),
    t('producer'),
    t('kind'),
    t('province'),
    t('commune'),
    t('csv.total'),
    t('csv.subsidy'),
    t('csv.producerPaid'),
    t('csv.paidBy'),
  ];
}

/** Settlement: one row per supported booking, then a total row. */
export function settlementCsv(report: FairReport, locale: Locale): string {
  const rows = settlementRows(report, header(locale), locale);
  const totals = report.supported.reduce(
    (t, b) => ({ total: t.total + b.total, subsidy: t.subsidy + b.subsidy, paid: t.paid + b.producerPays }),
    { total: 0, subsidy: 0, paid: 0 },
  );
  const sum = useFairsTranslations(locale)('csv.sum');
  rows.push([sum, '', '', '', '', '', totals.total, totals.subsidy, totals.paid, '']);
  return toCsv(rows);
}

/** Every booking of the report with its status, for analysis in a spreadsheet. */
export function bookingsCsv(bookings: readonly ReportBooking[], locale: Locale): string {
  const t = useFairsTranslations(locale);
  return toCsv([
    [...header(locale), t('state'), t('csv.submittedAt'), t('csv.shortfall')],
    ...bookings.map((b) => [
      ...bookingColumns(b, locale),
      b.status,
      b.submittedAt.toISOString(),
      b.shortfall,
    ]),
  ]);
}
