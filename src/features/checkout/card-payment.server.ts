/**
 * Card payments of orders: the Stripe Checkout Session of a written order (the same idempotency key for a retried
 * request), and the answer to a repeated submit (the same order and, while unpaid, the same payment page).
 */
import { eq } from 'drizzle-orm';
import { orders } from '~/lib/db/schema-commerce';
import { PaymentProviderError } from '~/lib/stripe/types';
import type { PricedOrder } from '~/features/cart/pricing';
import { loadOrderViews } from '~/features/orders/order-views.server';
import { applyPaymentOutcome } from '~/features/orders/payment-outcomes.server';
import type { Locale } from '~/lib/i18n/locales';
import { lineItemsTotal, paymentLineItems, type PlaceOrderResult, type ReturnUrls } from './checkout';
import type { CheckoutContext } from './offers.server';

/** An order waiting for its card payment. */
export interface CardOrder {
  id: string;
  number: string;
  accessKey: string;
  email: string;
  locale: Locale;
  reservedUntil: Date;
}

/** Creates (or, for a retried request, finds again: same idempotency key) the Checkout Session of an order. */
export async function startCardPayment(
  ctx: CheckoutContext,
  order: CardOrder,
  priced: Pick<PricedOrder, 'parts' | 'total'>,
  urls: ReturnUrls,
): Promise<PlaceOrderResult> {
  if (!ctx.payments) return { ok: false, reason: 'cardUnavailable' };
  const lineItems = paymentLineItems(priced, order.locale, urls.absolute);
  if (lineItemsTotal(lineItems) !== priced.total)
    throw new Error(`line items of order ${order.number} do not add up to its total`);
  try {
    const session = await ctx.payments.createCheckoutSession({
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
    await ctx.db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id));
    const { id: orderId, number, accessKey } = order;
    return { ok: true, orderId, number, accessKey, payment: 'card', redirectUrl: session.url };
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    // Nobody can pay this order: give its stock back now rather than at expiry.
    await ctx.db.transaction((tx) =>
      applyPaymentOutcome(tx, order.id, 'failed', 'system', { note: error.message }),
    );
    return { ok: false, reason: 'paymentProviderFailed' };
  }
}

/**
 * The answer to a repeated submit of a checkout attempt: the same order, and for an unpaid card order the same
 * payment page. Null when the attempt placed nothing yet.
 */
export async function resumeAttempt(
  ctx: CheckoutContext,
  attemptId: string,
  urls: ReturnUrls,
): Promise<PlaceOrderResult | null> {
  const [order] = await ctx.db
    .select({
      id: orders.id,
      number: orders.number,
      accessKey: orders.accessKey,
      email: orders.email,
      locale: orders.locale,
      paymentMethod: orders.paymentMethod,
      paymentStatus: orders.paymentStatus,
      reservedUntil: orders.reservedUntil,
    })
    .from(orders)
    .where(eq(orders.attemptId, attemptId));
  if (!order) return null;
  const base = { ok: true as const, orderId: order.id, number: order.number, accessKey: order.accessKey };
  if (order.paymentMethod === 'cod') return { ...base, payment: 'cod', redirectUrl: null };
  if (order.paymentStatus !== 'awaiting_payment' || !order.reservedUntil)
    return { ...base, payment: 'card', redirectUrl: null };
  // The order as it was priced: its parts and line snapshots, not today's prices.
  const [view] = await loadOrderViews(ctx.db, [order.id]);
  if (!view) return null;
  return startCardPayment(ctx, { ...order, reservedUntil: order.reservedUntil }, view, urls);
}
