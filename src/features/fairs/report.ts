/**
 * Reports for promoters: occupancy, booth value, subsidy against budget, the businesses supported (who, which
 * booth, how much) grouped by province, commune and producer kind; the settlement owed by the province; CSV.
 * Pure: no I/O; fairs.server.ts supplies the rows.
 */
import type { ProducerKind } from '~/features/catalog/catalog';
import { compareText, localize, type Locale, type Localized } from '~/lib/i18n';
import type { BookingStatus } from './booking';

/** One booking as the report sees it. */
export interface ReportBooking {
  bookingId: string;
  fairId: string;
  fairName: Localized;
  boothCode: string;
  producerId: string;
  producerName: string;
  producerKind: ProducerKind;
  provinceId: string;
  commune: string;
  status: BookingStatus;
  total: number;
  subsidy: number;
  producerPays: number;
  shortfall: number;
  submittedAt: Date;
  paidBy: 'card' | 'transfer' | 'none' | null;
  /** The VAT inside `total`. */
  vat: number;
  flow: 'upfront' | 'reimbursement';
  /** The rate the subsidy was worked out at (basis points; 0 without a rule). */
  rateBp: number;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  attendance: 'attended' | 'noShow' | null;
  repaid: number;
  clawedBack: number;
}

export interface GroupTotal {
  key: string;
  producers: number;
  booths: number;
  subsidy: number;
  value: number;
}

export interface FairReport {
  booths: { total: number; blocked: number; sold: number; held: number; available: number };
  /** Sold booths over booths for sale, in whole percent (rounded down). */
  occupancyPercent: number;
  /** Sum of the price of confirmed bookings. */
  boothValue: number;
  subsidy: { budget: number; committed: number; earmarked: number; remaining: number };
  producerPaid: number;
  /** Confirmed bookings with a subsidy: who, which booth, how much. */
  supported: ReportBooking[];
  /** Active or confirmed applications the programme's limits left short, first come first served. */
  waitlist: ReportBooking[];
  byProvince: GroupTotal[];
  byCommune: GroupTotal[];
  byKind: GroupTotal[];
}

/** Ids in code-point order: the same on every machine, whatever its locale. */
function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy(rows: readonly ReportBooking[], keyOf: (row: ReportBooking) => string): GroupTotal[] {
  const groups = new Map<
    string,
    { producers: Set<string>; booths: number; subsidy: number; value: number }
  >();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { producers: new Set(), booths: 0, subsidy: 0, value: 0 };
    group.producers.add(row.producerId);
    group.booths += 1;
    group.subsidy += row.subsidy;
    group.value += row.total;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      producers: g.producers.size,
      booths: g.booths,
      subsidy: g.subsidy,
      value: g.value,
    }))
    .sort((a, b) => b.subsidy - a.subsidy || b.booths - a.booths || compareText(a.key, b.key));
}

/**
 * The report of one fair (or of a period, when `bookings` span several fairs and `booths` sums their plans).
 * Only confirmed bookings count as sold and as spent; held ones are shown apart.
 */
export function fairReport(input: {
  bookings: readonly ReportBooking[];
  booths: { total: number; blocked: number };
  pool: { budget: number; committed: number; earmarked: number } | null;
}): FairReport {
  const confirmed = input.bookings.filter((b) => b.status === 'confirmed');
  const held = input.bookings.filter(
    (b) => b.status === 'held' || b.status === 'pending' || b.status === 'approved',
  );
  const forSale = input.booths.total - input.booths.blocked;
  const pool = input.pool ?? { budget: 0, committed: 0, earmarked: 0 };
  const bySubmission = (a: ReportBooking, b: ReportBooking) =>
    a.submittedAt.getTime() - b.submittedAt.getTime() || codeOrder(a.bookingId, b.bookingId);
  return {
    booths: {
      total: input.booths.total,
      blocked: input.booths.blocked,
      sold: confirmed.length,
      held: held.length,
      available: Math.max(0, forSale - confirmed.length - held.length),
    },
    occupancyPercent: forSale === 0 ? 0 : Math.floor((confirmed.length * 100) / forSale),
    boothValue: confirmed.reduce((sum, b) => sum + b.total, 0),
    subsidy: { ...pool, remaining: pool.budget - pool.committed - pool.earmarked },
    producerPaid: confirmed.reduce((sum, b) => sum + b.producerPays, 0),
    supported: confirmed.filter((b) => b.subsidy > 0).sort(bySubmission),
    waitlist: [...confirmed, ...held].filter((b) => b.shortfall > 0).sort(bySubmission),
    byProvince: groupBy(confirmed, (b) => b.provinceId),
    byCommune: groupBy(confirmed, (b) => b.commune),
    byKind: groupBy(confirmed, (b) => b.producerKind),
  };
}

/** One CSV field: quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, so spreadsheet programs read Vietnamese correctly. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A booking's columns in the CSV files: fair, booth, producer, where, amounts in whole đồng, payment method. */
export function bookingColumns(b: ReportBooking, locale: Locale): (string | number)[] {
  return [
    localize(b.fairName, locale),
    b.boothCode,
    b.producerName,
    b.producerKind,
    b.provinceId,
    b.commune,
    b.total,
    b.subsidy,
    b.producerPays,
    b.paidBy ?? '',
  ];
}

/** The settlement rows the finance office pays from: one per supported booking, amounts in whole đồng. */
export function settlementRows(
  report: FairReport,
  header: readonly string[],
  locale: Locale,
): (string | number)[][] {
  return [[...header], ...report.supported.map((b) => bookingColumns(b, locale))];
}
