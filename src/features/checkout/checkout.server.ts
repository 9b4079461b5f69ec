/**
 * The checkout service: live offers from the database, quotes, and placing orders (stock taken in the same
 * transaction, conditionally, so it can never go below zero), card orders continuing to Stripe through the payment
 * adapter. Its steps live in their own files (offers, write-order, card-payment, place-order); what happens to an
 * order after it is placed is the orders room's. Request-bound but free of astro:*: the site wires it in
 * src/services.server.ts, tests build it with their own parts.
 */
import type { Database } from '~/lib/db/client';
import type { Payments } from '~/lib/stripe/types';
import type { CartLine } from '~/features/cart/cart';
import type { CatalogueProduct, CheckoutInput } from './checkout';
import { availability, ensureSeeded, quote, type CheckoutContext } from './offers.server';
import { placeOrder, type PlaceOrderContext } from './place-order.server';

export interface CheckoutOptions {
  db: Database;
  /** null = card payment unavailable (no STRIPE_SECRET_KEY). */
  payments: Payments | null;
  /** The content files' products by id. */
  catalogue: () => Promise<ReadonlyMap<string, CatalogueProduct>>;
  /** Products of database listings among these ids, in place of a file's of the same id (./offers.server.ts). */
  listings?: (productIds: readonly string[]) => Promise<ReadonlyMap<string, CatalogueProduct>>;
  /** Stock every product starts with when first seeded (the content files carry no stock). Default 100. */
  initialStock?: number;
  now?: () => Date;
}

export type Checkout = ReturnType<typeof createCheckout>;

/** Builds the checkout service. */
export function createCheckout(options: CheckoutOptions) {
  const ctx: CheckoutContext = {
    db: options.db,
    payments: options.payments,
    catalogue: options.catalogue,
    listings: options.listings,
    initialStock: options.initialStock ?? 100,
    now: options.now ?? (() => new Date()),
  };
  return {
    ensureSeeded: () => ensureSeeded(ctx),
    quote: (lines: readonly CartLine[]) => quote(ctx, lines),
    availability: (productIds: readonly string[]) => availability(ctx, productIds),
    placeOrder: (input: CheckoutInput, place: PlaceOrderContext) => placeOrder(ctx, input, place),
  };
}
