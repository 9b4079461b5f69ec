/**
 * Payments converge: every ordering of the Checkout Session events Stripe can send for one session (completed,
 * a duplicate delivery of it, expired, async payment succeeded, async payment failed), delivered signed through
 * the real webhook service to a card order and to a booth booking, ends in the same state, and the refunds the
 * Stripe stand-in received are exactly the ones the outcome calls for (a payment that arrived after its stock or
 * booth was let go and could not be honoured), each sent once with its idempotency key.
 *
 * Which event sets are real: a session is either paid at once (completed/paid), or completed unpaid and then
 * settled once (async succeeded or failed), or never paid (expired). An `expired` beside a completion is our own
 * timer's release racing Stripe (or a stale delivery), which is exactly the race the order must survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createPaymentWebhook } from '../../src/features/checkout/payment-webhook.server';
import { createBoothPayments, applyBoothPaymentEvent } from '../../src/features/fairs/payments.server';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { applyOrderPaymentEvent } from '../../src/features/orders/payment-outcomes.server';
import { orderParts, orders } from '../../src/lib/db/schema-commerce';
import { outboxMessages } from '../../src/lib/db/schema';
import { refunds } from '../../src/lib/db/schema-payments';
import { checkoutEvent, signDelivery, type StandinSession } from '../support/stripe-standin';
import { databaseTargets } from './db-harness';
import {
  checkoutInput,
  commerceFixture,
  setStock,
  stockOf,
  URLS,
  WEBHOOK_SECRET,
  type CommerceFixture,
} from './commerce-harness';
import { booth, fairInput } from './fairs-fixtures';

type Step = 'completed' | 'duplicate' | 'expired' | 'succeeded' | 'failed';

interface Scenario {
  name: string;
  /** How the session completed: paid at once, or unpaid with a delayed debit. */
  completed: 'paid' | 'unpaid' | null;
  steps: Step[];
  /** Whether the stock or booth is taken by someone else once the expiry released it. */
  takenAfterRelease: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'card paid',
    completed: 'paid',
    steps: ['completed', 'duplicate', 'expired'],
    takenAfterRelease: false,
  },
  {
    name: 'delayed debit succeeds',
    completed: 'unpaid',
    steps: ['completed', 'duplicate', 'succeeded', 'expired'],
    takenAfterRelease: false,
  },
  {
    name: 'delayed debit fails',
    completed: 'unpaid',
    steps: ['completed', 'duplicate', 'failed', 'expired'],
    takenAfterRelease: false,
  },
  { name: 'never paid', completed: null, steps: ['expired', 'duplicate'], takenAfterRelease: false },
  {
    name: 'card paid, released stock sold meanwhile',
    completed: 'paid',
    steps: ['completed', 'duplicate', 'expired'],
    takenAfterRelease: true,
  },
  {
    name: 'delayed debit succeeds, released stock sold meanwhile',
    completed: 'unpaid',
    steps: ['completed', 'duplicate', 'succeeded', 'expired'],
    takenAfterRelease: true,
  },
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every ordering of a scenario's steps; a duplicate is the same delivery again, so it follows its original. */
function orderings(scenario: Scenario): Step[][] {
  return permutations(scenario.steps).filter((o) => {
    const first = scenario.completed ? 'completed' : 'expired';
    return o.indexOf(first) < o.indexOf('duplicate');
  });
}

/** What the events say, whatever their order: whether money was taken, and whether a debit failed. */
function expectation(scenario: Scenario, ordering: Step[]) {
  const paid = scenario.completed === 'paid' || scenario.steps.includes('succeeded');
  const failed = scenario.steps.includes('failed');
  // Stock (or a booth) is let go when the expiry comes before anything that says the session completed.
  const firstCompletion = Math.min(
    ...(['completed', 'succeeded'] as const).map((s) => ordering.indexOf(s)).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  );
  const paidEvidence =
    scenario.completed === 'paid' ? ordering.indexOf('completed') : ordering.indexOf('succeeded');
  // An order lets its stock go on an expiry that comes before the session completed (unpaid or paid).
  const released = ordering.indexOf('expired') < firstCompletion;
  // A booth hold ignores a completed-but-unsettled session: only money taken before the hold lapsed books it.
  const boothReleased = ordering.indexOf('expired') < paidEvidence;
  return {
    paid,
    failed,
    released,
    orderRefunded: paid && scenario.takenAfterRelease && released,
    boothRefunded: paid && scenario.takenAfterRelease && boothReleased,
  };
}

