/**
 * A small HTTP server that answers the Stripe API calls the site makes, the way Stripe does, and records exactly
 * what the official SDK sent (path, idempotency key, form body parsed into objects). Tests point the SDK at it
 * with host/port/protocol, then drive sessions (complete, settle, expire) and deliver webhooks signed with the
 * SDK's own `webhooks.generateTestHeaderString`, so the site's real verification code checks them.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  stripeVersion: string | null;
  /** The form body, bracket keys expanded: line_items[0][price_data][currency] → { line_items: [{ price_data: … }] }. */
  body: Record<string, unknown>;
}

/** A Checkout Session as the stand-in keeps it (the fields the site reads, in Stripe's shape). */
export interface StandinSession {
  id: string;
  object: 'checkout.session';
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  expires_at: number;
  payment_intent: string | null;
  mode: string;
  success_url: string;
  cancel_url: string;
  created: number;
  livemode: false;
}

/** A refund as the stand-in keeps it (Stripe's shape). */
export interface StandinRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
  metadata: Record<string, string>;
  created: number;
}

export interface StripeStandin {
  /** Base URL, e.g. http://127.0.0.1:41234, for STRIPE_API_BASE or the adapter's apiBase. */
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, StandinSession>;
  /** Refunds created, in order (a replayed idempotent request creates none). */
  refunds: StandinRefund[];
  /** Answer the next N API calls with this HTTP status and a Stripe error body (to test failures). */
  failNext(status: number, times?: number): void;
  /** Customer paid (payment_status paid) or started a delayed payment (unpaid). */
  complete(id: string, paymentStatus?: 'paid' | 'unpaid'): StandinSession;
  /** A delayed payment settled. */
  settle(id: string, succeeded: boolean): StandinSession;
  expire(id: string): StandinSession;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1 (port 0 = any free port). */
export async function startStripeStandin(port = 0): Promise<StripeStandin> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, StandinSession>();
  const refunds: StandinRefund[] = [];
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  let failures: { status: number; times: number } | null = null;
  let base = '';

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: { type: 'api_error', message: String(error) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith('/pay/')) {
      // The hosted payment page the browser is sent to.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>Stripe Checkout (stand-in)</title><h1>Stripe Checkout (stand-in)</h1><p>${escapeHtml(url.pathname.slice(5))}</p>`,
      );
      return;
    }
    const body = parseForm(raw);
    const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: header('idempotency-key'),
      authorization: header('authorization'),
      stripeVersion: header('stripe-version'),
      body,
    });
    if (!header('authorization')?.startsWith('Bearer sk_')) {
      send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      return;
    }
    if (failures && failures.times > 0) {
      failures.times -= 1;
      send(res, failures.status, { error: { type: 'api_error', message: 'Stand-in failure' } });
      return;
    }
    const key = header('idempotency-key');
    if (req.method === 'POST' && key) {
      const earlier = idempotent.get(key);
      if (earlier) {
        if (earlier.body !== raw) {
          send(res, 400, {
            error: {
              type: 'idempotency_error',
              message:
                'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            },
          });
        } else {
          send(res, earlier.status, earlier.response, { 'idempotent-replayed': 'true' });
        }
        return;
      }
    }
    const [status, response] = route(req.method ?? 'GET', url.pathname, body);
    if (req.method === 'POST' && key && status < 500) idempotent.set(key, { body: raw, status, response });
    send(res, status, response);
  }

  function route(method: string, path: string, body: Record<string, unknown>): [number, unknown] {
    if (method === 'POST' && path === '/v1/checkout/sessions') return [200, createSession(body)];
    if (method === 'POST' && path === '/v1/refunds') return createRefund(body);
    const match = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    const session = match ? sessions.get(decodeURIComponent(match[1]!)) : undefined;
    if (match && !session) {
      return [
        404,
        {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such checkout.session: '${match[1]}'`,
          },
        },
      ];
    }
    if (session && method === 'GET' && !match![2]) return [200, session];
    if (session && method === 'POST' && match![2]) {
      if (session.status !== 'open') {
        return [
          400,
          {
            error: {
              type: 'invalid_request_error',
              message: 'Only Checkout Sessions with a status of `open` can be expired.',
            },
          },
        ];
      }
      return [200, expire(session.id)];
    }
    return [
      404,
      { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    ];
  }

  function createSession(body: Record<string, unknown>): StandinSession {
    const items =
      (body['line_items'] as { quantity: string; price_data: { unit_amount: string; currency: string } }[]) ??
      [];
    const id = `cs_test_${randomBytes(12).toString('hex')}`;
    const session: StandinSession = {
      id,
      object: 'checkout.session',
      url: `${base}/pay/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: items.reduce((s, i) => s + Number(i.price_data.unit_amount) * Number(i.quantity), 0),
      currency: items[0]?.price_data.currency ?? 'vnd',
      client_reference_id: (body['client_reference_id'] as string | undefined) ?? null,
      customer_email: (body['customer_email'] as string | undefined) ?? null,
      metadata: (body['metadata'] as Record<string, string> | undefined) ?? {},
      expires_at: Number(body['expires_at'] ?? Math.floor(Date.now() / 1000) + 86_400),
      payment_intent: null,
      mode: String(body['mode'] ?? 'payment'),
      success_url: String(body['success_url'] ?? ''),
      cancel_url: String(body['cancel_url'] ?? ''),
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    sessions.set(id, session);
    return session;
  }

  /** Refunds a succeeded payment as Stripe does: never more than what is left of it. */
  function createRefund(body: Record<string, unknown>): [number, unknown] {
    const intent = String(body['payment_intent'] ?? '');
    const session = [...sessions.values()].find(
      (s) => s.payment_intent === intent && s.payment_status === 'paid',
    );
    if (!session) {
      return [
        404,
        {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such payment_intent: '${intent}'`,
          },
        },
      ];
    }
    const left =
      session.amount_total -
      refunds.filter((r) => r.payment_intent === intent).reduce((sum, r) => sum + r.amount, 0);
    const amount = body['amount'] === undefined ? left : Number(body['amount']);
    if (left <= 0 || amount > left || !Number.isInteger(amount) || amount <= 0) {
      return [
        400,
        {
          error: {
            type: 'invalid_request_error',
            code: left <= 0 ? 'charge_already_refunded' : 'amount_too_large',
            message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
          },
        },
      ];
    }
    const refund: StandinRefund = {
      id: `re_${randomBytes(12).toString('hex')}`,
      object: 'refund',
      amount,
      currency: session.currency,
      payment_intent: intent,
      status: 'succeeded',
      metadata: (body['metadata'] as Record<string, string> | undefined) ?? {},
      created: Math.floor(Date.now() / 1000),
    };
    refunds.push(refund);
    return [200, refund];
  }

  function update(id: string, change: Partial<StandinSession>): StandinSession {
    const session = sessions.get(id);
    if (!session) throw new Error(`stand-in: no session ${id}`);
    const next = { ...session, ...change };
    sessions.set(id, next);
    return next;
  }

  function expire(id: string): StandinSession {
    return update(id, { status: 'expired', url: null });
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    sessions,
    refunds,
    failNext(status, times = 1) {
      failures = { status, times };
    },
    complete(id, paymentStatus = 'paid') {
      return update(id, {
        status: 'complete',
        url: null,
        payment_status: paymentStatus,
        payment_intent: `pi_${randomBytes(10).toString('hex')}`,
      });
    },
    settle(id, succeeded) {
      return update(id, { payment_status: succeeded ? 'paid' : 'unpaid' });
    },
    expire,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A Stripe event (snapshot payload) wrapping a session, as Stripe would deliver it. */
export function checkoutEvent(
  type: string,
  session: StandinSession,
  id = `evt_${randomBytes(12).toString('hex')}`,
) {
  return stripeEvent(type, session, id);
}

/** A Stripe event wrapping any API object (a refund for `refund.updated`), as Stripe would deliver it. */
export function stripeEvent(
  type: string,
  object: StandinSession | StandinRefund,
  id = `evt_${randomBytes(12).toString('hex')}`,
) {
  return {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** The body and Stripe-Signature header of a delivery, signed with the SDK's own test helper. */
export function signDelivery(
  event: object,
  secret: string,
  timestamp?: number,
): { body: string; signature: string } {
  const body = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  return { body, signature };
}

/** Posts a signed event to a webhook URL, as Stripe does. */
export async function deliverEvent(
  webhookUrl: string,
  event: object,
  secret: string,
  timestamp?: number,
): Promise<Response> {
  const { body, signature } = signDelivery(event, secret, timestamp);
  return fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body,
  });
}

// Helpers.

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_${randomBytes(6).toString('hex')}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Expands Stripe's form encoding (a[b][0][c]=v) into nested objects and arrays. */
export function parseForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.split(/\[|\]\[|\]/).filter((p) => p !== '');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
