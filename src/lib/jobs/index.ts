/**
 * The job queue adapter: pg-boss on the site's database (PGlite through pg-boss's own PGlite adapter, sharing the
 * site's one connection; PostgreSQL through pg-boss's own small pool). Jobs are rows in the `pgboss` schema, so they
 * survive a restart, and a job is handed to one worker only, however many servers run. pg-boss stays in this file.
 */
import { PgBoss, fromPglite, type PGliteLike } from 'pg-boss';
import type { NativeConnection } from '~/lib/db/client';

export interface JobQueueOptions {
  connection: NativeConnection;
  /** Seconds between polls for due jobs (default 2). */
  pollSeconds?: number;
  /** Only adds jobs (a web server with WORKER=off): no maintenance or schedules in this process. */
  sendOnly?: boolean;
  log?: (line: string) => void;
}

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  /** Creates the queue's tables (first start) and starts maintenance; once, however often it is called. */
  start(): Promise<void>;
  /** Runs `handler` for every job of `name`, one at a time in this process. */
  work(name: string, handler: JobHandler): Promise<void>;
  /**
   * Adds a job due at `at` (starting the queue if needed); with `key`, a second job with the same key while one
   * waits is not added. A job whose handler throws is tried again, up to 5 times, 30 s apart and doubling.
   */
  sendAt(name: string, at: Date, data?: Record<string, unknown>, key?: string): Promise<void>;
  /** Adds a job due now, at most one per `seconds` window across every server (the others are dropped). */
  sendThrottled(name: string, seconds: number): Promise<void>;
  stop(): Promise<void>;
}

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { connection } = options;
  const boss =
    connection.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(connection.client as PGliteLike), backend: 'pglite' })
      : new PgBoss({
          connectionString: connection.url,
          max: options.sendOnly ? 2 : 4,
          ...(options.sendOnly ? { supervise: false, schedule: false } : {}),
        });
  boss.on('error', (error: unknown) => options.log?.(`[jobs] ${String(error)}`));
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  const pollingIntervalSeconds = options.pollSeconds ?? 2;
  let started: Promise<unknown> | undefined;
  const start = async () => {
    await (started ??= boss.start());
  };
  return {
    start,
    work: async (name, handler) => {
      await ensureQueue(name);
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler((job.data ?? {}) as Record<string, unknown>);
      });
    },
    sendAt: async (name, at, data = {}, key) => {
      await start();
      await ensureQueue(name);
      await boss.send(name, data, {
        startAfter: at,
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
        ...(key ? { singletonKey: key } : {}),
      });
    },
    sendThrottled: async (name, seconds) => {
      await ensureQueue(name);
      await boss.send(name, {}, { singletonSeconds: seconds, singletonKey: name });
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
