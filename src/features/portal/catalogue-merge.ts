/**
 * What the site shows: the products of content files merged with the listings of the database. Pure.
 *
 * The rule, by slug:
 * - a live listing (an approved version on sale) is shown, in place of a file of the same slug if there is one;
 * - a listing taken off sale after it was approved (unpublished, declined, withdrawn) shows nothing and hides a file
 *   of the same slug: the producer took that product off sale, and the file's older price and claims must not come
 *   back in its place;
 * - a listing never approved (a first draft, a pending or rejected first version) is not passed in and hides
 *   nothing: a producer who starts editing a product that has a file keeps it on sale until a promoter approves.
 * - a listing of another producer than the file's never touches the file (the service refuses such a slug too, so
 *   a producer cannot take over another's product by its address).
 * Files keep their order, a listing taking a file's place takes its position; listings without a file follow, by slug.
 */
import type { ListingInput } from './listing.ts';

/** A listing that has been approved at least once: its approved version, with the current price and stock. */
export interface CatalogueListing {
  slug: string;
  producerId: string;
  live: boolean;
  listing: ListingInput;
}

export type CatalogueItem<F> =
  | { source: 'file'; slug: string; file: F }
  | { source: 'listing'; slug: string; producerId: string; listing: ListingInput };

const fromListing = <F>(l: CatalogueListing): CatalogueItem<F> => ({
  source: 'listing',
  slug: l.slug,
  producerId: l.producerId,
  listing: l.listing,
});

/** The products the site shows, files and database listings merged by the rule above. */
export function mergeCatalogue<F extends { slug: string; producerId: string }>(
  files: readonly F[],
  listings: readonly CatalogueListing[],
): CatalogueItem<F>[] {
  const bySlug = new Map(listings.map((l) => [l.slug, l]));
  const fileSlugs = new Set(files.map((f) => f.slug));
  const merged: CatalogueItem<F>[] = [];
  for (const file of files) {
    const found = bySlug.get(file.slug);
    const override = found?.producerId === file.producerId ? found : undefined;
    if (!override) merged.push({ source: 'file', slug: file.slug, file });
    else if (override.live) merged.push(fromListing(override));
  }
  const added = listings
    .filter((l) => l.live && !fileSlugs.has(l.slug))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return [...merged, ...added.map((l) => fromListing<F>(l))];
}
