/**
 * The card payments taken and the refunds sent back, on the database, for every payment kind. A refund is recorded
 * inside the transaction that decides it (status `requested`), and sent to Stripe after that transaction commits
 * by `sendRequestedRefunds`: nothing is sent for a decision that was rolled back, and a refund whose request
 * failed stays `requested` and is sent again later with the same idempotency key.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { cardPayments, refunds } from '~/lib/db/schema-payments';
import { refundKey, refundStatusOf, type RefundReason, type RefundTarget, type RefundView } from './refunds';
import { PaymentProviderError, type Payments } from './types';

export interface CardPaymentRecord {
  paymentIntentId: string;
  kind: 'order' | 'booth';
  reference: string;
  sessionId: string | null;
  amount: number;
}

/** Remembers a payment Stripe took (once; a repeated event changes nothing). Call inside the deciding transaction. */
export async function recordCardPayment(tx: Database, payment: CardPaymentRecord): Promise<void> {
  if (payment.amount <= 0) return;
  await tx.insert(cardPayments).values(payment).onConflictDoNothing();
}

/** The payment of an order or booking taken through one session (or its first payment), if any. */
export async function cardPaymentOf(
  tx: Database,
  kind: 'order' | 'booth',
  reference: string,
  sessionId?: string | null,
): Promise<(CardPaymentRecord & { refunded: number }) | null> {
  const conditions = [eq(cardPayments.kind, kind), eq(cardPayments.reference, reference)];
  if (sessionId) conditions.push(eq(cardPayments.sessionId, sessionId));
  const [row] = await tx
    .select()
    .from(cardPayments)
    .where(and(...conditions))
    .orderBy(asc(cardPayments.paidAt))
    .limit(1);
  return row ? { ...row, kind } : null;
}

export interface RefundDecision extends RefundTarget {
  amount: number;
  reason: RefundReason;
  actor: string;
}

/**
 * Records a refund to send, once per thing refunded (its idempotency key), and raises what the payment has had
 * refunded in one atomic UPDATE that refuses going past what it paid. Returns whether a refund was recorded now.
 * Call inside the transaction that decides the refund.
 */
export async function requestRefund(tx: Database, decision: RefundDecision): Promise<boolean> {
  if (decision.amount <= 0) return false;
  const inserted = await tx
    .insert(refunds)
    .values({
      paymentIntentId: decision.paymentIntentId,
      kind: decision.kind,
      reference: decision.reference,
      partId: decision.partId ?? null,
      amount: decision.amount,
      reason: decision.reason,
      actor: decision.actor,
      idempotencyKey: refundKey(decision),
    })
    .onConflictDoNothing({ target: refunds.idempotencyKey })
    .returning({ id: refunds.id });
  if (inserted.length === 0) return false;
  const raised = await tx
    .update(cardPayments)
    .set({ refunded: sql`${cardPayments.refunded} + ${decision.amount}` })
    .where(
      and(
        eq(cardPayments.paymentIntentId, decision.paymentIntentId),
        sql`${cardPayments.refunded} + ${decision.amount} <= ${cardPayments.amount}`,
      ),
    )
    .returning({ refunded: cardPayments.refunded });
  if (raised.length === 0)
    throw new Error(`refund of ${decision.amount} exceeds what payment ${decision.paymentIntentId} has left`);
  return true;
}

/**
 * Sends recorded refunds to Stripe (oldest first) and keeps Stripe's answer. A refund Stripe could not take now
 * stays `requested` for the next call; one it refused for good is marked failed. Returns how many were sent.
 */
export async function sendRequestedRefunds(
  db: Database,
  payments: Payments | null,
  limit = 20,
): Promise<number> {
  if (!payments) return 0;
  const open = await db
    .select()
    .from(refunds)
    .where(eq(refunds.status, 'requested'))
    .orderBy(asc(refunds.id))
    .limit(limit);
  let sent = 0;
  for (const refund of open) {
    try {
      const answer = await payments.createRefund({
        paymentIntentId: refund.paymentIntentId,
        amount: refund.amount,
        idempotencyKey: refund.idempotencyKey,
        metadata: { kind: refund.kind, reference: refund.reference, reason: refund.reason },
      });
      await db
        .update(refunds)
        .set({ status: refundStatusOf(answer.status), stripeRefundId: answer.id })
        .where(eq(refunds.id, refund.id));
      sent++;
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      console.error(`[refunds] refund ${refund.id} not sent: ${error.message}`);
      if (!error.retryable)
        await db.update(refunds).set({ status: 'failed' }).where(eq(refunds.id, refund.id));
    }
  }
  return sent;
}

/** Keeps Stripe's later word on a refund (a webhook). Returns whether a refund of ours was updated. */
export async function updateRefundStatus(
  tx: Database,
  stripeRefundId: string,
  providerStatus: string,
): Promise<boolean> {
  const updated = await tx
    .update(refunds)
    .set({ status: refundStatusOf(providerStatus) })
    .where(eq(refunds.stripeRefundId, stripeRefundId))
    .returning({ id: refunds.id });
  return updated.length > 0;
}

/** The refunds of some orders or bookings, oldest first, as pages show them. */
export async function refundsOf(
  db: Database,
  kind: 'order' | 'booth',
  references: readonly string[],
): Promise<(RefundView & { reference: string })[]> {
  if (references.length === 0) return [];
  const rows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.kind, kind), inArray(refunds.reference, [...references])))
    .orderBy(asc(refunds.id));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    partId: r.partId,
    amount: r.amount,
    reason: r.reason,
    status: r.status,
    at: r.createdAt,
  }));
}
