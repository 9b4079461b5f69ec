/**
 * Live offers: the database's price, stock and listing of each product joined with the catalogue's names, maker
 * and cover image; the products are seeded from the catalogue on first use. Quotes and the product page's live
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
  /** The catalogue's products by id. */
  catalogue: () => Promise<ReadonlyMap<string, CatalogueProduct>>;
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
 * Offers for products, joining live price and stock with catalogue names; with `lock`, the rows are locked until
 * the transaction `executor` ends. Products the catalogue does not know are left out.
 */
export async function loadOffers(
  ctx: CheckoutContext,
  executor: Database,
  productIds: readonly string[],
  lock = false,
): Promise<Map<string, ProductOffer>> {
  await ensureSeeded(ctx);
  const catalogue = await ctx.catalogue();
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
