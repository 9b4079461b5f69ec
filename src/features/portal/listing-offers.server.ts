/**
 * A listing's price and stock where they live (./on-sale.ts): on the listing row until its first approval, then in
 * checkout's offer row under its slug, the one store every page, the cart and checkout read. Reads lay the offer's
 * price and stock over the listing rows; writes go to whichever store holds them; a move that puts a listing on
 * sale or takes it off updates the offer row in the move's own transaction.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { commerceProducts } from '~/lib/db/schema-commerce';
import { listings } from '~/lib/db/schema-portal';
import { priceStockStore, saleChange } from './on-sale.ts';
import type { ListingRow, Tx } from './listings-store.server.ts';

type Row = Pick<ListingRow, 'id' | 'slug' | 'producerId' | 'approvedFields' | 'price' | 'stock'>;

const inOffer = (row: Pick<Row, 'approvedFields'>) =>
  priceStockStore({ approvedOnce: row.approvedFields !== null }) === 'offer';

/**
 * The rows with the price and stock a shopper sees: the offer row's for a listing approved at least once. With
 * `lock`, those offer rows stay locked until the transaction ends (a listing row is always locked first, then its
 * offer row; checkout locks only offer rows, so the two never wait on each other in a circle).
 */
export async function withOfferPrices<R extends Row>(
  db: Database | Tx,
  rows: readonly R[],
  lock = false,
): Promise<R[]> {
  const slugs = rows.filter(inOffer).map((r) => r.slug);
  if (slugs.length === 0) return [...rows];
  const query = db
    .select({
      slug: commerceProducts.productId,
      price: commerceProducts.price,
      stock: commerceProducts.stock,
    })
    .from(commerceProducts)
    .where(inArray(commerceProducts.productId, slugs));
  const offers = new Map((lock ? await query.for('update') : await query).map((o) => [o.slug, o]));
  return rows.map((row) => {
    const offer = inOffer(row) ? offers.get(row.slug) : undefined;
    return offer ? { ...row, price: offer.price, stock: offer.stock } : row;
  });
}

/** A price and stock change: a new price, a new count, or a change of the count (stock + delta, from the row). */
export interface PriceStockChange {
  price?: number | null | undefined;
  stock?: number | null | undefined;
  stockDelta?: number | null | undefined;
}

/**
 * Writes a price and stock change where they live and returns the new values. Stock is computed by the UPDATE from
 * the stored row, and each store's CHECK refuses a negative count (the caller maps it to "not enough stock").
 */
export async function writePriceStock(
  tx: Tx,
  row: Row,
  change: PriceStockChange,
  at: Date,
): Promise<{ price: number; stock: number }> {
  if (inOffer(row)) {
    const [offer] = await tx
      .update(commerceProducts)
      .set({
        price: change.price ?? sql`${commerceProducts.price}`,
        stock: change.stock ?? sql`${commerceProducts.stock} + ${change.stockDelta ?? 0}`,
        updatedAt: at,
      })
      .where(eq(commerceProducts.productId, row.slug))
      .returning({ price: commerceProducts.price, stock: commerceProducts.stock });
    if (offer) return offer;
  }
  const [saved] = await tx
    .update(listings)
    .set({
      price: change.price ?? sql`${listings.price}`,
      stock: change.stock ?? sql`${listings.stock} + ${change.stockDelta ?? 0}`,
      updatedAt: at,
    })
    .where(eq(listings.id, row.id))
    .returning({ price: listings.price, stock: listings.stock });
  return saved!;
}

/**
 * Puts a listing going live on sale, or unlists one leaving sale (./on-sale.ts `saleChange`). `before` carries the
 * price and stock read through `withOfferPrices`: the producer's proposal at a first approval (which takes over the
 * offer row of the producer's file of the same slug, at the listing's price and stock), the offer's own values
 * when a listing taken off sale goes live again.
 */
export async function applySaleChange(
  tx: Tx,
  before: Row & { live: boolean },
  after: { live: boolean },
  at: Date,
): Promise<void> {
  const change = saleChange(before, after);
  if (change === 'put-on-sale') {
    const offer = { producerId: before.producerId, price: before.price, stock: before.stock, listed: true };
    await tx
      .insert(commerceProducts)
      .values({ productId: before.slug, ...offer })
      .onConflictDoUpdate({ target: commerceProducts.productId, set: { ...offer, updatedAt: at } });
  } else if (change === 'take-off-sale') {
    await tx
      .update(commerceProducts)
      .set({ listed: false, updatedAt: at })
      .where(eq(commerceProducts.productId, before.slug));
  }
}
