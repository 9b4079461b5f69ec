/**
 * Money that goes back to card-paying shoppers: a part cancelled by its producer after payment, and a payment that
 * arrived after the order's stock was let go (each voided part is reserved again if its stock is still there,
 * otherwise refunded). Refunds are recorded here, inside the deciding transaction; the service sends them to
 * Stripe once it has committed (`sendRequestedRefunds`).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { commerceProducts, orderLines, type orders } from '~/lib/db/schema-commerce';
import { cardPaymentOf, recordCardPayment, requestRefund } from '~/lib/stripe/refund-ledger.server';
import type { RefundReason } from '~/lib/stripe/refunds';
import { partRefundAmount } from './orders';

type OrderRow = typeof orders.$inferSelect;

/**
 * Takes a voided part's units out of stock again, all or none: the products' rows are locked (in id order, like
 * every other stock write) and the units taken only when every line is still in stock. Returns whether it did.
 */
export async function reserveAgain(tx: Database, partId: number): Promise<boolean> {
  const lines = await tx
    .select({ productId: orderLines.productId, quantity: sql<number>`sum(${orderLines.quantity})::int` })
    .from(orderLines)
    .where(eq(orderLines.partId, partId))
    .groupBy(orderLines.productId)
    .orderBy(asc(orderLines.productId));
  if (lines.length === 0) return false;
  const stock = await tx
    .select({ productId: commerceProducts.productId, stock: commerceProducts.stock })
    .from(commerceProducts)
    .where(
      inArray(
        commerceProducts.productId,
        lines.map((l) => l.productId),
      ),
    )
    .orderBy(asc(commerceProducts.productId))
    .for('update');
  const left = new Map(stock.map((p) => [p.productId, p.stock]));
  if (lines.some((l) => (left.get(l.productId) ?? 0) < l.quantity)) return false;
  for (const line of lines) {
    await tx
      .update(commerceProducts)
      .set({ stock: sql`${commerceProducts.stock} - ${line.quantity}` })
      .where(eq(commerceProducts.productId, line.productId));
  }
  return true;
}

/** Remembers what Stripe took for an order when it turns paid (the session's amount, else the order's total). */
export async function recordOrderPayment(
  tx: Database,
  order: OrderRow,
  paymentIntentId: string | null | undefined,
  amountTotal: number | null | undefined,
): Promise<void> {
  const intent = paymentIntentId ?? order.stripePaymentIntentId;
  if (!intent) return;
  await recordCardPayment(tx, {
    paymentIntentId: intent,
    kind: 'order',
    reference: order.id,
    sessionId: order.stripeSessionId,
    amount: amountTotal ?? order.total,
  });
}

/**
 * Records the refund of one part of a card-paid order (its goods and delivery fee). Returns whether one was
 * recorded; an order without a recorded card payment (cash on delivery) has nothing to refund.
 */
export async function refundPart(
  tx: Database,
  orderId: string,
  part: { id: number; subtotal: number; shipping: number },
  reason: Extract<RefundReason, 'part_cancelled' | 'order_unfulfillable'>,
  actor: string,
): Promise<boolean> {
  const payment = await cardPaymentOf(tx, 'order', orderId);
  if (!payment) return false;
  return requestRefund(tx, {
    kind: 'order',
    reference: orderId,
    paymentIntentId: payment.paymentIntentId,
    partId: part.id,
    amount: partRefundAmount(part, payment),
    reason,
    actor,
  });
}
