/**
 * The orders service: the confirmation page's view (with the link's key, or as the signed-in owner), guest look-up
 * by number and email, a shopper's history, a producer's parts, a producer moving its part through fulfilment
 * (cancelling returns the stock), and what happens to an open card payment after checkout (./reservations.server).
 * Permissions come from accounts' `can`. Request-bound but free of astro:*: the site wires it in
 * src/services.server.ts, tests build it with their own parts.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderParts, orders, orderStatusChanges } from '~/lib/db/schema-commerce';
import { sendRequestedRefunds } from '~/lib/stripe/refund-ledger.server';
import type { Payments } from '~/lib/stripe/types';
import { can, type Actor } from '~/features/accounts/accounts';
import { loadOrderViews } from './order-views.server';
import {
  canMove,
  returnsStock,
  type OrderPartView,
  type OrderView,
  type PartMove,
  type PartStatus,
} from './orders';
import { queuePartNotice } from './order-notices.server';
import { refundPart } from './order-refunds.server';
import { restock } from './payment-outcomes.server';
import {
  abandonCardPayment,
  confirmFromSession,
  releaseLapsedReservations,
  type PaymentContext,
} from './reservations.server';

export type MoveResult =
  { ok: true; status: PartStatus } | { ok: false; reason: 'not-found' | 'forbidden' | 'not-allowed' };

/** Who may open an order's page: whoever has the link's key, or its signed-in owner. */
export interface OrderViewer {
  accessKey?: string | null;
  user?: Actor | null;
}

/** An order for its confirmation page: with the link's key, or for its signed-in owner. Null otherwise. */
async function orderForViewer(db: Database, number: string, viewer: OrderViewer): Promise<OrderView | null> {
  const [row] = await db
    .select({ id: orders.id, accessKey: orders.accessKey, customerId: orders.customerId })
    .from(orders)
    .where(eq(orders.number, number));
  if (!row) return null;
  const keyMatches = !!viewer.accessKey && viewer.accessKey === row.accessKey;
  const owner =
    row.customerId !== null && can(viewer.user ?? null, 'order.viewOwn', { customerId: row.customerId });
  if (!keyMatches && !owner) return null;
  return (await loadOrderViews(db, [row.id]))[0] ?? null;
}

/** A guest's look-up: the order's number and key when the email matches, else null (same answer for both misses). */
async function lookup(
  db: Database,
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
async function ordersOfCustomer(db: Database, customerId: string, limit = 50): Promise<OrderView[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
  return loadOrderViews(
    db,
    rows.map((r) => r.id),
  );
}

/** A producer's parts (only its own lines), newest first, with the order's contact and address for delivery. */
async function partsOfProducer(
  db: Database,
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
  const full = await loadOrderViews(db, [...new Set(rows.map((r) => r.orderId))]);
  const byId = new Map(full.map((o) => [o.id, o]));
  return rows.flatMap(({ orderId, partId }) => {
    const order = byId.get(orderId);
    const part = order?.parts.find((p) => p.id === partId);
    // Other producers' parts and refunds stay out of the view: a producer sees its own lines only.
    const refunds = order?.refunds.filter((r) => r.partId === partId) ?? [];
    return order && part ? [{ order: { ...order, parts: [part], refunds }, part }] : [];
  });
}

/** The history note of a move: the carrier and tracking number when shipped, the reason when cancelled. */
function moveNote(move: PartMove): string | null {
  if (move.to === 'shipped') return `${move.carrier} ${move.trackingNumber}`;
  if (move.to === 'cancelled') return move.reason;
  return null;
}

/**
 * A producer moves its part (processing, shipped with tracking, delivered, cancelled with a reason). Cancelling a
 * card-paid part refunds it (goods and delivery fee), recorded with the move and sent to Stripe once committed.
 */
async function movePart(ctx: PaymentContext, actor: Actor | null, move: PartMove): Promise<MoveResult> {
  const result = await ctx.db.transaction(async (tx): Promise<MoveResult> => {
    const [part] = await tx.select().from(orderParts).where(eq(orderParts.id, move.partId)).for('update');
    if (!part) return { ok: false, reason: 'not-found' };
    if (!actor || !can(actor, 'order.fulfil', { producerId: part.producerId }))
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
    await tx.insert(orderStatusChanges).values({
      orderId: part.orderId,
      partId: part.id,
      fromStatus: part.status,
      toStatus: move.to,
      actor: `user:${actor.id}`,
      note: moveNote(move),
    });
    if (returnsStock(move.to)) await restock(tx, part.id);
    if (move.to === 'cancelled')
      await refundPart(tx, part.orderId, part, 'part_cancelled', `user:${actor.id}`);
    if (move.to === 'shipped' || move.to === 'cancelled') await queuePartNotice(tx, part.id);
    return { ok: true, status: move.to };
  });
  if (result.ok && move.to === 'cancelled') await sendRequestedRefunds(ctx.db, ctx.payments);
  return result;
}

export interface OrdersOptions {
  db: Database;
  /** null or absent = card payment unavailable (no STRIPE_SECRET_KEY). */
  payments?: Payments | null;
  now?: () => Date;
}

export type Orders = ReturnType<typeof createOrders>;

/** Builds the orders service. */
export function createOrders(options: OrdersOptions) {
  const { db } = options;
  const ctx: PaymentContext = {
    db,
    payments: options.payments ?? null,
    now: options.now ?? (() => new Date()),
  };
  return {
    views: (ids: readonly string[]) => loadOrderViews(db, ids),
    orderForViewer: (number: string, viewer: OrderViewer) => orderForViewer(db, number, viewer),
    lookup: (number: string, email: string) => lookup(db, number, email),
    ordersOfCustomer: (customerId: string, limit?: number) => ordersOfCustomer(db, customerId, limit),
    partsOfProducer: (actor: Actor | null, producerId: string, limit?: number) =>
      partsOfProducer(db, actor, producerId, limit),
    movePart: (actor: Actor | null, move: PartMove) => movePart(ctx, actor, move),
    confirmFromSession: (orderId: string) => confirmFromSession(ctx, orderId),
    abandonCardPayment: (number: string, accessKey: string) => abandonCardPayment(ctx, number, accessKey),
    releaseLapsedReservations: (limit?: number) => releaseLapsedReservations(ctx, limit),
  };
}
