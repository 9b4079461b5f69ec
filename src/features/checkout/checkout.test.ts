import { describe, expect, it } from 'vitest';
import { priceOrder, type ProductOffer } from '~/features/cart/pricing';
import {
  cardAmountProblem,
  checkoutInputSchema,
  checkoutIssues,
  lineItemsTotal,
  normalizeVnPhone,
  paymentLineItems,
  STRIPE_VND_LIMITS,
} from './checkout';

const offer = (productId: string, producerId: string, price: number): ProductOffer => ({
  productId,
  producerId,
  producerName: `Producer ${producerId}`,
  name: { vi: `Tên ${productId}`, en: `Name ${productId}` },
  price,
  stock: 10,
  listed: true,
  imagePath: `/_astro/${productId}.jpg`,
});
const offers = new Map(
  [offer('keo-dua', 'dong-a', 45_000), offer('mat-ong', 'u-minh-ha', 250_000)].map((o) => [o.productId, o]),
);

describe('card amount limits (VND is zero-decimal)', () => {
  it('accepts the bounds and refuses outside them', () => {
    expect(cardAmountProblem(STRIPE_VND_LIMITS.min)).toBeNull();
    expect(cardAmountProblem(STRIPE_VND_LIMITS.max)).toBeNull();
    expect(cardAmountProblem(STRIPE_VND_LIMITS.min - 1)).toBe('cardAmountTooSmall');
    expect(cardAmountProblem(STRIPE_VND_LIMITS.max + 1)).toBe('cardAmountTooLarge');
  });
});

describe('checkoutIssues', () => {
  it('names the field of each line the quote refuses, and a card total Stripe would refuse', () => {
    const short = priceOrder(
      [
        { productId: 'nope', quantity: 1 },
        { productId: 'keo-dua', quantity: 11 },
      ],
      offers,
    );
    expect(checkoutIssues({ payment: 'cod' }, short)).toEqual([
      { path: ['lines', 0, 'productId'], message: 'productUnknown' },
      { path: ['lines', 1, 'quantity'], message: 'notEnoughStock' },
    ]);
    const cheap = priceOrder([{ productId: 'keo-dua', quantity: 1 }], offers);
    expect(checkoutIssues({ payment: 'cod' }, cheap)).toEqual([]);
    const withdrawn = new Map([['keo-dua', { ...offers.get('keo-dua')!, listed: false }]]);
    expect(
      checkoutIssues({ payment: 'cod' }, priceOrder([{ productId: 'keo-dua', quantity: 1 }], withdrawn)),
    ).toEqual([
      {
        path: ['lines', 0, 'productId'],
        message: 'productUnlistedNamed',
        params: { product: offers.get('keo-dua')!.name },
      },
    ]);
    expect(checkoutIssues({ payment: 'card' }, cheap)).toEqual([]);
    const tooMuch = {
      ok: true as const,
      order: { parts: [], subtotal: 0, shipping: 0, total: 10 ** 9, stock: {} },
    };
    expect(checkoutIssues({ payment: 'card' }, tooMuch)).toEqual([
      { path: ['payment'], message: 'cardAmountTooLarge' },
    ]);
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
