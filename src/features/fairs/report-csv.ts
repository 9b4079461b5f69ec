/** The report and settlement as CSV files (header in the page's locale, amounts in whole đồng). Pure. */
import type { Locale } from '~/lib/i18n';
import { useFairsTranslations } from './messages';
import { bookingColumns, toCsv, type FairReport, type ReportBooking } from './report';
import {
  netSubsidy,
  settlementColumns,
  settlementHeader,
  settlementSummary,
  settlementSummaryText,
} from './settlement';

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

/**
 * Settlement: one row per supported booking (with VAT, money flow, invoice, repaid and clawed back), a total row,
 * then the one-line summary as the province writes it.
 */
export function settlementCsv(report: FairReport, locale: Locale): string {
  const rows: (string | number)[][] = [
    [...header(locale), ...settlementHeader(locale)],
    ...report.supported.map((b) => [...bookingColumns(b, locale), ...settlementColumns(b, locale)]),
  ];
  const add = (pick: (b: ReportBooking) => number) => report.supported.reduce((sum, b) => sum + pick(b), 0);
  const sum = useFairsTranslations(locale)('csv.sum');
  rows.push([
    sum,
    ...['', '', '', '', ''],
    add((b) => b.total),
    add(netSubsidy),
    add((b) => b.producerPays),
    '',
    add((b) => b.total - b.vat),
    add((b) => b.vat),
    ...['', '', ''],
    add((b) => b.repaid),
    add((b) => b.clawedBack),
  ]);
  rows.push([settlementSummaryText(settlementSummary(report.supported), locale)]);
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
