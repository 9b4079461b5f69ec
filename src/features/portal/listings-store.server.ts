/**
 * What the listings services share: their context, the result shape, and stored rows read back through the listing
 * schema into the views of ./listing.ts and ./moderation.ts. Row types stay here; callers only see views.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { checkViolation, uniqueViolation } from '~/lib/db/errors';
import { listingLog, listingPhotos, listings } from '~/lib/db/schema-portal';
import type { Actor } from '../accounts/accounts.ts';
import { fieldLabel, listingInputSchema, type ListingInput, type ListingProblem } from './listing.ts';
import type { PortalMessageKey } from './messages.ts';
import {
  refusalKey,
  type FieldChange,
  type ListingScope,
  type ListingState,
  type ModerationLogEntry,
  type Refusal,
} from './moderation.ts';

/** The transaction handle the services write through. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface ListingsContext {
  db: Database;
  /** The province of a catalogue producer (whose promoters moderate its listings), undefined when unknown. */
  provinceOf: (producerId: string) => string | undefined;
  /** The producer of the content file with this slug, undefined when no file has it. */
  fileProducerOf: (slug: string) => string | undefined;
  now: () => Date;
}

export type ListingsFailure = {
  ok: false;
  code: 'SIGNED_OUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST';
  /** A key of ./messages.ts. */
  message: PortalMessageKey;
  /** One problem per field, for forms. */
  problems: ListingProblem[];
};
export type ListingsResult<T> = { ok: true; value: T } | ListingsFailure;

export const ok = <T>(value: T): ListingsResult<T> => ({ ok: true, value });
export const fail = (
  code: ListingsFailure['code'],
  message: PortalMessageKey,
  problems: ListingProblem[] = [],
): ListingsFailure => ({ ok: false, code, message, problems });

/** A refusal of ./moderation.ts as a failure: signed out, forbidden, or a conflict with the listing's state. */
export function refused(refusal: Refusal): ListingsFailure {
  const code = refusal === 'signed-out' ? 'SIGNED_OUT' : refusal === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT';
  return fail(code, refusalKey(refusal));
}

/** A failure raised inside a transaction, so the transaction rolls back and the caller gets the failure. */
export class Refused extends Error {
  constructor(readonly failure: ListingsFailure) {
    super(failure.message);
  }
}

/** One field problem, labelled like the editor's. */
export const problem = (path: string, key: PortalMessageKey): ListingProblem => ({
  path,
  label: fieldLabel(path),
  key,
  values: {},
});

/** Runs a write; a Refused rolls it back into its failure, and the database's own refusals become field problems. */
export async function guarded<T>(write: () => Promise<ListingsResult<T>>): Promise<ListingsResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    if (uniqueViolation(error) === 'listing_slug_unique')
      return fail('BAD_REQUEST', 'problem.slugTaken', [problem('slug', 'problem.slugTaken')]);
    // A photo id recorded already (by this producer or another): never take over someone's photo.
    if (uniqueViolation(error) === 'listing_photo_pkey')
      return fail('BAD_REQUEST', 'problem.photoNotYours', [problem('photos', 'problem.photoNotYours')]);
    if (uniqueViolation(error) === 'listing_photo_position_unique')
      return fail('CONFLICT', 'refusal.stale-version');
    // The stock of a listing's proposal, or of its offer row once on sale, would go below zero.
    const check = checkViolation(error);
    if (check === 'listing_stock_not_negative' || check === 'commerce_product_stock_nonnegative')
      return fail('CONFLICT', 'refusal.stock-short');
    throw error;
  }
}

export type ListingRow = typeof listings.$inferSelect;

/** The moderated fields as stored: a listing without price and stock, which live in their own columns. */
export type StoredFields = Omit<ListingInput, 'price' | 'stock'>;

/** The fields to store (price and stock left to their columns), as JSON (dates as ISO strings). */
export function storedFields(listing: ListingInput): StoredFields {
  const { price: _price, stock: _stock, ...fields } = listing;
  return JSON.parse(JSON.stringify(fields)) as StoredFields;
}

