import { describe, expect, it } from 'vitest';
import { priceStockStore, saleChange } from './on-sale';

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
