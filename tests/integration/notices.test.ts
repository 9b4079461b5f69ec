/**
 * The messages after the first ones, each delivered through a real SMTP server started here (smtp-server) and parsed
 * as it arrived (mailparser): a part shipped with its carrier and tracking number, a part cancelled with the reason
 * (and nothing to pay, cash), a card payment that failed (Stripe's webhook event, signed by the SDK's helper), a
 * listing rejected with the promoter's reason and one approved. Each message is written in the transaction of its
 * event, in the recipient's language. On PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import { processPaymentEvent } from '../../src/features/checkout/payment-webhook.server';
import { createDelivery, type Delivery } from '../../src/features/notifications/delivery.server';
import { applyOrderPaymentEvent } from '../../src/features/orders/payment-outcomes.server';
import { createListings, type Listings } from '../../src/features/portal/listings.server';
import { orderParts, orders, users } from '../../src/lib/db/schema';
import { createMailTransport, type MailTransport } from '../../src/lib/mail';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { checkoutEvent, signDelivery } from '../support/stripe-standin';
import {
  checkoutInput,
  commerceFixture,
  URLS,
  WEBHOOK_SECRET,
  type CommerceFixture,
} from './commerce-harness';
import { databaseTargets } from './db-harness';

const dongA: Actor = { id: 'u-dong-a', role: 'producer', producerId: 'dong-a', provinceId: null };
const cauKe: Actor = { id: 'u-cau-ke', role: 'producer', producerId: 'dua-sap-cau-ke', provinceId: null };
const traVinh: Actor = { id: 'u-tra-vinh', role: 'promoter', producerId: null, provinceId: 'tra-vinh' };

/** Runs delivery passes until `count` messages arrived (a bounded wait, no timing asserted). */
async function deliverUntil(delivery: Delivery, sink: SmtpSink, count: number): Promise<void> {
  const end = Date.now() + 30_000;
  while (sink.received.length < count) {
    if (Date.now() > end) throw new Error('messages did not arrive in time');
    await delivery.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(databaseTargets())('messages after the order and on the portal on $name', (target) => {
  let fixture: CommerceFixture;
  let sink: SmtpSink;
  let transport: MailTransport;
  let delivery: Delivery;
  let listings: Listings;

  beforeAll(async () => {
    fixture = await commerceFixture(target);
    sink = await startSmtpSink();
    transport = createMailTransport({ smtpUrl: sink.url, from: 'Chợ OCOP <no-reply@ocop.test>', folder: '' });
    delivery = createDelivery({ db: fixture.database.db, transport });
    listings = createListings({
      db: fixture.database.db,
      provinceOf: (id) => (id === 'dua-sap-cau-ke' ? 'tra-vinh' : undefined),
      fileProducerOf: () => undefined,
      now: () => new Date('2026-11-21T03:00:00Z'),
    });
    await fixture.database.db.insert(users).values([
      {
        id: 'u-cau-ke',
        name: 'Cầu Kè',
        email: 'cau-ke@example.com',
        role: 'producer',
        producerId: 'dua-sap-cau-ke',
      },
    ]);
  });
  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await fixture?.dispose();
  });
  beforeEach(async () => {
    // Messages of earlier steps (order confirmations) are sent first and set aside.
    await delivery.deliverDue();
    sink.received.length = 0;
  });

  async function cashOrder(locale: 'vi' | 'en') {
    const placed = await fixture.checkout.placeOrder(checkoutInput({ locale }), {
      customerId: null,
      urls: URLS,
    });
    if (!placed.ok) throw new Error(placed.reason);
    const [part] = await fixture.database.db
      .select()
      .from(orderParts)
      .where(eq(orderParts.orderId, placed.orderId));
    await delivery.deliverDue();
    sink.received.length = 0;
    return { orderId: placed.orderId, partId: part!.id };
  }

  it('a shipped part tells the shopper the carrier and tracking number, in the order language', async () => {
    const { partId } = await cashOrder('vi');
    expect((await fixture.orders.movePart(dongA, { partId, to: 'processing' })).ok).toBe(true);
    const shipped = await fixture.orders.movePart(dongA, {
      partId,
      to: 'shipped',
      carrier: 'VNPost',
      trackingNumber: 'EB123456789VN',
    });
    expect(shipped.ok).toBe(true);
    await deliverUntil(delivery, sink, 1);
    const [mail] = sink.received;
    expect(mail!.to && !Array.isArray(mail!.to) && mail!.to.text).toBe('lan@example.com');
    expect(mail!.subject).toMatch(/^Chợ OCOP: một phần đơn hàng \S+ đã được gửi đi$/);
    expect(mail!.text).toContain('qua VNPost, mã vận đơn EB123456789VN');
    expect(mail!.text).toContain('2 × Kẹo dừa sầu riêng');
    expect(mail!.html).toContain('EB123456789VN');
    expect(mail!.text).toContain('/orders/lookup');
  });

  it('a cancelled part gives the shopper the reason, in English for an English order', async () => {
    const { partId } = await cashOrder('en');
    const cancelled = await fixture.orders.movePart(dongA, {
      partId,
      to: 'cancelled',
      reason: 'The durian harvest failed <this week>',
    });
    expect(cancelled.ok).toBe(true);
    await deliverUntil(delivery, sink, 1);
    const [mail] = sink.received;
    expect(mail!.subject).toMatch(/^OCOP Market: part of order \S+ was cancelled$/);
    expect(mail!.text).toContain('Reason: The durian harvest failed <this week>');
    expect(mail!.html).toContain('The durian harvest failed &lt;this week&gt;');
    expect(mail!.text).toContain('You pay nothing for this part');
    expect(mail!.text).toContain('/en/orders/lookup');
  });

  it('a failed card payment tells the shopper the order was not placed and what to do', async () => {
    const placed = await fixture.checkout.placeOrder(checkoutInput({ payment: 'card' }), {
      customerId: null,
      urls: URLS,
    });
    if (!placed.ok) throw new Error(placed.reason);
    const [row] = await fixture.database.db.select().from(orders).where(eq(orders.id, placed.orderId));
    const session = fixture.standin.complete(row!.stripeSessionId!, 'unpaid');
    const { body, signature } = signDelivery(
      checkoutEvent('checkout.session.async_payment_failed', fixture.standin.settle(session.id, false)),
      WEBHOOK_SECRET,
    );
    const event = await fixture.payments.parseWebhook(body, signature);
    expect(await processPaymentEvent(fixture.database.db, event, { order: applyOrderPaymentEvent })).toBe(
      'applied',
    );
    await deliverUntil(delivery, sink, 1);
    const [mail] = sink.received;
    expect(mail!.subject).toBe(`Chợ OCOP: thanh toán đơn hàng ${row!.number} không thành công`);
    expect(mail!.text).toContain('Ngân hàng đã từ chối thanh toán');
    expect(mail!.text).toContain('bạn không bị trừ tiền');
    expect(mail!.text).toContain('/cart');
    // The message carries no secret: not the order's key, not the session.
    expect(mail!.text).not.toContain(row!.accessKey);
    expect(mail!.text).not.toContain(session.id);
    // The same event again tells nobody twice.
    await processPaymentEvent(fixture.database.db, event, { order: applyOrderPaymentEvent });
    await delivery.deliverDue();
    expect(sink.received).toHaveLength(1);
  });

  it('a listing rejected with the reason, and one approved, reach the producer', async () => {
    const draft = async (slug: string) => {
      const id = randomUUID();
      const keys = [`public/${id}/w480.webp`, `private/${id}/master.jpg`];
      expect((await listings.recordLoosePhoto(cauKe, 'dua-sap-cau-ke', { id, keys })).ok).toBe(true);
      const started = await listings.start(cauKe, {
        producerId: 'dua-sap-cau-ke',
        slug,
        listing: listingInput([id]),
      });
      if (!started.ok) throw new Error(started.message);
      const sent = await listings.move(cauKe, started.value.id, started.value.version, { kind: 'submit' });
      if (!sent.ok) throw new Error(sent.message);
      return sent.value;
    };
    const first = await draft('keo-dua-sap-1');
    const reason = 'Số quyết định không khớp với điểm 60.';
    expect((await listings.move(traVinh, first.id, first.version, { kind: 'reject', reason })).ok).toBe(true);
    const second = await draft('keo-dua-sap-2');
    expect((await listings.move(traVinh, second.id, second.version, { kind: 'approve' })).ok).toBe(true);
    await deliverUntil(delivery, sink, 2);
    const [rejected, approved] = sink.received;
    expect(rejected!.subject).toBe('Chợ OCOP: sản phẩm Kẹo dừa sáp chưa được duyệt');
    expect(rejected!.text).toContain(`Lý do: ${reason}`);
    expect(rejected!.text).toContain(`/producer/listings/${first.id}`);
    expect(approved!.subject).toBe('Chợ OCOP: sản phẩm Kẹo dừa sáp đã được duyệt');
    expect(approved!.text).toContain(`/producer/listings/${second.id}`);
  });
});

/** A listing as the editor posts it. */
function listingInput(photos: string[]): Record<string, unknown> {
  return {
    name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' },
    summary: { vi: 'Kẹo dừa sáp Cầu Kè.', en: 'Waxy coconut candy from Cau Ke.' },
    group: 'food',
    certification: {
      stars: 3,
      score: 60,
      recognisedOn: '2024-06-01',
      level: 'provincial',
      decisionNumber: '1234/QĐ-UBND',
    },
    price: 45000,
    unit: { vi: 'hộp 400 g', en: '400 g box' },
    netWeight: { value: 400, unit: 'g' },
    shelfLifeDays: 180,
    storage: { vi: 'Nơi khô ráo, thoáng mát.', en: 'Keep in a cool, dry place.' },
    ingredients: { vi: ['cơm dừa sáp', 'đường'], en: ['waxy coconut flesh', 'sugar'] },
    allergens: [],
    story: { vi: 'Câu chuyện **dừa sáp**.', en: 'The story of **waxy coconut**.' },
    stock: 120,
    photos,
  };
}
