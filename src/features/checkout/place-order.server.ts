/**
 * Placing an order: a repeated attempt answers with its order; otherwise lapsed reservations are released, the
 * lines are priced again with their rows locked, the order is written with its stock taken in the same transaction,
 * and a card order continues to its Stripe Checkout Session.
 */
import { uniqueViolation } from '~/lib/db';
import { releaseLapsedReservations } from '~/features/orders/reservations.server';
import { priceOrder } from '~/features/cart/pricing';
import { cardAmountProblem, type CheckoutInput, type PlaceOrderResult, type ReturnUrls } from './checkout';
import { startCardPayment, resumeAttempt } from './card-payment.server';
import { loadOffers, productsOf, quote, type CheckoutContext } from './offers.server';
import { StockConflict, writeOrder, type WrittenOrder } from './write-order.server';

/** Who places the order and where Stripe sends the shopper back. */
export interface PlaceOrderContext {
  customerId: string | null;
  urls: ReturnUrls;
}

/** Prices the lines with their rows locked and writes the order, in one transaction; or says why it cannot. */
async function priceAndWrite(
  ctx: CheckoutContext,
  input: CheckoutInput,
  customerId: string | null,
): Promise<WrittenOrder | PlaceOrderResult> {
  const ids = input.lines.map((l) => l.productId);
  // Names and makers first; price, stock and whether on sale come from the offer rows locked below.
  const known = await productsOf(ctx, ids);
  return ctx.db.transaction(async (tx): Promise<WrittenOrder | PlaceOrderResult> => {
    const current = await loadOffers(ctx, tx, ids, true, known);
    const priced = priceOrder(input.lines, current);
    if (!priced.ok) return { ok: false, reason: 'lines', issues: priced.issues, stock: priced.stock };
    const problem = input.payment === 'card' ? cardAmountProblem(priced.order.total) : null;
    if (problem) return { ok: false, reason: problem, total: priced.order.total };
    return writeOrder(tx, input, priced.order, { customerId, now: ctx.now() });
  });
}

/**
 * Writes the order, drawing another number when one collides (up to 3 tries). A twin request that won the race
 * for the same attempt answers with its order; a stock conflict answers like any shortage.
 */
async function writeWithRetries(
  ctx: CheckoutContext,
  input: CheckoutInput,
  place: PlaceOrderContext,
): Promise<WrittenOrder | PlaceOrderResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await priceAndWrite(ctx, input, place.customerId);
    } catch (error) {
      if (error instanceof StockConflict) {
        // Rows are locked before pricing, so this is only a safety net; answer like any stock shortage.
        const fresh = await quote(ctx, input.lines);
        const stock = fresh.ok ? fresh.order.stock : fresh.stock;
        return { ok: false, reason: 'lines', issues: fresh.ok ? [] : fresh.issues, stock };
      }
      const constraint = uniqueViolation(error);
      if (constraint === 'shop_order_attempt_id_unique') {
        const twin = await resumeAttempt(ctx, input.attemptId, place.urls);
        if (twin) return twin;
      }
      // A colliding order number: draw another one.
      if (constraint === 'shop_order_number_unique') continue;
      throw error;
    }
  }
  throw new Error('could not draw a free order number in 3 attempts');
}

/**
 * Places an order. Stock is taken in the same transaction that writes the order (card: reserved until the
 * Checkout Session expires; cash: sold). The same attemptId always answers with the same order.
 */
export async function placeOrder(
  ctx: CheckoutContext,
  input: CheckoutInput,
  place: PlaceOrderContext,
): Promise<PlaceOrderResult> {
  if (input.payment === 'card' && !ctx.payments) return { ok: false, reason: 'cardUnavailable' };
  const repeated = await resumeAttempt(ctx, input.attemptId, place.urls);
  if (repeated) return repeated;
  await releaseLapsedReservations(ctx);
  const written = await writeWithRetries(ctx, input, place);
  if ('ok' in written) return written;
  const { orderId, number, accessKey, priced, reservedUntil } = written;
  if (input.payment === 'cod')
    return { ok: true, orderId, number, accessKey, payment: 'cod', redirectUrl: null };
  const order = { id: orderId, number, accessKey, email: input.contact.email, locale: input.locale };
  return startCardPayment(ctx, { ...order, reservedUntil: reservedUntil! }, priced, place.urls);
}
