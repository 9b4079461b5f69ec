/**
 * Verified Stripe events, applied exactly once. The event id is stored in the same transaction as the event's
 * effect, so a repeated delivery changes nothing; the effect is chosen by the session's `metadata.kind`, through
 * the one registry below (orders now; fair booths add their handler here).
 */
import type { Database } from '~/lib/db/client';
import { stripeEvents } from '~/lib/db/schema-commerce';
import type { PaymentEvent, PaymentKind } from '~/lib/stripe/types';
import { applyOrderPaymentEvent } from './checkout.server';
import { applyBoothPaymentEvent } from '~/features/fairs/payments.server';

/** Applies a verified event inside the transaction it is given. */
export type PaymentEventHandler = (tx: Database, event: PaymentEvent) => Promise<void>;

/** Every payment kind and its handler. */
export const paymentEventHandlers: Partial<Record<PaymentKind, PaymentEventHandler>> = {
  order: applyOrderPaymentEvent,
  booth: applyBoothPaymentEvent,
};

export type PaymentEventResult = 'applied' | 'duplicate' | 'ignored';

/**
 * Records the event and runs its handler in one transaction. 'duplicate' = already applied before; 'ignored' =
 * recorded, but no handler acts on it (another event type, or a kind nobody registered).
 */
export async function processPaymentEvent(
  db: Database,
  event: PaymentEvent,
  handlers: Partial<Record<PaymentKind, PaymentEventHandler>> = paymentEventHandlers,
): Promise<PaymentEventResult> {
  return db.transaction(async (tx) => {
    const kind = event.session?.kind ?? null;
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, kind, reference: event.session?.reference ?? null })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (inserted.length === 0) return 'duplicate';
    const handler = kind ? handlers[kind] : undefined;
    if (!handler) return 'ignored';
    await handler(tx, event);
    return 'applied';
  });
}
