#!/usr/bin/env node
/**
 * `npm start`: serves the production build with its embedded defaults on http://127.0.0.1:4321
 * (HOST and PORT override). Builds first when there is no build. Starts (or connects to) Meilisearch and indexes
 * the catalogue when the index is missing or stale, and stops what it started on exit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `OCOP Market needs Node >= 22.12 (found ${process.version}). Run it through npm (npm start), which uses the Node 24 the project installs.`,
  );
  process.exit(1);
}

// OCOP_DIST_DIR serves another build (parallel test runs, the bench); the default is dist/.
const distDir = process.env.OCOP_DIST_DIR ? resolve(process.env.OCOP_DIST_DIR) : `${root}dist`;
// Production must bring its own session secret; only local runs get a generated one (docs/accounts.md).
if (process.env.NODE_ENV === 'production' && !process.env.AUTH_SECRET) {
  console.error(
    'AUTH_SECRET is not set. With NODE_ENV=production it is required: set it to 32+ random characters.',
  );
  process.exit(1);
}
// Production must deliver mail, or say explicitly that it does not (docs/notifications.md).
if (process.env.NODE_ENV === 'production' && !process.env.SMTP_URL && process.env.MAIL_DISABLED !== 'true') {
  console.error(
    'SMTP_URL is not set. With NODE_ENV=production set SMTP_URL, or MAIL_DISABLED=true to send no mail.',
  );
  process.exit(1);
}

const serverEntry = `${distDir}/server/entry.mjs`;
if (!existsSync(serverEntry)) {
  console.log('No build found: building the site first (npm run build)…');
  const build = spawnSync(
    process.execPath,
    [
      `${root}node_modules/astro/bin/astro.mjs`,
      'build',
      ...(process.env.OCOP_DIST_DIR ? ['--outDir', distDir] : []),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env, HOST: process.env.HOST ?? '127.0.0.1', PORT: process.env.PORT ?? '4321' };
const stops = [];
let server;

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  server?.kill('SIGTERM');
  for (const stop of stops.reverse()) await stop();
  process.exit(code);
}
// Registered first, so a Ctrl-C while Meilisearch starts still stops it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));

// Search: MEILI_URL, or the embedded Meilisearch in $DATA_DIR/meili; indexed when missing or stale (docs/search.md).
const { prepareSearch } = await import('../integrations/search/prepare.ts');
try {
  const search = await prepareSearch({ buildDir: distDir, env, log: (line) => console.log(line) });
  stops.push(() => search.stop());
  env.MEILI_URL = search.url;
  if (search.masterKey) env.MEILI_MASTER_KEY = search.masterKey;
} catch (error) {
  console.error(
    `[search] Meilisearch is not available; the site runs and says search is unavailable: ${error.message}`,
  );
}

if (!stopping) {
  // Through scripts/serve.mjs, which adds the security headers to every response (docs/security.md).
  server = spawn(process.execPath, [`${root}scripts/serve.mjs`, serverEntry], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  // serve.mjs says "OCOP Market on http://…" once the database and search are open and it listens.
  console.log('Starting the server: opening the database and search before it listens…');
  server.on('exit', (code) => void shutdown(code ?? 0));
}
