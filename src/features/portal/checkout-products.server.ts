/**
 * Checkout's view of the products producers' database listings show, by slug (names, maker, cover photo): live
 * listings, and listings taken off sale so that checkout names them "not for sale". Price and stock are the offer
 * rows' (docs/portal.md, "One store of price and stock").
 */
import type { CatalogueProduct } from '../checkout/checkout.ts';
import type { Listings } from './listings.server.ts';
import { checkoutProduct } from './on-sale.ts';
import { photoSources } from './photos.ts';

export async function listingCheckoutProducts(
  listings: Pick<Listings, 'catalogueListings' | 'photoKeys'>,
  producerName: (producerId: string) => string | undefined,
  slugs: readonly string[],
): Promise<ReadonlyMap<string, CatalogueProduct>> {
  const found = await listings.catalogueListings(slugs);
  if (found.length === 0) return new Map();
  const keys = await listings.photoKeys(found.flatMap((l) => l.listing.photos.slice(0, 1)));
  return new Map(
    found.map((item): [string, CatalogueProduct] => {
      const cover = item.listing.photos[0];
      const coverPath = cover ? photoSources(cover, keys.get(cover) ?? []).cardSrc : null;
      const name = producerName(item.producerId) ?? item.producerId;
      return [item.slug, checkoutProduct(item, name, coverPath)];
    }),
  );
}
