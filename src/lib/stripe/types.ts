/**
 * The payment adapter's own vocabulary. Features speak only these types; Stripe's SDK types stay inside
 * ./client.ts. Amounts are whole units of the currency (VND is zero-decimal: 150000 = 150.000 ₫).
 */
import type { Locale } from '~/lib/i18n/locales';

/** One line on the payment page. */
export interface PaymentLineItem {
  name: string;
  /** Whole units of the currency. */
  unitAmount: number;
  quantity: number;
  /** Absolute https URLs of product images (Stripe shows the first). */
  images: string[];
}

/** What kind of thing a payment pays for; the webhook routes events to the handler registered for it. */
export type PaymentKind = 'order' | 'booth' | (string & {});

export interface CheckoutSessionRequest {
  kind: PaymentKind;
  /** Our id of what is paid for (order id, booking id); sent as client_reference_id and metadata.reference. */
  reference: string;
  currency: 'vnd';
  lineItems: PaymentLineItem[];
  customerEmail?: string;
  /** Extra metadata (strings); `kind` and `reference` are always added. */
  metadata?: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** Same key = same session, however often the request is retried. */
  idempotencyKey: string;
  /** The language of Stripe's payment page. */
  locale?: Locale;
}

export interface CheckoutSession {
  id: string;
  /** The hosted payment page to send the customer to. */
  url: string;
  expiresAt: Date;
}

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired';
export type CheckoutPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required';

/** A Checkout Session as payment handlers need it. */
export interface CheckoutSessionState {
  id: string;
  status: CheckoutSessionStatus;
  paymentStatus: CheckoutPaymentStatus;
  kind: string | null;
  reference: string | null;
  metadata: Record<string, string>;
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
}

/** The Checkout Session events the site acts on. */
export const CHECKOUT_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;
export type CheckoutEventType = (typeof CHECKOUT_EVENT_TYPES)[number];

/** The refund events the site acts on: Stripe's later word on a refund it accepted (e.g. pending → failed). */
export const REFUND_EVENT_TYPES = ['refund.updated', 'refund.failed', 'charge.refund.updated'] as const;

/** A refund as a webhook reports it. */
export interface RefundState {
  id: string;
  status: ProviderRefundStatus;
}

/**
 * A verified webhook event. `session` is set for the Checkout Session events above, `refund` for the refund
 * events; both null for any other type.
 */
export interface PaymentEvent {
  id: string;
  type: string;
  created: Date;
  session: CheckoutSessionState | null;
  refund?: RefundState | null;
}

/** The webhook's signature is missing, wrong or too old. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** Stripe could not be reached or refused the request; `retryable` when trying again may help. */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** A refund of (part of) one payment; the same idempotency key always means the same refund. */
export interface RefundRequest {
  paymentIntentId: string;
  /** Whole units of the currency, at most what is left of the payment. */
  amount: number;
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

/** Stripe's status of a refund. */
export type ProviderRefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface ProviderRefund {
  id: string;
  status: ProviderRefundStatus;
  amount: number;
}

/** Everything the site does with the payment provider. */
export interface Payments {
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSessionState>;
  /** Closes an open session so it can no longer be paid (Stripe then sends checkout.session.expired). */
  expireCheckoutSession(id: string): Promise<void>;
  /** Sends money of a payment back to the customer (POST /v1/refunds). */
  createRefund(request: RefundRequest): Promise<ProviderRefund>;
  /** Verifies the signature on the raw body and parses the event; throws WebhookSignatureError. */
  parseWebhook(rawBody: string, signatureHeader: string | null): Promise<PaymentEvent>;
}
