/**
 * The listings service: a producer's listings and their moderation by the promoters of its province, over the
 * database. Writes (./listing-writes.server.ts, ./listing-photos.server.ts) run each in one transaction under the
 * listing's row lock; price and stock change by one atomic UPDATE, unmoderated and on sale at once. Every read and
 * write takes the listing by id and checks the actor against it: another producer or another province's promoter
 * gets not-found, never the data. All rules come from ./moderation.ts and ./listing.ts.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '~/lib/db/client';
import { listingPhotos, listings } from '~/lib/db/schema-portal';
import { parseUuid } from '~/lib/ids';
import { can, type Actor } from '../accounts/accounts.ts';
import type { CatalogueListing } from './catalogue-merge.ts';
import { listingProblems, PRICE_MAX, STOCK_MAX } from './listing.ts';
import { logEntry, type ListingState, type ModerationLogEntry, type Move } from './moderation.ts';
import {
  addToGallery,
  loosePhotos,
  photoAccess,
  recordLoosePhoto,
  type PhotoRecord,
} from './listing-photos.server.ts';
import { edit, move, start, type StartInput } from './listing-writes.server.ts';
import { uploadPhoto, type UploadTarget } from './photo-uploads.server.ts';
import type { Photos } from './photos.server.ts';
import type { PhotoStore } from './photo-store.server.ts';
import { deleteUnusedPhotos } from './photo-cleanup.server.ts';
import { withOfferPrices, writePriceStock } from './listing-offers.server.ts';
import {
  fail,
  guarded,
  listingView,
  lockListing,
  ok,
  readFields,
  readLog,
  refused,
  Refused,
  scopeOf,
  writeLog,
  type ListingsContext,
  type ListingsResult,
  type ListingView,
} from './listings-store.server.ts';

/** A price and stock change: a new price, a new stock count, or a stock change by a number (sold, restocked). */
export const priceStockSchema = z
  .object({
    price: z.number().int().positive().max(PRICE_MAX).nullish(),
    stock: z.number().int().nonnegative().max(STOCK_MAX).nullish(),
    stockDelta: z.number().int().min(-STOCK_MAX).max(STOCK_MAX).nullish(),
  })
  .strict()
  .refine((v) => v.stock == null || v.stockDelta == null, { path: ['stockDelta'] });
export type PriceStock = z.infer<typeof priceStockSchema>;

/** One listing and its log, for its producer and the promoters of its province. */
export interface ListingWithLog {
  listing: ListingView;
  log: ModerationLogEntry[];
}

const notFound = () => fail('NOT_FOUND', 'refusal.not-found');

/** Sets price and stock by one UPDATE of the listing the producer owns; logged, not moderated. */
async function setPriceStock(
  ctx: ListingsContext,
  actor: Actor | null,
  id: unknown,
  raw: unknown,
): Promise<ListingsResult<ListingView>> {
  if (!actor) return refused('signed-out');
  if (actor.role !== 'producer' || actor.producerId === null) return refused('forbidden');
  const producerId = actor.producerId;
  const listingId = parseUuid(id);
  if (listingId === null) return notFound();
  const parsed = priceStockSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const problems = listingProblems(raw, parsed.error.issues);
    return fail('BAD_REQUEST', problems[0]?.key ?? 'problem.invalid', problems);
  }
  const { price, stock, stockDelta } = parsed.data;
  return guarded(() =>
    ctx.db.transaction(async (tx) => {
      // Locked only to log the values before; the UPDATE itself computes stock from the row, never from a read.
      const locked = await lockListing(tx, listingId);
      if (!locked || !can(actor, 'product.edit', scopeOf(locked))) throw new Refused(notFound());
      const [before] = await withOfferPrices(tx, [locked], true);
      const at = ctx.now();
      // Where price and stock live (./on-sale.ts): the offer row once approved, else the listing's proposal.
      const after = await writePriceStock(tx, before!, { price, stock, stockDelta }, at);
      const [row] = await tx
        .update(listings)
        .set({ updatedAt: at })
        .where(and(eq(listings.id, listingId), eq(listings.producerId, producerId)))
        .returning();
      const changes = [
        { field: 'price', before: before!.price, after: after.price },
        { field: 'stock', before: before!.stock, after: after.stock },
      ].filter((c) => c.before !== c.after);
      const state = row!.state as ListingState;
      if (changes.length > 0)
        await writeLog(tx, listingId, logEntry(actor, 'edit', state, state, { at, changes }));
      return ok(listingView({ ...row!, ...after }));
    }),
  );
}

/** The storage keys of photos by id, for the public pages of live listings. */
async function photoKeys(db: Database, ids: readonly string[]): Promise<Map<string, string[]>> {
  const valid = ids.filter((id) => parseUuid(id) !== null);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: listingPhotos.id, keys: listingPhotos.keys })
    .from(listingPhotos)
    .where(inArray(listingPhotos.id, valid));
  return new Map(rows.map((r) => [r.id, r.keys as string[]]));
}

/**
 * Every listing that has been on sale (the live ones and those taken off sale), or those of the given slugs, with
 * the price and stock on sale: for ./catalogue-merge.ts and checkout's catalogue.
 */
async function catalogueListings(db: Database, slugs?: readonly string[]): Promise<CatalogueListing[]> {
  if (slugs?.length === 0) return [];
  const approved = isNotNull(listings.approvedFields);
  const stored = await db
    .select()
    .from(listings)
    .where(slugs ? and(approved, inArray(listings.slug, [...slugs])) : approved);
  const rows = await withOfferPrices(db, stored);
  return rows.map((row) => ({
    slug: row.slug,
    producerId: row.producerId,
    live: row.live,
    listing: readFields(row.approvedFields, row),
  }));
}

