/**
 * Stripe's webhook endpoint. The raw body is verified with STRIPE_WEBHOOK_SECRET before anything is parsed;
 * the event is then applied exactly once (its id stored with its effect) by the handler for its metadata.kind.
 * Answers: 200 applied / duplicate / ignored, 400 bad signature, 413 oversized, 503 not configured or the
 * database is unavailable (Stripe retries 5xx later, which is what we want then).
 */
import type { APIRoute } from 'astro';
import { processPaymentEvent } from '~/features/checkout/payment-events.server';
import { getDb } from '~/lib/db';
import { getPayments, WebhookSignatureError } from '~/lib/stripe';

export const prerender = false;

/** Stripe's events are a few kilobytes; anything far bigger is not from Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

export const POST: APIRoute = async ({ request }) => {
  const payments = getPayments();
  if (!payments) return json(503, { error: 'Card payments are not configured (STRIPE_SECRET_KEY).' });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return json(413, { error: 'Payload too large' });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return json(413, { error: 'Payload too large' });

  let event;
  try {
    event = await payments.parseWebhook(body, request.headers.get('stripe-signature'));
  } catch (error) {
    if (error instanceof WebhookSignatureError) return json(400, { error: 'Invalid signature' });
    return json(400, { error: 'Invalid payload' });
  }
  try {
    const result = await processPaymentEvent(await getDb(), event);
    return json(200, { received: true, result });
  } catch (error) {
    console.error(
      `[stripe] event ${event.id} (${event.type}) not applied; Stripe will retry:`,
      error instanceof Error ? error.message : error,
    );
    return json(503, { error: 'Temporarily unavailable' });
  }
};

export const ALL: APIRoute = () => json(405, { error: 'Use POST' });

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
