/**
 * What follows a committed change of a listing on the public site: its one search document is written or removed
 * (never a reindex). Pages need nothing: the live product page, the listing pages and the sitemap part read the
 * database on each request (../catalog/live-catalogue.server.ts), so they show the change on the next request.
 */
import type { LiveCatalogue } from '../catalog/live-catalogue.server';
import { searchSourceOf, type ProductCard } from '../catalog/catalog.server';
import { toSearchDocument, type SearchDocument } from '../search/documents.ts';
import type { SearchDocuments } from '../search/search.server';

/** The search document of a product shown from a database listing (its cover's stored thumbnail). */
export function listingSearchDocument(
  product: ProductCard,
  listing: NonNullable<ProductCard['listing']>,
): SearchDocument {
  const cover = listing.photos[0];
  return toSearchDocument(
    searchSourceOf(product, listing.story, cover ? { src: cover.thumb, width: 160, height: 160 } : null),
  );
}

/**
 * The listings service's `onPublicChange`: the product the slug names now is indexed again when a live listing
 * shows it; removed when nothing shows it any more (taken off sale, or a file hidden by an unpublished listing);
 * left alone when its content file is shown as built (a listing never approved hides nothing).
 */
export function createLiveUpdates(deps: { catalogue: LiveCatalogue; search: SearchDocuments }) {
  async function onPublicChange(slug: string): Promise<void> {
    const shown = (await deps.catalogue.products()).find((p) => p.slug === slug);
    if (!shown) await deps.search.remove(slug);
    else if (shown.listing) await deps.search.upsert(listingSearchDocument(shown, shown.listing));
  }
  return {
    onPublicChange,
    /**
     * A full reindex is built from the content files only: it lacks the live listings and still holds the files
     * they hide. Writing every ever-approved listing's product again (one document each) repairs that.
     */
    async resync(slugs: readonly string[]): Promise<void> {
      for (const slug of new Set(slugs)) await onPublicChange(slug);
    },
  };
}
