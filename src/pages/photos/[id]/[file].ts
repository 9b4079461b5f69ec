/**
 * Listing photos as the browser loads them: only the public sizes the photo pipeline wrote (never the master).
 * A photo a live listing shows is anyone's, cached for good (a photo's files never change: a new photo gets a new
 * id). Any other photo (a draft's, a pending change's, one not attached yet) is served only to its producer and the
 * promoters of its province, never stored by a shared cache; to anyone else it does not exist (404).
 */
import type { APIRoute } from 'astro';
import { publicPhotoFile } from '~/features/portal/photos';
import { getListings, photoStore } from '~/services.server';

export const prerender = false;

const CACHE = {
  public: 'public, max-age=31536000, immutable',
  private: 'private, no-store',
} as const;

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export const GET: APIRoute = async ({ params, locals }) => {
  const file = publicPhotoFile(params.id ?? '', params.file ?? '');
  if (!file) return notFound();
  const access = await (await getListings()).photoAccess(locals.user, params.id);
  if (access === 'none') return notFound();
  const bytes = await photoStore().get(file.key);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Cache-Control': CACHE[access],
      'X-Content-Type-Options': 'nosniff',
      // The answer depends on who asks while the photo is not on the site.
      ...(access === 'private' ? { Vary: 'Cookie' } : {}),
    },
  });
};