/** Stored fields with the row's price and stock, checked by the listing schema again on the way out. */
export function readFields(fields: unknown, row: Pick<ListingRow, 'price' | 'stock'>): ListingInput {
  return listingInputSchema.parse({ ...(fields as object), price: row.price, stock: row.stock });
}

/** A listing as the portal's pages show it. */
export interface ListingView {
  id: string;
  producerId: string;
  provinceId: string;
  slug: string;
  state: ListingState;
  live: boolean;
  /** Send it back with a move or an edit: a change made since is refused, never overwritten. */
  version: number;
  price: number;
  stock: number;
  /** The version being edited or reviewed. */
  working: ListingInput;
  /** The version on sale (or last on sale), with the current price and stock; null until first approved. */
  approved: ListingInput | null;
  updatedAt: Date;
}

export function listingView(row: ListingRow): ListingView {
  return {
    id: row.id,
    producerId: row.producerId,
    provinceId: row.provinceId,
    slug: row.slug,
    state: row.state as ListingState,
    live: row.live,
    version: row.version,
    price: row.price,
    stock: row.stock,
    working: readFields(row.workingFields, row),
    approved: row.approvedFields === null ? null : readFields(row.approvedFields, row),
    updatedAt: row.updatedAt,
  };
}

export const scopeOf = (row: Pick<ListingRow, 'producerId' | 'provinceId'>): ListingScope => ({
  producerId: row.producerId,
  provinceId: row.provinceId,
});

/** Locks one listing row for the rest of the transaction. */
export async function lockListing(tx: Tx, id: string): Promise<ListingRow | undefined> {
  const [row] = await tx.select().from(listings).where(eq(listings.id, id)).for('update');
  return row;
}

/** Writes one log line. */
export async function writeLog(tx: Tx, listingId: string, entry: ModerationLogEntry): Promise<void> {
  await tx.insert(listingLog).values({
    listingId,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    fromState: entry.from,
    toState: entry.to,
    reason: entry.reason,
    changes: entry.changes,
    at: entry.at,
  });
}

/** A listing's log, oldest first. */
export async function readLog(db: Database | Tx, listingId: string): Promise<ModerationLogEntry[]> {
  const rows = await db
    .select()
    .from(listingLog)
    .where(eq(listingLog.listingId, listingId))
    .orderBy(asc(listingLog.id));
  return rows.map((row) => ({
    at: row.at,
    actorId: row.actorId,
    actorRole: row.actorRole as Actor['role'],
    action: row.action as ModerationLogEntry['action'],
    from: row.fromState as ListingState | null,
    to: row.toState as ListingState,
    reason: row.reason,
    changes: row.changes as FieldChange[],
  }));
}

/**
 * Places the working version's photos in its gallery, in order (0 = cover): each must be a photo uploaded for the
 * listing's producer and not shown by another listing. Photos the working version no longer shows lose their place
 * but stay, since the approved version on sale may still show them.
 */
export async function placePhotos(
  tx: Tx,
  listingId: string,
  producerId: string,
  photoIds: readonly string[],
): Promise<void> {
  await tx.update(listingPhotos).set({ position: null }).where(eq(listingPhotos.listingId, listingId));
  const owned = await tx
    .select({ id: listingPhotos.id })
    .from(listingPhotos)
    .where(
      and(
        inArray(listingPhotos.id, [...photoIds]),
        eq(listingPhotos.producerId, producerId),
        or(isNull(listingPhotos.listingId), eq(listingPhotos.listingId, listingId)),
      ),
    )
    .for('update');
  if (owned.length !== new Set(photoIds).size)
    throw new Refused(
      fail('BAD_REQUEST', 'problem.photoNotYours', [problem('photos', 'problem.photoNotYours')]),
    );
  for (const [position, id] of photoIds.entries())
    await tx.update(listingPhotos).set({ listingId, position }).where(eq(listingPhotos.id, id));
}
