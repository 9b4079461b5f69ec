/**
 * Live offers: the database's price, stock and listing of each product joined with the catalogue's names, maker
 * and cover image (a content file's, or a producer's database listing's); the content files' products are seeded on
 * first use, a listing's offer row is written when it goes on sale (docs/portal.md). Quotes and the product page's live
 * offer read them; placing an order reads them again with the rows locked.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { commerceProducts } from '~/lib/db/schema-commerce';
import type { Payments } from '~/lib/stripe/types';
import type { CartLine } from '~/features/cart/cart';
import { priceOrder, type ProductOffer, type Quote } from '~/features/cart/pricing';
import type { CatalogueProduct } from './checkout';

/** Everything the checkout steps work with, bound once by `createCheckout`. */
export interface CheckoutContext {
  db: Database;
  /** null = card payment unavailable (no STRIPE_SECRET_KEY). */
  payments: Payments | null;
  /** The content files' products by id (what is seeded). */
  catalogue: () => Promise<ReadonlyMap<string, CatalogueProduct>>;
  /**
   * The products of producers' database listings among these ids (live, or taken off sale: checkout then says
   * "not for sale"); each takes the place of a file's product of the same id. Their offer rows are written when a
   * listing goes on sale, never seeded here.
   */
  listings?: ((productIds: readonly string[]) => Promise<ReadonlyMap<string, CatalogueProduct>>) | undefined;
  /** Stock every product starts with when first seeded (the content files carry no stock). */
  initialStock: number;
  now: () => Date;
  /** The first seeding, shared by every request of this service (reset when it fails, so the next one retries). */
  seeded?: Promise<void> | undefined;
}

/** Adds the catalogue's new products to the database (existing rows, owned by the database, are left alone). */
export function ensureSeeded(ctx: CheckoutContext): Promise<void> {
  ctx.seeded ??= (async () => {
    const catalogue = await ctx.catalogue();
    const rows = [...catalogue.values()].map((p) => ({
      productId: p.productId,
      producerId: p.producerId,
      price: p.price,
      stock: ctx.initialStock,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await ctx.db
        .insert(commerceProducts)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing();
    }
  })().catch((error: unknown) => {
    ctx.seeded = undefined;
    throw error;
  });
  return ctx.seeded;
}

/**
 * What checkout knows of these products: a database listing's names and maker, else the content file's. Read
 * outside any transaction (the listings are read through their own connection; PGlite has only one).
 */
export async function productsOf(
  ctx: CheckoutContext,
  productIds: readonly string[],
): Promise<Map<string, CatalogueProduct>> {
  const [files, listed] = await Promise.all([
    ctx.catalogue(),
    ctx.listings ? ctx.listings(productIds) : new Map<string, CatalogueProduct>(),
  ]);
  const result = new Map<string, CatalogueProduct>();
  for (const id of productIds) {
    const product = listed.get(id) ?? files.get(id);
    if (product) result.set(id, product);
  }
  return result;
}

/**
 * Offers for products, joining live price and stock with catalogue names; with `lock`, the rows are locked until
 * the transaction `executor` ends (pass the products, `known`, read before it began). Products the catalogue does
 * not know are left out.
 */
export async function loadOffers(
  ctx: CheckoutContext,
  executor: Database,
  productIds: readonly string[],
  lock = false,
  known?: ReadonlyMap<string, CatalogueProduct>,
): Promise<Map<string, ProductOffer>> {
  await ensureSeeded(ctx);
  const catalogue = known ?? (await productsOf(ctx, productIds));
  const ids = [...new Set(productIds)].filter((id) => catalogue.has(id)).sort();
  if (ids.length === 0) return new Map();
  const query = executor
    .select()
    .from(commerceProducts)
    .where(inArray(commerceProducts.productId, ids))
    .orderBy(asc(commerceProducts.productId));
  // Rows are locked in id order, so two checkouts of the same products queue instead of deadlocking.
  const rows = lock ? await query.for('update') : await query;
  const result = new Map<string, ProductOffer>();
  for (const row of rows) {
    const product = catalogue.get(row.productId)!;
    result.set(row.productId, {
      productId: row.productId,
      producerId: row.producerId,
      producerName: product.producerName,
      name: product.name,
      price: row.price,
      stock: row.stock,
      listed: row.listed,
      imagePath: product.imagePath,
    });
  }
  return result;
}

/** Prices cart lines from the database (the cart page's summary; nothing is written). */
export async function quote(ctx: CheckoutContext, lines: readonly CartLine[]): Promise<Quote> {
  return priceOrder(
    lines,
    await loadOffers(
      ctx,
      ctx.db,
      lines.map((l) => l.productId),
    ),
  );
}

/** Live price and units in stock of products (the product page's offer, the cart's limits). */
export async function availability(
  ctx: CheckoutContext,
  productIds: readonly string[],
): Promise<Record<string, { price: number; stock: number }>> {
  const result: Record<string, { price: number; stock: number }> = {};
  for (const offer of (await loadOffers(ctx, ctx.db, productIds)).values()) {
    result[offer.productId] = { price: offer.price, stock: offer.listed ? offer.stock : 0 };
  }
  return result;
}
