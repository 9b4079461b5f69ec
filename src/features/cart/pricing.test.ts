import { describe, expect, it } from 'vitest';
import {
  FREE_SHIPPING_FROM,
  priceOrder,
  SHIPPING_FEE_PER_PRODUCER,
  shippingFor,
  type ProductOffer,
} from './pricing';

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
      {
        index: 2,
        productId: 'cu-san',
        problem: 'productUnlisted',
        available: 0,
        name: offers.get('cu-san')!.name,
      },
      {
        index: 3,
        productId: 'muoi-hat',
        problem: 'outOfStock',
        available: 0,
        name: offers.get('muoi-hat')!.name,
      },
      {
        index: 4,
        productId: 'keo-dua-gung',
        problem: 'notEnoughStock',
        available: 3,
        name: offers.get('keo-dua-gung')!.name,
      },
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
