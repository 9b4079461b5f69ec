/** The live state of every booth of a published fair, for the floor-plan island's refresh (no personal data). */
import type { APIRoute } from 'astro';
import { getFairs } from '~/services.server';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const service = await getFairs();
  const fair = await service.getFair(params.slug ?? '');
  if (!fair || fair.status !== 'published')
    return new Response('[]', { status: 404, headers: { 'content-type': 'application/json' } });
  const plan = await service.floorPlan(fair.id);
  return new Response(JSON.stringify(plan.map((b) => ({ id: b.id, state: b.state }))), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
};
