/**
 * A producer's database listing sold like a content file's product: one store of price and stock (the offer row),
 * written by approval, price and stock edits and taking off sale, and read by checkout (cash and card, through the
 * official Stripe SDK against the stand-in), stock reservations and the producer's order parts. On PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import { createCheckout, type Checkout } from '../../src/features/checkout/checkout.server';
import { createListings, type Listings, type ListingView } from '../../src/features/portal/listings.server';
import { listingCheckoutProducts } from '../../src/features/portal/checkout-products.server';
import { commerceProducts } from '../../src/lib/db/schema';
import {
  CATALOGUE,
  INITIAL_STOCK,
  URLS,
  checkoutInput,
  commerceFixture,
  type CommerceFixture,
} from './commerce-harness';
import { databaseTargets } from './db-harness';

/** The harness's file product of producer dong-a, which that producer's listing may replace. */
const FILE_SLUG = 'keo-dua-gung-ben-tre';
const producer: Actor = { id: 'u-dong-a', role: 'producer', producerId: 'dong-a', provinceId: null };
const benTre: Actor = { id: 'u-ben-tre', role: 'promoter', producerId: null, provinceId: 'ben-tre' };

function posted(photo: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: { vi: 'Kẹo dừa lá dứa', en: 'Pandan coconut candy' },
    summary: { vi: 'Kẹo dừa lá dứa Bến Tre.', en: 'Pandan coconut candy from Ben Tre.' },
    group: 'food',
    certification: {
      stars: 4,
      score: 75,
      recognisedOn: '2025-03-01',
      level: 'provincial',
      decisionNumber: '456/QĐ-UBND',
    },
    price: 38000,
    unit: { vi: 'gói 300 g', en: '300 g pack' },
    netWeight: { value: 300, unit: 'g' },
    shelfLifeDays: 180,
    storage: { vi: 'Nơi khô ráo.', en: 'Keep dry.' },
    ingredients: { vi: ['cơm dừa', 'lá dứa', 'đường'], en: ['coconut', 'pandan', 'sugar'] },
    allergens: [],
    story: { vi: 'Câu chuyện.', en: 'The story.' },
    stock: 5,
    photos: [photo],
    ...changes,
  };
}

