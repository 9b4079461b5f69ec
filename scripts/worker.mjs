#!/usr/bin/env node
/**
 * `npm run worker`: a background worker as its own process (mail delivery, booth hold expiry, card reservations),
 * for sites on PostgreSQL that run web servers with WORKER=off, or more workers beside them. Needs a build
 * (`npm run build`) and DATABASE_URL: the embedded PGlite belongs to the one process that runs the site, whose
 * worker runs in-process. Stops on SIGINT/SIGTERM.
 */
import fs from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWorker } from './worker-start.mjs';

if (!process.env.DATABASE_URL) {
  console.error(
    'npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database the worker runs inside `npm start`.',
  );
  process.exit(1);
}
const root = new URL('..', import.meta.url);
const distDir = process.env.OCOP_DIST_DIR
  ? resolve(process.env.OCOP_DIST_DIR)
  : new URL('dist', root).pathname;
const entry = resolve(distDir, 'server/entry.mjs');
if (!fs.existsSync(entry)) {
  console.error(`No build at ${entry}: run \`npm run build\` first.`);
  process.exit(1);
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
process.env.WORKER = 'on';
const entryUrl = pathToFileURL(entry);
await import(entryUrl.href);
await startWorker(entryUrl);
console.log('OCOP Market worker running (Ctrl+C to stop)');
// The worker's timers do not hold the process open; this does, until a signal.
const keepAlive = setInterval(() => {}, 1 << 30);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    clearInterval(keepAlive);
    process.exit(0);
  });
