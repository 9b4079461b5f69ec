/**
 * The Stripe adapter: the official SDK behind the site's own Payments interface (./types.ts). A factory that takes
 * its configuration as arguments (keys, and the API's host/port/protocol so tests can point it at a stand-in);
 * nothing outside this file sees an SDK type.
 */
import Stripe from 'stripe';
import {
  CHECKOUT_EVENT_TYPES,
  PaymentProviderError,
  REFUND_EVENT_TYPES,
  WebhookSignatureError,
  type CheckoutPaymentStatus,
  type CheckoutSession,
  type CheckoutSessionRequest,
  type CheckoutSessionState,
  type CheckoutSessionStatus,
  type PaymentEvent,
  type Payments,
  type ProviderRefund,
  type ProviderRefundStatus,
  type RefundRequest,
} from './types';

export interface StripeSettings {
  secretKey: string;
  /** whsec_… secret of the webhook endpoint; without it every webhook is refused. */
  webhookSecret?: string | undefined;
  /** Base URL of the API, e.g. http://127.0.0.1:12111 for a stand-in; default https://api.stripe.com. */
  apiBase?: string | undefined;
  /** How old a webhook signature may be, in seconds (default Stripe's 300). */
  toleranceSeconds?: number;
  /** Retries of failed network requests (the SDK re-sends the same idempotency key). Default 2. */
  maxNetworkRetries?: number;
  /** Request timeout in milliseconds. Default 20 s. */
  timeoutMs?: number;
}

/** Builds the adapter. Cheap; one per process is enough. */
export function createStripePayments(settings: StripeSettings): Payments {
  const stripe = new Stripe(settings.secretKey, {
    ...apiLocation(settings.apiBase),
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    timeout: settings.timeoutMs ?? 20_000,
    appInfo: { name: 'ocop-market' },
    telemetry: false,
  });
  const tolerance = settings.toleranceSeconds ?? Stripe.webhooks.DEFAULT_TOLERANCE;

  return {
    async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
      const metadata = { ...request.metadata, kind: request.kind, reference: request.reference };
      const params: Stripe.Checkout.SessionCreateParams = {
        mode: 'payment',
        client_reference_id: request.reference,
        metadata,
        payment_intent_data: { metadata },
        line_items: request.lineItems.map((item) => ({
          quantity: item.quantity,
          price_data: {
            currency: request.currency,
            unit_amount: item.unitAmount,
            product_data: {
              name: item.name,
              ...(item.images.length ? { images: item.images.slice(0, 8) } : {}),
            },
          },
        })),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
        ...(request.locale ? { locale: request.locale } : {}),
      };
      const session = await call(() =>
        stripe.checkout.sessions.create(params, { idempotencyKey: request.idempotencyKey }),
      );
      if (!session.url)
        throw new PaymentProviderError('Stripe returned a Checkout Session without a URL', null, false);
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },

    async retrieveCheckoutSession(id: string): Promise<CheckoutSessionState> {
      return sessionState(await call(() => stripe.checkout.sessions.retrieve(id)));
    },

    async expireCheckoutSession(id: string): Promise<void> {
      await call(() => stripe.checkout.sessions.expire(id));
    },

    createRefund: (request: RefundRequest) => createRefund(stripe, request),

    async parseWebhook(rawBody: string, signatureHeader: string | null): Promise<PaymentEvent> {
      if (!settings.webhookSecret) throw new WebhookSignatureError('STRIPE_WEBHOOK_SECRET is not set');
      if (!signatureHeader) throw new WebhookSignatureError('Missing Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signatureHeader,
          settings.webhookSecret,
          tolerance,
        );
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : 'Invalid signature');
      }
      const isCheckout = (CHECKOUT_EVENT_TYPES as readonly string[]).includes(event.type);
      const isRefund = (REFUND_EVENT_TYPES as readonly string[]).includes(event.type);
      const refund = isRefund ? (event.data.object as Stripe.Refund) : null;
      return {
        id: event.id,
        type: event.type,
        created: new Date(event.created * 1000),
        session: isCheckout ? sessionState(event.data.object as Stripe.Checkout.Session) : null,
        refund: refund
          ? { id: refund.id, status: (refund.status ?? 'pending') as ProviderRefundStatus }
          : null,
      };
    },
  };
}

/** Refunds (part of) a payment; the idempotency key makes a retried request the same refund. */
async function createRefund(stripe: Stripe, request: RefundRequest): Promise<ProviderRefund> {
  const refund = await call(() =>
    stripe.refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amount,
        ...(request.metadata ? { metadata: request.metadata } : {}),
      },
      { idempotencyKey: request.idempotencyKey },
    ),
  );
  return {
    id: refund.id,
    status: (refund.status ?? 'pending') as ProviderRefundStatus,
    amount: refund.amount,
  };
}

function apiLocation(apiBase: string | undefined): {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
} {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

function sessionState(session: Stripe.Checkout.Session): CheckoutSessionState {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(session.metadata ?? {}))
    if (typeof value === 'string') metadata[key] = value;
  const intent = session.payment_intent;
  return {
    id: session.id,
    status: (session.status ?? 'open') as CheckoutSessionStatus,
    paymentStatus: session.payment_status as CheckoutPaymentStatus,
    kind: metadata['kind'] ?? null,
    reference: metadata['reference'] ?? session.client_reference_id ?? null,
    metadata,
    amountTotal: session.amount_total ?? null,
    currency: session.currency ?? null,
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
  };
}

/** Runs an SDK call, turning its errors into PaymentProviderError (no SDK error class leaves this file). */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      const status = error.statusCode ?? null;
      const retryable = status === null || status === 409 || status === 429 || status >= 500;
      throw new PaymentProviderError(`Stripe: ${error.message}`, status, retryable);
    }
    throw new PaymentProviderError(
      error instanceof Error ? error.message : 'Stripe request failed',
      null,
      true,
    );
  }
}
