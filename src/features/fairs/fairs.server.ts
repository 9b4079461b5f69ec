/**
 * The fairs service: fairs and floor plans, subsidy programmes, booth holds and bookings, reports, on the shared
 * database. One entry for the composition root and the tests; each part lives in its own file:
 * programmes.server.ts (policies) and subsidy-ledger.server.ts (pool and ledger), fair-plans.server.ts (fairs and
 * floor plans), bookings.server.ts and booking-moves.server.ts (holds and moves), reports.server.ts.
 */
import type { Database } from '~/lib/db/client';
import type { Payments } from '~/lib/stripe/types';
import { bookingService } from './bookings.server';
import { fairPlanService } from './fair-plans.server';
import { programmeService } from './programmes.server';
import { reportService } from './reports.server';
import type { BookingTimers, ProducerDirectory } from './store.server';

export type { ProducerFacts } from './applicants';
export type { BookingTimers, Failure, ProducerDirectory, Result } from './store.server';

export interface FairsOptions {
  db: Database;
  producers: ProducerDirectory;
  now?: () => Date;
  /** See FairsContext.settleMs (grant-queue.server.ts). */
  settleMs?: number;
  /** The payment adapter, to send the refund of a cancelled card booking; null = card payments not configured. */
  payments?: Payments | null;
  /** Timed work on the job queue (exact-time expiry, reminders, Checkout Session clean-up). */
  timers?: BookingTimers | null;
}

/** The fairs service bound to a database and the catalogue's producers. */
export function createFairs({
  db,
  producers,
  now = () => new Date(),
  payments = null,
  timers = null,
  settleMs,
}: FairsOptions) {
  const ctx = { db, producers, now, payments, timers, ...(settleMs === undefined ? {} : { settleMs }) };
  return {
    ...programmeService(ctx),
    ...fairPlanService(ctx),
    ...bookingService(ctx),
    ...reportService(ctx),
  };
}
export type Fairs = ReturnType<typeof createFairs>;
