import { describe, expect, it } from 'vitest';
import { refundKey, refundStatusOf } from './refunds';

describe('refund idempotency key', () => {
  const payment = { kind: 'order' as const, reference: 'ord-1', paymentIntentId: 'pi_1' };

  it('is the same for the same thing refunded, so a retry never refunds twice', () => {
    expect(refundKey({ ...payment, partId: 7 })).toBe(refundKey({ ...payment, partId: 7 }));
    expect(refundKey({ ...payment, partId: 7 })).toBe('refund:order:ord-1:pi_1:part-7');
  });

  it('differs per part, per payment and for the whole payment', () => {
    const keys = new Set([
      refundKey({ ...payment, partId: 7 }),
      refundKey({ ...payment, partId: 8 }),
      refundKey({ ...payment, paymentIntentId: 'pi_2', partId: 7 }),
      refundKey(payment),
      refundKey({ ...payment, kind: 'booth' }),
    ]);
    expect(keys.size).toBe(5);
    expect(refundKey(payment)).toBe('refund:order:ord-1:pi_1:all');
  });
});

describe('refund status', () => {
  it('keeps Stripe’s final statuses and treats the rest as still pending', () => {
    expect(refundStatusOf('succeeded')).toBe('succeeded');
    expect(refundStatusOf('failed')).toBe('failed');
    expect(refundStatusOf('canceled')).toBe('canceled');
    expect(refundStatusOf('pending')).toBe('pending');
    expect(refundStatusOf('requires_action')).toBe('pending');
  });
});