/** Stripe's session as each event's snapshot shows it. */
function snapshot(session: StandinSession, step: Step, completed: 'paid' | 'unpaid' | null): StandinSession {
  const intent = session.payment_intent;
  switch (step) {
    case 'expired':
      return { ...session, status: 'expired', payment_status: 'unpaid', payment_intent: null, url: null };
    case 'succeeded':
      return { ...session, status: 'complete', payment_status: 'paid', payment_intent: intent };
    case 'failed':
      return { ...session, status: 'complete', payment_status: 'unpaid', payment_intent: intent };
    default:
      return {
        ...session,
        status: 'complete',
        payment_status: completed ?? 'unpaid',
        payment_intent: intent,
      };
  }
}

const EVENT_TYPE: Record<Exclude<Step, 'duplicate'>, string> = {
  completed: 'checkout.session.completed',
  expired: 'checkout.session.expired',
  succeeded: 'checkout.session.async_payment_succeeded',
  failed: 'checkout.session.async_payment_failed',
};

const CANDY = 'keo-dua-sau-rieng-ben-tre';
const PRODUCERS = new Map<string, ProducerFacts>(
  Array.from({ length: 120 }, (_, i): [string, ProducerFacts] => [
    `pp${i}`,
    {
      id: `pp${i}`,
      name: `Producer ${i}`,
      kind: 'cooperative',
      provinceId: 'ben-tre',
      commune: 'Xã Mỹ Thạnh',
      stars: 4,
    },
  ]),
);

