/** Price bands, pure and without zod (the islands use them): the price facet's values, in whole đồng. */

/** Price bands offered as a facet; bounds in whole đồng, min inclusive, max exclusive. */
export const PRICE_BANDS = [
  { id: 'under-100k', min: 0, max: 100_000 },
  { id: '100k-300k', min: 100_000, max: 300_000 },
  { id: '300k-1m', min: 300_000, max: 1_000_000 },
  { id: 'over-1m', min: 1_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];
export type PriceBandId = PriceBand['id'];
/** The band ids, cheapest first (the order the facet shows them in). */
export const PRICE_BAND_IDS = PRICE_BANDS.map((b) => b.id) as [PriceBandId, ...PriceBandId[]];

/** The band a price falls in. */
export function priceBandOf(price: number): PriceBandId {
  return PRICE_BANDS.find((b) => price >= b.min && price < b.max)!.id;
}
