/**
 * Writing an order inside the transaction that priced it: the stock is taken first (card: reserved until the
 * Checkout Session expires; cash: sold), conditionally, so it can never go below zero; then the order, one part per
 * producer with its line snapshots, and the history. A cash order's confirmation is queued in the same transaction.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  commerceProducts,
  orderLines,
  orderParts,
  orders,
  orderStatusChanges,
} from '~/lib/db/schema-commerce';
import type { CartLine } from '~/features/cart/cart';
import type { PricedOrder, PricedPart } from '~/features/cart/pricing';
import { queueOrderConfirmation } from '~/features/orders/confirmation.server';
import { initialPartStatus, orderNumberFrom } from '~/features/orders/orders';
import { reservationEnds, type PaymentStatus } from '~/features/orders/payment';
import type { CheckoutInput } from './checkout';

/** A product had fewer units than a line asked for when its stock was taken. */
export class StockConflict extends Error {
  constructor(readonly productId: string) {
    super(`not enough stock for ${productId}`);
  }
}

/** An order just written: what the card payment (if any) needs to know of it. */
export interface WrittenOrder {
  orderId: string;
  number: string;
  accessKey: string;
  priced: PricedOrder;
  /** Until when the stock is reserved for the card payment; null for cash on delivery. */
  reservedUntil: Date | null;
}

/** Takes each line's units from stock; throws StockConflict when a product has too few (or is withdrawn). */
async function takeStock(tx: Database, lines: readonly CartLine[]): Promise<void> {
  // Conditional decrement: even if a bug skipped the row lock, the WHERE and the CHECK refuse to oversell.
  // Ids are plain ASCII: compared by code unit, the same order the rows were locked in.
  const byId = [...lines].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  for (const line of byId) {
    const taken = await tx
      .update(commerceProducts)
      .set({ stock: sql`${commerceProducts.stock} - ${line.quantity}` })
      .where(
        and(
          eq(commerceProducts.productId, line.productId),
          gte(commerceProducts.stock, line.quantity),
          eq(commerceProducts.listed, true),
        ),
      )
      .returning({ stock: commerceProducts.stock });
    if (taken.length === 0) throw new StockConflict(line.productId);
  }
}

/** Writes one producer's part with its line snapshots and its first history entry. */
async function writePart(tx: Database, orderId: string, part: PricedPart, payment: PaymentStatus) {
  const status = initialPartStatus(payment);
  const [row] = await tx
    .insert(orderParts)
    .values({
      orderId,
      producerId: part.producerId,
      producerName: part.producerName,
      status,
      subtotal: part.subtotal,
      shipping: part.shipping,
    })
    .returning({ id: orderParts.id });
  const partId = row!.id;
  await tx.insert(orderLines).values(
    part.lines.map((line) => ({
      orderId,
      partId,
      productId: line.productId,
      nameVi: line.name.vi,
      nameEn: line.name.en,
      imagePath: line.imagePath,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    })),
  );
  await tx.insert(orderStatusChanges).values({ orderId, partId, toStatus: status, actor: 'system' });
}

/** Takes the stock and writes a priced order. Call inside the transaction that priced it with the rows locked. */
export async function writeOrder(
  tx: Database,
  input: CheckoutInput,
  priced: PricedOrder,
  context: { customerId: string | null; now: Date },
): Promise<WrittenOrder> {
  const orderId = randomUUID();
  const number = orderNumberFrom(randomBytes(8));
  const accessKey = randomBytes(18).toString('base64url');
  const paymentStatus: PaymentStatus = input.payment === 'cod' ? 'cash_on_delivery' : 'awaiting_payment';
  const reservedUntil = input.payment === 'card' ? reservationEnds(context.now) : null;
  const { customerId } = context;

  await takeStock(tx, input.lines);
  await tx.insert(orders).values({
    id: orderId,
    number,
    attemptId: input.attemptId,
    accessKey,
    customerId,
    email: input.contact.email,
    contactName: input.contact.name,
    phone: input.contact.phone,
    province: input.address.province,
    commune: input.address.commune,
    street: input.address.street,
    note: input.note,
    locale: input.locale,
    paymentMethod: input.payment,
    paymentStatus,
    subtotal: priced.subtotal,
    shipping: priced.shipping,
    total: priced.total,
    reservedUntil,
  });
  await tx
    .insert(orderStatusChanges)
    .values({ orderId, toStatus: paymentStatus, actor: customerId ? `user:${customerId}` : 'guest' });
  for (const part of priced.parts) await writePart(tx, orderId, part, paymentStatus);
  if (input.payment === 'cod') await queueOrderConfirmation(tx, { id: orderId });
  return { orderId, number, accessKey, priced, reservedUntil };
}
