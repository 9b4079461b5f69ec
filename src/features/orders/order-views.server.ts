/**
 * Orders as pages read them: rows of the order, its parts, lines and history turned into `OrderView`s (the line
 * snapshots' names as `Localized`). No Drizzle row leaves this file.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderLines, orderParts, orders, orderStatusChanges } from '~/lib/db/schema-commerce';
import { refundsOf } from '~/lib/stripe/refund-ledger.server';
import type { RefundView } from '~/lib/stripe/refunds';
import {
  systemNoteOf,
  type OrderHistoryEntry,
  type OrderLineView,
  type OrderPartView,
  type OrderView,
} from './orders';

type OrderRow = typeof orders.$inferSelect;
type PartRow = typeof orderParts.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;
type HistoryRow = typeof orderStatusChanges.$inferSelect;

/** A line snapshot as a view: its product name in both languages. */
export function lineView(row: LineRow): OrderLineView {
  return {
    productId: row.productId,
    name: { vi: row.nameVi, en: row.nameEn },
    imagePath: row.imagePath,
    unitPrice: row.unitPrice,
    quantity: row.quantity,
    lineTotal: row.lineTotal,
  };
}

function partView(row: PartRow, lines: readonly LineRow[]): OrderPartView {
  return {
    id: row.id,
    producerId: row.producerId,
    producerName: row.producerName,
    status: row.status,
    subtotal: row.subtotal,
    shipping: row.shipping,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    cancelReason: row.cancelReason,
    lines: lines.filter((l) => l.partId === row.id).map(lineView),
  };
}

/** A history row as a view: a person's note as written, the site's own notes by code, no other system text. */
function historyEntry(row: HistoryRow): OrderHistoryEntry {
  const byPerson = row.actor.startsWith('user:');
  return {
    at: row.createdAt,
    partId: row.partId,
    from: row.fromStatus,
    to: row.toStatus,
    note: byPerson ? row.note : null,
    systemNote: byPerson ? null : systemNoteOf(row.note),
  };
}

function orderView(
  row: OrderRow,
  parts: readonly PartRow[],
  lines: readonly LineRow[],
  history: readonly HistoryRow[],
  refunds: readonly (RefundView & { reference: string })[],
): OrderView {
  return {
    id: row.id,
    number: row.number,
    accessKey: row.accessKey,
    createdAt: row.createdAt,
    email: row.email,
    contactName: row.contactName,
    phone: row.phone,
    address: { province: row.province, commune: row.commune, street: row.street },
    note: row.note,
    paymentMethod: row.paymentMethod,
    paymentStatus: row.paymentStatus,
    subtotal: row.subtotal,
    shipping: row.shipping,
    total: row.total,
    customerId: row.customerId,
    parts: parts.filter((p) => p.orderId === row.id).map((p) => partView(p, lines)),
    history: history.filter((h) => h.orderId === row.id).map(historyEntry),
    refunds: refunds.filter((r) => r.reference === row.id).map(({ reference: _, ...r }) => r),
  };
}

/** Full views of orders by id (in the order of `ids`), parts and lines in the order they were written. */
export async function loadOrderViews(db: Database, ids: readonly string[]): Promise<OrderView[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [orderRows, partRows, lineRows, historyRows, refundRows] = await Promise.all([
    db.select().from(orders).where(inArray(orders.id, list)),
    db.select().from(orderParts).where(inArray(orderParts.orderId, list)).orderBy(asc(orderParts.id)),
    db.select().from(orderLines).where(inArray(orderLines.orderId, list)).orderBy(asc(orderLines.id)),
    db
      .select()
      .from(orderStatusChanges)
      .where(inArray(orderStatusChanges.orderId, list))
      .orderBy(asc(orderStatusChanges.id)),
    refundsOf(db, 'order', list),
  ]);
  const byId = new Map(orderRows.map((o) => [o.id, o]));
  return list.flatMap((id) => {
    const row = byId.get(id);
    return row ? [orderView(row, partRows, lineRows, historyRows, refundRows)] : [];
  });
}
