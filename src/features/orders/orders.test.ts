import { describe, expect, it } from 'vitest';
import {
  accessKeyParam,
  allowedMoves,
  canMove,
  initialPartStatus,
  normalizeOrderNumber,
  ORDER_NUMBER_ALPHABET,
  orderHeadline,
  orderLookupSchema,
  orderNumberFrom,
  PART_STATUSES,
  partMoveSchema,
  partRefundAmount,
  partStatusAfterPayment,
  returnsStock,
  SYSTEM_NOTES,
  systemNoteOf,
} from './orders';

describe('order numbers', () => {
  it('are 8 characters in two groups from an alphabet without look-alikes', () => {
    const number = orderNumberFrom(new Uint8Array([0, 1, 2, 3, 29, 30, 31, 255]));
    expect(number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(number).toBe('2345-Z23H');
    for (const ch of '01ILOU') expect(ORDER_NUMBER_ALPHABET).not.toContain(ch);
  });

  it('forgive case, spaces, dashes and a missing dash when typed back', () => {
    expect(normalizeOrderNumber(' k7mq 4xp9 ')).toBe('K7MQ-4XP9');
    expect(normalizeOrderNumber('K7MQ4XP9')).toBe('K7MQ-4XP9');
    expect(normalizeOrderNumber('K7MQ-4XP')).toBeNull();
    expect(normalizeOrderNumber('K7MQ-4XP0')).toBeNull();
  });

  it('are validated by the look-up form with field messages', () => {
    expect(orderLookupSchema.parse({ number: 'k7mq-4xp9', email: ' A@B.VN ' })).toEqual({
      number: 'K7MQ-4XP9',
      email: 'a@b.vn',
    });
    const bad = orderLookupSchema.safeParse({ number: 'hello', email: 'nope' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['number', 'orderNumberInvalid'],
      ['email', 'emailInvalid'],
    ]);
  });
});

describe('a producer’s part', () => {
  it('moves placed → processing → shipped → delivered, and cancels only before shipping', () => {
    expect(allowedMoves('placed')).toEqual(['processing', 'cancelled']);
    expect(allowedMoves('processing')).toEqual(['shipped', 'cancelled']);
    expect(allowedMoves('shipped')).toEqual(['delivered']);
    for (const final of ['delivered', 'cancelled', 'voided', 'awaiting_payment'] as const)
      expect(allowedMoves(final)).toEqual([]);
    expect(canMove('placed', 'shipped')).toBe(false);
    expect(canMove('shipped', 'cancelled')).toBe(false);
  });

  it('returns stock only when cancelled or voided', () => {
    expect(PART_STATUSES.filter(returnsStock)).toEqual(['cancelled', 'voided']);
  });

  it('follows the payment: placed when paid or cash on delivery, voided when it fails or expires', () => {
    expect(initialPartStatus('cash_on_delivery')).toBe('placed');
    expect(initialPartStatus('awaiting_payment')).toBe('awaiting_payment');
    expect(partStatusAfterPayment('awaiting_payment', 'paid')).toBe('placed');
    expect(partStatusAfterPayment('awaiting_payment', 'failed')).toBe('voided');
    expect(partStatusAfterPayment('awaiting_payment', 'expired')).toBe('voided');
    expect(partStatusAfterPayment('awaiting_payment', 'payment_processing')).toBeNull();
    // A part the producer already moved is never touched by a late payment event.
    expect(partStatusAfterPayment('processing', 'failed')).toBeNull();
    expect(partStatusAfterPayment('voided', 'paid')).toBe('placed');
    expect(partStatusAfterPayment('voided', 'expired')).toBeNull();
    expect(partStatusAfterPayment('cancelled', 'paid')).toBeNull();
  });

  it('refunds a part’s goods and delivery fee, never more than is left of the payment', () => {
    const part = { subtotal: 90_000, shipping: 30_000 };
    expect(partRefundAmount(part, { amount: 200_000, refunded: 0 })).toBe(120_000);
    expect(partRefundAmount(part, { amount: 200_000, refunded: 100_000 })).toBe(100_000);
    expect(partRefundAmount(part, { amount: 200_000, refunded: 200_000 })).toBe(0);
  });
});

describe('partMoveSchema', () => {
  it('needs carrier and tracking to ship, a reason to cancel', () => {
    expect(
      partMoveSchema.parse({
        partId: '7',
        to: 'shipped',
        carrier: 'Viettel Post',
        trackingNumber: 'VTP-123',
      }),
    ).toEqual({
      partId: 7,
      to: 'shipped',
      carrier: 'Viettel Post',
      trackingNumber: 'VTP-123',
    });
    const missing = partMoveSchema.safeParse({ partId: '7', to: 'shipped', carrier: '' });
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['carrier', 'carrierRequired'],
      ['trackingNumber', 'trackingRequired'],
    ]);
    expect(partMoveSchema.safeParse({ partId: '7', to: 'cancelled' }).error?.issues[0]?.message).toBe(
      'reasonRequired',
    );
    expect(
      partMoveSchema.parse({ partId: '7', to: 'cancelled', reason: ' Hết hàng ', carrier: 'x' }),
    ).toEqual({ partId: 7, to: 'cancelled', reason: 'Hết hàng' });
  });

  it('refuses unknown moves and part ids', () => {
    expect(partMoveSchema.safeParse({ partId: '7', to: 'paid' }).success).toBe(false);
    expect(partMoveSchema.safeParse({ partId: '-1', to: 'processing' }).success).toBe(false);
    expect(partMoveSchema.safeParse({ partId: 'abc', to: 'processing' }).success).toBe(false);
  });
});

describe('orderHeadline', () => {
  it('summarises payment and parts', () => {
    expect(orderHeadline('paid', ['placed', 'processing'])).toBe('paid');
    expect(orderHeadline('paid', ['shipped', 'delivered'])).toBe('shipped');
    expect(orderHeadline('cash_on_delivery', ['delivered', 'cancelled'])).toBe('delivered');
    expect(orderHeadline('paid', ['cancelled', 'cancelled'])).toBe('cancelled');
    expect(orderHeadline('expired', ['voided'])).toBe('expired');
  });
});

describe('access keys read from a link', () => {
  it('are kept when present and not longer than any key issued', () => {
    expect(accessKeyParam('abc')).toBe('abc');
    expect(accessKeyParam('x'.repeat(64))).toBe('x'.repeat(64));
    expect(accessKeyParam('x'.repeat(65))).toBeNull();
    expect(accessKeyParam('')).toBeNull();
    expect(accessKeyParam(null)).toBeNull();
    expect(accessKeyParam('abc\u0000')).toBeNull();
    expect(accessKeyParam('abc def')).toBeNull();
    expect(accessKeyParam('Zk3_9a-Q')).toBe('Zk3_9a-Q');
  });
});

describe('system notes in the history', () => {
  it('are recognised by their stored text; anything else is not one of them', () => {
    expect(systemNoteOf(SYSTEM_NOTES.reservationLapsed)).toBe('reservationLapsed');
    expect(systemNoteOf(SYSTEM_NOTES.cancelledByShopper)).toBe('cancelledByShopper');
    expect(systemNoteOf('Stripe: rate limited')).toBeNull();
    expect(systemNoteOf(null)).toBeNull();
  });
});
