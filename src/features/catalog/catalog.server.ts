/**
 * Build-time access to the catalogue collections, shaped into view models the pages share.
 * Certificate status is computed against the build day (OCOP_TODAY=YYYY-MM-DD pins it for tests).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { OCOP_PRERENDER_PRODUCTS_MAX } from 'astro:env/server';
import { compareText, LANG_PARAMS, localize, type Locale, type Localized } from '~/lib/i18n';
import {
  catalogueDay,
  certificationStatus,
  prerendersProductPages,
  validUntil,
  type CertificationStatus,
  type Stars,
} from './catalog';
import type { PhotoSources } from '../portal/photos.ts';
import { fileStory } from './stories.server';
import type { SearchSource } from '../search/documents.ts';

export type ProductEntry = CollectionEntry<'products'>;
export type ProducerEntry = CollectionEntry<'producers'>;
export type ProvinceEntry = CollectionEntry<'provinces'>;

/**
 * A producer as pages show it: its content entry with its name in both languages (the files keep the registered
 * Vietnamese `name` and `nameEn` side by side; views read `name` with localize).
 */
export type Producer = ProducerEntry & { name: Localized };

function producerView(entry: ProducerEntry): Producer {
  return { ...entry, name: { vi: entry.data.name, en: entry.data.nameEn } };
}

/** The day certificate validity is judged on: today in Vietnam, or OCOP_TODAY=YYYY-MM-DD when pinned. */
export function catalogueToday(): Date {
  return catalogueDay(process.env.OCOP_TODAY, new Date());
}

export interface ProductCard {
  entry: ProductEntry;
  slug: string;
  stars: Stars;
  status: CertificationStatus;
  validUntil: Date;
  producer: Producer;
  province: ProvinceEntry;
  /** A database listing's photos (its entry has no images) and its stories in Markdown; absent for a file. */
  listing?: { photos: PhotoSources[]; story: Localized };
}

/** The catalogue's order: stars, highest first, then the Vietnamese name. */
export function catalogueOrder(a: ProductCard, b: ProductCard): number {
  return b.stars - a.stars || compareText(a.entry.data.name.vi, b.entry.data.name.vi);
}

let cache: Promise<ProductCard[]> | undefined;

/** Every product with its producer, province and certificate status, sorted by stars then name. */
export function allProducts(): Promise<ProductCard[]> {
  cache ??= loadProducts();
  return cache;
}

async function loadProducts(): Promise<ProductCard[]> {
  const [products, producers, provinces] = await Promise.all([
    getCollection('products'),
    getProducers(),
    getProvinces(),
  ]);
  const producerById = new Map(producers.map((p) => [p.id, p]));
  const provinceById = new Map(provinces.map((p) => [p.id, p]));
  const today = catalogueToday();
  const cards = products.map((entry): ProductCard => {
    const producer = producerById.get(entry.data.producer);
    const province = producer && provinceById.get(producer.data.province);
    // The schema already checked both references; this guards against a file deleted mid-build.
    if (!producer || !province) {
      throw new Error(`content/products/${entry.id}/index.md: producer "${entry.data.producer}" not found`);
    }
    const cert = entry.data.certification;
    return {
      entry,
      slug: entry.id,
      stars: cert.stars,
      status: certificationStatus(cert.recognisedOn, today, cert.validUntil),
      validUntil: validUntil(cert.recognisedOn, cert.validUntil),
      producer,
      province,
    };
  });
  return cards.sort(catalogueOrder);
}

/** Whether the build prerenders the product pages (a catalogue within OCOP_PRERENDER_PRODUCTS_MAX products). */
export async function productPagesPrerendered(): Promise<boolean> {
  return prerendersProductPages((await allProducts()).length, OCOP_PRERENDER_PRODUCTS_MAX);
}

/**
 * getStaticPaths of the product pages: every product, in both languages, with its card as props; none when the
 * catalogue is too large to prerender (pages/[...lang]/products/[...path].astro renders them on demand).
 */
export async function productPaths() {
  if (!(await productPagesPrerendered())) return [];
  const products = await allProducts();
  return LANG_PARAMS.flatMap(({ locale, lang }) =>
    products.map((product) => ({ params: { lang, slug: product.slug }, props: { product, locale } })),
  );
}

/** A product's origin story as Markdown: a listing's, or the file's (Vietnamese in index.md, English in en.md). */
export async function originStory(product: ProductCard, locale: Locale): Promise<string> {
  return product.listing ? localize(product.listing.story, locale) : fileStory(product.slug, locale);
}

let producers: Promise<Producer[]> | undefined;

/** Every producer, in Vietnamese alphabetical order of its registered name. */
export function getProducers(): Promise<Producer[]> {
  producers ??= getCollection('producers').then((entries) =>
    entries.map(producerView).sort((a, b) => compareText(a.name.vi, b.name.vi)),
  );
  return producers;
}

/** Every province, in Vietnamese alphabetical order. */
export async function getProvinces(): Promise<ProvinceEntry[]> {
  return [...(await getCollection('provinces'))].sort((a, b) => compareText(a.data.name.vi, b.data.name.vi));
}

/** What the search document of a product is built from (its story in both languages, its thumbnail). */
export function searchSourceOf(
  product: ProductCard,
  story: Localized,
  image: SearchSource['image'],
): SearchSource {
  const data = product.entry.data;
  return {
    slug: product.slug,
    name: data.name,
    summary: data.summary,
    unit: data.unit,
    group: data.group,
    stars: product.stars,
    score: data.certification.score,
    price: data.price,
    certificateValid: product.status === 'valid',
    tags: data.tags,
    ingredients: data.ingredients,
    exportMarkets: data.exportMarkets,
    story,
    producer: {
      id: product.producer.id,
      name: product.producer.name,
      kind: product.producer.data.kind,
      commune: product.producer.data.commune,
      formerDistrict: product.producer.data.formerDistrict,
    },
    province: { id: product.province.id, name: product.province.data.name },
    image,
  };
}
