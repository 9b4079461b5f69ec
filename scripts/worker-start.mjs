/**
 * Starts the background worker (docs/notifications.md) inside a process that has loaded the built server: the
 * flag asks the server's middleware module to start it when it loads, and loading that module now (instead of at
 * the first on-demand request) starts it at once; the caller waits until it runs. WORKER=off skips it.
 */
import fs from 'node:fs';

/** @param {URL} entryUrl the built server's entry.mjs */
export async function startWorker(entryUrl) {
  if (process.env.WORKER === 'off') return false;
  globalThis[Symbol.for('ocop.start-worker')] = true;
  const middleware = new URL('virtual_astro_middleware.mjs', entryUrl);
  // Astro's name for the built middleware; if a later Astro names it otherwise, the first request loads it.
  if (fs.existsSync(middleware)) await import(middleware.href);
  // The middleware replaced the flag with the start's promise: wait for it (it never rejects) before serving.
  await globalThis[Symbol.for('ocop.start-worker')];
  return true;
}
