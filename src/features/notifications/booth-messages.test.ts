import { describe, expect, it } from 'vitest';
import { bookingMessage, isNotifiedBookingStatus, type BookingNotice } from './booth-messages';

const notice: BookingNotice = {
  bookingId: 'b-1',
  status: 'held',
  fairName: { vi: 'Hội chợ OCOP Bến Tre', en: 'Ben Tre OCOP Fair' },
  boothCode: 'A1',
  total: 76_000_000,
  subsidy: 38_000_000,
  producerPays: 38_000_000,
  expiresAt: new Date('2026-11-21T03:30:00Z'),
  note: null,
  cancellationFee: null,
  refund: null,
};
const vi = { email: 'p@example.com', name: 'Đông Á', locale: 'vi' as const };
const en = { ...vi, locale: 'en' as const };

describe('booth booking messages', () => {
  it('a hold says until when, and what the producer pays after the subsidy', () => {
    const message = bookingMessage(notice, vi, 'https://ocop.example');
    expect(message).toMatchObject({ kind: 'booking-held', recipient: 'p@example.com' });
    expect(message.subject).toBe('Chợ OCOP: đã giữ gian hàng A1 tại Hội chợ OCOP Bến Tre');
    expect(message.text).toContain('10:30');
    expect(message.text).toMatch(/hỗ trợ 38\.000\.000/);
    expect(message.text).toContain('https://ocop.example/fairs/bookings/b-1');
  });

  it('a refusal gives the reason, a cancellation the fee and the refund, in the account language', () => {
    const refused = bookingMessage(
      { ...notice, status: 'refused', note: 'Hồ sơ <thiếu>' },
      en,
      'https://x.example',
    );
    expect(refused.subject).toBe('OCOP Market: booth A1 at Ben Tre OCOP Fair refused');
    expect(refused.text).toContain('Reason: Hồ sơ <thiếu>');
    expect(refused.html).toContain('Reason: Hồ sơ &lt;thiếu&gt;');
    const cancelled = bookingMessage(
      { ...notice, status: 'cancelled', cancellationFee: 19_000_000, refund: 19_000_000 },
      en,
      'https://x.example',
    );
    expect(cancelled.text).toMatch(/Cancellation fee: ₫19,000,000; refund: ₫19,000,000/);
  });

  it('producers hear about the moves that concern them only', () => {
    expect(isNotifiedBookingStatus('confirmed')).toBe(true);
    expect(isNotifiedBookingStatus('voided')).toBe(false);
  });
});
