/**
 * Starting the background worker with the server: scripts/serve.mjs and scripts/worker.mjs (through
 * scripts/worker-start.mjs) set a flag before loading the built middleware, whose first lines call this.
 */
import { isProduction } from '~/lib/run-mode.server';
import { startBackgroundWork } from '~/services.server';

/** The flag scripts/serve.mjs and scripts/worker.mjs set before loading the server to run the worker with it. */
const WORKER_FLAG = Symbol.for('ocop.start-worker');

/** Starts the worker when the process that loaded the server asked for it (not during a build or in tests). */
export function startBackgroundWorkIfAsked(): void {
  const asked = (globalThis as Record<symbol, unknown>)[WORKER_FLAG];
  if (asked !== true) return;
  // The promise scripts/worker-start.mjs waits for before the server takes requests, so the worker's first
  // start (opening the queue's tables) does not compete with the first visitors for the database.
  (globalThis as Record<symbol, unknown>)[WORKER_FLAG] =
    startBackgroundWork()?.then(
      () => console.info('[worker] started: mail delivery, booth hold expiry, card reservations'),
      (error: unknown) => {
        console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
        if (isProduction()) process.exit(1);
      },
    ) ?? 'off';
}
