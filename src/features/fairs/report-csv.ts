/** The report and settlement as CSV files (header in the page's locale, amounts in whole đồng). Pure. */
import type { Locale } from '~/lib/i18n';
import { settlementRows, toCsv, type FairReport, type ReportBooking } from './report';

const headers = {
  vi: [
    'Hội chợ',
    'Gian',
    'Chủ thể',
    'Loại chủ thể',
    'Tỉnh',
    'Xã',
    'Tổng chi phí (đồng)',
    'Hỗ trợ (đồng)',
    'Chủ thể trả (đồng)',
    'Hình thức thanh toán',
  ],
  en: [
    'Fair',
    'Booth',
    'Producer',
    'Producer kind',
    'Province',
    'Commune',
    'Total cost (VND)',
    'Subsidy (VND)',
    'Producer paid (VND)',
    'Payment method',
  ],
};

/** Settlement: one row per supported booking, then a total row. */
export function settlementCsv(report: FairReport, locale: Locale): string {
  const rows = settlementRows(report, headers[locale]);
  const totals = report.supported.reduce(
    (t, b) => ({ total: t.total + b.total, subsidy: t.subsidy + b.subsidy, paid: t.paid + b.producerPays }),
    { total: 0, subsidy: 0, paid: 0 },
  );
  rows.push([
    locale === 'vi' ? 'Tổng cộng' : 'Total',
    '',
    '',
    '',
    '',
    '',
    totals.total,
    totals.subsidy,
    totals.paid,
    '',
  ]);
  return toCsv(rows);
}

/** Every booking of the report with its status, for analysis in a spreadsheet. */
export function bookingsCsv(bookings: readonly ReportBooking[], locale: Locale): string {
  const head =
    locale === 'vi'
      ? ['Trạng thái', 'Thời điểm nộp', 'Thiếu hụt (đồng)']
      : ['Status', 'Submitted at', 'Shortfall (VND)'];
  return toCsv([
    [...headers[locale], ...head],
    ...bookings.map((b) => [
      b.fairName,
      b.boothCode,
      b.producerName,
      b.producerKind,
      b.provinceId,
      b.commune,
      b.total,
      b.subsidy,
      b.producerPays,
      b.paidBy ?? '',
      b.status,
      b.submittedAt.toISOString(),
      b.shortfall,
    ]),
  ]);
}
