/**
 * Starting, editing and moving a listing. Each runs in one transaction under the listing's row lock, checks the
 * version the caller saw (a promoter approves exactly the version it reviewed), asks the pure rules of
 * ./moderation.ts what the change does, and writes the log line with its field-by-field diff.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { listings } from '~/lib/db/schema-portal';
import { parseSlug, parseUuid } from '~/lib/ids';
import { can, type Actor } from '../accounts/accounts.ts';
import { checkListingInput } from './listing.ts';
import { queueListingNotice } from './listing-notices.server.ts';
import {
  applyEdit,
  applyMove,
  diffListings,
  logEntry,
  startListing,
  type FieldChange,
  type ListingStatus,
  type Move,
} from './moderation.ts';
import {
  fail,
  guarded,
  listingView,
  lockListing,
  ok,
  placePhotos,
  problem,
  readFields,
  refused,
  Refused,
  scopeOf,
  storedFields,
  writeLog,
  type ListingRow,
  type ListingsContext,
  type ListingsResult,
  type ListingView,
  type Tx,
} from './listings-store.server.ts';
import { applySaleChange, withOfferPrices, writePriceStock } from './listing-offers.server.ts';
import { stockEdit } from './on-sale.ts';

export interface StartInput {
  /** The producer the listing is for: the producer itself, or one of the promoter's province. */
  producerId: unknown;
  slug: unknown;
  /** What the editor posted, checked by `checkListingInput`. */
  listing: unknown;
}

const notFound = () => fail('NOT_FOUND', 'refusal.not-found');

/** Starts a listing: a producer's own draft, or a promoter's draft awaiting the producer's acceptance. */
export async function start(
  ctx: ListingsContext,
  actor: Actor | null,
  input: StartInput,
): Promise<ListingsResult<ListingView>> {
  if (!actor) return refused('signed-out');
  const producerId = parseSlug(input.producerId);
  const provinceId = producerId === null ? undefined : ctx.provinceOf(producerId);
  if (producerId === null || provinceId === undefined)
    return fail('BAD_REQUEST', 'problem.producerUnknown', [problem('producer', 'problem.producerUnknown')]);
  const started = startListing(actor, { producerId, provinceId });
  if (!started.ok) return refused(started.refusal);
  const slug = parseSlug(input.slug);
  const checked = checkListingInput(input.listing);
  // A listing takes the place of a content file of the same slug, so only that file's own producer may use it.
  const fileProducer = slug === null ? undefined : ctx.fileProducerOf(slug);
  const slugProblem =
    slug === null
      ? problem('slug', 'problem.slugFormat')
      : fileProducer !== undefined && fileProducer !== producerId
        ? problem('slug', 'problem.slugTaken')
        : null;
  const problems = [...(slugProblem ? [slugProblem] : []), ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || slug === null || slugProblem) return fail('BAD_REQUEST', problems[0]!.key, problems);
  const listing = checked.listing;
  return guarded(() =>
    ctx.db.transaction(async (tx) => {
      const at = ctx.now();
      const id = randomUUID();
      const [row] = await tx
        .insert(listings)
        .values({
          id,
          producerId,
          provinceId,
          slug,
          state: started.status.state,
          live: false,
          workingFields: storedFields(listing),
          price: listing.price,
          stock: listing.stock,
          createdBy: actor.id,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await placePhotos(tx, id, producerId, listing.photos);
      const changes = diffListings(null, listing);
      await writeLog(tx, id, logEntry(actor, 'create', null, started.status.state, { at, changes }));
      return ok(listingView(row!));
    }),
  );
}

/**
 * The row, locked, when `actor` may see it and it is still the version the caller saw. Anyone who may not read the
 * listing's history (another producer, another province's promoter) gets not-found, never the data.
 */
async function lockSeen(
  tx: Tx,
  actor: Actor,
  id: string | null,
  expectedVersion: unknown,
): Promise<ListingRow> {
  const row = id === null ? undefined : await lockListing(tx, id);
  if (!row || !can(actor, 'listing.history', scopeOf(row))) throw new Refused(notFound());
  if (expectedVersion !== row.version) throw new Refused(fail('CONFLICT', 'refusal.stale-version'));
  // Price and stock as on sale (the offer row, locked too, once the listing has been approved).
  const [seen] = await withOfferPrices(tx, [row], true);
  return seen!;
}

const statusOf = (row: ListingRow): ListingStatus => ({
  state: row.state as ListingStatus['state'],
  live: row.live,
});

/** Saves an edit: price and stock at once, anything else as a draft to submit (./moderation.ts `applyEdit`). */
export async function edit(
  ctx: ListingsContext,
  actor: Actor | null,
  id: unknown,
  expectedVersion: unknown,
  raw: unknown,
  stockSeen: number | null = null,
): Promise<ListingsResult<ListingView>> {
  if (!actor) return refused('signed-out');
  const listingId = parseUuid(id);
  if (listingId === null) return notFound();
  const checked = checkListingInput(raw);
  if (!checked.ok) return fail('BAD_REQUEST', checked.problems[0]!.key, checked.problems);
  return guarded(() =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSeen(tx, actor, listingId, expectedVersion);
      // Orders take stock while the producer edits: the count the editor showed decides what the typed one means.
      const stock = stockEdit(stockSeen, checked.listing.stock, row.stock);
      if (stock.kind === 'stale') {
        const changed = { ...problem('stock', 'problem.stockChanged'), values: { now: stock.now } };
        throw new Refused(fail('CONFLICT', 'problem.stockChanged', [changed]));
      }
      const after = { ...checked.listing, stock: stock.kind === 'set' ? stock.stock : row.stock };
      const changes = diffListings(readFields(row.workingFields, row), after);
      if (changes.length === 0) return ok(listingView(row));
      const edited = applyEdit(actor, scopeOf(row), statusOf(row), changes);
      if (!edited.ok) throw new Refused(refused(edited.refusal));
      const moderated = changes.some((c) => c.field !== 'price' && c.field !== 'stock');
      if (changes.some((c) => c.field === 'photos'))
        await placePhotos(tx, row.id, row.producerId, after.photos);
      const at = ctx.now();
      // Price and stock go where they live (./on-sale.ts), and only when the form changed them.
      const priceStock = await writePriceStock(
        tx,
        row,
        {
          price: changes.some((c) => c.field === 'price') ? after.price : null,
          stock: changes.some((c) => c.field === 'stock') ? after.stock : null,
        },
        at,
      );
      const [saved] = await tx
        .update(listings)
        .set({
          workingFields: storedFields(after),
          state: edited.status.state,
          // Price and stock are not reviewed, so changing them leaves the version a promoter is reviewing alone.
          version: moderated ? row.version + 1 : row.version,
          updatedAt: at,
        })
        .where(eq(listings.id, row.id))
        .returning();
      await writeLog(
        tx,
        row.id,
        logEntry(actor, 'edit', row.state as ListingStatus['state'], edited.status.state, { at, changes }),
      );
      return ok(listingView({ ...saved!, ...priceStock }));
    }),
  );
}

