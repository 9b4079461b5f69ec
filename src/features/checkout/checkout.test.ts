import { describe, expect, it } from 'vitest';
import {
  cardAmountProblem,
  checkoutInputSchema,
  FREE_SHIPPING_FROM,
  holdsReservation,
  lineItemsTotal,
  nextPaymentStatus,
  normalizeVnPhone,
  outcomeOfCompletedSession,
  PAYMENT_STATUSES,
  paymentLineItems,
  priceOrder,
  reservationEnds,
  reservationLapsed,
  RESERVATION_GRACE_MINUTES,
  RESERVATION_MINUTES,
  SHIPPING_FEE_PER_PRODUCER,
  shippingFor,
  STRIPE_VND_LIMITS,
  type PaymentOutcome,
  type ProductOffer,
} from './checkout';

const offer = (
  productId: string,
  producerId: string,
  price: number,
  stock: number,
  listed = true,
): ProductOffer => ({
  productId,
  producerId,
  producerName: `Producer ${producerId}`,
  name: { vi: `Tên ${productId}`, en: `Name ${productId}` },
  price,
  stock,
  listed,
  imagePath: `/_astro/${productId}.jpg`,
});
const offers = new Map(
  [
    offer('keo-dua', 'dong-a', 45_000, 10),
    offer('keo-dua-gung', 'dong-a', 55_000, 3),
    offer('muoi-hat', 'muoi-bac-lieu', 30_000, 0),
    offer('mat-ong', 'u-minh-ha', 250_000, 8),
    offer('cu-san', 'u-minh-ha', 20_000, 5, false),
  ].map((o) => [o.productId, o]),
);

describe('priceOrder', () => {
  it('groups lines by producer, prices them from the offers and adds each part’s delivery', () => {
    const result = priceOrder(
      [
        { productId: 'keo-dua', quantity: 2 },
        { productId: 'mat-ong', quantity: 2 },
        { productId: 'keo-dua-gung', quantity: 1 },
      ],
      offers,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { order } = result;
    expect(order.parts.map((p) => [p.producerId, p.subtotal, p.shipping])).toEqual([
      ['dong-a', 145_000, SHIPPING_FEE_PER_PRODUCER],
      ['u-minh-ha', 500_000, 0],
    ]);
    expect(order.parts[0]!.lines.map((l) => [l.productId, l.unitPrice, l.quantity, l.lineTotal])).toEqual([
      ['keo-dua', 45_000, 2, 90_000],
      ['keo-dua-gung', 55_000, 1, 55_000],
    ]);
    expect(order.subtotal).toBe(645_000);
    expect(order.shipping).toBe(30_000);
    expect(order.total).toBe(675_000);
  });

  it('reports every unknown, withdrawn or short line with its index and what is left', () => {
    const result = priceOrder(
      [
        { productId: 'keo-dua', quantity: 1 },
        { productId: 'nope', quantity: 1 },
        { productId: 'cu-san', quantity: 1 },
        { productId: 'muoi-hat', quantity: 1 },
        { productId: 'keo-dua-gung', quantity: 4 },
      ],
      offers,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { index: 1, productId: 'nope', problem: 'productUnknown', available: 0 },
      { index: 2, productId: 'cu-san', problem: 'productUnlisted', available: 0 },
      { index: 3, productId: 'muoi-hat', problem: 'outOfStock', available: 0 },
      { index: 4, productId: 'keo-dua-gung', problem: 'notEnoughStock', available: 3 },
    ]);
    expect(result.stock).toEqual({ 'keo-dua': 10, 'cu-san': 0, 'muoi-hat': 0, 'keo-dua-gung': 3 });
  });

  it('sells exactly the last unit', () => {
    expect(priceOrder([{ productId: 'keo-dua-gung', quantity: 3 }], offers).ok).toBe(true);
  });
});

