/**
 * Stripe's webhook endpoint: passes each delivery to the payment webhook service, which checks its size, verifies
 * its signature on the raw body and applies the event exactly once, and answers what the service says.
 */
import type { APIRoute } from 'astro';
import { getPaymentWebhook } from '~/services.server';

export const prerender = false;

export const POST: APIRoute = async ({ request }) => json(await getPaymentWebhook().handle(request));

export const ALL: APIRoute = () => json({ status: 405, body: { error: 'Use POST' } });

function json({ status, body }: { status: number; body: unknown }): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
