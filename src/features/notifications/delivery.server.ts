/**
 * Delivery of the outbox: claims due messages in the database (FOR UPDATE SKIP LOCKED, then state `sending`), so
 * several workers on one PostgreSQL never take the same message; sends each through the mail transport; records
 * sent, or queued again after a backoff, or failed after the last attempt (or at once when the server refused the
 * address for good). One message's failure never holds up the others.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { outboxMessages } from '~/lib/db/schema-accounts';
import { MailDeliveryError, type MailTransport } from '~/lib/mail/transport';
import { afterFailure, MAX_ATTEMPTS, retried, RETRYABLE_STATE } from './notifications';

export interface DeliveryOptions {
  db: Database;
  transport: MailTransport;
  now?: () => Date;
  /** Messages claimed at a time (default 20). */
  batchSize?: number;
  maxAttempts?: number;
  /** Seconds before the first retry (doubling after each failure; default 30). */
  retryBaseSeconds?: number;
  /** A message `sending` for longer than this was claimed by a worker that stopped; it is taken again. */
  staleSeconds?: number;
}

/** What one pass did. */
export interface DeliveryPass {
  sent: number;
  retrying: number;
  failed: number;
}

/** A message that will not be sent, for the admin page. */
export interface FailedMessage {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string;
  createdAt: Date;
}

interface Settings {
  db: Database;
  transport: MailTransport;
  now: () => Date;
  batchSize: number;
  maxAttempts: number;
  retryBaseSeconds: number | undefined;
  staleMs: number;
}

type OutboxRow = typeof outboxMessages.$inferSelect;

/** Takes up to one batch of due messages for this worker (queued and due, or left `sending` by a stopped one). */
async function claim({ db, now, batchSize, staleMs }: Settings): Promise<OutboxRow[]> {
  const at = now();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        or(
          and(eq(outboxMessages.state, 'queued'), lte(outboxMessages.nextAttemptAt, at)),
          and(
            eq(outboxMessages.state, 'sending'),
            lte(outboxMessages.claimedAt, new Date(at.getTime() - staleMs)),
          ),
        ),
      )
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({ state: 'sending', claimedAt: at, attempts: sql`${outboxMessages.attempts} + 1` })
      .where(
        inArray(
          outboxMessages.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** Sends one claimed message and records what happened. */
async function deliverOne(settings: Settings, row: OutboxRow): Promise<keyof DeliveryPass> {
  const { db, transport, now } = settings;
  try {
    await transport.send({
      id: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      html: row.html,
    });
  } catch (error) {
    const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(String(error), false);
    const next = afterFailure(
      row.attempts,
      failure.permanent,
      now(),
      settings.maxAttempts,
      settings.retryBaseSeconds,
    );
    await db
      .update(outboxMessages)
      .set({
        state: next.state,
        lastError: failure.message,
        claimedAt: null,
        ...(next.state === 'queued' ? { nextAttemptAt: next.nextAttemptAt } : {}),
      })
      .where(eq(outboxMessages.id, row.id));
    return next.state === 'queued' ? 'retrying' : 'failed';
  }
  await db
    .update(outboxMessages)
    .set({ state: 'sent', sentAt: now(), lastError: null, claimedAt: null })
    .where(eq(outboxMessages.id, row.id));
  return 'sent';
}

export function createDelivery(options: DeliveryOptions) {
  const { db } = options;
  const settings: Settings = {
    db,
    transport: options.transport,
    now: options.now ?? (() => new Date()),
    batchSize: options.batchSize ?? 20,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    retryBaseSeconds: options.retryBaseSeconds,
    staleMs: (options.staleSeconds ?? 600) * 1000,
  };
  const { batchSize } = settings;

  return {
    /** Sends the messages due now, one batch at a time, until none is left; returns what happened. */
    async deliverDue(): Promise<DeliveryPass> {
      const pass: DeliveryPass = { sent: 0, retrying: 0, failed: 0 };
      for (;;) {
        const batch = await claim(settings);
        for (const row of batch) pass[await deliverOne(settings, row)] += 1;
        if (batch.length < batchSize) return pass;
      }
    },
    /** The latest messages that failed for good (newest first). */
    failedMessages: (limit?: number) => failedMessages(db, limit),
  };
}

export type Delivery = ReturnType<typeof createDelivery>;

/** The latest messages that failed for good (newest first), for the admin page. */
export async function failedMessages(db: Database, limit = 20): Promise<FailedMessage[]> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.state, 'failed'))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.lastError ?? '',
    createdAt: row.createdAt,
  }));
}

/**
 * Queues a failed message again (`retried` in ./notifications.ts); false when there is no such failed message (sent
 * meanwhile, or retried by another admin). The state is checked by the UPDATE itself, so two clicks queue it once.
 */
export async function retryFailedMessage(db: Database, id: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ ...retried(now), claimedAt: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.state, RETRYABLE_STATE)))
    .returning({ id: outboxMessages.id });
  return rows.length === 1;
}