describe('shipping', () => {
  it('is a flat fee per producer, free from the threshold on', () => {
    expect(shippingFor(FREE_SHIPPING_FROM - 1)).toBe(SHIPPING_FEE_PER_PRODUCER);
    expect(shippingFor(FREE_SHIPPING_FROM)).toBe(0);
  });
});

describe('card amount limits (VND is zero-decimal)', () => {
  it('accepts the bounds and refuses outside them', () => {
    expect(cardAmountProblem(STRIPE_VND_LIMITS.min)).toBeNull();
    expect(cardAmountProblem(STRIPE_VND_LIMITS.max)).toBeNull();
    expect(cardAmountProblem(STRIPE_VND_LIMITS.min - 1)).toBe('cardAmountTooSmall');
    expect(cardAmountProblem(STRIPE_VND_LIMITS.max + 1)).toBe('cardAmountTooLarge');
  });
});

describe('reservation', () => {
  const placed = new Date('2026-11-21T10:00:00Z');
  it('lasts the Checkout Session’s lifetime (Stripe allows 30 minutes to 24 hours)', () => {
    expect(RESERVATION_MINUTES).toBeGreaterThanOrEqual(30);
    expect(reservationEnds(placed).toISOString()).toBe('2026-11-21T10:30:00.000Z');
  });
  it('lapses only after the grace period for Stripe’s own expiry event', () => {
    const until = reservationEnds(placed);
    expect(reservationLapsed(until, until)).toBe(false);
    expect(reservationLapsed(until, new Date(until.getTime() + RESERVATION_GRACE_MINUTES * 60_000 - 1))).toBe(
      false,
    );
    expect(reservationLapsed(until, new Date(until.getTime() + RESERVATION_GRACE_MINUTES * 60_000))).toBe(
      true,
    );
  });
});

describe('payment status transitions', () => {
  it('moves an open payment by each outcome', () => {
    expect(nextPaymentStatus('awaiting_payment', 'paid')).toBe('paid');
    expect(nextPaymentStatus('awaiting_payment', 'processing')).toBe('payment_processing');
    expect(nextPaymentStatus('awaiting_payment', 'failed')).toBe('failed');
    expect(nextPaymentStatus('awaiting_payment', 'expired')).toBe('expired');
    expect(nextPaymentStatus('payment_processing', 'paid')).toBe('paid');
    expect(nextPaymentStatus('payment_processing', 'failed')).toBe('failed');
  });

  it('ends in the right state whatever order outcomes arrive in', () => {
    const outcomes: PaymentOutcome[] = ['processing', 'paid'];
    const run = (list: PaymentOutcome[]) =>
      list.reduce(nextPaymentStatus, 'awaiting_payment' as (typeof PAYMENT_STATUSES)[number]);
    expect(run(outcomes)).toBe('paid');
    expect(run([...outcomes].reverse())).toBe('paid');
    expect(run(['processing', 'failed'])).toBe('failed');
    expect(run(['failed', 'processing'])).toBe('failed');
    // A completed session cannot expire: a stray expiry after completion changes nothing.
    expect(run(['processing', 'expired'])).toBe('payment_processing');
    expect(run(['paid', 'expired'])).toBe('paid');
  });

  it('never leaves a final state, and a repeated outcome is a no-op', () => {
    for (const final of ['paid', 'failed', 'expired', 'cash_on_delivery'] as const) {
      for (const outcome of ['paid', 'processing', 'failed', 'expired'] as const) {
        expect(nextPaymentStatus(final, outcome)).toBe(final);
      }
    }
  });

  it('knows which statuses hold stock', () => {
    expect(PAYMENT_STATUSES.filter(holdsReservation)).toEqual(['awaiting_payment', 'payment_processing']);
  });

  it('reads a completed session’s payment_status', () => {
    expect(outcomeOfCompletedSession('paid')).toBe('paid');
    expect(outcomeOfCompletedSession('no_payment_required')).toBe('paid');
    expect(outcomeOfCompletedSession('unpaid')).toBe('processing');
  });
});

