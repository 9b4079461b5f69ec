/**
 * A listing's photos in the database: a stored photo (./photos.server.ts made its files) is recorded for its
 * producer, either loose (for a listing not started yet; the start places it) or straight into a listing's gallery,
 * which is an edit of the working version like any other (./moderation.ts `applyEdit`). The gallery's eight places
 * are counted under the listing's row lock and held by a unique index, so two uploads at once never make nine.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { listingPhotos, listings } from '~/lib/db/schema-portal';
import { parseSlug, parseUuid } from '~/lib/ids';
import { can, denial, type Actor } from '../accounts/accounts.ts';
import { applyEdit, logEntry, type ListingState } from './moderation.ts';
import { parsePhotoKey, PHOTO_LIMITS } from './photos.ts';
import {
  fail,
  guarded,
  listingView,
  lockListing,
  ok,
  problem,
  readFields,
  refused,
  Refused,
  scopeOf,
  storedFields,
  writeLog,
  type ListingsContext,
  type ListingsResult,
  type ListingView,
} from './listings-store.server.ts';

/** A photo whose files are stored: its id and every storage key (served sizes and the private master). */
export interface PhotoRecord {
  id: string;
  keys: string[];
}

const notFound = () => fail('NOT_FOUND', 'refusal.not-found');
const notAPhoto = () =>
  fail('BAD_REQUEST', 'problem.photoNotYours', [problem('photos', 'problem.photoNotYours')]);
const tooMany = () =>
  fail('CONFLICT', 'photo.too-many-photos', [
    {
      path: 'photos',
      label: 'field.photos',
      key: 'photo.too-many-photos',
      values: { max: PHOTO_LIMITS.perListing },
    },
  ]);

/** Whether the record names one photo and only its own files (`public/<id>/…`, `private/<id>/master.jpg`). */
export function isPhotoRecord(photo: PhotoRecord): boolean {
  return (
    parseUuid(photo.id) !== null &&
    photo.keys.length > 0 &&
    photo.keys.every((key) => parsePhotoKey(key)?.photoId === photo.id)
  );
}

/** The producer a loose photo is for, when `actor` may upload for it (itself, or a promoter of its province). */
export function loosePhotoOwner(
  ctx: ListingsContext,
  actor: Actor | null,
  producerIdRaw: unknown,
): ListingsResult<string> {
  if (!actor) return refused('signed-out');
  const producerId = parseSlug(producerIdRaw);
  const provinceId = producerId === null ? undefined : ctx.provinceOf(producerId);
  if (producerId === null || provinceId === undefined)
    return fail('BAD_REQUEST', 'problem.producerUnknown', [problem('producer', 'problem.producerUnknown')]);
  const scope = { producerId, provinceId };
  if (!can(actor, 'product.edit', scope) && denial(actor, 'listing.delegate', scope))
    return refused('forbidden');
  return ok(producerId);
}

/** Records a photo uploaded for a producer's next listing (by the producer, or a promoter drafting it). */
export async function recordLoosePhoto(
  ctx: ListingsContext,
  actor: Actor | null,
  producerIdRaw: unknown,
  photo: PhotoRecord,
): Promise<ListingsResult<PhotoRecord>> {
  const owner = loosePhotoOwner(ctx, actor, producerIdRaw);
  if (!owner.ok) return owner;
  if (!isPhotoRecord(photo)) return notAPhoto();
  return guarded(async () => {
    await ctx.db.insert(listingPhotos).values({
      id: photo.id,
      producerId: owner.value,
      keys: photo.keys,
      uploadedBy: actor!.id,
      createdAt: ctx.now(),
    });
    return ok(photo);
  });
}

/**
 * How many places of a listing's gallery are taken, when `actor` may see the listing (read without a lock: the
 * upload route asks before spending seconds on a photo; the lock and the unique index decide).
 */
export async function galleryCount(
  ctx: ListingsContext,
  actor: Actor | null,
  listingIdRaw: unknown,
): Promise<ListingsResult<number>> {
  if (!actor) return refused('signed-out');
  const listingId = parseUuid(listingIdRaw);
  const [row] =
    listingId === null ? [] : await ctx.db.select().from(listings).where(eq(listings.id, listingId));
  if (!row || !can(actor, 'listing.history', scopeOf(row))) return notFound();
  const placed = await ctx.db
    .select({ id: listingPhotos.id })
    .from(listingPhotos)
    .where(and(eq(listingPhotos.listingId, row.id), isNotNull(listingPhotos.position)));
  return placed.length >= PHOTO_LIMITS.perListing ? tooMany() : ok(placed.length);
}

