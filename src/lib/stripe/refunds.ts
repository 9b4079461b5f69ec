/**
 * Refunds in the site's own words, shared by every payment kind: why money goes back, what a page shows of a
 * refund, and the idempotency key of a refund, derived from what is refunded so a retry never refunds twice. Pure.
 */

export const REFUND_REASONS = [
  'part_cancelled',
  'order_unfulfillable',
  'booth_unavailable',
  'booth_cancelled',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** requested = recorded here, not yet accepted by Stripe; the others are Stripe's statuses. */
export type RefundStatus = 'requested' | 'pending' | 'succeeded' | 'failed' | 'canceled';

/** What is refunded: a payment (by its PaymentIntent) of an order or booking, whole or one order part. */
export interface RefundTarget {
  kind: 'order' | 'booth';
  reference: string;
  paymentIntentId: string;
  partId?: number | null;
}

/** What shoppers, producers and promoters see of a refund. */
export interface RefundView {
  id: number;
  partId: number | null;
  amount: number;
  reason: RefundReason;
  status: RefundStatus;
  at: Date;
}

/** The idempotency key of a refund: one per payment and thing refunded (the whole payment, or one part). */
export function refundKey(target: RefundTarget): string {
  const what = target.partId == null ? 'all' : `part-${target.partId}`;
  return `refund:${target.kind}:${target.reference}:${target.paymentIntentId}:${what}`;
}

/** The refund status kept for a status Stripe answered (`requires_action` is still pending for the customer). */
export function refundStatusOf(providerStatus: string): RefundStatus {
  if (providerStatus === 'succeeded' || providerStatus === 'failed' || providerStatus === 'canceled')
    return providerStatus;
  return 'pending';
}
