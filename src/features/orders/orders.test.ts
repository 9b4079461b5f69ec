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
  partStatusAfterPayment,
  returnsStock,
  holdsReservation,
  nextPaymentStatus,
  outcomeOfCompletedSession,
  PAYMENT_STATUSES,
  paymentAccepted,
  reservationEnds,
  reservationLapsed,
  RESERVATION_GRACE_MINUTES,
  RESERVATION_MINUTES,
  type PaymentOutcome,
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

describe('reservation', () => {
  const placed = new Date('2026-11-21T10:00:00Z');
  it('lasts the Checkout Session’s lifetime (Stripe allows 30 minutes to 24 hours)', () => {
    expect(RESERVATION_MINUTES).toBeGreaterThanOrEqual(30);
    expect(reservationEnds(placed).toISOString()).toBe('2026-11-21T10:30:00.000Z');
  });
  it('lapses only after the grace period for Stripe’s own expiry event', () => {
    const until = reservationEnds(placed);
    expect(reservationLapsed(until, until)).toBe(false);
    expect(reservationLapsed(until, new Date(until.getTime() + RESERVATION_GRACE_MINUTES * 60_000 - 1))).toBe(
      false,
    );
    expect(reservationLapsed(until, new Date(until.getTime() + RESERVATION_GRACE_MINUTES * 60_000))).toBe(
      true,
    );
  });
});

describe('payment status transitions', () => {
  it('moves an open payment by each outcome', () => {
    expect(nextPaymentStatus('awaiting_payment', 'paid')).toBe('paid');
    expect(nextPaymentStatus('awaiting_payment', 'processing')).toBe('payment_processing');
    expect(nextPaymentStatus('awaiting_payment', 'failed')).toBe('failed');
    expect(nextPaymentStatus('awaiting_payment', 'expired')).toBe('expired');
    expect(nextPaymentStatus('payment_processing', 'paid')).toBe('paid');
    expect(nextPaymentStatus('payment_processing', 'failed')).toBe('failed');
  });

  it('ends in the right state whatever order outcomes arrive in', () => {
    const outcomes: PaymentOutcome[] = ['processing', 'paid'];
    const run = (list: PaymentOutcome[]) =>
      list.reduce(nextPaymentStatus, 'awaiting_payment' as (typeof PAYMENT_STATUSES)[number]);
    expect(run(outcomes)).toBe('paid');
    expect(run([...outcomes].reverse())).toBe('paid');
    expect(run(['processing', 'failed'])).toBe('failed');
    expect(run(['failed', 'processing'])).toBe('failed');
    // A completed session cannot expire: a stray expiry after completion changes nothing.
    expect(run(['processing', 'expired'])).toBe('payment_processing');
    expect(run(['paid', 'expired'])).toBe('paid');
  });

  it('never leaves a final state, and a repeated outcome is a no-op', () => {
    for (const final of ['paid', 'failed', 'expired', 'cash_on_delivery'] as const) {
      for (const outcome of ['paid', 'processing', 'failed', 'expired'] as const) {
        expect(nextPaymentStatus(final, outcome)).toBe(final);
      }
    }
  });

  it('knows which statuses hold stock', () => {
    expect(PAYMENT_STATUSES.filter(holdsReservation)).toEqual(['awaiting_payment', 'payment_processing']);
  });

  it('reads a completed session’s payment_status', () => {
    expect(outcomeOfCompletedSession('paid')).toBe('paid');
    expect(outcomeOfCompletedSession('no_payment_required')).toBe('paid');
    expect(outcomeOfCompletedSession('unpaid')).toBe('processing');
  });
});

describe('an accepted payment', () => {
  it('is paid, being settled or cash on delivery', () => {
    expect(PAYMENT_STATUSES.filter(paymentAccepted)).toEqual([
      'payment_processing',
      'paid',
      'cash_on_delivery',
    ]);
  });
});

describe('access keys read from a link', () => {
  it('are kept when present and not longer than any key issued', () => {
    expect(accessKeyParam('abc')).toBe('abc');
    expect(accessKeyParam('x'.repeat(64))).toBe('x'.repeat(64));
    expect(accessKeyParam('x'.repeat(65))).toBeNull();
    expect(accessKeyParam('')).toBeNull();
    expect(accessKeyParam(null)).toBeNull();
  });
});
