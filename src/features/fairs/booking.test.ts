import { describe, expect, it } from 'vitest';
import type { Actor } from '~/features/accounts/accounts';
import {
  applyingProducer,
  boothPaymentFate,
  cancellationRefund,
  approvedExpiresAt,
  bookingProblems,
  boothState,
  canMove,
  hasLapsed,
  holdExpiresAt,
  nextStatus,
  paymentDue,
  paymentSchedule,
  BOOKING_STATUSES,
} from './booking';

const now = new Date('2026-11-21T03:00:00Z');
const fair = { id: 'f1', status: 'published' as const, applicationDeadline: '2026-12-01' };

describe('booking moves', () => {
  const paying = { needsApproval: false, producerPays: 38_000_000 };
  const approval = { needsApproval: true, producerPays: 38_000_000 };
  it('without approval: a hold is paid into a confirmed booking, or confirmed at once when nothing is owed', () => {
    expect(nextStatus('held', 'pay', paying)).toBe('confirmed');
    expect(nextStatus('held', 'submit', paying)).toBeNull();
    expect(nextStatus('held', 'submit', { needsApproval: false, producerPays: 0 })).toBe('confirmed');
  });
  it('with approval: submit → pending → approved → paid', () => {
    expect(nextStatus('held', 'pay', approval)).toBeNull();
    expect(nextStatus('held', 'submit', approval)).toBe('pending');
    expect(nextStatus('pending', 'approve', approval)).toBe('approved');
    expect(nextStatus('pending', 'approve', { needsApproval: true, producerPays: 0 })).toBe('confirmed');
    expect(nextStatus('pending', 'refuse', approval)).toBe('refused');
    expect(nextStatus('approved', 'pay', approval)).toBe('confirmed');
  });
  it('only holds and approvals expire; every active booking can be cancelled; ended ones cannot move', () => {
    expect(nextStatus('held', 'expire', paying)).toBe('expired');
    expect(nextStatus('approved', 'expire', paying)).toBe('expired');
    expect(nextStatus('pending', 'expire', paying)).toBeNull();
    expect(nextStatus('confirmed', 'expire', paying)).toBeNull();
    for (const s of ['held', 'pending', 'approved', 'confirmed'] as const)
      expect(nextStatus(s, 'cancel', paying)).toBe('cancelled');
    for (const s of ['cancelled', 'expired', 'refused'] as const) {
      for (const e of ['submit', 'approve', 'refuse', 'pay', 'expire', 'cancel'] as const)
        expect(nextStatus(s, e, paying)).toBeNull();
    }
    expect(BOOKING_STATUSES).toHaveLength(7);
  });
});

describe('what may happen next', () => {
  const owing = { producerPays: 43_000_000 };
  it('a held booking of a fair that needs approval cannot be paid; an approved one can', () => {
    const approval = { needsApproval: true };
    expect(paymentDue({ status: 'held', ...owing }, approval)).toBe(false);
    expect(paymentDue({ status: 'pending', ...owing }, approval)).toBe(false);
    expect(paymentDue({ status: 'approved', ...owing }, approval)).toBe(true);
    expect(canMove({ status: 'held', ...owing }, approval, 'submit')).toBe(true);
  });
  it('without approval a hold is paid at once; nothing is due when nothing is owed or the booking is over', () => {
    const open = { needsApproval: false };
    expect(paymentDue({ status: 'held', ...owing }, open)).toBe(true);
    expect(paymentDue({ status: 'held', producerPays: 0 }, open)).toBe(false);
    expect(canMove({ status: 'held', producerPays: 0 }, open, 'submit')).toBe(true);
    expect(canMove({ status: 'held', ...owing }, open, 'submit')).toBe(false);
    for (const status of ['confirmed', 'cancelled', 'expired', 'refused'] as const)
      expect(paymentDue({ status, ...owing }, open)).toBe(false);
  });
  it('only a producer account holds booths for itself', () => {
    const actor = (role: Actor['role'], producerId: string | null): Actor => ({
      id: 'u1',
      role,
      producerId,
      provinceId: role === 'promoter' ? 'ben-tre' : null,
    });
    expect(applyingProducer(actor('producer', 'dong-a'))).toBe('dong-a');
    expect(applyingProducer(actor('producer', null))).toBeNull();
    expect(applyingProducer(actor('promoter', null))).toBeNull();
    expect(applyingProducer(actor('shopper', 'dong-a'))).toBeNull();
    expect(applyingProducer(null)).toBeNull();
  });
});