/** What a move does to the two versions, and the changes its log line shows. */
function versionsAfter(
  row: ListingRow,
  kind: Move['kind'],
): { approvedFields: unknown; workingFields: unknown; changes: FieldChange[] } {
  const working = readFields(row.workingFields, row);
  const approved = row.approvedFields === null ? null : readFields(row.approvedFields, row);
  const keep = { approvedFields: row.approvedFields, workingFields: row.workingFields };
  switch (kind) {
    // What goes for review, and what goes on sale: the working version against the one on sale.
    case 'submit':
    case 'approve':
    case 'accept': {
      const changes = diffListings(approved, working);
      return kind === 'submit'
        ? { ...keep, changes }
        : { ...keep, approvedFields: row.workingFields, changes };
    }
    case 'withdraw':
      // Withdrawing a change to a live listing drops the change: the version on sale is the working one again.
      return row.live && approved
        ? { ...keep, workingFields: row.approvedFields, changes: diffListings(working, approved) }
        : { ...keep, changes: [] };
    default:
      return { ...keep, changes: [] };
  }
}

/** Makes a move of ./moderation.ts on the version the caller saw. */
export async function move(
  ctx: ListingsContext,
  actor: Actor | null,
  id: unknown,
  expectedVersion: unknown,
  theMove: Move,
): Promise<ListingsResult<ListingView>> {
  if (!actor) return refused('signed-out');
  const listingId = parseUuid(id);
  if (listingId === null) return notFound();
  return guarded(() =>
    ctx.db.transaction(async (tx) => {
      const row = await lockSeen(tx, actor, listingId, expectedVersion);
      const moved = applyMove(actor, scopeOf(row), statusOf(row), theMove);
      if (!moved.ok) throw new Refused(refused(moved.refusal));
      const { approvedFields, workingFields, changes } = versionsAfter(row, theMove.kind);
      const at = ctx.now();
      const [saved] = await tx
        .update(listings)
        .set({
          state: moved.status.state,
          live: moved.status.live,
          approvedFields,
          workingFields,
          version: row.version + 1,
          updatedAt: at,
        })
        .where(eq(listings.id, row.id))
        .returning();
      await applySaleChange(tx, row, moved.status, at);
      if (theMove.kind === 'withdraw' && row.live)
        await placePhotos(tx, row.id, row.producerId, readFields(workingFields, row).photos);
      const reason = 'reason' in theMove ? theMove.reason : null;
      const from = row.state as ListingStatus['state'];
      await writeLog(
        tx,
        row.id,
        logEntry(actor, theMove.kind, from, moved.status.state, { at, reason, changes }),
      );
      await queueListingNotice(tx, saved!, theMove);
      return ok(listingView({ ...saved!, price: row.price, stock: row.stock }));
    }),
  );
}
