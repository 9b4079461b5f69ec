/**
 * Where a listing's price and stock live, and what a move does to its offer. Pure.
 *
 * Checkout's offer row (`commerce_product`, keyed by the product's slug) is the one store of price and stock of
 * every product on sale: the cart, checkout, stock reservations, the product and listing pages, search and the
 * producer's dashboard all read it. A listing's own price and stock columns hold only the producer's proposal
 * until the listing is first approved; from then on its price and stock are the offer row's (on sale or not), so
 * orders taking stock and the producer's edits never compete over two copies.
 */
import type { CatalogueProduct } from '../checkout/checkout.ts';
import type { CatalogueListing } from './catalogue-merge.ts';

/** Where a listing's price and stock are kept: on the listing until its first approval, then in the offer row. */
export type PriceStockStore = 'listing' | 'offer';

export function priceStockStore(listing: { approvedOnce: boolean }): PriceStockStore {
  return listing.approvedOnce ? 'offer' : 'listing';
}

/**
 * What a move does to the listing's offer: a listing that goes live (approved, or a promoter's draft accepted) is
 * put on sale at its price and stock; one that stops being live (taken off sale) is unlisted, so checkout refuses
 * it while orders already placed keep their lines. Any other move leaves the offer alone.
 */
export type SaleChange = 'put-on-sale' | 'take-off-sale' | null;

export function saleChange(before: { live: boolean }, after: { live: boolean }): SaleChange {
  if (!before.live && after.live) return 'put-on-sale';
  if (before.live && !after.live) return 'take-off-sale';
  return null;
}

/**
 * What checkout knows of a listing's product (names, maker, cover): the version on sale, under its slug. Its price
 * here is only the one it went on sale with; checkout charges its offer row's.
 */
export function checkoutProduct(
  listing: Pick<CatalogueListing, 'slug' | 'producerId' | 'listing'>,
  producerName: string,
  coverPath: string | null,
): CatalogueProduct {
  return {
    productId: listing.slug,
    producerId: listing.producerId,
    producerName,
    name: listing.listing.name,
    imagePath: coverPath,
    price: listing.listing.price,
  };
}

/**
 * What the editor's stock field asks for, against the stock now on sale. The editor sends back the count it showed
 * (`seen`): orders take stock while the producer edits, so a count left as it was shown keeps the current one (a
 * sale's deduction is never undone by saving a name), and a count typed over one that has changed since is refused
 * rather than guessed at. Without `seen` (an older form) the typed count is taken as it is.
 */
export type StockEdit = { kind: 'keep' } | { kind: 'set'; stock: number } | { kind: 'stale'; now: number };

export function stockEdit(seen: number | null, typed: number, now: number): StockEdit {
  if (typed === now || typed === seen) return { kind: 'keep' };
  if (seen === null || seen === now) return { kind: 'set', stock: typed };
  return { kind: 'stale', now };
}
