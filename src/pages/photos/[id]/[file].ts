/**
 * Listing photos as the browser loads them: only the public sizes the photo pipeline wrote (never the master),
 * immutable because a photo's files never change (a new photo gets a new id).
 */
import type { APIRoute } from 'astro';
import { publicPhotoFile } from '~/features/portal/photos';
import { photoStore } from '~/services.server';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const file = publicPhotoFile(params.id ?? '', params.file ?? '');
  const bytes = file && (await photoStore().get(file.key));
  if (!file || !bytes) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
