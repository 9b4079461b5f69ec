import { describe, expect, it } from 'vitest';
import {
  addToCart,
  cartCount,
  EMPTY_CART,
  fitToStock,
  isCartLine,
  MAX_CART_LINES,
  MAX_QUANTITY_PER_LINE,
  parseStoredCart,
  quantityCap,
  quantityOf,
  removeLine,
  roomFor,
  setQuantity,
  stockLevel,
} from './cart';
import { cartLineSchema, cartLinesSchema } from './cart-schema';

const candy = 'keo-dua-sau-rieng-ben-tre';
const salt = 'muoi-hat-bac-lieu';

describe('cart changes', () => {
  it('adds units, merging with an existing line, and never mutates the old cart', () => {
    const one = addToCart(EMPTY_CART, candy, 2);
    const two = addToCart(one, candy, 3);
    expect(one.lines).toEqual([{ productId: candy, quantity: 2 }]);
    expect(two.lines).toEqual([{ productId: candy, quantity: 5 }]);
    expect(cartCount(addToCart(two, salt, 1))).toBe(6);
  });

  it('caps a line at live stock and at the per-line maximum', () => {
    expect(quantityOf(addToCart(EMPTY_CART, candy, 10, 4), candy)).toBe(4);
    expect(quantityOf(addToCart(EMPTY_CART, candy, 500), candy)).toBe(MAX_QUANTITY_PER_LINE);
  });

  it('ignores zero, negative and fractional additions', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(addToCart(EMPTY_CART, candy, n)).toBe(EMPTY_CART);
  });

  it('sets and removes lines; quantity 0 removes', () => {
    const cart = addToCart(addToCart(EMPTY_CART, candy, 2), salt, 1);
    expect(setQuantity(cart, candy, 7).lines[0]).toEqual({ productId: candy, quantity: 7 });
    expect(setQuantity(cart, candy, 0).lines).toEqual([{ productId: salt, quantity: 1 }]);
    expect(removeLine(cart, salt).lines).toEqual([{ productId: candy, quantity: 2 }]);
  });

  it('refuses a new line beyond the maximum number of lines', () => {
    let cart = EMPTY_CART;
    for (let i = 0; i < MAX_CART_LINES; i++) cart = addToCart(cart, `product-${i}`, 1);
    expect(addToCart(cart, 'one-more', 1)).toBe(cart);
  });
});

describe('fitToStock', () => {
  it('lowers short lines, drops gone products and reports each change', () => {
    const cart = {
      lines: [
        { productId: candy, quantity: 5 },
        { productId: salt, quantity: 2 },
        { productId: 'gone', quantity: 1 },
      ],
    };
    const { cart: fitted, adjustments } = fitToStock(
      cart,
      new Map([
        [candy, 3],
        [salt, 9],
      ]),
    );
    expect(fitted.lines).toEqual([
      { productId: candy, quantity: 3 },
      { productId: salt, quantity: 2 },
    ]);
    expect(adjustments).toEqual([
      { productId: candy, requested: 5, kept: 3 },
      { productId: 'gone', requested: 1, kept: 0 },
    ]);
  });

  it('returns the same cart when stock covers everything', () => {
    const cart = { lines: [{ productId: candy, quantity: 2 }] };
    expect(fitToStock(cart, new Map([[candy, 2]])).cart).toBe(cart);
  });
});

describe('schemas', () => {
  it('refuses a line carrying a price from the browser', () => {
    const result = cartLineSchema.safeParse({ productId: candy, quantity: 1, price: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('lineInvalid');
  });

  it.each([
    [0, 'quantityTooSmall'],
    [-2, 'quantityTooSmall'],
    [1.5, 'quantityWhole'],
    ['3', 'quantityWhole'],
    [100, 'quantityTooLarge'],
  ])('refuses quantity %s with %s', (quantity, message) => {
    const result = cartLineSchema.safeParse({ productId: candy, quantity });
    expect(result.error?.issues[0]).toMatchObject({ path: ['quantity'], message });
  });

  it('refuses an empty cart and a product listed twice', () => {
    expect(cartLinesSchema.safeParse([]).error?.issues[0]?.message).toBe('cartEmpty');
    const twice = cartLinesSchema.safeParse([
      { productId: candy, quantity: 1 },
      { productId: candy, quantity: 2 },
    ]);
    expect(twice.error?.issues[0]).toMatchObject({ path: [1, 'productId'], message: 'productRepeated' });
  });

  it('refuses product ids that are not catalogue slugs', () => {
    for (const productId of ['', '../etc', 'Kẹo', 'a'.repeat(121)]) {
      expect(cartLineSchema.safeParse({ productId, quantity: 1 }).success).toBe(false);
    }
  });
});

describe('isCartLine', () => {
  it('accepts exactly the lines the server schema accepts', () => {
    const candidates: unknown[] = [
      { productId: candy, quantity: 1 },
      { productId: candy, quantity: MAX_QUANTITY_PER_LINE },
      { productId: candy, quantity: 0 },
      { productId: candy, quantity: 100 },
      { productId: candy, quantity: 1.5 },
      { productId: candy, quantity: '3' },
      { productId: candy, quantity: 1, price: 1 },
      { productId: candy },
      { productId: '', quantity: 1 },
      { productId: '../etc', quantity: 1 },
      { productId: 'Kẹo', quantity: 1 },
      { productId: 'a'.repeat(120), quantity: 1 },
      { productId: 'a'.repeat(121), quantity: 1 },
      { productId: 7, quantity: 1 },
      [candy, 1],
      null,
      'line',
    ];
    for (const candidate of candidates)
      expect(isCartLine(candidate), JSON.stringify(candidate)).toBe(
        cartLineSchema.safeParse(candidate).success,
      );
  });
});

describe('parseStoredCart', () => {
  it('reads a saved cart and drops malformed or repeated lines', () => {
    const raw = JSON.stringify({
      lines: [
        { productId: candy, quantity: 2 },
        { productId: candy, quantity: 9 },
        { productId: salt, quantity: -1 },
        'junk',
      ],
    });
    expect(parseStoredCart(raw).lines).toEqual([{ productId: candy, quantity: 2 }]);
  });

  it('returns an empty cart for nothing, bad JSON or the wrong shape', () => {
    for (const raw of [null, '', '{', '[]', '{"lines":3}', 'null'])
      expect(parseStoredCart(raw)).toEqual(EMPTY_CART);
  });
});

describe('stockLevel', () => {
  it('says not for sale, out, low (1 to 10 units) or in stock', () => {
    expect(stockLevel(null)).toBe('not-for-sale');
    expect(stockLevel(0)).toBe('out');
    expect(stockLevel(1)).toBe('low');
    expect(stockLevel(10)).toBe('low');
    expect(stockLevel(11)).toBe('in');
  });
});

describe('quantity caps', () => {
  it('allow the per-line maximum, or fewer when fewer are in stock, never less than none', () => {
    expect(quantityCap()).toBe(MAX_QUANTITY_PER_LINE);
    expect(quantityCap(MAX_QUANTITY_PER_LINE + 50)).toBe(MAX_QUANTITY_PER_LINE);
    expect(quantityCap(4)).toBe(4);
    expect(quantityCap(-2)).toBe(0);
  });

  it('leave room for what the cart does not hold yet', () => {
    const cart = addToCart(EMPTY_CART, candy, 3);
    expect(roomFor(cart, candy, 10)).toBe(7);
    expect(roomFor(cart, candy, 2)).toBe(0);
    expect(roomFor(cart, salt, 500)).toBe(MAX_QUANTITY_PER_LINE);
  });
});