describe('expiry', () => {
  it('a hold lapses exactly when its minutes are up', () => {
    const expiresAt = holdExpiresAt(now, 15);
    expect(expiresAt.toISOString()).toBe('2026-11-21T03:15:00.000Z');
    expect(hasLapsed({ status: 'held', expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(false);
    expect(hasLapsed({ status: 'held', expiresAt }, expiresAt)).toBe(true);
    expect(hasLapsed({ status: 'confirmed', expiresAt }, new Date('2030-01-01'))).toBe(false);
    expect(approvedExpiresAt(now).toISOString()).toBe('2026-11-24T03:00:00.000Z');
  });
});

describe('booking problems', () => {
  it('refuses a booth of another fair, a blocked booth, an unpublished fair and a passed deadline', () => {
    expect(bookingProblems({ fair, booth: { fairId: 'other', blocked: false }, now })).toEqual({
      boothId: 'booking.boothNotInFair',
    });
    expect(bookingProblems({ fair, booth: null, now })).toEqual({ boothId: 'booking.boothNotInFair' });
    expect(bookingProblems({ fair, booth: { fairId: 'f1', blocked: true }, now })).toEqual({
      boothId: 'booking.boothBlocked',
    });
    expect(
      bookingProblems({ fair: { ...fair, status: 'draft' }, booth: { fairId: 'f1', blocked: false }, now }),
    ).toEqual({ fairId: 'booking.fairNotOpen' });
    const late = new Date('2026-12-01T17:00:00Z');
    expect(bookingProblems({ fair, booth: { fairId: 'f1', blocked: false }, now: late })).toEqual({
      fairId: 'booking.deadlinePassed|2026-12-01',
    });
    expect(
      bookingProblems({ fair, booth: { fairId: 'f1', blocked: false }, now: late, onBehalf: true }),
    ).toEqual({});
    expect(bookingProblems({ fair, booth: { fairId: 'f1', blocked: false }, now })).toEqual({});
  });
});

describe('booth state on the plan', () => {
  const open = { blocked: false };
  it('shows available, held, booked and blocked', () => {
    expect(boothState(open, null, now)).toBe('available');
    expect(boothState(open, { status: 'held', expiresAt: holdExpiresAt(now, 10) }, now)).toBe('held');
    expect(boothState(open, { status: 'pending', expiresAt: null }, now)).toBe('held');
    expect(boothState(open, { status: 'confirmed', expiresAt: null }, now)).toBe('booked');
    expect(boothState({ blocked: true }, null, now)).toBe('blocked');
  });
  it('shows a lapsed hold as available before the sweep has run', () => {
    expect(boothState(open, { status: 'held', expiresAt: now }, now)).toBe('available');
  });
});

describe('payment schedule', () => {
  const base = {
    producerPays: 38_000_000,
    subsidy: 38_000_000,
    status: 'held' as const,
    expiresAt: holdExpiresAt(now, 30),
    needsApproval: false,
    fairEndsOn: '2026-12-14',
    cardAvailable: true,
  };
  it('the producer pays its share online before the hold lapses; the province settles the subsidy after the fair', () => {
    expect(paymentSchedule(base)).toEqual([
      { key: 'producerDue', amount: 38_000_000, by: base.expiresAt, method: 'online' },
      { key: 'subsidySettled', amount: 38_000_000, afterDay: '2026-12-14' },
    ]);
  });
  it('says bank transfer when card payment is unavailable, and waits for approval first where needed', () => {
    expect(paymentSchedule({ ...base, cardAvailable: false, needsApproval: true })).toEqual([
      { key: 'awaitApproval' },
      { key: 'producerDue', amount: 38_000_000, by: base.expiresAt, method: 'transfer' },
      { key: 'subsidySettled', amount: 38_000_000, afterDay: '2026-12-14' },
    ]);
  });
  it('nothing is due when the subsidy covers everything', () => {
    expect(paymentSchedule({ ...base, producerPays: 0, subsidy: 76_000_000 })[0]).toEqual({
      key: 'producerDue',
      amount: 0,
      by: null,
      method: 'none',
    });
  });
});

describe('a card payment of a booking', () => {
  const share = { producerPays: 2_000_000, paymentRef: null };
  const payment = { sessionId: 'cs_1', amount: 2_000_000, currency: 'vnd' };

  it('confirms a held or approved booking paid exactly its share', () => {
    expect(boothPaymentFate({ ...share, status: 'held' }, payment)).toBe('confirm');
    expect(boothPaymentFate({ ...share, status: 'approved' }, payment)).toBe('confirm');
  });

  it('changes nothing when the same payment already confirmed it', () => {
    expect(boothPaymentFate({ ...share, status: 'confirmed', paymentRef: 'cs_1' }, payment)).toBe('keep');
    // Cancelled later: the cancellation refunded the share less the fee; this payment is not refunded again.
    expect(boothPaymentFate({ ...share, status: 'cancelled', paymentRef: 'cs_1' }, payment)).toBe('keep');
  });

  it('is refunded when the booth cannot be given for it', () => {
    for (const status of ['expired', 'cancelled', 'refused', 'pending'] as const)
      expect(boothPaymentFate({ ...share, status }, payment)).toBe('refund');
    expect(boothPaymentFate({ ...share, status: 'confirmed', paymentRef: 'VCB-1' }, payment)).toBe('refund');
    expect(boothPaymentFate({ ...share, status: 'held' }, { ...payment, amount: 1_999_999 })).toBe('refund');
    expect(boothPaymentFate({ ...share, status: 'held' }, { ...payment, currency: 'usd' })).toBe('refund');
  });

  it('gives a cancelled card booking its share less the fee back, nothing for a transfer', () => {
    expect(cancellationRefund({ status: 'cancelled', paidBy: 'card', refund: 1_500_000 })).toBe(1_500_000);
    expect(cancellationRefund({ status: 'cancelled', paidBy: 'transfer', refund: 1_500_000 })).toBe(0);
    expect(cancellationRefund({ status: 'confirmed', paidBy: 'card', refund: null })).toBe(0);
  });
});
