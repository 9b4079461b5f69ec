import { describe, expect, it } from 'vitest';
import {
  holdsReservation,
  nextPaymentStatus,
  outcomeOfCompletedSession,
  PAYMENT_STATUSES,
  paidAfterRelease,
  paymentAccepted,
  paymentStatusOf,
  reservationEnds,
  reservationLapsed,
  RESERVATION_GRACE_MINUTES,
  RESERVATION_MINUTES,
  type PaymentOutcome,
} from './payment';

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

  it('lets money taken win: a late paid after an expiry or a failure ends paid, nothing leaves paid', () => {
    expect(nextPaymentStatus('expired', 'paid')).toBe('paid');
    expect(nextPaymentStatus('failed', 'paid')).toBe('paid');
    expect(paidAfterRelease('expired', 'paid')).toBe(true);
    expect(paidAfterRelease('failed', 'paid')).toBe(true);
    expect(paidAfterRelease('awaiting_payment', 'paid')).toBe(false);
    expect(paidAfterRelease('payment_processing', 'paid')).toBe(false);
    for (const outcome of ['paid', 'processing', 'failed', 'expired'] as const) {
      expect(nextPaymentStatus('paid', outcome)).toBe('paid');
      expect(nextPaymentStatus('cash_on_delivery', outcome)).toBe('cash_on_delivery');
    }
    expect(nextPaymentStatus('failed', 'expired')).toBe('failed');
    expect(nextPaymentStatus('failed', 'processing')).toBe('failed');
    expect(nextPaymentStatus('expired', 'expired')).toBe('expired');
  });

  it('ends in the same status for every order and every repetition of the same events', () => {
    const sets: [PaymentOutcome[], string][] = [
      [['paid', 'expired'], 'paid'],
      [['processing', 'paid', 'expired'], 'paid'],
      [['processing', 'failed', 'expired'], 'failed'],
      [['processing', 'failed', 'paid'], 'paid'],
      [['processing', 'expired'], 'payment_processing'],
      [['expired'], 'expired'],
    ];
    for (const [events, expected] of sets) {
      for (const order of permutations([...events, events[0]!])) {
        expect(paymentStatusOf(order), order.join(' → ')).toBe(expected);
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

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