/** A write's parameters after its context (the service supplies the context). */
type WithoutContext<F extends (ctx: never, ...rest: never[]) => unknown> = F extends (
  ctx: never,
  ...rest: infer R
) => unknown
  ? R
  : never;

/** The listings service over a database; `provinceOf` says which province's promoters moderate a producer. */
export function createListings(deps: {
  db: Database;
  provinceOf: (producerId: string) => string | undefined;
  /** The producer of a content file's product by slug: a listing may take the place only of its own producer's file. */
  fileProducerOf?: (slug: string) => string | undefined;
  /** The photo pipeline over its store; without it, uploads are refused (recorded photos still work). */
  photos?: Photos | null;
  now?: () => Date;
  /**
   * Called after a change that may change what the public site shows of a listing (a move, an edit, a price or stock
   * change) has committed, with the listing's slug; the answer waits for it (the search document is current when a
   * promoter's approval returns). Its failure is its own to log: the change has happened.
   */
  onPublicChange?: (slug: string) => Promise<void>;
}) {
  const ctx: ListingsContext = {
    db: deps.db,
    provinceOf: deps.provinceOf,
    fileProducerOf: deps.fileProducerOf ?? (() => undefined),
    now: deps.now ?? (() => new Date()),
  };
  const { db } = ctx;
  /** Tells onPublicChange about a listing a successful change touched. */
  async function published(result: ListingsResult<ListingView>): Promise<ListingsResult<ListingView>> {
    if (result.ok && deps.onPublicChange) await deps.onPublicChange(result.value.slug);
    return result;
  }

  /** One listing with its log, when `actor` is its producer or a promoter of its province. */
  async function get(actor: Actor | null, id: unknown): Promise<ListingsResult<ListingWithLog>> {
    if (!actor) return refused('signed-out');
    const listingId = parseUuid(id);
    const [row] =
      listingId === null ? [] : await db.select().from(listings).where(eq(listings.id, listingId));
    if (!row || !can(actor, 'listing.history', scopeOf(row))) return notFound();
    const [shown] = await withOfferPrices(db, [row]);
    return ok({ listing: listingView(shown!), log: await readLog(db, row.id) });
  }

  /** The signed-in producer's own listings, latest change first. */
  async function mine(actor: Actor | null): Promise<ListingsResult<ListingView[]>> {
    if (!actor) return refused('signed-out');
    if (actor.role !== 'producer' || actor.producerId === null) return refused('forbidden');
    const rows = await db
      .select()
      .from(listings)
      .where(eq(listings.producerId, actor.producerId))
      .orderBy(desc(listings.updatedAt));
    return ok((await withOfferPrices(db, rows)).map(listingView));
  }

  /**
   * The promoter's queue: its province's listings awaiting review (or, with 'awaiting-producer', the drafts
   * promoters wrote that await their producer), oldest first.
   */
  async function queue(
    actor: Actor | null,
    state: 'pending' | 'awaiting-producer' = 'pending',
  ): Promise<ListingsResult<ListingView[]>> {
    if (!actor) return refused('signed-out');
    if (actor.role !== 'promoter' || actor.provinceId === null) return refused('forbidden');
    const rows = await db
      .select()
      .from(listings)
      .where(and(eq(listings.provinceId, actor.provinceId), eq(listings.state, state)))
      .orderBy(asc(listings.updatedAt));
    return ok((await withOfferPrices(db, rows)).map(listingView));
  }

  return {
    start: (actor: Actor | null, input: StartInput) => start(ctx, actor, input),
    edit: async (...args: WithoutContext<typeof edit>) => published(await edit(ctx, ...args)),
    move: async (actor: Actor | null, id: unknown, version: unknown, theMove: Move) =>
      published(await move(ctx, actor, id, version, theMove)),
    setPriceStock: async (actor: Actor | null, id: unknown, change: unknown) =>
      published(await setPriceStock(ctx, actor, id, change)),
    recordLoosePhoto: (actor: Actor | null, producerId: unknown, photo: PhotoRecord) =>
      recordLoosePhoto(ctx, actor, producerId, photo),
    addToGallery: (actor: Actor | null, id: unknown, photo: PhotoRecord) =>
      addToGallery(ctx, actor, id, photo),
    loosePhotos: (actor: Actor | null) => loosePhotos(ctx, actor),
    /** Deletes uploads nobody saved and photos removed from listings, after the grace period (./photo-cleanup.server.ts). */
    deleteUnusedPhotos: (store: PhotoStore, options?: Parameters<typeof deleteUnusedPhotos>[2]) =>
      deleteUnusedPhotos(ctx, store, options),
    /** Who may load a photo's files (src/pages/photos/[id]/[file].ts). */
    photoAccess: (actor: Actor | null, photoId: unknown) => photoAccess(ctx, actor, photoId),
    /** Checks, stores and records an uploaded photo (loose for a producer, or into a listing's gallery). */
    uploadPhoto: (actor: Actor | null, target: UploadTarget, bytes: Uint8Array) =>
      deps.photos
        ? uploadPhoto(ctx, deps.photos, actor, target, bytes)
        : Promise.resolve(fail('CONFLICT', 'photo.unavailable')),
    get,
    mine,
    queue,
    catalogueListings: (slugs?: readonly string[]) => catalogueListings(db, slugs),
    photoKeys: (ids: readonly string[]) => photoKeys(db, ids),
  };
}
export type Listings = ReturnType<typeof createListings>;
export type { ListingView, ListingsResult, PhotoRecord, StartInput };
