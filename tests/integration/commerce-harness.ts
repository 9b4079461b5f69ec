/**
 * What the commerce integration tests share: a fresh database (PGlite or PostgreSQL), the Stripe stand-in with
 * the real adapter pointed at it, the checkout and orders services on a small fixed catalogue, and a clock the
 * tests move by hand.
 */
import { eq, sql } from 'drizzle-orm';
import { createCheckout, type Checkout } from '../../src/features/checkout/checkout.server';
import type { CatalogueProduct, CheckoutInput, ReturnUrls } from '../../src/features/checkout/checkout';
import { createOrders, type Orders } from '../../src/features/orders/orders.server';
import { rowsOf } from '../../src/lib/db/client';
import { commerceProducts } from '../../src/lib/db/schema-commerce';
import { createStripePayments } from '../../src/lib/stripe/client';
import type { Payments } from '../../src/lib/stripe/types';
import { startStripeStandin, type StripeStandin } from '../support/stripe-standin';
import type { DatabaseTarget, TestDatabase } from './db-harness';

export const STRIPE_SECRET_KEY = 'sk_test_ocop_standin';
export const WEBHOOK_SECRET = 'whsec_ocop_standin_secret';
export const SITE = 'https://ocop.example';

const product = (
  productId: string,
  producerId: string,
  producerName: string,
  price: number,
  vi: string,
  en: string,
): CatalogueProduct => ({
  productId,
  producerId,
  producerName,
  name: { vi, en },
  imagePath: `/_astro/${productId}.jpg`,
  price,
});

/** Two producers from Ben Tre and one from Bac Lieu, prices in whole đồng. */
export const CATALOGUE: ReadonlyMap<string, CatalogueProduct> = new Map(
  [
    product(
      'keo-dua-sau-rieng-ben-tre',
      'dong-a',
      'Công ty Đông Á',
      45_000,
      'Kẹo dừa sầu riêng',
      'Durian coconut candy',
    ),
    product(
      'keo-dua-gung-ben-tre',
      'dong-a',
      'Công ty Đông Á',
      40_000,
      'Kẹo dừa gừng',
      'Ginger coconut candy',
    ),
    product(
      'muoi-hat-bac-lieu',
      'muoi-bac-lieu',
      'HTX Muối Bạc Liêu',
      25_000,
      'Muối hạt Bạc Liêu',
      'Bac Lieu sea salt',
    ),
    product('mat-ong-u-minh', 'u-minh-ha', 'HTX U Minh Hạ', 260_000, 'Mật ong U Minh', 'U Minh honey'),
  ].map((p) => [p.productId, p]),
);

export const INITIAL_STOCK = 10;

export interface CommerceFixture {
  database: TestDatabase;
  standin: StripeStandin;
  payments: Payments;
  checkout: Checkout;
  orders: Orders;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  dispose(): Promise<void>;
}

/** Opens a fresh database and the stand-in and builds the services on them. */
export async function commerceFixture(target: DatabaseTarget): Promise<CommerceFixture> {
  const database = await target.open();
  const standin = await startStripeStandin();
  // No network retries: a failure the stand-in is told to return must reach the code under test once.
  const payments = createStripePayments({
    secretKey: STRIPE_SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    apiBase: standin.url,
    maxNetworkRetries: 0,
  });
  const clock = {
    now: new Date('2026-11-21T03:00:00Z'),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const checkout = createCheckout({
    db: database.db,
    payments,
    catalogue: async () => CATALOGUE,
    initialStock: INITIAL_STOCK,
    now: () => clock.now,
  });
  const orders = createOrders({ db: database.db, payments, now: () => clock.now });
  await checkout.ensureSeeded();
  return {
    database,
    standin,
    payments,
    checkout,
    orders,
    clock,
    async dispose() {
      await standin.close();
      await database.dispose();
    },
  };
}

export const URLS: ReturnUrls = {
  success: (o) => `${SITE}/orders/${o.number}?key=${o.accessKey}&session_id={CHECKOUT_SESSION_ID}`,
  cancel: (o) => `${SITE}/checkout?cancelled=${o.number}&key=${o.accessKey}`,
  absolute: (path) => `${SITE}${path}`,
};

let attempt = 0;
/** A valid checkout input; a fresh attemptId each call unless given. */
export function checkoutInput(change: Partial<CheckoutInput> = {}): CheckoutInput {
  attempt += 1;
  return {
    attemptId: `00000000-0000-4000-8000-${String(attempt).padStart(12, '0')}`,
    lines: [{ productId: 'keo-dua-sau-rieng-ben-tre', quantity: 2 }],
    contact: { name: 'Lan Nguyễn', email: 'lan@example.com', phone: '+84912345678' },
    address: { province: 'Vĩnh Long', commune: 'Phường Phú Khương', street: '12 Đồng Khởi' },
    payment: 'cod',
    note: '',
    locale: 'vi',
    ...change,
  };
}

export async function stockOf(fixture: CommerceFixture, productId: string): Promise<number> {
  const [row] = await fixture.database.db
    .select({ stock: commerceProducts.stock })
    .from(commerceProducts)
    .where(eq(commerceProducts.productId, productId));
  return row!.stock;
}

export async function setStock(fixture: CommerceFixture, productId: string, stock: number): Promise<void> {
  await fixture.database.db
    .update(commerceProducts)
    .set({ stock })
    .where(eq(commerceProducts.productId, productId));
}

/** Rows in a table, to check that refused requests wrote nothing. */
export async function countRows(fixture: CommerceFixture, table: string): Promise<number> {
  const result = await fixture.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(rowsOf<{ n: number }>(result)[0]!.n);
}
