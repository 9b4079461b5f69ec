import { describe, expect, it } from 'vitest';
import { fairReport, type ReportBooking } from './report';
import { settlementCsv } from './report-csv';
import { settlementSummary, settlementSummaryText } from './settlement';

let n = 0;
const row = (overrides: Partial<ReportBooking> = {}): ReportBooking => ({
  bookingId: `b${String(n++).padStart(3, '0')}`,
  fairId: 'f1',
  fairName: { vi: 'Hội chợ OCOP Bến Tre', en: 'Ben Tre OCOP Fair' },
  boothCode: `A${n}`,
  producerId: `p${n}`,
  producerName: `Cơ sở ${n}`,
  producerKind: 'enterprise',
  provinceId: 'ben-tre',
  commune: 'Xã Mỹ Thạnh',
  status: 'confirmed',
  total: 36_000_000,
  subsidy: 18_000_000,
  producerPays: 18_000_000,
  shortfall: 0,
  submittedAt: new Date('2026-11-21T03:00:00Z'),
  paidBy: 'transfer',
  vat: 0,
  flow: 'upfront',
  rateBp: 5_000,
  invoiceNumber: null,
  invoiceDate: null,
  attendance: null,
  repaid: 0,
  clawedBack: 0,
  ...overrides,
});

describe('settlement summary', () => {
  it('reads like the province’s own: 50% of booth rent for 34 businesses, the total in đồng', () => {
    const supported = Array.from({ length: 34 }, () => row());
    const summary = settlementSummary(supported);
    expect(summary).toEqual({ rateFrom: 5_000, rateTo: 5_000, businesses: 34, total: 612_000_000 });
    expect(settlementSummaryText(summary, 'vi')).toBe(
      'Hỗ trợ 50% chi phí thuê gian hàng cho 34 doanh nghiệp, tổng 612.000.000\u00a0₫.',
    );
    expect(settlementSummaryText(summary, 'en')).toMatch(
      /^Supported 50% of booth rental costs for 34 businesses, total (₫612,000,000|612,000,000 ₫)\.$/,
    );
  });

  it('a no-show’s clawed-back subsidy does not count; several rates show as a range', () => {
    const supported = [
      row({ producerId: 'a', rateBp: 10_000, subsidy: 36_000_000, producerPays: 0 }),
      row({ producerId: 'b' }),
      row({ producerId: 'c', flow: 'reimbursement', attendance: 'noShow', clawedBack: 18_000_000 }),
    ];
    expect(settlementSummary(supported)).toEqual({
      rateFrom: 5_000,
      rateTo: 10_000,
      businesses: 2,
      total: 54_000_000,
    });
    expect(settlementSummaryText(settlementSummary(supported), 'vi')).toBe(
      'Hỗ trợ 50–100% chi phí thuê gian hàng cho 2 doanh nghiệp, tổng 54.000.000\u00a0₫.',
    );
  });
});

describe('settlement CSV', () => {
  it('carries VAT, the money flow, invoice numbers, repayments and clawbacks, a total row and the summary', () => {
    const report = fairReport({
      bookings: [
        row({
          producerId: 'repaid',
          total: 38_880_000,
          vat: 2_880_000,
          subsidy: 18_000_000,
          producerPays: 20_880_000,
          flow: 'reimbursement',
          invoiceNumber: 'HD-0042',
          invoiceDate: '2026-12-20',
          attendance: 'attended',
          repaid: 18_000_000,
        }),
        row({
          producerId: 'no-show',
          total: 38_880_000,
          vat: 2_880_000,
          subsidy: 18_000_000,
          producerPays: 20_880_000,
          flow: 'reimbursement',
          attendance: 'noShow',
          clawedBack: 18_000_000,
        }),
      ],
      booths: { total: 2, blocked: 0 },
      pool: { budget: 612_000_000, committed: 18_000_000, earmarked: 0 },
    });
    const lines = settlementCsv(report, 'vi')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('Trước VAT (đồng),VAT (đồng),Hình thức hỗ trợ,Số hoá đơn,Ngày hoá đơn');
    expect(lines[1]).toMatch(
      /,38880000,18000000,20880000,transfer,36000000,2880000,Hoàn trả,HD-0042,2026-12-20,18000000,0$/,
    );
    expect(lines[2]).toMatch(/,36000000,2880000,Hoàn trả,,,0,18000000$/);
    expect(lines[3]).toBe('Tổng cộng,,,,,,77760000,18000000,41760000,,72000000,5760000,,,,18000000,18000000');
    // Quoted: the sentence has a comma.
    expect(lines[4]).toBe('"Hỗ trợ 50% chi phí thuê gian hàng cho 1 doanh nghiệp, tổng 18.000.000\u00a0₫."');
  });
});
