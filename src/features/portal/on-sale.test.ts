import { describe, expect, it } from 'vitest';
import { checkoutProduct, priceStockStore, saleChange, stockEdit } from './on-sale';
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

describe('stockEdit', () => {
  it('keeps the stock on sale when the editor sends back the count it showed, even after orders took some', () => {
    // Opened at 40; two sold; the producer saved a new name with the count untouched.
    expect(stockEdit(40, 40, 38)).toEqual({ kind: 'keep' });
    expect(stockEdit(40, 38, 38)).toEqual({ kind: 'keep' });
  });

  it('sets a count the producer typed when nothing was sold meanwhile', () => {
    expect(stockEdit(40, 60, 40)).toEqual({ kind: 'set', stock: 60 });
    expect(stockEdit(40, 0, 40)).toEqual({ kind: 'set', stock: 0 });
  });

  it('refuses a typed count when the stock changed since the editor showed it, saying what it is now', () => {
    expect(stockEdit(40, 60, 38)).toEqual({ kind: 'stale', now: 38 });
  });

  it('takes the typed count as it is from a form that did not send what it showed', () => {
    expect(stockEdit(null, 60, 38)).toEqual({ kind: 'set', stock: 60 });
    expect(stockEdit(null, 38, 38)).toEqual({ kind: 'keep' });
  });
});
