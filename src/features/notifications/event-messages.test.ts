import { describe, expect, it } from 'vitest';
import { holdReminderAt, holdReminderMessage, type BookingNotice } from './booth-messages';
import { listingDecisionMessage } from './listing-messages';
import { partEventMessage, paymentLapsedMessage, type ShopperOrder } from './order-event-messages';

const SITE = 'https://ocop.example';
const order: ShopperOrder = {
  number: 'OCOP-7K2M9Q',
  email: 'lan@example.com',
  contactName: 'Lan <b>',
  locale: 'vi',
  paymentMethod: 'card',
  total: 410_000,
};
const lines = [{ name: { vi: 'Kẹo dừa', en: 'Coconut candy' }, unitPrice: 60_000, quantity: 2 }];

describe('order part messages to the shopper', () => {
  it('a shipped part names the producer, carrier and tracking number, and links to the look-up page', () => {
    const message = partEventMessage(
      order,
      { kind: 'shipped', producerName: 'Đông Á', carrier: 'VNPost', trackingNumber: 'EB123VN', lines },
      SITE,
    );
    expect(message).toMatchObject({ kind: 'order-part-shipped', recipient: 'lan@example.com' });
    expect(message.subject).toBe('Chợ OCOP: một phần đơn hàng OCOP-7K2M9Q đã được gửi đi');
    expect(message.text).toContain('qua VNPost, mã vận đơn EB123VN');
    expect(message.text).toContain('2 × Kẹo dừa: 120.000');
    expect(message.text).toContain(`${SITE}/orders/lookup`);
    expect(message.html).toContain('Lan &lt;b&gt;');
    expect(message.html).not.toContain('Lan <b>');
  });

  it('a cancelled part gives the reason and, paid by card, says the money goes back', () => {
    const en = { ...order, locale: 'en' as const };
    const message = partEventMessage(
      en,
      { kind: 'cancelled', producerName: 'Dong A', reason: 'Out of season', lines },
      SITE,
    );
    expect(message.kind).toBe('order-part-cancelled');
    expect(message.subject).toBe('OCOP Market: part of order OCOP-7K2M9Q was cancelled');
    expect(message.text).toContain('Reason: Out of season');
    expect(message.text).toContain('goes back to your card');
    expect(message.text).toContain(`${SITE}/en/orders/lookup`);
    const cash = partEventMessage(
      { ...en, paymentMethod: 'cod' },
      { kind: 'cancelled', producerName: 'Dong A', reason: ' ', lines },
      SITE,
    );
    expect(cash.text).toContain('Reason: (no reason given)');
    expect(cash.text).toContain('You pay nothing for this part');
  });
});

describe('card payment that did not go through', () => {
  it('says what happened to the order and what to do, with the cart link', () => {
    const failed = paymentLapsedMessage(order, 'failed', SITE);
    expect(failed.kind).toBe('order-payment-failed');
    expect(failed.subject).toBe('Chợ OCOP: thanh toán đơn hàng OCOP-7K2M9Q không thành công');
    expect(failed.text).toMatch(/410\.000/);
    expect(failed.text).toContain('không bị trừ tiền');
    expect(failed.text).toContain(`${SITE}/cart`);
    const expired = paymentLapsedMessage({ ...order, locale: 'en' }, 'expired', SITE);
    expect(expired.subject).toBe('OCOP Market: the payment for order OCOP-7K2M9Q timed out');
    expect(expired.text).toContain('you were not charged');
    expect(expired.text).toContain(`${SITE}/en/cart`);
  });
});

describe('booth hold reminder', () => {
  const placed = new Date('2026-11-21T03:00:00Z');
  it('goes when a quarter of the hold is left, and not for holds under 15 minutes', () => {
    expect(holdReminderAt(placed, new Date('2026-11-21T03:30:00Z'))).toEqual(
      new Date('2026-11-21T03:22:30Z'),
    );
    expect(holdReminderAt(placed, new Date('2026-11-24T03:00:00Z'))).toEqual(
      new Date('2026-11-23T09:00:00Z'),
    );
    expect(holdReminderAt(placed, new Date('2026-11-21T03:10:00Z'))).toBeNull();
    expect(
      holdReminderAt(placed, new Date('2026-11-21T03:10:00Z'), { shareLeft: 0.5, minimumHoldMinutes: 0 }),
    ).toEqual(new Date('2026-11-21T03:05:00Z'));
  });

  it('says until when and what to pay, in the account language', () => {
    const notice: BookingNotice = {
      bookingId: 'b-1',
      status: 'held',
      fairName: { vi: 'Hội chợ Bến Tre', en: 'Ben Tre Fair' },
      boothCode: 'A1',
      total: 76_000_000,
      subsidy: 38_000_000,
      producerPays: 38_000_000,
      expiresAt: new Date('2026-11-21T03:30:00Z'),
      note: null,
      cancellationFee: null,
      refund: null,
    };
    const message = holdReminderMessage(
      notice,
      { email: 'p@example.com', name: 'Đông Á', locale: 'en' },
      SITE,
    );
    expect(message.kind).toBe('booking-reminder');
    expect(message.subject).toBe('OCOP Market: your hold on booth A1 at Ben Tre Fair runs out soon');
    expect(message.text).toContain('until 21 Nov 2026, 10:30');
    expect(message.text).toContain('38,000,000');
    expect(message.text).toContain(`${SITE}/en/fairs/bookings/b-1`);
  });
});

describe('listing decisions', () => {
  const producer = { email: 'p@example.com', name: 'Đông Á', locale: 'vi' as const };
  it('an approval and a rejection with its reason, linking to the listing', () => {
    const decision = { listingId: 'l-1', name: { vi: 'Kẹo dừa', en: '' } };
    const approved = listingDecisionMessage({ ...decision, decision: 'approved' }, producer, SITE);
    expect(approved.subject).toBe('Chợ OCOP: sản phẩm Kẹo dừa đã được duyệt');
    expect(approved.text).toContain(`${SITE}/producer/listings/l-1`);
    const rejected = listingDecisionMessage(
      { ...decision, decision: 'rejected', reason: 'Ảnh <mờ>' },
      { ...producer, locale: 'en' },
      SITE,
    );
    expect(rejected.kind).toBe('listing-rejected');
    expect(rejected.subject).toBe('OCOP Market: Kẹo dừa was not approved');
    expect(rejected.text).toContain('Reason: Ảnh <mờ>');
    expect(rejected.html).toContain('Ảnh &lt;mờ&gt;');
  });
});