describe.each(databaseTargets())('payment events in every order on $name', (target) => {
  let f: CommerceFixture;
  let fairs: Fairs;
  let fairId: string;
  let boothIds: string[];
  let nextBooth = 0;
  const start = new Date('2026-11-21T03:00:00Z');

  beforeAll(async () => {
    f = await commerceFixture(target);
    fairs = createFairs({
      db: f.database.db,
      producers: (id) => PRODUCERS.get(id),
      now: () => f.clock.now,
      payments: f.payments,
    });
    const fair = await fairs.createFair('ben-tre', fairInput({ serviceFee: 500_000 }), null);
    if (!fair.ok) throw new Error(fair.message);
    fairId = fair.value.id;
    const plan = Array.from({ length: 100 }, (_, i) =>
      booth(`B${i + 1}`, (i % 60) * 3, { y: Math.floor(i / 60) * 3, price: 2_000_000 }),
    );
    const saved = await fairs.saveFloorPlan(fairId, plan);
    if (!saved.ok) throw new Error(saved.message);
    await fairs.setFairStatus(fairId, 'published');
    boothIds = (await fairs.floorPlan(fairId)).map((b) => b.id);
  });
  afterAll(async () => {
    await f?.dispose();
  });

  function webhook() {
    return createPaymentWebhook({
      db: async () => f.database.db,
      payments: f.payments,
      handlers: { order: applyOrderPaymentEvent, booth: applyBoothPaymentEvent },
    });
  }

  /** Delivers the ordering through the signed webhook; `onRelease` runs right after the expiry is applied. */
  async function deliver(
    sessionId: string,
    scenario: Scenario,
    ordering: Step[],
    onRelease: () => Promise<void>,
  ): Promise<void> {
    const service = webhook();
    const session = f.standin.sessions.get(sessionId)!;
    const ids: Partial<Record<Step, string>> = {};
    const original: Step = scenario.completed ? 'completed' : 'expired';
    for (const step of ordering) {
      const type = step === 'duplicate' ? original : step;
      ids[type] ??= `evt_${type}_${sessionId}`;
      const event = checkoutEvent(EVENT_TYPE[type], snapshot(session, type, scenario.completed), ids[type]);
      const { body, signature } = signDelivery(event, WEBHOOK_SECRET);
      const answer = await service.handle(
        new Request('https://ocop.example/api/stripe/webhook', {
          method: 'POST',
          body,
          headers: { 'stripe-signature': signature },
        }),
      );
      expect(answer.status).toBe(200);
      if (step === 'expired') await onRelease();
    }
  }

  /** Stripe's side of the session once every event happened (what refunds are checked against). */
  function settleAtStripe(sessionId: string, scenario: Scenario): void {
    if (!scenario.completed) f.standin.expire(sessionId);
    else {
      f.standin.complete(sessionId, scenario.completed);
      if (scenario.steps.includes('succeeded')) f.standin.settle(sessionId, true);
    }
  }

  const refundsAtStripe = (sessionId: string) => {
    const intent = f.standin.sessions.get(sessionId)!.payment_intent;
    return f.standin.refunds.filter((r) => intent !== null && r.payment_intent === intent);
  };

  for (const scenario of SCENARIOS) {
    it(`a card order ends the same in every order of: ${scenario.name}`, async () => {
      for (const ordering of orderings(scenario)) {
        const label = `${scenario.name}: ${ordering.join(' → ')}`;
        await setStock(f, CANDY, 5);
        const placed = await f.checkout.placeOrder(
          checkoutInput({ payment: 'card', lines: [{ productId: CANDY, quantity: 2 }] }),
          { customerId: null, urls: URLS },
        );
        if (!placed.ok) throw new Error(placed.reason);
        const [row] = await f.database.db.select().from(orders).where(eq(orders.id, placed.orderId));
        const sessionId = row!.stripeSessionId!;
        settleAtStripe(sessionId, scenario);
        await deliver(sessionId, scenario, ordering, async () => {
          // Another shopper buys what the expiry let go (only when it did let it go).
          const [now] = await f.database.db.select().from(orders).where(eq(orders.id, row!.id));
          if (scenario.takenAfterRelease && now!.paymentStatus === 'expired') await setStock(f, CANDY, 0);
        });

        const want = expectation(scenario, ordering);
        const [after] = await f.database.db.select().from(orders).where(eq(orders.id, row!.id));
        const parts = await f.database.db.select().from(orderParts).where(eq(orderParts.orderId, row!.id));
        const status = want.paid ? 'paid' : want.failed ? 'failed' : 'expired';
        expect(after!.paymentStatus, label).toBe(status);
        const honoured = want.paid && !want.orderRefunded;
        expect(
          parts.map((p) => p.status),
          label,
        ).toEqual([honoured ? 'placed' : 'voided']);
        const expectedStock = scenario.takenAfterRelease && want.released ? 0 : honoured ? 3 : 5;
        expect(await stockOf(f, CANDY), label).toBe(expectedStock);
        // The shopper is told the order is confirmed once, and only when something of it will be delivered.
        const confirmations = await f.database.db
          .select()
          .from(outboxMessages)
          .where(
            and(eq(outboxMessages.kind, 'order-confirmed'), like(outboxMessages.subject, `%${row!.number}%`)),
          );
        expect(confirmations.length, label).toBe(honoured ? 1 : 0);
        const sent = refundsAtStripe(sessionId);
        expect(
          sent.map((r) => r.amount),
          label,
        ).toEqual(want.orderRefunded ? [row!.total] : []);
        const recorded = await f.database.db
          .select()
          .from(refunds)
          .where(and(eq(refunds.kind, 'order'), eq(refunds.reference, row!.id)));
        expect(
          recorded.map((r) => [r.amount, r.reason, r.status, r.stripeRefundId]),
          label,
        ).toEqual(want.orderRefunded ? [[row!.total, 'order_unfulfillable', 'succeeded', sent[0]!.id]] : []);
      }
    });

    it(`a booth booking ends the same in every order of: ${scenario.name}`, async () => {
      const payments = createBoothPayments({ fairs, payments: f.payments, now: () => f.clock.now });
      for (const ordering of orderings(scenario)) {
        const label = `${scenario.name}: ${ordering.join(' → ')}`;
        f.clock.now = start;
        const producerId = `pp${nextBooth}`;
        const boothId = boothIds[nextBooth++]!;
        const held = await fairs.hold({ fairId, boothId, producerId, by: null });
        if (!held.ok) throw new Error(held.message);
        const started = await payments.startBoothPayment(held.value.id, 'https://ocop.example', 'vi');
        if (!started.ok) throw new Error(started.message);
        const sessionId = (await fairs.getBooking(held.value.id))!.checkoutSessionId!;
        settleAtStripe(sessionId, scenario);
        // For a booth, the release is the hold's own timer: here it lapses when Stripe's expiry arrives.
        await deliver(sessionId, scenario, ordering, async () => {
          if (!scenario.takenAfterRelease) return;
          f.clock.now = new Date(start.getTime() + 24 * 3_600_000);
          await fairs.expireLapsed(fairId, boothId);
        });

        const want = expectation(scenario, ordering);
        const booking = (await fairs.getBooking(held.value.id))!;
        const refundedBooth = want.boothRefunded;
        const status =
          want.paid && !refundedBooth ? 'confirmed' : scenario.takenAfterRelease ? 'expired' : 'held';
        expect(booking.status, label).toBe(status);
        const sent = refundsAtStripe(sessionId);
        expect(
          sent.map((r) => r.amount),
          label,
        ).toEqual(refundedBooth ? [booking.producerPays] : []);
        const recorded = await f.database.db
          .select()
          .from(refunds)
          .where(and(eq(refunds.kind, 'booth'), eq(refunds.reference, booking.id)));
        expect(
          recorded.map((r) => [r.amount, r.reason, r.status]),
          label,
        ).toEqual(refundedBooth ? [[booking.producerPays, 'booth_unavailable', 'succeeded']] : []);
      }
    });
  }
});
