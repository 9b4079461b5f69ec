/**
 * The checkout service: live offers from the database, quotes, placing orders (stock taken in the same
 * transaction, conditionally, so it can never go below zero), card payments through the payment adapter, and the
 * one idempotent function that applies a payment outcome, used by the webhook and by the success page alike.
 * Request-bound but free of astro:*: the site wires it in src/services.server.ts, tests build it with their own parts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import {
  commerceProducts,
  orderLines,
  orderParts,
  orders,
  orderStatusChanges,
} from '~/lib/db/schema-commerce';
import { outboxMessages } from '~/lib/db/schema';
import { PaymentProviderError, type PaymentEvent, type Payments } from '~/lib/stripe/types';
import type { CartLine } from '~/features/cart/cart';
import {
  initialPartStatus,
  orderNumberFrom,
  partStatusAfterPayment,
  returnsStock,
} from '~/features/orders/orders';
import {
  cardAmountProblem,
  holdsReservation,
  lineItemsTotal,
  nextPaymentStatus,
  outcomeOfCompletedSession,
  paymentLineItems,
  priceOrder,
  reservationEnds,
  reservationLapsed,
  RESERVATION_GRACE_MINUTES,
  type CheckoutInput,
  type LineIssue,
  type PaymentOutcome,
  type PaymentStatus,
  type PricedOrder,
  type ProductOffer,
} from './checkout';

/** A transaction, or the database itself: the functions below work in either. */
export type Executor = Database;

/** What the catalogue (content files) says about a product: names, maker, cover image, starting price. */
export interface CatalogueProduct {
  productId: string;
  producerId: string;
  producerName: string;
  name: { vi: string; en: string };
  imagePath: string | null;
  /** Price in the content file; used only to seed the database the first time. */
  price: number;
}

export interface CheckoutOptions {
  db: Database;
  /** null = card payment unavailable (no STRIPE_SECRET_KEY). */
  payments: Payments | null;
  /** The catalogue's products by id. */
  catalogue: () => Promise<ReadonlyMap<string, CatalogueProduct>>;
  /** Stock every product starts with when first seeded (the content files carry no stock). Default 100. */
  initialStock?: number;
  now?: () => Date;
}

export type PlaceOrderResult =
  | {
      ok: true;
      orderId: string;
      number: string;
      accessKey: string;
      payment: 'card' | 'cod';
      redirectUrl: string | null;
    }
  | { ok: false; reason: 'lines'; issues: LineIssue[]; stock: Record<string, number> }
  | { ok: false; reason: 'cardAmountTooSmall' | 'cardAmountTooLarge'; total: number }
  | { ok: false; reason: 'cardUnavailable' | 'paymentProviderFailed' };

/** Where the shopper lands after the Stripe page (built by the caller, which knows the site's URL and locale). */
export interface ReturnUrls {
  /** Absolute URL of an order's confirmation page; `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  success: (order: { number: string; accessKey: string }) => string;
  cancel: (order: { number: string; accessKey: string }) => string;
  /** Absolute URL of a site path (product images on Stripe's page). */
  absolute: (path: string) => string;
}

class StockConflict extends Error {
  constructor(readonly productId: string) {
    super(`not enough stock for ${productId}`);
  }
}

export type Checkout = ReturnType<typeof createCheckout>;

