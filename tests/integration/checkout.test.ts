/**
 * Checkout against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and the official Stripe
 * SDK talking to the stand-in: cash on delivery, card payments (exactly what the SDK sent), refused input that
 * writes nothing, the success page's confirmation, the shopper's cancel link, lapsed reservations, and a
 * producer moving its part of an order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import { RESERVATION_GRACE_MINUTES, RESERVATION_MINUTES } from '../../src/features/orders/payment';
import { outboxMessages, users } from '../../src/lib/db/schema';
import { orderLines, orderParts, orders, orderStatusChanges } from '../../src/lib/db/schema-commerce';
import { databaseTargets } from './db-harness';
import {
  checkoutInput,
  commerceFixture,
  countRows,
  INITIAL_STOCK,
  setStock,
  SITE,
  stockOf,
  STRIPE_SECRET_KEY,
  URLS,
  type CommerceFixture,
} from './commerce-harness';

const CANDY = 'keo-dua-sau-rieng-ben-tre';
const GINGER = 'keo-dua-gung-ben-tre';
const SALT = 'muoi-hat-bac-lieu';
const HONEY = 'mat-ong-u-minh';

const dongA: Actor = { id: 'user-dong-a', role: 'producer', producerId: 'dong-a', provinceId: null };
const saltMaker: Actor = { id: 'user-salt', role: 'producer', producerId: 'muoi-bac-lieu', provinceId: null };
const shopper: Actor = { id: 'user-shopper', role: 'shopper', producerId: null, provinceId: null };

describe.each(databaseTargets())('checkout on $name', (target) => {
  let f: CommerceFixture;

  beforeAll(async () => {
    f = await commerceFixture(target);
  });
  afterAll(async () => {
    await f?.dispose();
  });
  beforeEach(async () => {
    for (const id of [CANDY, GINGER, SALT, HONEY]) await setStock(f, id, INITIAL_STOCK);
    f.standin.requests.length = 0;
  });

  describe('cash on delivery', () => {
    it('places the order at once with line snapshots, one part per producer, history and stock taken', async () => {
      const input = checkoutInput({
        lines: [
          { productId: CANDY, quantity: 2 },
          { productId: SALT, quantity: 3 },
          { productId: GINGER, quantity: 1 },
        ],
      });
      const result = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      expect(result).toMatchObject({ ok: true, payment: 'cod', redirectUrl: null });
      if (!result.ok) return;
      expect(result.number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

      const [order] = await f.database.db.select().from(orders).where(eq(orders.id, result.orderId));
      expect(order).toMatchObject({
        paymentMethod: 'cod',
        paymentStatus: 'cash_on_delivery',
        subtotal: 205_000,
        shipping: 60_000,
        total: 265_000,
        currency: 'VND',
      });
      const parts = await f.database.db
        .select()
        .from(orderParts)
        .where(eq(orderParts.orderId, result.orderId))
        .orderBy(asc(orderParts.id));
      expect(parts.map((p) => [p.producerId, p.status, p.subtotal, p.shipping])).toEqual([
        ['dong-a', 'placed', 130_000, 30_000],
        ['muoi-bac-lieu', 'placed', 75_000, 30_000],
      ]);
      const lines = await f.database.db
        .select()
        .from(orderLines)
        .where(eq(orderLines.orderId, result.orderId))
        .orderBy(asc(orderLines.id));
      expect(lines.map((l) => [l.productId, l.nameVi, l.unitPrice, l.quantity, l.lineTotal])).toEqual([
        [CANDY, 'Kẹo dừa sầu riêng', 45_000, 2, 90_000],
        [GINGER, 'Kẹo dừa gừng', 40_000, 1, 40_000],
        [SALT, 'Muối hạt Bạc Liêu', 25_000, 3, 75_000],
      ]);
      expect(await stockOf(f, CANDY)).toBe(INITIAL_STOCK - 2);
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK - 3);
      const history = await f.database.db
        .select()
        .from(orderStatusChanges)
        .where(eq(orderStatusChanges.orderId, result.orderId));
      expect(history.map((h) => h.toStatus).sort()).toEqual(['cash_on_delivery', 'placed', 'placed']);
      const mail = await f.database.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.recipient, 'lan@example.com'));
      expect(mail.some((msg) => msg.body.includes(result.number))).toBe(true);
      // Cash on delivery never talks to Stripe.
      expect(f.standin.requests).toEqual([]);
    });

    it('answers a repeated submit with the same order and takes stock once', async () => {
      const input = checkoutInput({ lines: [{ productId: HONEY, quantity: 1 }] });
      const first = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      const again = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      expect(again).toEqual(first);
      expect(await stockOf(f, HONEY)).toBe(INITIAL_STOCK - 1);
    });

    it('prices from the database, not from the catalogue file or the browser', async () => {
      await f.database.db.execute(`update commerce_product set price = 47000 where product_id = '${CANDY}'`);
      try {
        const result = await f.checkout.placeOrder(
          checkoutInput({ lines: [{ productId: CANDY, quantity: 1 }] }),
          { customerId: null, urls: URLS },
        );
        if (!result.ok) throw new Error('expected an order');
        const [line] = await f.database.db
          .select()
          .from(orderLines)
          .where(eq(orderLines.orderId, result.orderId));
        expect(line!.unitPrice).toBe(47_000);
      } finally {
        await f.database.db.execute(
          `update commerce_product set price = 45000 where product_id = '${CANDY}'`,
        );
      }
    });
  });

  describe('refused input writes nothing', () => {
    it.each([
      ['an unknown product', [{ productId: 'khong-ton-tai', quantity: 1 }], 'productUnknown'],
      ['more than is in stock', [{ productId: CANDY, quantity: INITIAL_STOCK + 1 }], 'notEnoughStock'],
    ])('%s', async (_name, lines, problem) => {
      const before = await countRows(f, 'shop_order');
      const result = await f.checkout.placeOrder(checkoutInput({ lines }), { customerId: null, urls: URLS });
      expect(result).toMatchObject({ ok: false, reason: 'lines', issues: [{ index: 0, problem }] });
      expect(await countRows(f, 'shop_order')).toBe(before);
      expect(await stockOf(f, CANDY)).toBe(INITIAL_STOCK);
    });

    it('a withdrawn product', async () => {
      await f.database.db.execute(`update commerce_product set listed = false where product_id = '${SALT}'`);
      try {
        const result = await f.checkout.placeOrder(
          checkoutInput({ lines: [{ productId: SALT, quantity: 1 }] }),
          { customerId: null, urls: URLS },
        );
        expect(result).toMatchObject({ ok: false, issues: [{ problem: 'productUnlisted' }] });
      } finally {
        await f.database.db.execute(`update commerce_product set listed = true where product_id = '${SALT}'`);
      }
    });

    it('a card total over Stripe’s maximum', async () => {
      await f.database.db.execute(
        `update commerce_product set price = 11000000 where product_id = '${HONEY}'`,
      );
      try {
        const before = await countRows(f, 'shop_order');
        const result = await f.checkout.placeOrder(
          checkoutInput({ payment: 'card', lines: [{ productId: HONEY, quantity: 10 }] }),
          { customerId: null, urls: URLS },
        );
        expect(result).toEqual({ ok: false, reason: 'cardAmountTooLarge', total: 110_000_000 });
        expect(await countRows(f, 'shop_order')).toBe(before);
        expect(f.standin.requests).toEqual([]);
        expect(await stockOf(f, HONEY)).toBe(INITIAL_STOCK);
      } finally {
        await f.database.db.execute(
          `update commerce_product set price = 260000 where product_id = '${HONEY}'`,
        );
      }
    });
  });

  describe('card payment through Stripe Checkout', () => {
    it('sends Stripe exactly the order: VND amounts, line items, email, metadata, return URLs, expiry, idempotency key', async () => {
      const input = checkoutInput({
        payment: 'card',
        lines: [
          { productId: CANDY, quantity: 2 },
          { productId: HONEY, quantity: 1 },
        ],
      });
      const result = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      if (!result.ok) throw new Error(`expected a session, got ${result.reason}`);
      expect(f.standin.requests).toHaveLength(1);
      const sent = f.standin.requests[0]!;
      const session = [...f.standin.sessions.values()].find((s) => s.client_reference_id === result.orderId)!;
      expect(result.redirectUrl).toBe(session.url);
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/v1/checkout/sessions');
      expect(sent.authorization).toBe(`Bearer ${STRIPE_SECRET_KEY}`);
      expect(sent.idempotencyKey).toBe(`order:${result.orderId}:checkout-session`);
      expect(sent.body).toEqual({
        mode: 'payment',
        client_reference_id: result.orderId,
        customer_email: 'lan@example.com',
        locale: 'vi',
        metadata: { orderNumber: result.number, kind: 'order', reference: result.orderId },
        payment_intent_data: {
          metadata: { orderNumber: result.number, kind: 'order', reference: result.orderId },
        },
        line_items: [
          {
            quantity: '2',
            price_data: {
              currency: 'vnd',
              unit_amount: '45000',
              product_data: { name: 'Kẹo dừa sầu riêng', images: [`${SITE}/_astro/${CANDY}.jpg`] },
            },
          },
          {
            quantity: '1',
            price_data: {
              currency: 'vnd',
              unit_amount: '260000',
              product_data: { name: 'Mật ong U Minh', images: [`${SITE}/_astro/${HONEY}.jpg`] },
            },
          },
          {
            quantity: '1',
            price_data: {
              currency: 'vnd',
              unit_amount: '30000',
              product_data: { name: 'Phí giao hàng · Công ty Đông Á' },
            },
          },
          {
            quantity: '1',
            price_data: {
              currency: 'vnd',
              unit_amount: '30000',
              product_data: { name: 'Phí giao hàng · HTX U Minh Hạ' },
            },
          },
        ],
        success_url: `${SITE}/orders/${result.number}?key=${result.accessKey}&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${SITE}/checkout?cancelled=${result.number}&key=${result.accessKey}`,
        expires_at: String(Math.floor(f.clock.now.getTime() / 1000) + RESERVATION_MINUTES * 60),
      });
      // Whole đồng: 2 × 45,000 + 260,000, plus 30,000 delivery for each producer's parcel.
      const [order] = await f.database.db.select().from(orders).where(eq(orders.id, result.orderId));
      expect(session.amount_total).toBe(410_000);
      expect(session.currency).toBe('vnd');
      expect(order).toMatchObject({
        paymentStatus: 'awaiting_payment',
        total: 410_000,
        stripeSessionId: session.id,
      });
    });

    it('reserves the stock until paid, and a repeated submit gets the same session, not a second order', async () => {
      const input = checkoutInput({ payment: 'card', lines: [{ productId: GINGER, quantity: 4 }] });
      const first = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      expect(await stockOf(f, GINGER)).toBe(INITIAL_STOCK - 4);
      const again = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      expect(again).toEqual(first);
      expect(f.standin.requests.map((r) => r.idempotencyKey)).toEqual([
        f.standin.requests[0]!.idempotencyKey,
        f.standin.requests[0]!.idempotencyKey,
      ]);
      expect(f.standin.sessions.size).toBeGreaterThan(0);
      expect(await stockOf(f, GINGER)).toBe(INITIAL_STOCK - 4);
    });

    it('gives the stock back and says so when Stripe cannot create the session', async () => {
      f.standin.failNext(500);
      const input = checkoutInput({ payment: 'card', lines: [{ productId: SALT, quantity: 2 }] });
      const result = await f.checkout.placeOrder(input, { customerId: null, urls: URLS });
      expect(result).toEqual({ ok: false, reason: 'paymentProviderFailed' });
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK);
      // The attempt is kept as a failed order (its history says why), so nothing stays reserved.
      const [failed] = await f.database.db.select().from(orders).where(eq(orders.attemptId, input.attemptId));
      expect(failed!.paymentStatus).toBe('failed');
      // The provider's error text stays in the audit log, out of the shopper's view.
      const view = await f.orders.orderForViewer(failed!.number, { accessKey: failed!.accessKey });
      expect(view!.history.find((h) => h.to === 'failed')).toMatchObject({ note: null, systemNote: null });
    });

    it('confirms the payment from the success page through the same idempotent function as the webhook', async () => {
      const result = await f.checkout.placeOrder(
        checkoutInput({ payment: 'card', lines: [{ productId: CANDY, quantity: 1 }] }),
        { customerId: null, urls: URLS },
      );
      if (!result.ok) throw new Error('expected a session');
      expect(await f.orders.confirmFromSession(result.orderId)).toBe('awaiting_payment');
      const sessionId = (await f.database.db.select().from(orders).where(eq(orders.id, result.orderId)))[0]!
        .stripeSessionId!;
      f.standin.complete(sessionId, 'paid');
      expect(await f.orders.confirmFromSession(result.orderId)).toBe('paid');
      expect(await f.orders.confirmFromSession(result.orderId)).toBe('paid');
      const parts = await f.database.db
        .select()
        .from(orderParts)
        .where(eq(orderParts.orderId, result.orderId));
      expect(parts.map((p) => p.status)).toEqual(['placed']);
      expect(await stockOf(f, CANDY)).toBe(INITIAL_STOCK - 1);
      const history = await f.database.db
        .select()
        .from(orderStatusChanges)
        .where(eq(orderStatusChanges.orderId, result.orderId));
      expect(history.filter((h) => h.toStatus === 'paid')).toHaveLength(1);
    });

    it('closes the session and releases the stock when the shopper cancels on Stripe’s page', async () => {
      const result = await f.checkout.placeOrder(
        checkoutInput({ payment: 'card', lines: [{ productId: HONEY, quantity: 3 }] }),
        { customerId: null, urls: URLS },
      );
      if (!result.ok) throw new Error('expected a session');
      expect(await stockOf(f, HONEY)).toBe(INITIAL_STOCK - 3);
      expect(await f.orders.abandonCardPayment(result.number, 'wrong-key')).toBe(false);
      expect(await f.orders.abandonCardPayment(result.number, result.accessKey)).toBe(true);
      expect(f.standin.requests.at(-1)!.path).toMatch(/^\/v1\/checkout\/sessions\/cs_test_\w+\/expire$/);
      expect(await stockOf(f, HONEY)).toBe(INITIAL_STOCK);
      expect(await f.orders.abandonCardPayment(result.number, result.accessKey)).toBe(false);
      expect(await stockOf(f, HONEY)).toBe(INITIAL_STOCK);
      const view = await f.orders.orderForViewer(result.number, { accessKey: result.accessKey });
      expect(view!.history.find((h) => h.to === 'expired')).toMatchObject({
        note: null,
        systemNote: 'cancelledByShopper',
      });
    });

    it('releases reservations whose expiry event never came, but honours a session that was paid', async () => {
      const lost = await f.checkout.placeOrder(
        checkoutInput({ payment: 'card', lines: [{ productId: SALT, quantity: 2 }] }),
        { customerId: null, urls: URLS },
      );
      const paid = await f.checkout.placeOrder(
        checkoutInput({ payment: 'card', lines: [{ productId: SALT, quantity: 1 }] }),
        { customerId: null, urls: URLS },
      );
      if (!lost.ok || !paid.ok) throw new Error('expected sessions');
      const sessionOf = async (id: string) =>
        (await f.database.db.select().from(orders).where(eq(orders.id, id)))[0]!.stripeSessionId!;
      f.standin.expire(await sessionOf(lost.orderId));
      f.standin.complete(await sessionOf(paid.orderId), 'paid');
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK - 3);

      f.clock.advanceMinutes(RESERVATION_MINUTES + RESERVATION_GRACE_MINUTES - 1);
      expect(await f.orders.releaseLapsedReservations()).toBe(0);
      f.clock.advanceMinutes(1);
      expect(await f.orders.releaseLapsedReservations()).toBe(2);
      const status = async (id: string) =>
        (await f.database.db.select().from(orders).where(eq(orders.id, id)))[0]!.paymentStatus;
      expect(await status(lost.orderId)).toBe('expired');
      expect(await status(paid.orderId)).toBe('paid');
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK - 1);
    });
  });

  describe('orders', () => {
    it('shows an order with its key or to its owner, and finds it by number and email', async () => {
      const result = await f.checkout.placeOrder(
        checkoutInput({ lines: [{ productId: SALT, quantity: 1 }] }),
        { customerId: null, urls: URLS },
      );
      if (!result.ok) throw new Error('expected an order');
      expect(await f.orders.orderForViewer(result.number, { accessKey: result.accessKey })).toMatchObject({
        number: result.number,
        total: 55_000,
      });
      expect(await f.orders.orderForViewer(result.number, { accessKey: 'guess' })).toBeNull();
      expect(await f.orders.orderForViewer(result.number, { user: shopper })).toBeNull();
      expect(await f.orders.lookup(result.number, ' LAN@example.com ')).toEqual({
        number: result.number,
        accessKey: result.accessKey,
      });
      expect(await f.orders.lookup(result.number, 'someone@example.com')).toBeNull();
    });

    it('lets a producer see only its own part and move it; cancelling returns the stock', async () => {
      const result = await f.checkout.placeOrder(
        checkoutInput({
          lines: [
            { productId: CANDY, quantity: 3 },
            { productId: SALT, quantity: 2 },
          ],
        }),
        { customerId: null, urls: URLS },
      );
      if (!result.ok) throw new Error('expected an order');
      const mine = (await f.orders.partsOfProducer(dongA, 'dong-a'))!.find(
        (p) => p.order.id === result.orderId,
      )!;
      expect(mine.order.parts).toHaveLength(1);
      expect(mine.part.lines.map((l) => l.productId)).toEqual([CANDY]);
      expect(await f.orders.partsOfProducer(dongA, 'muoi-bac-lieu')).toBeNull();

      const saltPart = (await f.orders.partsOfProducer(saltMaker, 'muoi-bac-lieu'))!.find(
        (p) => p.order.id === result.orderId,
      )!.part;
      expect(await f.orders.movePart(dongA, { partId: saltPart.id, to: 'processing' })).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await f.orders.movePart(shopper, { partId: mine.part.id, to: 'processing' })).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await f.orders.movePart(dongA, { partId: mine.part.id, to: 'delivered' })).toEqual({
        ok: false,
        reason: 'not-allowed',
      });
      expect(await f.orders.movePart(dongA, { partId: 999_999, to: 'processing' })).toEqual({
        ok: false,
        reason: 'not-found',
      });

      expect(await f.orders.movePart(dongA, { partId: mine.part.id, to: 'processing' })).toEqual({
        ok: true,
        status: 'processing',
      });
      expect(
        await f.orders.movePart(dongA, {
          partId: mine.part.id,
          to: 'shipped',
          carrier: 'Viettel Post',
          trackingNumber: 'VTP123456',
        }),
      ).toEqual({ ok: true, status: 'shipped' });
      expect(
        await f.orders.movePart(dongA, { partId: mine.part.id, to: 'cancelled', reason: 'too late' }),
      ).toEqual({ ok: false, reason: 'not-allowed' });
      expect(await f.orders.movePart(dongA, { partId: mine.part.id, to: 'delivered' })).toEqual({
        ok: true,
        status: 'delivered',
      });

      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK - 2);
      expect(
        await f.orders.movePart(saltMaker, {
          partId: saltPart.id,
          to: 'cancelled',
          reason: 'Hết hàng đợt này',
        }),
      ).toEqual({ ok: true, status: 'cancelled' });
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK);
      expect(
        await f.orders.movePart(saltMaker, { partId: saltPart.id, to: 'cancelled', reason: 'again' }),
      ).toEqual({ ok: false, reason: 'not-allowed' });
      expect(await stockOf(f, SALT)).toBe(INITIAL_STOCK);

      const view = await f.orders.orderForViewer(result.number, { accessKey: result.accessKey });
      expect(view!.parts.map((p) => [p.producerId, p.status, p.trackingNumber, p.cancelReason])).toEqual([
        ['dong-a', 'delivered', 'VTP123456', null],
        ['muoi-bac-lieu', 'cancelled', null, 'Hết hàng đợt này'],
      ]);
    });

    it('keeps a signed-in shopper’s orders in its history and shows them to it', async () => {
      await f.database.db
        .insert(users)
        .values({ id: shopper.id, name: 'Lan', email: 'lan.account@example.com' })
        .onConflictDoNothing();
      expect(await f.orders.ordersOfCustomer(shopper.id)).toEqual([]);
      const result = await f.checkout.placeOrder(
        checkoutInput({ lines: [{ productId: GINGER, quantity: 1 }] }),
        { customerId: shopper.id, urls: URLS },
      );
      if (!result.ok) throw new Error('expected an order');
      expect((await f.orders.ordersOfCustomer(shopper.id)).map((o) => o.number)).toEqual([result.number]);
      expect(await f.orders.orderForViewer(result.number, { user: shopper })).toMatchObject({
        number: result.number,
      });
      expect(await f.orders.orderForViewer(result.number, { user: dongA })).toBeNull();
    });
  });

  it('the database itself refuses negative stock and totals that do not add up', async () => {
    await expect(
      f.database.db.execute(`update commerce_product set stock = -1 where product_id = '${CANDY}'`),
    ).rejects.toThrow();
    await expect(f.database.db.execute(`update shop_order set total = total + 1`)).rejects.toThrow();
    await expect(f.database.db.execute(`update order_line set quantity = 0`)).rejects.toThrow();
  });
});
