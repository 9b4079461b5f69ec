/**
 * The messages of a confirmed order (the shopper's, and each producer's with only its lines), queued in the outbox
 * in the transaction that confirms the order; the delivery worker sends them (docs/notifications.md).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderLines, orderParts, orders } from '~/lib/db/schema-commerce';
import { isLocale, type Locale } from '~/lib/i18n/locales';
import { enqueueMessage } from '~/lib/mail/outbox';
import { producerRecipients } from '~/lib/mail/recipients';
import { orderPlacedMessages, type PlacedOrder } from '~/features/notifications/order-messages';

/** The order to confirm: its id (the rest is read in the same transaction). */
export interface ConfirmedOrder {
  id: string;
}

/** The site's address for links in messages (the `site` of astro.config.mjs). */
const SITE = import.meta.env.SITE ?? 'http://127.0.0.1:4321';

/** Queues the confirmation of a cash order when placed, or of a card order when paid. Call inside a transaction. */
export async function queueOrderConfirmation(tx: Database, order: ConfirmedOrder): Promise<void> {
  const placed = await placedOrder(tx, order.id);
  if (!placed) return;
  const accounts = await producerRecipients(
    tx,
    placed.parts.map((part) => part.producerId),
  );
  await enqueueMessage(tx, ...orderPlacedMessages(placed, (id) => accounts.get(id) ?? [], SITE));
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : 'vi';
}

/** The order as its messages need it: contact, totals, and the lines of each part still placed. */
async function placedOrder(tx: Database, orderId: string): Promise<PlacedOrder | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return undefined;
  const parts = await tx
    .select()
    .from(orderParts)
    .where(and(eq(orderParts.orderId, orderId), inArray(orderParts.status, ['placed'])))
    .orderBy(asc(orderParts.id));
  const lines = await tx
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
  return {
    number: order.number,
    email: order.email,
    contactName: order.contactName,
    locale: localeOf(order.locale),
    paymentMethod: order.paymentMethod,
    shipping: order.shipping,
    total: order.total,
    parts: parts.map((part) => ({
      producerId: part.producerId,
      producerName: part.producerName,
      lines: lines
        .filter((line) => line.partId === part.id)
        .map((line) => ({
          name: { vi: line.nameVi, en: line.nameEn },
          unitPrice: line.unitPrice,
          quantity: line.quantity,
        })),
    })),
  };
}
