/**
 * The settlement the finance office pays from: per supported booking the amounts with their VAT, the money flow,
 * the invoice and what was repaid or clawed back, and the one-line summary in the province's own words ("Hỗ trợ
 * 50% chi phí thuê gian hàng cho 34 doanh nghiệp, tổng 612.000.000 ₫"). Pure: no I/O.
 */
import { formatVnd, type Locale } from '~/lib/i18n';
import { useFairsTranslations } from './messages';
import { basisPointsToPercent } from './policy';
import type { ReportBooking } from './report';

/** What a booking's subsidy comes to in the end: granted less any clawback (a no-show). */
export function netSubsidy(b: Pick<ReportBooking, 'subsidy' | 'clawedBack'>): number {
  return b.subsidy - b.clawedBack;
}

/** The settlement's extra columns for a booking: net of VAT, VAT, flow, invoice number and date, repaid, clawed back. */
export function settlementColumns(b: ReportBooking, locale: Locale): (string | number)[] {
  const t = useFairsTranslations(locale);
  return [
    b.total - b.vat,
    b.vat,
    t(`csv.flow.${b.flow}`),
    b.invoiceNumber ?? '',
    b.invoiceDate ?? '',
    b.repaid,
    b.clawedBack,
  ];
}

/** The headers of those columns, in the locale. */
export function settlementHeader(locale: Locale): string[] {
  const t = useFairsTranslations(locale);
  return [
    t('csv.net'),
    t('csv.vat'),
    t('csv.flow'),
    t('csv.invoiceNumber'),
    t('csv.invoiceDate'),
    t('csv.repaid'),
    t('csv.clawedBack'),
  ];
}

export interface SettlementSummary {
  /** The lowest and highest rate applied (basis points); equal when one rate served everyone. */
  rateFrom: number;
  rateTo: number;
  /** Distinct businesses that kept a subsidy. */
  businesses: number;
  /** Their subsidy, net of clawbacks, in whole đồng. */
  total: number;
}

/** The summary of the supported bookings: rates applied, businesses supported, total net subsidy. */
export function settlementSummary(supported: readonly ReportBooking[]): SettlementSummary {
  const kept = supported.filter((b) => netSubsidy(b) > 0);
  const rates = kept.map((b) => b.rateBp);
  return {
    rateFrom: rates.length ? Math.min(...rates) : 0,
    rateTo: rates.length ? Math.max(...rates) : 0,
    businesses: new Set(kept.map((b) => b.producerId)).size,
    total: kept.reduce((sum, b) => sum + netSubsidy(b), 0),
  };
}

/** The summary as the province writes it. */
export function settlementSummaryText(summary: SettlementSummary, locale: Locale): string {
  const t = useFairsTranslations(locale);
  const rate =
    summary.rateFrom === summary.rateTo
      ? `${basisPointsToPercent(summary.rateFrom)}%`
      : t('settlement.rates', {
          from: basisPointsToPercent(summary.rateFrom),
          to: basisPointsToPercent(summary.rateTo),
        });
  return t('settlement.summary', { rate, n: summary.businesses, amount: formatVnd(summary.total, locale) });
}
