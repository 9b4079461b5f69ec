/**
 * The shopper's messages about an order after it was placed (a part shipped or cancelled, a card payment failed or
 * expired), queued in the outbox in the transaction of the move they tell about (docs/notifications.md).
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderLines, orderParts, orders } from '~/lib/db/schema-commerce';
import { isLocale } from '~/lib/i18n/locales';
import { enqueueMessage } from '~/lib/mail/outbox';
import {
  partEventMessage,
  paymentLapsedMessage,
  type ShopperOrder,
} from '~/features/notifications/order-event-messages';

/** The site's address for links in messages (the `site` of astro.config.mjs). */
const SITE = import.meta.env.SITE ?? 'http://127.0.0.1:4321';

async function shopperOrder(tx: Database, orderId: string): Promise<ShopperOrder | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return undefined;
  return {
    number: order.number,
    email: order.email,
    contactName: order.contactName,
    locale: isLocale(order.locale) ? order.locale : 'vi',
    paymentMethod: order.paymentMethod,
    total: order.total,
  };
}

/** Queues the shopper's message about a part just shipped or cancelled. Call inside the move's transaction. */
export async function queuePartNotice(tx: Database, partId: number): Promise<void> {
  const [part] = await tx.select().from(orderParts).where(eq(orderParts.id, partId));
  if (!part || (part.status !== 'shipped' && part.status !== 'cancelled')) return;
  const order = await shopperOrder(tx, part.orderId);
  if (!order) return;
  const lines = (
    await tx.select().from(orderLines).where(eq(orderLines.partId, partId)).orderBy(asc(orderLines.id))
  ).map((line) => ({
    name: { vi: line.nameVi, en: line.nameEn },
    unitPrice: line.unitPrice,
    quantity: line.quantity,
  }));
  const event =
    part.status === 'shipped'
      ? {
          kind: 'shipped' as const,
          producerName: part.producerName,
          carrier: part.carrier ?? '',
          trackingNumber: part.trackingNumber ?? '',
          lines,
        }
      : {
          kind: 'cancelled' as const,
          producerName: part.producerName,
          reason: part.cancelReason ?? '',
          lines,
        };
  await enqueueMessage(tx, partEventMessage(order, event, SITE));
}

/** Queues the shopper's message that the card payment failed or expired. Call inside the outcome's transaction. */
export async function queuePaymentLapsedNotice(
  tx: Database,
  orderId: string,
  outcome: 'failed' | 'expired',
): Promise<void> {
  const order = await shopperOrder(tx, orderId);
  if (order) await enqueueMessage(tx, paymentLapsedMessage(order, outcome, SITE));
}
