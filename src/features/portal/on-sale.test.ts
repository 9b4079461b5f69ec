import { describe, expect, it } from 'vitest';
import { checkoutProduct, priceStockStore, saleChange } from './on-sale';
import type { ListingInput } from './listing';

describe('priceStockStore', () => {
  it('keeps a proposal on the listing until the first approval, then in the offer row only', () => {
    expect(priceStockStore({ approvedOnce: false })).toBe('listing');
    expect(priceStockStore({ approvedOnce: true })).toBe('offer');
  });
});

describe('saleChange', () => {
  it('puts a listing on sale when it goes live and unlists it when it stops being live', () => {
    expect(saleChange({ live: false }, { live: true })).toBe('put-on-sale');
    expect(saleChange({ live: true }, { live: false })).toBe('take-off-sale');
  });

  it('leaves the offer alone when a move keeps the listing live or off sale', () => {
    expect(saleChange({ live: true }, { live: true })).toBeNull();
    expect(saleChange({ live: false }, { live: false })).toBeNull();
  });
});

describe('checkoutProduct', () => {
  it('gives checkout the names and maker of the version on sale, under the listing’s slug', () => {
    const listing = { name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' }, price: 47000 } as ListingInput;
    expect(
      checkoutProduct(
        { slug: 'keo-dua-sap', producerId: 'dua-sap', listing },
        'HTX Dừa sáp',
        '/photos/x/w480.webp',
      ),
    ).toEqual({
      productId: 'keo-dua-sap',
      producerId: 'dua-sap',
      producerName: 'HTX Dừa sáp',
      name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' },
      imagePath: '/photos/x/w480.webp',
      price: 47000,
    });
  });
});