describe.each(databaseTargets())('database listings on sale on $name', (target) => {
  let f: CommerceFixture;
  let listings: Listings;
  let checkout: Checkout;
  let slugs = 0;

  beforeAll(async () => {
    f = await commerceFixture(target);
    listings = createListings({
      db: f.database.db,
      provinceOf: (id) => (id === 'dong-a' ? 'ben-tre' : undefined),
      fileProducerOf: (slug) => CATALOGUE.get(slug)?.producerId,
    });
    // As the site wires it (src/services.server.ts): files from the catalogue, listings from the listings service.
    checkout = createCheckout({
      db: f.database.db,
      payments: f.payments,
      catalogue: async () => CATALOGUE,
      listings: (ids) => listingCheckoutProducts(listings, () => 'Công ty Đông Á', ids),
      initialStock: INITIAL_STOCK,
      now: () => f.clock.now,
    });
    await checkout.ensureSeeded();
  });
  afterAll(async () => {
    await f?.dispose();
  });
  beforeEach(() => {
    f.standin.requests.length = 0;
  });

  /** A listing of producer dong-a submitted and approved by Ben Tre's promoter. */
  async function approved(slug = `keo-dua-la-dua-${(slugs += 1)}`, changes = {}): Promise<ListingView> {
    const photo = randomUUID();
    const loose = await listings.recordLoosePhoto(producer, 'dong-a', {
      id: photo,
      keys: [`public/${photo}/w480.webp`],
    });
    if (!loose.ok) throw new Error(loose.message);
    const started = await listings.start(producer, {
      producerId: 'dong-a',
      slug,
      listing: posted(photo, changes),
    });
    if (!started.ok) throw new Error(started.message);
    const sent = await listings.move(producer, started.value.id, started.value.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    const done = await listings.move(benTre, sent.value.id, sent.value.version, { kind: 'approve' });
    if (!done.ok) throw new Error(done.message);
    return done.value;
  }

  const offerRow = async (slug: string) =>
    (await f.database.db.select().from(commerceProducts).where(eq(commerceProducts.productId, slug)))[0];
  const cod = (slug: string, quantity: number) =>
    checkout.placeOrder(checkoutInput({ lines: [{ productId: slug, quantity }] }), {
      customerId: null,
      urls: URLS,
    });

  it('cannot sell a listing before approval; once approved it sells at its price and the producer sees the part', async () => {
    const photo = randomUUID();
    await listings.recordLoosePhoto(producer, 'dong-a', { id: photo, keys: [`public/${photo}/w480.webp`] });
    const pending = await listings.start(producer, {
      producerId: 'dong-a',
      slug: 'keo-dua-cho-duyet',
      listing: posted(photo),
    });
    if (!pending.ok) throw new Error(pending.message);
    expect(await checkout.availability(['keo-dua-cho-duyet'])).toEqual({});
    expect(await cod('keo-dua-cho-duyet', 1)).toMatchObject({ ok: false, reason: 'lines' });

    const listing = await approved();
    expect(await offerRow(listing.slug)).toMatchObject({
      producerId: 'dong-a',
      price: 38000,
      stock: 5,
      listed: true,
    });
    expect(await checkout.availability([listing.slug])).toEqual({
      [listing.slug]: { price: 38000, stock: 5 },
    });
    const placed = await cod(listing.slug, 2);
    if (!placed.ok) throw new Error(`expected an order, got ${placed.reason}`);

    const [order] = await f.orders.views([placed.orderId]);
    expect(order!.total).toBe(2 * 38000 + 30000);
    expect(order!.parts[0]!.lines[0]).toMatchObject({
      productId: listing.slug,
      name: { vi: 'Kẹo dừa lá dứa', en: 'Pandan coconut candy' },
      unitPrice: 38000,
      quantity: 2,
    });
    const parts = await f.orders.partsOfProducer(producer, 'dong-a');
    expect(parts?.map((p) => p.order.number)).toContain(placed.number);
    // One store: the producer's dashboard shows the stock the order left.
    const view = await listings.get(producer, listing.id);
    expect(view.ok && view.value.listing.stock).toBe(3);
  });

  it('charges the next order the new price after a price edit, by card too (what the SDK sent Stripe)', async () => {
    const listing = await approved();
    const repriced = await listings.setPriceStock(producer, listing.id, { price: 41000 });
    expect(repriced.ok && repriced.value.price).toBe(41000);
    const placed = await checkout.placeOrder(
      checkoutInput({ payment: 'card', lines: [{ productId: listing.slug, quantity: 1 }] }),
      { customerId: null, urls: URLS },
    );
    if (!placed.ok) throw new Error(`expected a session, got ${placed.reason}`);
    const body = f.standin.requests[0]!.body as { line_items: { price_data: Record<string, unknown> }[] };
    expect(body.line_items[0]!.price_data).toMatchObject({
      unit_amount: '41000',
      product_data: { name: 'Kẹo dừa lá dứa' },
    });
    // The card payment reserves the unit in the same store.
    expect((await offerRow(listing.slug))!.stock).toBe(4);
  });

  it('charges the listing’s price for a file product its producer’s listing replaced', async () => {
    expect(await checkout.availability([FILE_SLUG])).toEqual({
      [FILE_SLUG]: { price: 40000, stock: INITIAL_STOCK },
    });
    await approved(FILE_SLUG, { price: 47000, stock: 3 });
    expect(await checkout.availability([FILE_SLUG])).toEqual({ [FILE_SLUG]: { price: 47000, stock: 3 } });
    const placed = await cod(FILE_SLUG, 1);
    if (!placed.ok) throw new Error(`expected an order, got ${placed.reason}`);
    const [order] = await f.orders.views([placed.orderId]);
    expect(order!.parts[0]!.lines[0]).toMatchObject({ unitPrice: 47000, name: { vi: 'Kẹo dừa lá dứa' } });
  });

  it('refuses a listing taken off sale, naming it, and leaves the orders placed before alone', async () => {
    const listing = await approved();
    const before = await cod(listing.slug, 1);
    if (!before.ok) throw new Error(before.reason);
    const off = await listings.move(producer, listing.id, listing.version, { kind: 'unpublish' });
    expect(off.ok).toBe(true);
    expect(await offerRow(listing.slug)).toMatchObject({ listed: false, stock: 4 });
    expect(await checkout.availability([listing.slug])).toEqual({
      [listing.slug]: { price: 38000, stock: 0 },
    });
    const refused = await cod(listing.slug, 1);
    expect(refused).toMatchObject({
      ok: false,
      reason: 'lines',
      issues: [{ productId: listing.slug, problem: 'productUnlisted', name: { vi: 'Kẹo dừa lá dứa' } }],
    });
    const [order] = await f.orders.views([before.orderId]);
    expect(order!.parts[0]!.lines[0]).toMatchObject({ productId: listing.slug, quantity: 1 });

    // Back on sale after a new review: the offer keeps the stock the order left, at the same store.
    const edited = await listings.edit(producer, listing.id, off.ok ? off.value.version : 0, {
      ...posted(listing.working.photos[0]!),
      summary: { vi: 'Kẹo dừa lá dứa, công thức mới.', en: 'Pandan coconut candy, new recipe.' },
      stock: 4,
    });
    if (!edited.ok) throw new Error(edited.message);
    const sent = await listings.move(producer, listing.id, edited.value.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    const again = await listings.move(benTre, listing.id, sent.value.version, { kind: 'approve' });
    expect(again.ok).toBe(true);
    expect(await offerRow(listing.slug)).toMatchObject({ listed: true, stock: 4, price: 38000 });
  });

  it('never lets orders of a listing take its stock below zero, nor the producer', async () => {
    const listing = await approved(undefined, { stock: 3 });
    expect(await cod(listing.slug, 4)).toMatchObject({
      ok: false,
      issues: [{ productId: listing.slug, problem: 'notEnoughStock', available: 3 }],
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => cod(listing.slug, 1)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect((await offerRow(listing.slug))!.stock).toBe(0);
    const short = await listings.setPriceStock(producer, listing.id, { stockDelta: -1 });
    expect(short).toMatchObject({ ok: false, code: 'CONFLICT', message: 'refusal.stock-short' });
    expect((await offerRow(listing.slug))!.stock).toBe(0);
  });

  it('keeps what orders took while the producer had the editor open, and refuses a count typed over it', async () => {
    const listing = await approved(); // the editor opens on stock 5
    const form = (changes: object) => ({ ...posted(listing.working.photos[0]!), ...changes });
    const sold = await cod(listing.slug, 2);
    if (!sold.ok) throw new Error(sold.reason);

    // A new summary saved with the count left as shown: the sale's deduction stays.
    const summary = { vi: 'Kẹo dừa lá dứa thơm.', en: 'Fragrant pandan coconut candy.' };
    const renamed = await listings.edit(producer, listing.id, listing.version, form({ summary }), 5);
    if (!renamed.ok) throw new Error(renamed.message);
    expect((await offerRow(listing.slug))!.stock).toBe(3);

    // A count typed over the one that changed is refused, naming the field and the count now; nothing is saved.
    const typed = await listings.edit(producer, listing.id, renamed.value.version, form({ stock: 20 }), 5);
    expect(typed).toMatchObject({
      ok: false,
      message: 'problem.stockChanged',
      problems: [{ path: 'stock', values: { now: 3 } }],
    });
    expect((await offerRow(listing.slug))!.stock).toBe(3);
    // From an editor showing the current count, the same count is set.
    const set = await listings.edit(producer, listing.id, renamed.value.version, form({ stock: 20 }), 3);
    expect(set.ok && set.value.working.stock).toBe(20);
    expect((await offerRow(listing.slug))!.stock).toBe(20);
  });
});
