#!/usr/bin/env node
/**
 * `npm run bench:faults [-- --rounds N]`: how long the site takes to answer normally again after PostgreSQL restarts
 * (pg_ctl stop -m fast, start) and after Meilisearch crashes and starts again, under light load. Serves the
 * existing build (run `npm run build` first) from its own process, with its own PostgreSQL 15 cluster and
 * Meilisearch in a temporary folder (tests/support/fault-rig.ts); ports E2E_PORT+2, +3 and +9 (E2E_PORT defaults
 * to 4399). Prints, per backend, min / median / max milliseconds from "back" to the first good answer of every
 * page that needs it (the slowest of them in each round), and per round how many requests were answered
 * "unavailable" and the slowest answer during the restart.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { recoveryMs, sleep, startRig, underLoad } = await import('../tests/support/fault-rig.ts');

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
  console.error('--rounds must be a whole number from 1 to 20');
  process.exit(1);
}
if (!existsSync(fileURLToPath(new URL('../dist/server/entry.mjs', import.meta.url)))) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}

const OUTAGE_MS = 2000;

/** One restart under load; returns the slowest probe's recovery in ms. */
async function restartOnce(rig, needs, down, up) {
  const probes = rig.probes.filter((p) => p.needs === needs);
  let times = {};
  const outage = (async () => {
    await sleep(500);
    await down();
    await sleep(OUTAGE_MS);
    await up();
    // Measured while the load goes on.
    times = await recoveryMs(rig.baseUrl, probes, Date.now());
  })();
  const samples = await underLoad(rig.baseUrl, rig.probes, outage);
  return {
    ms: Math.max(...Object.values(times)),
    times,
    requests: samples.length,
    refused: samples.filter((s) => !s.good).length,
    slowest: Math.max(...samples.map((s) => s.ms)),
  };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return `min ${sorted[0]} ms, median ${median} ms, max ${sorted.at(-1)} ms`;
}

console.log(`Starting PostgreSQL, Meilisearch and the site (rounds: ${rounds})…`);
const rig = await startRig();
const results = { database: [], search: [] };
try {
  for (let round = 1; round <= rounds; round++) {
    const db = await restartOnce(
      rig,
      'database',
      () => rig.postgres.stop(),
      () => rig.postgres.start(),
    );
    results.database.push(db.ms);
    const search = await restartOnce(
      rig,
      'search',
      () => rig.killSearch(),
      () => rig.startSearch(),
    );
    results.search.push(search.ms);
    for (const [name, r] of [
      ['PostgreSQL', db],
      ['Meilisearch', search],
    ]) {
      console.log(
        `round ${round}: ${name} recovered in ${r.ms} ms ${JSON.stringify(r.times)}; ${r.requests} requests, ${r.refused} answered "unavailable", slowest ${r.slowest} ms`,
      );
    }
  }
} finally {
  await rig.stop();
}
console.log(`\nRecovery after a PostgreSQL restart:  ${summary(results.database)}`);
console.log(`Recovery after a Meilisearch restart: ${summary(results.search)}`);
