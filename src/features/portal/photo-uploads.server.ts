/**
 * An upload from the editor, end to end: who may upload is checked first and a full gallery refused before the
 * photo is decoded (seconds of work), then ./photos.server.ts checks, cleans and stores every size, and the photo is
 * recorded loose for a producer's next listing or added to a listing's gallery. A refused record removes the files,
 * so nothing is left in the store that no row points to.
 */
import type { Actor } from '../accounts/accounts.ts';
import { photoProblemKey } from './photos.ts';
import type { Photos, StoredPhoto } from './photos.server.ts';
import {
  addToGallery,
  galleryCount,
  loosePhotoOwner,
  recordLoosePhoto,
  type PhotoRecord,
} from './listing-photos.server.ts';
import {
  fail,
  ok,
  type ListingsContext,
  type ListingsResult,
  type ListingView,
} from './listings-store.server.ts';

/** Where an upload goes: loose for a producer's next listing, or into an existing listing's gallery. */
export type UploadTarget = { producerId: unknown } | { listingId: unknown };

export interface Uploaded {
  photo: StoredPhoto;
  /** The listing whose gallery now shows it (a new working version), or null for a loose photo. */
  listing: ListingView | null;
}

const recordOf = (photo: StoredPhoto): PhotoRecord => ({
  id: photo.id,
  keys: [...photo.files.map((file) => file.key), photo.masterKey],
});

/** Checks, stores and records one uploaded photo. */
export async function uploadPhoto(
  ctx: ListingsContext,
  photos: Photos,
  actor: Actor | null,
  target: UploadTarget,
  bytes: Uint8Array,
): Promise<ListingsResult<Uploaded>> {
  const allowed =
    'listingId' in target
      ? await galleryCount(ctx, actor, target.listingId)
      : loosePhotoOwner(ctx, actor, target.producerId);
  if (!allowed.ok) return allowed;
  const made = await photos.add(bytes);
  if (!made.ok) {
    const key = photoProblemKey(made.problem);
    return fail('BAD_REQUEST', key, [
      { path: 'photos', label: 'field.photos', key, values: made.problem.values },
    ]);
  }
  const record = recordOf(made.photo);
  const recorded =
    'listingId' in target
      ? await addToGallery(ctx, actor, target.listingId, record)
      : await recordLoosePhoto(ctx, actor, target.producerId, record);
  if (!recorded.ok) {
    await photos.remove(made.photo);
    return recorded;
  }
  // A loose photo's record is the photo itself; a gallery's answer is the listing's new working version.
  const listing = 'slug' in recorded.value ? recorded.value : null;
  return ok({ photo: made.photo, listing });
}
