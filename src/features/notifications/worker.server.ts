/**
 * The background worker: drains the outbox every few seconds (claims in the database), and runs the timed work on
 * the job queue: booth holds that ran out are released (a sweep every 30 s, one job per window across every
 * server), card reservations past their time let go. Each run catches its own errors: a database restart delays
 * the work, it never stops the worker or the server.
 */
import type { JobQueue } from '~/lib/jobs';
import type { Delivery } from './delivery.server';
import { HOLD_DUE_JOB, HOLD_REMINDER_JOB, SESSION_EXPIRY_JOB } from './timers.server';

export interface WorkerOptions {
  queue: JobQueue;
  /** null = mail disabled (messages wait in the outbox). */
  delivery: Delivery | null;
  /** Releases booth holds and approvals whose time is up; returns how many. */
  expireHolds: () => Promise<number>;
  /** Lets go card reservations whose Checkout Session lapsed; returns how many. */
  releaseReservations: () => Promise<number>;
  /** The jobs bookings schedule (./timers.server.ts); absent = the sweep alone releases holds. */
  timed?: TimedWork;
  /** Milliseconds between outbox passes (default 2000). */
  mailIntervalMs?: number;
  /** Seconds between hold sweeps (default 30). */
  sweepSeconds?: number;
  log?: (line: string) => void;
}

/** What the jobs at an instant do (the fairs service and the payment adapter, wired in src/services.server.ts). */
export interface TimedWork {
  /** Releases the booking if its time is up (else schedules it again for its expiry). */
  expireDue(bookingId: string): Promise<string>;
  /** Reminds the producer, once, that the booking lapses at `expiresAt` unless paid; whether it did. */
  remindHold(bookingId: string, expiresAt: Date): Promise<boolean>;
  /** Expires a Checkout Session at Stripe; throws when trying again may help. */
  expireSession(sessionId: string): Promise<void>;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export const HOLD_SWEEP = 'fairs-hold-expiry';
export const RESERVATION_SWEEP = 'orders-reservation-release';

/** Runs `task` every `ms`, never two at once, logging failures instead of throwing. */
function every(ms: number, task: () => Promise<void>, log: (line: string) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = task()
      .catch((error: unknown) => log(`[worker] ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, ms);
  timer.unref?.();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** The handlers of the jobs bookings schedule at an instant. */
async function workTimed(queue: JobQueue, timed: TimedWork, log: (line: string) => void): Promise<void> {
  await queue.work(HOLD_DUE_JOB, async (data) => {
    const outcome = await timed.expireDue(String(data.bookingId));
    if (outcome === 'released')
      log(`[worker] released booth booking ${String(data.bookingId)} at its expiry`);
  });
  await queue.work(HOLD_REMINDER_JOB, async (data) => {
    await timed.remindHold(String(data.bookingId), new Date(String(data.expiresAt)));
  });
  await queue.work(SESSION_EXPIRY_JOB, async (data) => {
    await timed.expireSession(String(data.sessionId));
  });
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.info(line));
  const { queue, delivery } = options;
  const sweepSeconds = options.sweepSeconds ?? 30;
  await queue.start();
  await queue.work(HOLD_SWEEP, async () => {
    const released = await options.expireHolds();
    if (released > 0) log(`[worker] released ${released} booth hold(s) whose time ran out`);
  });
  await queue.work(RESERVATION_SWEEP, async () => {
    const released = await options.releaseReservations();
    if (released > 0) log(`[worker] let go ${released} lapsed card reservation(s)`);
  });
  if (options.timed) await workTimed(queue, options.timed, log);
  const stops = [
    every(
      sweepSeconds * 1000,
      async () => {
        await queue.sendThrottled(HOLD_SWEEP, Math.max(sweepSeconds - 1, 1));
        await queue.sendThrottled(RESERVATION_SWEEP, 60);
      },
      log,
    ),
  ];
  if (delivery)
    stops.push(
      every(
        options.mailIntervalMs ?? 2000,
        async () => {
          const pass = await delivery.deliverDue();
          if (pass.retrying + pass.failed > 0)
            log(`[mail] sent ${pass.sent}, will retry ${pass.retrying}, failed ${pass.failed}`);
        },
        log,
      ),
    );
  return {
    async stop() {
      for (const stop of stops) await stop();
      await queue.stop();
    },
  };
}
