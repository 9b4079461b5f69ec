/**
 * The site's payment provider, built once from the environment (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET,
 * STRIPE_API_BASE). `getPayments()` is null when no secret key is set: card payment is then unavailable and
 * cash on delivery still works.
 */
import { STRIPE_API_BASE, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from 'astro:env/server';
import { createStripePayments } from './client';
import type { Payments } from './types';

export type * from './types';
export { PaymentProviderError, WebhookSignatureError } from './types';

let payments: Payments | null | undefined;

/** The payment adapter, or null when card payment is not configured. */
export function getPayments(): Payments | null {
  payments ??= STRIPE_SECRET_KEY
    ? createStripePayments({
        secretKey: STRIPE_SECRET_KEY,
        webhookSecret: STRIPE_WEBHOOK_SECRET,
        apiBase: STRIPE_API_BASE,
      })
    : null;
  return payments;
}
