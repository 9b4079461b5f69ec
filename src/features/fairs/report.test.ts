import { describe, expect, it } from 'vitest';
import { csvField, fairReport, settlementRows, toCsv, type ReportBooking } from './report';

let n = 0;
const row = (overrides: Partial<ReportBooking> = {}): ReportBooking => ({
  bookingId: `b${n++}`,
  fairId: 'f1',
  fairName: { vi: 'Hội chợ OCOP Bến Tre', en: 'Ben Tre OCOP Fair' },
  boothCode: 'A1',
  producerId: 'dong-a',
  producerName: 'Đông Á',
  producerKind: 'enterprise',
  provinceId: 'ben-tre',
  commune: 'Xã Mỹ Thạnh',
  status: 'confirmed',
  total: 76_000_000,
  subsidy: 38_000_000,
  producerPays: 38_000_000,
  shortfall: 0,
  submittedAt: new Date('2026-11-21T03:00:00Z'),
  paidBy: 'card',
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

describe('fair report', () => {
  const bookings = [
    row({ boothCode: 'A1' }),
    row({
      boothCode: 'A2',
      producerId: 'htx',
      producerName: 'HTX Xứ Dừa',
      producerKind: 'cooperative',
      commune: 'Xã An Hiệp',
      submittedAt: new Date('2026-11-21T02:00:00Z'),
    }),
    row({
      boothCode: 'A3',
      producerId: 'c',
      producerKind: 'cooperative',
      commune: 'Xã An Hiệp',
      subsidy: 24_000_000,
      producerPays: 52_000_000,
      shortfall: 14_000_000,
    }),
    row({
      boothCode: 'A4',
      producerId: 'd',
      status: 'held',
      subsidy: 0,
      producerPays: 76_000_000,
      shortfall: 38_000_000,
    }),
    row({ boothCode: 'A5', producerId: 'e', status: 'cancelled' }),
  ];
  const report = fairReport({
    bookings,
    booths: { total: 10, blocked: 2 },
    pool: { budget: 100_000_000, committed: 100_000_000, earmarked: 0 },
  });

  it('counts sold, held and available booths and occupancy of the booths for sale', () => {
    expect(report.booths).toEqual({ total: 10, blocked: 2, sold: 3, held: 1, available: 4 });
    expect(report.occupancyPercent).toBe(37);
  });
  it('sums booth value, subsidy and producer payments of confirmed bookings only', () => {
    expect(report.boothValue).toBe(228_000_000);
    expect(report.producerPaid).toBe(128_000_000);
    expect(report.subsidy).toEqual({
      budget: 100_000_000,
      committed: 100_000_000,
      earmarked: 0,
      remaining: 0,
    });
  });
  it('lists who was supported, first come first served, and who the budget left short', () => {
    expect(report.supported.map((b) => b.boothCode)).toEqual(['A2', 'A1', 'A3']);
    expect(report.waitlist.map((b) => b.boothCode)).toEqual(['A3', 'A4']);
  });
  it('groups by kind and commune', () => {
    expect(report.byKind).toEqual([
      { key: 'cooperative', producers: 2, booths: 2, subsidy: 62_000_000, value: 152_000_000 },
      { key: 'enterprise', producers: 1, booths: 1, subsidy: 38_000_000, value: 76_000_000 },
    ]);
    expect(report.byCommune.map((g) => g.key)).toEqual(['Xã An Hiệp', 'Xã Mỹ Thạnh']);
    expect(report.byProvince).toEqual([
      { key: 'ben-tre', producers: 3, booths: 3, subsidy: 100_000_000, value: 228_000_000 },
    ]);
  });
  it('an empty fair has zero occupancy', () => {
    expect(fairReport({ bookings: [], booths: { total: 0, blocked: 0 }, pool: null }).occupancyPercent).toBe(
      0,
    );
  });
  it('settlement rows carry whole đồng amounts', () => {
    const rows = settlementRows(
      report,
      ['fair', 'booth', 'producer', 'kind', 'province', 'commune', 'total', 'subsidy', 'paid', 'method'],
      'en',
    );
    expect(rows[1]).toEqual([
      'Ben Tre OCOP Fair',
      'A2',
      'HTX Xứ Dừa',
      'cooperative',
      'ben-tre',
      'Xã An Hiệp',
      76_000_000,
      38_000_000,
      38_000_000,
      'card',
    ]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(38_000_000)).toBe('38000000');
  });
  it('defuses cells a spreadsheet would run as formulas, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });
  it('writes a BOM, CRLF line ends and Vietnamese text intact', () => {
    expect(
      toCsv([
        ['Chủ thể', 'Hỗ trợ'],
        ['Đông Á', 38_000_000],
      ]),
    ).toBe('\uFEFFChủ thể,Hỗ trợ\r\nĐông Á,38000000\r\n');
  });
});
