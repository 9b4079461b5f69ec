/**
 * POST /api/portal/photos: a producer uploads one photo (multipart, field `photo`) from the listing editor, which
 * posts here as a plain form and comes back to the editor (`next`, a path on this site) with the outcome in its
 * query: `?photo=<id>` when it was stored (with `producer=` when a promoter uploads for a producer of its province), `?photoProblem=<message key>` and the problem's numbers when refused.
 * Its own route because a phone's photo is larger than an action body may be (1 MB); the size is checked from the
 * request's length before the body is read. The service checks who may upload before it decodes the photo.
 */
import type { APIRoute } from 'astro';
import { safeNextPath } from '~/features/accounts/accounts';
import { PHOTO_LIMITS } from '~/features/portal/photos';
import { localeFromPath, localizedPath } from '~/lib/i18n';
import { parseSlug } from '~/lib/ids';
import { getListings } from '~/services.server';

export const prerender = false;

/** Room for the multipart envelope around the photo itself. */
const ENVELOPE_BYTES = 64 * 1024;

function back(origin: string, next: string, query: Record<string, string | number>): Response {
  // The editor's path alone: the outcome of an earlier upload does not stay in the query.
  const url = new URL(new URL(next, origin).pathname, origin);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}` } });
}

export const POST: APIRoute = async ({ request, locals, url }) => {
  const referer = request.headers.get('referer');
  const fallback = referer ? safeNextPath(new URL(referer, url).pathname) : undefined;
  const locale = localeFromPath(fallback ?? '/');
  const actor = locals.user;
  if (!actor) return back(url.origin, localizedPath('/sign-in', locale), {});
  const length = Number(request.headers.get('content-length') ?? 'NaN');
  const editor = fallback ?? localizedPath('/producer/listings/new', locale);
  if (Number.isFinite(length) && length > PHOTO_LIMITS.maxBytes + ENVELOPE_BYTES)
    return back(url.origin, editor, {
      photoProblem: 'photo.too-large',
      maxMb: PHOTO_LIMITS.maxBytes / 1024 / 1024,
    });
  const form = await request.formData().catch(() => null);
  const next = safeNextPath(String(form?.get('next') ?? '')) ?? editor;
  const file = form?.get('photo');
  if (!(file instanceof File) || file.size === 0)
    return back(url.origin, next, { photoProblem: 'photo.empty' });
  if (file.size > PHOTO_LIMITS.maxBytes)
    return back(url.origin, next, {
      photoProblem: 'photo.too-large',
      maxMb: PHOTO_LIMITS.maxBytes / 1024 / 1024,
    });
  // A producer uploads for itself; a promoter for the producer of its province it drafts a listing for.
  const producerId = actor.role === 'producer' ? actor.producerId : parseSlug(form?.get('producerId'));
  const service = await getListings();
  const result = await service.uploadPhoto(actor, { producerId }, new Uint8Array(await file.arrayBuffer()));
  const forProducer: Record<string, string> =
    actor.role === 'producer' || producerId === null ? {} : { producer: producerId };
  if (result.ok) return back(url.origin, next, { photo: result.value.photo.id, ...forProducer });
  const problem = result.problems[0];
  return back(url.origin, next, {
    photoProblem: problem?.key ?? result.message,
    ...problem?.values,
    ...forProducer,
  });
};
