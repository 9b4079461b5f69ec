/**
 * Deletes uploaded photos nobody uses (./photos.ts `isUnusedPhoto`): uploads never saved into a listing and photos
 * removed from one, once the grace period has passed. One entry point, `deleteUnusedPhotos`, for a timer in the
 * server process today and a job of the queue later. The DELETE checks again that no listing shows the photo, in the
 * same statement, so a listing saved meanwhile keeps its photo; the files go after their row.
 */
import { and, inArray, lte, sql } from 'drizzle-orm';
import { listingPhotos, listings } from '~/lib/db/schema-portal';
import type { PhotoStore } from './photo-store.server.ts';
import { UNUSED_PHOTO_GRACE_MS, unusedPhotoCutoff } from './photos.ts';
import type { ListingsContext } from './listings-store.server.ts';

export interface CleanupReport {
  /** Photos deleted (rows and files). */
  deleted: number;
  /** Files the store could not delete (logged; the row is gone, so nothing shows them). */
  failedFiles: number;
}

/** No listing's version on sale or being edited shows the photo. */
const unused = sql`not exists (
  select 1 from ${listings}
  where ${listings.workingFields} -> 'photos' @> jsonb_build_array(${listingPhotos.id}::text)
     or ${listings.approvedFields} -> 'photos' @> jsonb_build_array(${listingPhotos.id}::text)
)`;

/** Deletes the unused photos uploaded before the grace period, at most `batch` per call. */
export async function deleteUnusedPhotos(
  ctx: ListingsContext,
  store: PhotoStore,
  options: { graceMs?: number; batch?: number; log?: (line: string) => void } = {},
): Promise<CleanupReport> {
  const cutoff = unusedPhotoCutoff(ctx.now(), options.graceMs ?? UNUSED_PHOTO_GRACE_MS);
  const log = options.log ?? ((line: string) => console.error(line));
  const candidates = await ctx.db
    .select({ id: listingPhotos.id })
    .from(listingPhotos)
    .where(and(lte(listingPhotos.createdAt, cutoff), unused))
    .limit(options.batch ?? 500);
  if (candidates.length === 0) return { deleted: 0, failedFiles: 0 };
  const removed = await ctx.db
    .delete(listingPhotos)
    .where(
      and(
        inArray(
          listingPhotos.id,
          candidates.map((c) => c.id),
        ),
        lte(listingPhotos.createdAt, cutoff),
        unused,
      ),
    )
    .returning({ id: listingPhotos.id, keys: listingPhotos.keys });
  let failedFiles = 0;
  for (const photo of removed) {
    for (const key of photo.keys as string[]) {
      try {
        await store.delete(key);
      } catch (error) {
        failedFiles += 1;
        log(`[photos] could not delete ${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return { deleted: removed.length, failedFiles };
}
