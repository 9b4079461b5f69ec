/**
 * Booth holds on the real job queue (pg-boss) at the instant they are due, with the worker's 30-second sweep turned
 * down to once an hour so only the hold's own job can release it: the hold lapses and gives back its booth and its
 * earmarked subsidy without a page read; the producer is reminded once, through a real SMTP server (parsed as it
 * arrived); the lapsed hold's open Checkout Session is expired through the official Stripe SDK (asserted on what
 * the stand-in received), and a payment that landed just before is refunded in full; a hold paid in time is left
 * alone. On PGlite and PostgreSQL. The fairs clock runs 100
 * times faster than real time: a 5-minute hold lapses after 3 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { processPaymentEvent } from '../../src/features/checkout/payment-webhook.server';
import { applyBoothPaymentEvent, createBoothPayments } from '../../src/features/fairs/payments.server';
import { createDelivery } from '../../src/features/notifications/delivery.server';
import { createBookingTimers, expireSession } from '../../src/features/notifications/timers.server';
import { startWorker, type RunningWorker } from '../../src/features/notifications/worker.server';
import { rowsOf } from '../../src/lib/db/client';
import { outboxMessages, users } from '../../src/lib/db/schema';
import { createJobQueue } from '../../src/lib/jobs';
import { createMailTransport, type MailTransport } from '../../src/lib/mail';
import { createStripePayments } from '../../src/lib/stripe/client';
import type { Payments } from '../../src/lib/stripe/types';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import {
  checkoutEvent,
  signDelivery,
  startStripeStandin,
  type StripeStandin,
} from '../support/stripe-standin';
import { databaseTargets, type TestDatabase } from './db-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';

const TODAY = new Date('2026-11-21T03:00:00Z');
const SPEED = 100;
const WEBHOOK_SECRET = 'whsec_ocop_standin_secret';

const producers = new Map<string, ProducerFacts>([
  [
    'dong-a',
    {
      id: 'dong-a',
      name: 'Đông Á',
      kind: 'enterprise',
      provinceId: 'ben-tre',
      commune: 'Xã Mỹ Thạnh',
      stars: 5,
    },
  ],
]);

const unwrap = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

describe.each(databaseTargets())('booth holds released at their instant on $name', (target) => {
  let database: TestDatabase;
  let standin: StripeStandin;
  let payments: Payments;
  let sink: SmtpSink;
  let transport: MailTransport;
  let fairs: Fairs;
  let worker: RunningWorker | undefined;
  const started = Date.now();
  const now = () => new Date(TODAY.getTime() + (Date.now() - started) * SPEED);

  beforeAll(async () => {
    database = await target.open();
    standin = await startStripeStandin();
    payments = createStripePayments({
      secretKey: 'sk_test_ocop_standin',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: standin.url,
      maxNetworkRetries: 0,
    });
    sink = await startSmtpSink();
    transport = createMailTransport({ smtpUrl: sink.url, from: 'Chợ OCOP <no-reply@ocop.test>', folder: '' });
    const queue = createJobQueue({ connection: database.native, pollSeconds: 0.5 });
    const timers = createBookingTimers({
      queue,
      now,
      delayOf: (at) => (at.getTime() - now().getTime()) / SPEED,
      // Half of the hold left, and no minimum: a 5-minute hold is reminded at 2½ minutes (1.5 s here).
      reminder: { shareLeft: 0.5, minimumHoldMinutes: 0 },
    });
    fairs = createFairs({ db: database.db, producers: (id) => producers.get(id), now, payments, timers });
    worker = await startWorker({
      queue,
      delivery: createDelivery({ db: database.db, transport }),
      expireHolds: () => fairs.expireLapsed(),
      releaseReservations: async () => 0,
      timed: {
        expireDue: (id) => fairs.expireDue(id),
        remindHold: (id, expiresAt) => fairs.remindHold(id, expiresAt),
        expireSession: (id) => expireSession(payments, id),
      },
      mailIntervalMs: 300,
      sweepSeconds: 3600,
      log: () => {},
    });
  });
  afterAll(async () => {
    await worker?.stop();
    transport?.close();
    await sink?.stop();
    await standin?.close();
    await database?.dispose();
  });

  async function state(bookingId: string, programmeId: string) {
    const [booking] = rowsOf<{ status: string }>(
      await database.db.execute(sql`select status from booth_booking where id = ${bookingId}`),
    );
    const [ledger] = rowsOf<{ earmarked: string }>(
      await database.db.execute(
        sql`select coalesce(sum(case when entry = 'earmark' then amount when entry = 'commit' or (entry = 'release' and released_from = 'earmarked') then -amount else 0 end), 0)::text as earmarked from subsidy_ledger where programme_id = ${programmeId}`,
      ),
    );
    return { status: booking!.status, earmarked: Number(ledger!.earmarked) };
  }

  async function waitFor(check: () => Promise<boolean> | boolean, seconds: number): Promise<void> {
    const end = Date.now() + seconds * 1000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('not within the time allowed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('releases an unpaid hold at its expiry, reminds once, closes its Checkout Session, and leaves a paid one', async () => {
    await database.db.insert(users).values({
      id: 'u-dong-a',
      name: 'Dong A',
      email: 'dong-a@example.com',
      role: 'producer',
      producerId: 'dong-a',
      locale: 'en',
    });
    const programme = unwrap(await fairs.createProgramme('ben-tre', programmeInput(), null));
    const fair = unwrap(
      await fairs.createFair('ben-tre', fairInput({ programmeId: programme.id, holdMinutes: 5 }), null),
    );
    unwrap(await fairs.saveFloorPlan(fair.id, [booth('A1', 0), booth('A2', 3)]));
    unwrap(await fairs.setFairStatus(fair.id, 'published'));
    const [a1, a2] = await fairs.floorPlan(fair.id);
    const unpaid = unwrap(
      await fairs.hold({ fairId: fair.id, boothId: a1!.id, producerId: 'dong-a', by: null }),
    );
    const paid = unwrap(
      await fairs.hold({ fairId: fair.id, boothId: a2!.id, producerId: 'dong-a', by: null }),
    );
    unwrap(await fairs.confirmPayment(paid.id, 'transfer', 'UNC-0042'));
    // The producer opens Stripe Checkout for the unpaid hold and leaves it open.
    const boothPayments = createBoothPayments({ fairs, payments, now });
    const opened = await boothPayments.startBoothPayment(unpaid.id, 'https://ocop.example', 'en');
    expect(opened.ok).toBe(true);
    const sessionId = (await fairs.getBooking(unpaid.id))!.checkoutSessionId!;
    expect(standin.sessions.get(sessionId)!.status).toBe('open');

    // The sweep runs once an hour here: only the hold's own job can release it, a few seconds after it is due.
    await waitFor(async () => (await state(unpaid.id, programme.id)).status !== 'held', 20);
    expect((await state(unpaid.id, programme.id)).status).toBe('expired');
    expect((await fairs.getBooking(paid.id))!.status).toBe('confirmed');
    const [earmarked] = rowsOf<{ n: string }>(
      await database.db.execute(
        sql`select count(*)::text as n from subsidy_ledger where booking_id = ${unpaid.id} and entry = 'release'`,
      ),
    );
    expect(Number(earmarked!.n)).toBe(1);

    // The open session was expired through the SDK, so a late payment cannot land.
    await waitFor(() => standin.sessions.get(sessionId)!.status === 'expired', 15);
    const expireCalls = standin.requests.filter(
      (r) => r.method === 'POST' && r.path === `/v1/checkout/sessions/${sessionId}/expire`,
    );
    expect(expireCalls).toHaveLength(1);
    expect(expireCalls[0]!.authorization).toBe('Bearer sk_test_ocop_standin');

    // The reminder arrived once, in the account's language, for the unpaid hold only; then the hold's end.
    await waitFor(() => sink.received.some((m) => /ran out/.test(m.subject ?? '')), 15);
    const reminders = sink.received.filter((m) => /runs out soon/.test(m.subject ?? ''));
    expect(reminders.map((m) => m.subject)).toEqual([
      'OCOP Market: your hold on booth A1 at Ben Tre OCOP Fair 2026 runs out soon',
    ]);
    expect(reminders[0]!.text).toContain('Pay your share');
    expect(reminders[0]!.text).toContain(`/en/fairs/bookings/${unpaid.id}`);
    // A second run of the reminder job changes nothing (one reminder per hold).
    expect(await fairs.remindHold(unpaid.id, unpaid.expiresAt!)).toBe(false);
    const kinds = await database.db
      .select({ kind: outboxMessages.kind })
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, 'booking-reminder'))
      .orderBy(asc(outboxMessages.id));
    expect(kinds).toHaveLength(1);

    // A payment that landed at Stripe just before the session was closed is refunded in full (docs/fairs.md).
    const late = standin.complete(sessionId, 'paid');
    const { body, signature } = signDelivery(
      checkoutEvent('checkout.session.completed', late),
      WEBHOOK_SECRET,
    );
    const event = await payments.parseWebhook(body, signature);
    expect(await processPaymentEvent(database.db, event, { booth: applyBoothPaymentEvent })).toBe('applied');
    await fairs.sendRefunds();
    expect((await fairs.getBooking(unpaid.id))!.status).toBe('expired');
    const refunds = standin.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.body).toMatchObject({
      payment_intent: late.payment_intent,
      amount: String(unpaid.producerPays),
    });
  });
});