describe('paymentLineItems', () => {
  it('lists products, then each charged delivery, in whole đồng, summing to the order total', () => {
    const priced = priceOrder(
      [
        { productId: 'keo-dua', quantity: 2 },
        { productId: 'mat-ong', quantity: 2 },
      ],
      offers,
    );
    if (!priced.ok) throw new Error('expected a priced order');
    const items = paymentLineItems(priced.order, 'vi', (path) => `https://ocop.example${path}`);
    expect(items).toEqual([
      {
        name: 'Tên keo-dua',
        unitAmount: 45_000,
        quantity: 2,
        images: ['https://ocop.example/_astro/keo-dua.jpg'],
      },
      {
        name: 'Tên mat-ong',
        unitAmount: 250_000,
        quantity: 2,
        images: ['https://ocop.example/_astro/mat-ong.jpg'],
      },
      { name: 'Phí giao hàng · Producer dong-a', unitAmount: 30_000, quantity: 1, images: [] },
    ]);
    expect(lineItemsTotal(items)).toBe(priced.order.total);
    expect(paymentLineItems(priced.order, 'en', (p) => p)[0]!.name).toBe('Name keo-dua');
  });
});

describe('normalizeVnPhone', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0387-654-321', '+84387654321'],
    ['028 3822 1234', '+842838221234'],
  ])('accepts %s as %s', (input, expected) => expect(normalizeVnPhone(input)).toBe(expected));

  it.each(['', '12345', '0123456789', '09123456789', '0912 345 67a', '+1 415 555 0100', '0212345678'])(
    'refuses %s',
    (input) => expect(normalizeVnPhone(input)).toBeNull(),
  );
});

describe('checkoutInputSchema', () => {
  const valid = {
    attemptId: '3f2b8a4e-9c1d-4e5f-8a7b-6c5d4e3f2a1b',
    lines: [{ productId: 'keo-dua', quantity: 2 }],
    contact: { name: 'Lan Nguyễn', email: 'Lan@Example.com ', phone: '0912 345 678' },
    address: { province: 'Vĩnh Long', commune: 'Phường Phú Khương', street: '12 Đồng Khởi' },
    payment: 'cod',
  };

  it('accepts a valid order and normalises email and phone', () => {
    const parsed = checkoutInputSchema.parse(valid);
    expect(parsed.contact).toEqual({ name: 'Lan Nguyễn', email: 'lan@example.com', phone: '+84912345678' });
    expect(parsed.note).toBe('');
    expect(parsed.locale).toBe('vi');
  });

  it.each([
    [
      'a malformed phone',
      { contact: { ...valid.contact, phone: '12345' } },
      ['contact', 'phone'],
      'phoneInvalid',
    ],
    [
      'an unknown province',
      { address: { ...valid.address, province: 'Bến Tre' } },
      ['address', 'province'],
      'provinceRequired',
    ],
    [
      'an empty commune',
      { address: { ...valid.address, commune: '  ' } },
      ['address', 'commune'],
      'communeRequired',
    ],
    ['an unknown payment', { payment: 'bitcoin' }, ['payment'], 'paymentRequired'],
    ['no lines', { lines: [] }, ['lines'], 'cartEmpty'],
    [
      'a fractional quantity',
      { lines: [{ productId: 'keo-dua', quantity: 0.5 }] },
      ['lines', 0, 'quantity'],
      'quantityWhole',
    ],
    [
      'a negative quantity',
      { lines: [{ productId: 'keo-dua', quantity: -3 }] },
      ['lines', 0, 'quantity'],
      'quantityTooSmall',
    ],
    [
      'a price from the browser',
      { lines: [{ productId: 'keo-dua', quantity: 1, price: 1 }] },
      ['lines', 0],
      'lineInvalid',
    ],
    ['a total from the browser', { total: 1 }, [], undefined],
  ])('refuses %s, naming the field', (_name, change, path, message) => {
    const result = checkoutInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(path);
    if (message) expect(issue.message).toBe(message);
  });
});
