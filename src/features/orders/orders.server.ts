/**
 * Reading and moving orders: the confirmation page's view (with the link's key, or as the signed-in owner),
 * guest look-up by number and email, a shopper's history, a producer's parts, and a producer moving its part
 * through fulfilment (cancelling returns the stock). Permissions come from accounts' `can`.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderLines, orderParts, orders, orderStatusChanges } from '~/lib/db/schema-commerce';
import { can, type Actor } from '~/features/accounts/accounts';
import type { PaymentStatus } from '~/features/checkout/checkout';
import { restock } from '~/features/checkout/checkout.server';
import { canMove, returnsStock, type PartMove, type PartStatus } from './orders';

export interface OrderLineView {
  productId: string;
  name: { vi: string; en: string };
  imagePath: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface OrderPartView {
  id: number;
  producerId: string;
  producerName: string;
  status: PartStatus;
  subtotal: number;
  shipping: number;
  carrier: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  lines: OrderLineView[];
}

export interface OrderView {
  id: string;
  number: string;
  accessKey: string;
  createdAt: Date;
  email: string;
  contactName: string;
  phone: string;
  address: { province: string; commune: string; street: string };
  note: string;
  paymentMethod: 'card' | 'cod';
  paymentStatus: PaymentStatus;
  subtotal: number;
  shipping: number;
  total: number;
  customerId: string | null;
  parts: OrderPartView[];
  history: { at: Date; partId: number | null; from: string | null; to: string; note: string | null }[];
}

export type MoveResult =
  { ok: true; status: PartStatus } | { ok: false; reason: 'not-found' | 'forbidden' | 'not-allowed' };

export type Orders = ReturnType<typeof createOrders>;

export function createOrders({ db }: { db: Database }) {
  /** Full views of orders by id, parts and lines in the order they were written. */
  async function views(ids: string[]): Promise<OrderView[]> {
    if (ids.length === 0) return [];
    const [orderRows, partRows, lineRows, historyRows] = await Promise.all([
      db.select().from(orders).where(inArray(orders.id, ids)),
      db.select().from(orderParts).where(inArray(orderParts.orderId, ids)).orderBy(asc(orderParts.id)),
      db.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.id)),
      db
        .select()
        .from(orderStatusChanges)
        .where(inArray(orderStatusChanges.orderId, ids))
        .orderBy(asc(orderStatusChanges.id)),
    ]);
    const byId = new Map(orderRows.map((o) => [o.id, o]));
    return ids.flatMap((id) => {
      const o = byId.get(id);
      if (!o) return [];
      return [
        {
          id: o.id,
          number: o.number,
          accessKey: o.accessKey,
          createdAt: o.createdAt,
          email: o.email,
          contactName: o.contactName,
          phone: o.phone,
          address: { province: o.province, commune: o.commune, street: o.street },
          note: o.note,
          paymentMethod: o.paymentMethod,
          paymentStatus: o.paymentStatus,
          subtotal: o.subtotal,
          shipping: o.shipping,
          total: o.total,
          customerId: o.customerId,
          parts: partRows
            .filter((p) => p.orderId === id)
            .map((p) => ({
              id: p.id,
              producerId: p.producerId,
              producerName: p.producerName,
              status: p.status,
              subtotal: p.subtotal,
              shipping: p.shipping,
              carrier: p.carrier,
              trackingNumber: p.trackingNumber,
              cancelReason: p.cancelReason,
              lines: lineRows
                .filter((l) => l.partId === p.id)
                .map((l) => ({
                  productId: l.productId,
                  name: { vi: l.nameVi, en: l.nameEn },
                  imagePath: l.imagePath,
                  unitPrice: l.unitPrice,
                  quantity: l.quantity,
                  lineTotal: l.lineTotal,
                })),
            })),
          history: historyRows
            .filter((h) => h.orderId === id)
            .map((h) => ({
              at: h.createdAt,
              partId: h.partId,
              from: h.fromStatus,
              to: h.toStatus,
              note: h.note,
            })),
        },
      ];
    });
  }

  /** An order for its confirmation page: with the link's key, or for its signed-in owner. Null otherwise. */
  async function orderForViewer(
    number: string,
    viewer: { accessKey?: string | null; user?: Actor | null },
  ): Promise<OrderView | null> {
    const [row] = await db
      .select({ id: orders.id, accessKey: orders.accessKey, customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.number, number));
    if (!row) return null;
    const keyMatches = !!viewer.accessKey && viewer.accessKey === row.accessKey;
    const owner =
      row.customerId !== null && can(viewer.user ?? null, 'order.viewOwn', { customerId: row.customerId });
    if (!keyMatches && !owner) return null;
    return (await views([row.id]))[0] ?? null;
  }

  /** A guest's look-up: the order's number and key when the email matches, else null (same answer for both misses). */
  async function lookup(
    number: string,
    email: string,
  ): Promise<{ number: string; accessKey: string } | null> {
    const [row] = await db
      .select({ number: orders.number, accessKey: orders.accessKey })
      .from(orders)
      .where(and(eq(orders.number, number), eq(orders.email, email.trim().toLowerCase())));
    return row ?? null;
  }

  /** A signed-in shopper's orders, newest first. */
  async function ordersOfCustomer(customerId: string, limit = 50): Promise<OrderView[]> {
    const rows = await db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .orderBy(desc(orders.createdAt))
      .limit(limit);
    return views(rows.map((r) => r.id));
  }

  /** A producer's parts (only its own lines), newest first, with the order's contact and address for delivery. */
  async function partsOfProducer(
    actor: Actor | null,
    producerId: string,
    limit = 100,
  ): Promise<{ order: OrderView; part: OrderPartView }[] | null> {
    if (!can(actor, 'order.fulfil', { producerId })) return null;
    const rows = await db
      .select({ orderId: orderParts.orderId, partId: orderParts.id })
      .from(orderParts)
      .where(eq(orderParts.producerId, producerId))
      .orderBy(desc(orderParts.createdAt), desc(orderParts.id))
      .limit(limit);
    const full = await views([...new Set(rows.map((r) => r.orderId))]);
    const byId = new Map(full.map((o) => [o.id, o]));
    return rows.flatMap(({ orderId, partId }) => {
      const order = byId.get(orderId);
      const part = order?.parts.find((p) => p.id === partId);
      // Other producers' parts stay out of the view: a producer sees its own lines only.
      return order && part ? [{ order: { ...order, parts: [part] }, part }] : [];
    });
  }

  /** A producer moves its part (processing, shipped with tracking, delivered, cancelled with a reason). */
  async function movePart(actor: Actor | null, move: PartMove): Promise<MoveResult> {
    return db.transaction(async (tx) => {
      const [part] = await tx.select().from(orderParts).where(eq(orderParts.id, move.partId)).for('update');
      if (!part) return { ok: false, reason: 'not-found' };
      if (!can(actor, 'order.fulfil', { producerId: part.producerId }))
        return { ok: false, reason: 'forbidden' };
      if (!canMove(part.status, move.to)) return { ok: false, reason: 'not-allowed' };
      await tx
        .update(orderParts)
        .set({
          status: move.to,
          ...(move.to === 'shipped' ? { carrier: move.carrier, trackingNumber: move.trackingNumber } : {}),
          ...(move.to === 'cancelled' ? { cancelReason: move.reason } : {}),
        })
        .where(eq(orderParts.id, part.id));
      const note =
        move.to === 'shipped'
          ? `${move.carrier} ${move.trackingNumber}`
          : move.to === 'cancelled'
            ? move.reason
            : null;
      await tx.insert(orderStatusChanges).values({
        orderId: part.orderId,
        partId: part.id,
        fromStatus: part.status,
        toStatus: move.to,
        actor: `user:${actor!.id}`,
        note,
      });
      if (returnsStock(move.to)) await restock(tx, part.id);
      return { ok: true, status: move.to };
    });
  }

  return { views, orderForViewer, lookup, ordersOfCustomer, partsOfProducer, movePart };
}