/** Builds the checkout service. */
export function createCheckout(options: CheckoutOptions) {
  const { db, payments } = options;
  const now = options.now ?? (() => new Date());
  const initialStock = options.initialStock ?? 100;
  let seeded: Promise<void> | undefined;

  /** Adds the catalogue's new products to the database (existing rows, owned by the database, are left alone). */
  function ensureSeeded(): Promise<void> {
    seeded ??= (async () => {
      const catalogue = await options.catalogue();
      const rows = [...catalogue.values()].map((p) => ({
        productId: p.productId,
        producerId: p.producerId,
        price: p.price,
        stock: initialStock,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(commerceProducts)
          .values(rows.slice(i, i + 500))
          .onConflictDoNothing();
      }
    })().catch((error: unknown) => {
      seeded = undefined;
      throw error;
    });
    return seeded;
  }

  /** Offers for products, joining live price and stock with catalogue names; optionally locking the rows. */
  async function offers(
    executor: Executor,
    productIds: readonly string[],
    lock = false,
  ): Promise<Map<string, ProductOffer>> {
    await ensureSeeded();
    const catalogue = await options.catalogue();
    const ids = [...new Set(productIds)].filter((id) => catalogue.has(id)).sort();
    if (ids.length === 0) return new Map();
    const query = executor
      .select()
      .from(commerceProducts)
      .where(inArray(commerceProducts.productId, ids))
      .orderBy(asc(commerceProducts.productId));
    // Rows are locked in id order, so two checkouts of the same products queue instead of deadlocking.
    const rows = lock ? await query.for('update') : await query;
    const result = new Map<string, ProductOffer>();
    for (const row of rows) {
      const product = catalogue.get(row.productId)!;
      result.set(row.productId, {
        productId: row.productId,
        producerId: row.producerId,
        producerName: product.producerName,
        name: product.name,
        price: row.price,
        stock: row.stock,
        listed: row.listed,
        imagePath: product.imagePath,
      });
    }
    return result;
  }

  /** Prices cart lines from the database (the cart page's summary; nothing is written). */
  async function quote(lines: readonly CartLine[]) {
    return priceOrder(
      lines,
      await offers(
        db,
        lines.map((l) => l.productId),
      ),
    );
  }

  /** Live price and units in stock of products (the product page's offer, the cart's limits). */
  async function availability(
    productIds: readonly string[],
  ): Promise<Record<string, { price: number; stock: number }>> {
    const result: Record<string, { price: number; stock: number }> = {};
    for (const offer of (await offers(db, productIds)).values()) {
      result[offer.productId] = { price: offer.price, stock: offer.listed ? offer.stock : 0 };
    }
    return result;
  }

  /**
   * Places an order. Stock is taken in the same transaction that writes the order (card: reserved until the
   * Checkout Session expires; cash: sold). The same attemptId always answers with the same order.
   */
  async function placeOrder(
    input: CheckoutInput,
    context: { customerId: string | null; urls: ReturnUrls },
  ): Promise<PlaceOrderResult> {
    if (input.payment === 'card' && !payments) return { ok: false, reason: 'cardUnavailable' };
    const repeated = await existingAttempt(input.attemptId);
    if (repeated) return resume(repeated, context.urls);
    await releaseLapsedReservations();

    let placed:
      | {
          orderId: string;
          number: string;
          accessKey: string;
          priced: PricedOrder;
          reservedUntil: Date | null;
        }
      | undefined;
    for (let attempt = 0; attempt < 3 && !placed; attempt++) {
      try {
        const outcome = await db.transaction(async (tx) => {
          const current = await offers(
            tx,
            input.lines.map((l) => l.productId),
            true,
          );
          const priced = priceOrder(input.lines, current);
          if (!priced.ok) return priced;
          if (input.payment === 'card') {
            const problem = cardAmountProblem(priced.order.total);
            if (problem) return { ok: false as const, amountProblem: problem, total: priced.order.total };
          }
          return { ok: true as const, order: await writeOrder(tx, input, priced.order, context.customerId) };
        });
        if (!outcome.ok) {
          if ('amountProblem' in outcome)
            return { ok: false, reason: outcome.amountProblem, total: outcome.total };
          return { ok: false, reason: 'lines', issues: outcome.issues, stock: outcome.stock };
        }
        placed = outcome.order;
      } catch (error) {
        if (error instanceof StockConflict) {
          // Rows are locked before pricing, so this is only a safety net; answer like any stock shortage.
          const fresh = await quote(input.lines);
          return {
            ok: false,
            reason: 'lines',
            issues: fresh.ok ? [] : fresh.issues,
            stock: fresh.ok ? fresh.order.stock : fresh.stock,
          };
        }
        const constraint = uniqueViolation(error);
        if (constraint === 'shop_order_attempt_id_unique') {
          const twin = await existingAttempt(input.attemptId);
          if (twin) return resume(twin, context.urls);
        }
        // A colliding order number: draw another one.
        if (constraint === 'shop_order_number_unique') continue;
        throw error;
      }
    }
    if (!placed) throw new Error('could not draw a free order number in 3 attempts');
    if (input.payment === 'cod') {
      return {
        ok: true,
        orderId: placed.orderId,
        number: placed.number,
        accessKey: placed.accessKey,
        payment: 'cod',
        redirectUrl: null,
      };
    }
    return startCardPayment(
      {
        id: placed.orderId,
        number: placed.number,
        accessKey: placed.accessKey,
        email: input.contact.email,
        locale: input.locale,
        reservedUntil: placed.reservedUntil!,
      },
      placed.priced,
      context.urls,
    );
  }

  async function writeOrder(
    tx: Executor,
    input: CheckoutInput,
    priced: PricedOrder,
    customerId: string | null,
  ) {
    const orderId = randomUUID();
    const number = orderNumberFrom(randomBytes(8));
    const accessKey = randomBytes(18).toString('base64url');
    const paymentStatus: PaymentStatus = input.payment === 'cod' ? 'cash_on_delivery' : 'awaiting_payment';
    const reservedUntil = input.payment === 'card' ? reservationEnds(now()) : null;

    // Conditional decrement: even if a bug skipped the lock above, the WHERE and the CHECK refuse to oversell.
    for (const line of [...input.lines].sort((a, b) => a.productId.localeCompare(b.productId))) {
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
    for (const part of priced.parts) {
      const status = initialPartStatus(paymentStatus);
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
      await tx.insert(orderLines).values(
        part.lines.map((line) => ({
          orderId,
          partId: row!.id,
          productId: line.productId,
          nameVi: line.name.vi,
          nameEn: line.name.en,
          imagePath: line.imagePath,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
        })),
      );
      await tx
        .insert(orderStatusChanges)
        .values({ orderId, partId: row!.id, toStatus: status, actor: 'system' });
    }
    if (input.payment === 'cod')
      await queueConfirmation(tx, {
        number,
        email: input.contact.email,
        total: priced.total,
        locale: input.locale,
      });
    return { orderId, number, accessKey, priced, reservedUntil };
  }

  /** Creates (or, for a retried request, finds again: same idempotency key) the Checkout Session of an order. */
  async function startCardPayment(
    order: {
      id: string;
      number: string;
      accessKey: string;
      email: string;
      locale: 'vi' | 'en';
      reservedUntil: Date;
    },
    priced: Pick<PricedOrder, 'parts' | 'total'>,
    urls: ReturnUrls,
  ): Promise<PlaceOrderResult> {
    if (!payments) return { ok: false, reason: 'cardUnavailable' };
    const lineItems = paymentLineItems(priced, order.locale, urls.absolute);
    if (lineItemsTotal(lineItems) !== priced.total)
      throw new Error(`line items of order ${order.number} do not add up to its total`);
    try {
      const session = await payments.createCheckoutSession({
        kind: 'order',
        reference: order.id,
        currency: 'vnd',
        lineItems,
        customerEmail: order.email,
        metadata: { orderNumber: order.number },
        successUrl: urls.success(order),
        cancelUrl: urls.cancel(order),
        expiresAt: order.reservedUntil,
        idempotencyKey: `order:${order.id}:checkout-session`,
        locale: order.locale,
      });
      await db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id));
      return {
        ok: true,
        orderId: order.id,
        number: order.number,
        accessKey: order.accessKey,
        payment: 'card',
        redirectUrl: session.url,
      };
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      // Nobody can pay this order: give its stock back now rather than at expiry.
      await db.transaction((tx) =>
        applyPaymentOutcome(tx, order.id, 'failed', 'system', { note: error.message }),
      );
      return { ok: false, reason: 'paymentProviderFailed' };
    }
  }

  async function existingAttempt(attemptId: string) {
    const [row] = await db.select().from(orders).where(eq(orders.attemptId, attemptId));
    return row;
  }

  /** The answer to a repeated submit: the same order, and for an unpaid card order the same payment page. */
  async function resume(order: typeof orders.$inferSelect, urls: ReturnUrls): Promise<PlaceOrderResult> {
    const base = { ok: true as const, orderId: order.id, number: order.number, accessKey: order.accessKey };
    if (order.paymentMethod === 'cod') return { ...base, payment: 'cod', redirectUrl: null };
    if (order.paymentStatus !== 'awaiting_payment' || !order.reservedUntil)
      return { ...base, payment: 'card', redirectUrl: null };
    const parts = await db
      .select()
      .from(orderParts)
      .where(eq(orderParts.orderId, order.id))
      .orderBy(asc(orderParts.id));
    const lines = await db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id));
    const priced = {
      total: order.total,
      parts: parts.map((p) => ({
        producerId: p.producerId,
        producerName: p.producerName,
        subtotal: p.subtotal,
        shipping: p.shipping,
        lines: lines
          .filter((l) => l.partId === p.id)
          .map((l) => ({
            productId: l.productId,
            name: { vi: l.nameVi, en: l.nameEn },
            unitPrice: l.unitPrice,
            quantity: l.quantity,
            lineTotal: l.lineTotal,
            imagePath: l.imagePath,
          })),
      })),
    };
    return startCardPayment({ ...order, reservedUntil: order.reservedUntil }, priced, urls);
  }

  /**
   * Reservations whose Checkout Session expired more than the grace period ago and for which Stripe's `expired`
   * event never came: asks Stripe how the session ended (paid sessions are honoured) and releases the rest.
   */
  async function releaseLapsedReservations(limit = 20): Promise<number> {
    const cutoff = new Date(now().getTime() - RESERVATION_GRACE_MINUTES * 60_000);
    const lapsed = await db
      .select({ id: orders.id, sessionId: orders.stripeSessionId, reservedUntil: orders.reservedUntil })
      .from(orders)
      .where(and(eq(orders.paymentStatus, 'awaiting_payment'), lte(orders.reservedUntil, cutoff)))
      .limit(limit);
    let released = 0;
    for (const order of lapsed) {
      if (!order.reservedUntil || !reservationLapsed(order.reservedUntil, now())) continue;
      let outcome: PaymentOutcome = 'expired';
      if (payments && order.sessionId) {
        try {
          const session = await payments.retrieveCheckoutSession(order.sessionId);
          if (session.status === 'complete') outcome = outcomeOfCompletedSession(session.paymentStatus);
          else if (session.status === 'open') continue; // Stripe still lets the customer pay; wait for its event.
        } catch {
          continue; // Stripe unreachable: try again on a later checkout.
        }
      }
      if (
        await db.transaction((tx) =>
          applyPaymentOutcome(tx, order.id, outcome, 'system', { note: 'reservation lapsed' }),
        )
      )
        released++;
    }
    return released;
  }

  /**
   * The success page's check: asks Stripe about the order's session and applies what it says, through the same
   * idempotent function as the webhook. Returns the order's payment status afterwards.
   */
  async function confirmFromSession(orderId: string): Promise<PaymentStatus | null> {
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    if (!order) return null;
    if (!payments || !order.stripeSessionId || !holdsReservation(order.paymentStatus))
      return order.paymentStatus;
    try {
      const session = await payments.retrieveCheckoutSession(order.stripeSessionId);
      if (session.reference !== order.id) return order.paymentStatus;
      let outcome: PaymentOutcome | null = null;
      if (session.status === 'complete') outcome = outcomeOfCompletedSession(session.paymentStatus);
      else if (session.status === 'expired') outcome = 'expired';
      if (outcome) {
        await db.transaction((tx) =>
          applyPaymentOutcome(tx, order.id, outcome, 'stripe:session', {
            paymentIntentId: session.paymentIntentId,
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      // Stripe unreachable: the page says the payment is being confirmed; the webhook will settle it.
    }
    const [after] = await db
      .select({ status: orders.paymentStatus })
      .from(orders)
      .where(eq(orders.id, orderId));
    return after?.status ?? null;
  }

  /**
   * The shopper came back from Stripe's cancel link: closes the session so it cannot be paid any more and releases
   * the reservation now. Only with the order's access key.
   */
  async function abandonCardPayment(number: string, accessKey: string): Promise<boolean> {
    const [order] = await db
      .select()
      .from(orders)
      .where(and(eq(orders.number, number), eq(orders.accessKey, accessKey)));
    if (!order || order.paymentStatus !== 'awaiting_payment') return false;
    if (payments && order.stripeSessionId) {
      try {
        await payments.expireCheckoutSession(order.stripeSessionId);
      } catch (error) {
        if (!(error instanceof PaymentProviderError)) throw error;
        // Already completed or expired at Stripe, or unreachable: its webhook decides, not us.
        return false;
      }
    }
    return db.transaction((tx) =>
      applyPaymentOutcome(tx, order.id, 'expired', 'shopper', { note: 'payment cancelled by the shopper' }),
    );
  }

  return {
    ensureSeeded,
    offers,
    quote,
    availability,
    placeOrder,
    releaseLapsedReservations,
    confirmFromSession,
    abandonCardPayment,
  };
}

/**
 * Applies a payment outcome to an order, idempotently and whatever order outcomes arrive in: the order row is
 * locked, the next status comes from `nextPaymentStatus`, parts waiting for payment are placed or voided, and a
 * void returns the reserved stock. Returns whether anything changed. Call inside a transaction.
 */
export async function applyPaymentOutcome(
  tx: Executor,
  orderId: string,
  outcome: PaymentOutcome,
  actor: string,
  details: { paymentIntentId?: string | null; note?: string; amountTotal?: number | null } = {},
): Promise<boolean> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) return false;
  const next = nextPaymentStatus(order.paymentStatus, outcome);
  if (next === order.paymentStatus) return false;
  const mismatch =
    details.amountTotal != null && details.amountTotal !== order.total
      ? `amount ${details.amountTotal} ≠ total ${order.total}`
      : null;
  await tx
    .update(orders)
    .set({
      paymentStatus: next,
      ...(details.paymentIntentId ? { stripePaymentIntentId: details.paymentIntentId } : {}),
      ...(holdsReservation(next) ? {} : { reservedUntil: null }),
    })
    .where(eq(orders.id, orderId));
  await tx.insert(orderStatusChanges).values({
    orderId,
    fromStatus: order.paymentStatus,
    toStatus: next,
    actor,
    note: [details.note, mismatch].filter(Boolean).join('; ') || null,
  });
  const parts = await tx
    .select()
    .from(orderParts)
    .where(eq(orderParts.orderId, orderId))
    .orderBy(asc(orderParts.id));
  for (const part of parts) {
    const partNext = partStatusAfterPayment(part.status, next);
    if (!partNext) continue;
    await tx.update(orderParts).set({ status: partNext }).where(eq(orderParts.id, part.id));
    await tx
      .insert(orderStatusChanges)
      .values({ orderId, partId: part.id, fromStatus: part.status, toStatus: partNext, actor });
    if (returnsStock(partNext)) await restock(tx, part.id);
  }
  if (next === 'paid')
    await queueConfirmation(tx, {
      number: order.number,
      email: order.email,
      total: order.total,
      locale: order.locale,
    });
  return true;
}

/** Puts a part's units back in stock (cancelled or voided). */
export async function restock(tx: Executor, partId: number): Promise<void> {
  const lines = await tx
    .select()
    .from(orderLines)
    .where(eq(orderLines.partId, partId))
    .orderBy(asc(orderLines.productId));
  for (const line of lines) {
    await tx
      .update(commerceProducts)
      .set({ stock: sql`${commerceProducts.stock} + ${line.quantity}` })
      .where(eq(commerceProducts.productId, line.productId));
  }
}

/** The payment handler for orders: what a verified Checkout Session event means for the order it names. */
export async function applyOrderPaymentEvent(tx: Executor, event: PaymentEvent): Promise<void> {
  const session = event.session;
  if (!session?.reference) return;
  let outcome: PaymentOutcome | null = null;
  switch (event.type) {
    case 'checkout.session.completed':
      outcome = outcomeOfCompletedSession(session.paymentStatus);
      break;
    case 'checkout.session.async_payment_succeeded':
      outcome = 'paid';
      break;
    case 'checkout.session.async_payment_failed':
      outcome = 'failed';
      break;
    case 'checkout.session.expired':
      outcome = 'expired';
      break;
  }
  if (!outcome) return;
  await applyPaymentOutcome(tx, session.reference, outcome, `stripe:${event.id}`, {
    paymentIntentId: session.paymentIntentId,
    amountTotal: session.amountTotal,
  });
}

async function queueConfirmation(
  tx: Executor,
  order: { number: string; email: string; total: number; locale: 'vi' | 'en' },
): Promise<void> {
  const amount = new Intl.NumberFormat(order.locale === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'currency',
    currency: 'VND',
  }).format(order.total);
  await tx.insert(outboxMessages).values({
    kind: 'order-confirmed',
    recipient: order.email,
    subject:
      order.locale === 'vi'
        ? `Chợ OCOP: đơn hàng ${order.number} đã được xác nhận`
        : `OCOP Market: order ${order.number} confirmed`,
    body:
      order.locale === 'vi'
        ? `Cảm ơn bạn. Đơn hàng ${order.number} (${amount}) đã được xác nhận; các chủ thể sẽ chuẩn bị hàng.`
        : `Thank you. Order ${order.number} (${amount}) is confirmed; the producers will prepare it.`,
  });
}

/** The name of the unique constraint an insert broke, or null. */
function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: string; constraint_name?: string; constraint?: string };
    if (candidate.code === '23505') return candidate.constraint_name ?? candidate.constraint ?? 'unknown';
  }
  return null;
}