/** Adds a stored photo at the end of a listing's gallery, as an edit of its working version. */
export async function addToGallery(
  ctx: ListingsContext,
  actor: Actor | null,
  listingIdRaw: unknown,
  photo: PhotoRecord,
): Promise<ListingsResult<ListingView>> {
  if (!actor) return refused('signed-out');
  const listingId = parseUuid(listingIdRaw);
  if (listingId === null) return notFound();
  if (!isPhotoRecord(photo)) return notAPhoto();
  return guarded(() =>
    ctx.db.transaction(async (tx) => {
      const row = await lockListing(tx, listingId);
      if (!row || !can(actor, 'listing.history', scopeOf(row))) throw new Refused(notFound());
      const placed = await tx
        .select({ position: listingPhotos.position })
        .from(listingPhotos)
        .where(and(eq(listingPhotos.listingId, listingId), isNotNull(listingPhotos.position)));
      if (placed.length >= PHOTO_LIMITS.perListing) throw new Refused(tooMany());
      const before = readFields(row.workingFields, row);
      const after = { ...before, photos: [...before.photos, photo.id] };
      const changes = [{ field: 'photos', before: before.photos, after: after.photos }];
      const status = { state: row.state as ListingState, live: row.live };
      const edited = applyEdit(actor, scopeOf(row), status, changes);
      if (!edited.ok) throw new Refused(refused(edited.refusal));
      const at = ctx.now();
      await tx.insert(listingPhotos).values({
        id: photo.id,
        producerId: row.producerId,
        listingId,
        position: before.photos.length,
        keys: photo.keys,
        uploadedBy: actor.id,
        createdAt: at,
      });
      const [saved] = await tx
        .update(listings)
        .set({
          workingFields: storedFields(after),
          state: edited.status.state,
          version: row.version + 1,
          updatedAt: at,
        })
        .where(eq(listings.id, listingId))
        .returning();
      await writeLog(
        tx,
        listingId,
        logEntry(actor, 'edit', status.state, edited.status.state, { at, changes }),
      );
      return ok(listingView(saved!));
    }),
  );
}

/** The loose photos of the signed-in producer (none for anyone else): another producer's photos are never listed. */
export async function loosePhotos(ctx: ListingsContext, actor: Actor | null): Promise<PhotoRecord[]> {
  if (actor?.role !== 'producer' || actor.producerId === null) return [];
  const rows = await ctx.db
    .select({ id: listingPhotos.id, keys: listingPhotos.keys })
    .from(listingPhotos)
    .where(and(eq(listingPhotos.producerId, actor.producerId), isNull(listingPhotos.listingId)));
  return rows.map((r) => ({ id: r.id, keys: r.keys as string[] }));
}

/** Who may load a photo's files: anyone (a live listing shows it), its producer and promoters only, or nobody. */
export type PhotoAccess = 'public' | 'private' | 'none';

/**
 * Whether `actor` may load the photo: anyone when the approved version of a live listing shows it (it is on the
 * site); otherwise only its producer and the promoters of that producer's province (a draft, a pending change, a
 * photo not attached yet or dropped); nobody else, whatever the id they hold.
 */
export async function photoAccess(
  ctx: ListingsContext,
  actor: Actor | null,
  photoIdRaw: unknown,
): Promise<PhotoAccess> {
  const photoId = parseUuid(photoIdRaw);
  if (photoId === null) return 'none';
  const [photo] = await ctx.db
    .select({ producerId: listingPhotos.producerId })
    .from(listingPhotos)
    .where(eq(listingPhotos.id, photoId));
  if (!photo) return 'none';
  const [shown] = await ctx.db
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(
        eq(listings.producerId, photo.producerId),
        eq(listings.live, true),
        sql`${listings.approvedFields} -> 'photos' @> ${JSON.stringify([photoId])}::jsonb`,
      ),
    )
    .limit(1);
  if (shown) return 'public';
  const provinceId = ctx.provinceOf(photo.producerId);
  if (
    actor &&
    provinceId !== undefined &&
    can(actor, 'listing.history', { producerId: photo.producerId, provinceId })
  )
    return 'private';
  return 'none';
}
