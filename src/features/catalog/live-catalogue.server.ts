/**
 * The catalogue as the site shows it right now: the content files (prerendered) merged with the producers' live
 * database listings by ../portal/catalogue-merge.ts. Read from the database on each call, so every server agrees
 * and an approval shows on the next request (no rebuild, nothing kept in one process's memory).
 *
 * A listing becomes a ProductCard like a file's, so the product page, the cards and the listing pages render it with
 * the same components; its entry carries the listing's fields (the same schema as a file's), no images (its photos
 * are stored sizes, in `listing.photos`) and its stories in Markdown (`listing.story`).
 */
import { mergeCatalogue, type CatalogueListing } from '../portal/catalogue-merge.ts';
import { photoSources } from '../portal/photos.ts';
import { certificationStatus, validUntil } from './catalog';
import {
  allProducts,
  catalogueOrder,
  catalogueToday,
  getProducers,
  getProvinces,
  type ProductCard,
  type ProductEntry,
} from './catalog.server';

export interface LiveCatalogueDeps {
  /** Every listing approved at least once (live or taken off sale), from the listings service. */
  listings: () => Promise<CatalogueListing[]>;
  /** The storage keys of photos by id. */
  photoKeys: (ids: readonly string[]) => Promise<Map<string, string[]>>;
  /** The database's current prices of content files' products (checkout's offers), by slug. */
  filePrices?: (slugs: readonly string[]) => Promise<Readonly<Record<string, { price: number }>>>;
}

export interface LiveCatalogue {
  /** Every product on the site now, in the catalogue's order. */
  products(): Promise<ProductCard[]>;
  /** One product by slug when a live listing shows it (undefined for a file shown as built, or nothing). */
  listingProduct(slug: string): Promise<ProductCard | undefined>;
  /** The product the site shows under a slug now (a live listing, a file, or undefined when nothing is shown). */
  shown(slug: string): Promise<ProductCard | undefined>;
  /** Slugs of content files whose prerendered page is out of date: a listing of its producer replaced or hid it. */
  replacedFileSlugs(): Promise<string[]>;
}

/** The entry a listing is shown through: the listing's fields where a file has its frontmatter. */
function listingEntry(item: CatalogueListing): ProductEntry {
  const data = {
    ...item.listing,
    producer: item.producerId,
    tags: [],
    exportMarkets: [],
    featured: false,
    provenance: { kind: 'article', sources: [], sampleFields: [] },
    images: [],
  };
  // The listing schema is the file schema's shared part (catalog/content-schema.ts); images are the photos below.
  return {
    id: item.slug,
    collection: 'products',
    data,
    body: item.listing.story.vi,
  } as unknown as ProductEntry;
}

/** A file's card with the database's current price in place of the file's (the price a shopper pays). */
function withPrice(card: ProductCard, price: number | undefined): ProductCard {
  if (price === undefined || price === card.entry.data.price) return card;
  return { ...card, entry: { ...card.entry, data: { ...card.entry.data, price } } };
}

export function createLiveCatalogue(deps: LiveCatalogueDeps): LiveCatalogue {
  async function cards(live: CatalogueListing[]): Promise<Map<string, ProductCard>> {
    const [producers, provinces, keys] = await Promise.all([
      getProducers(),
      getProvinces(),
      deps.photoKeys(live.flatMap((l) => l.listing.photos)),
    ]);
    const producerById = new Map(producers.map((p) => [p.id, p]));
    const provinceById = new Map(provinces.map((p) => [p.id, p]));
    const today = catalogueToday();
    const result = new Map<string, ProductCard>();
    for (const item of live) {
      const producer = producerById.get(item.producerId);
      const province = producer && provinceById.get(producer.data.province);
      if (!producer || !province) continue;
      const cert = item.listing.certification;
      result.set(item.slug, {
        entry: listingEntry(item),
        slug: item.slug,
        stars: cert.stars,
        status: certificationStatus(cert.recognisedOn, today, cert.validUntil),
        validUntil: validUntil(cert.recognisedOn, cert.validUntil),
        producer,
        province,
        listing: {
          photos: item.listing.photos.map((id) => photoSources(id, keys.get(id) ?? [])),
          story: item.listing.story,
        },
      });
    }
    return result;
  }

  async function products(): Promise<ProductCard[]> {
    const [files, listings] = await Promise.all([allProducts(), deps.listings()]);
    const merged = mergeCatalogue(
      files.map((file) => ({ slug: file.slug, producerId: file.producer.id, file })),
      listings,
    );
    const fileSlugs = merged.flatMap((item) => (item.source === 'file' ? [item.slug] : []));
    const [byListing, prices] = await Promise.all([
      cards(listings.filter((l) => l.live)),
      deps.filePrices ? deps.filePrices(fileSlugs) : ({} as Record<string, { price: number }>),
    ]);
    const shown: ProductCard[] = [];
    for (const item of merged) {
      const card =
        item.source === 'file'
          ? withPrice(item.file.file, prices[item.slug]?.price)
          : byListing.get(item.slug);
      if (card) shown.push(card);
    }
    return shown.sort(catalogueOrder);
  }

  async function listingProduct(slug: string): Promise<ProductCard | undefined> {
    const listing = (await deps.listings()).find((l) => l.slug === slug && l.live);
    if (!listing) return undefined;
    return (await cards([listing])).get(slug);
  }

  async function shown(slug: string): Promise<ProductCard | undefined> {
    const [files, listings] = await Promise.all([allProducts(), deps.listings()]);
    const file = files.find((f) => f.slug === slug);
    const mine = listings.filter((l) => l.slug === slug);
    // The merge's own rule decides between the file and a listing of the slug.
    const [item] = mergeCatalogue(file ? [{ slug, producerId: file.producer.id, file }] : [], mine);
    if (!item) return undefined;
    return item.source === 'file' ? item.file.file : (await cards(mine.filter((l) => l.live))).get(slug);
  }

  async function replacedFileSlugs(): Promise<string[]> {
    const [files, listings] = await Promise.all([allProducts(), deps.listings()]);
    const fileProducer = new Map(files.map((f) => [f.slug, f.producer.id]));
    return listings.filter((l) => fileProducer.get(l.slug) === l.producerId).map((l) => l.slug);
  }

  return { products, listingProduct, shown, replacedFileSlugs };
}
