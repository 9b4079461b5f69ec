/**
 * Stripe's webhook as one service: the delivery's size is checked, its signature verified on the raw body, and the
 * verified event applied exactly once. The event id is stored in the same transaction as the event's effect, so a
 * repeated delivery changes nothing; the effect is chosen by the session's `metadata.kind` from the handlers the
 * composition root registers (orders, fair booths), so this file knows no room that takes payments.
 */
import type { Database } from '~/lib/db/client';
import { stripeEvents } from '~/lib/db/schema-commerce';
import { sendRequestedRefunds, updateRefundStatus } from '~/lib/stripe/refund-ledger.server';
import {
  WebhookSignatureError,
  type PaymentEvent,
  type PaymentKind,
  type Payments,
} from '~/lib/stripe/types';

/** Applies a verified event inside the transaction it is given. */
export type PaymentEventHandler = (tx: Database, event: PaymentEvent) => Promise<void>;

/** Every payment kind and its handler. */
export type PaymentEventHandlers = Partial<Record<PaymentKind, PaymentEventHandler>>;

export type PaymentEventResult = 'applied' | 'duplicate' | 'ignored';

/**
 * Records the event and runs its handler in one transaction. 'duplicate' = already applied before; 'ignored' =
 * recorded, but no handler acts on it (another event type, or a kind nobody registered).
 */
export async function processPaymentEvent(
  db: Database,
  event: PaymentEvent,
  handlers: PaymentEventHandlers,
): Promise<PaymentEventResult> {
  return db.transaction(async (tx) => {
    const kind = event.session?.kind ?? null;
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, kind, reference: event.session?.reference ?? null })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return 'duplicate';
    // Stripe's later word on a refund we sent: whichever room it belongs to, the refund row keeps it.
    if (event.refund)
      return (await updateRefundStatus(tx, event.refund.id, event.refund.status)) ? 'applied' : 'ignored';
    const handler = kind ? handlers[kind] : undefined;
    if (!handler) return 'ignored';
    await handler(tx, event);
    return 'applied';
  });
}

/** What the endpoint answers: an HTTP status and a JSON body. */
export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface PaymentWebhookOptions {
  /** The database, opened on first use (a failure is answered 503, so Stripe retries later). */
  db: () => Promise<Database>;
  /** null = card payments not configured: every delivery is answered 503. */
  payments: Payments | null;
  handlers: PaymentEventHandlers;
  /** Largest body accepted; Stripe's events are a few kilobytes. Default 512 KiB. */
  maxBodyBytes?: number;
}

export type PaymentWebhook = ReturnType<typeof createPaymentWebhook>;

const MAX_BODY_BYTES = 512 * 1024;

/** The raw body, or null when it is (or says it is) larger than the limit; refused before reading when declared. */
async function boundedBody(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  const body = await request.text();
  return Buffer.byteLength(body) > limit ? null : body;
}

/**
 * Answers one delivery: 200 applied / duplicate / ignored, 400 bad signature or payload, 413 oversized, 503 not
 * configured or the database unavailable (Stripe retries 5xx later, which is what we want then).
 */
async function handleDelivery(options: PaymentWebhookOptions, request: Request): Promise<WebhookAnswer> {
  const { payments } = options;
  if (!payments)
    return { status: 503, body: { error: 'Card payments are not configured (STRIPE_SECRET_KEY).' } };
  const body = await boundedBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
  if (body === null) return { status: 413, body: { error: 'Payload too large' } };
  let event: PaymentEvent;
  try {
    event = await payments.parseWebhook(body, request.headers.get('stripe-signature'));
  } catch (error) {
    const invalid = error instanceof WebhookSignatureError ? 'Invalid signature' : 'Invalid payload';
    return { status: 400, body: { error: invalid } };
  }
  try {
    const db = await options.db();
    const result = await processPaymentEvent(db, event, options.handlers);
    if (result === 'applied') await sendRefundsAfter(db, payments, event);
    return { status: 200, body: { received: true, result } };
  } catch (error) {
    console.error(
      `[stripe] event ${event.id} (${event.type}) not applied; Stripe will retry:`,
      error instanceof Error ? error.message : error,
    );
    return { status: 503, body: { error: 'Temporarily unavailable' } };
  }
}

/**
 * Sends the refunds the event's effect recorded (and any earlier one still waiting), after its transaction
 * committed. A failure here is not the event's: it stays applied and the refund waits for the next send.
 */
async function sendRefundsAfter(db: Database, payments: Payments, event: PaymentEvent): Promise<void> {
  try {
    await sendRequestedRefunds(db, payments);
  } catch (error) {
    console.error(
      `[stripe] refunds after event ${event.id} not sent yet:`,
      error instanceof Error ? error.message : error,
    );
  }
}

/** Builds the webhook service: `handle(request)` takes the delivery as it came and says what to answer. */
export function createPaymentWebhook(options: PaymentWebhookOptions) {
  return { handle: (request: Request) => handleDelivery(options, request) };
}
