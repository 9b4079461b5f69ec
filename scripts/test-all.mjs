#!/usr/bin/env node
/**
 * `npm test`: the whole suite. Unit and integration tests (Vitest, real Meilisearch and databases), then a
 * production build and the browser tests (Playwright in real Chromium). Installs Debian's chromium when no
 * Chromium is found and the machine allows it.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findChromium } from './lib/chromium.mjs';

function run(cmd, args, env = {}) {
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

if (!findChromium()) {
  if (process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  } else {
    console.error('No Chromium found. Install Debian\'s "chromium" package or set CHROMIUM_PATH.');
    process.exit(1);
  }
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
// Certificate validity depends on the day; tests build the catalogue as of a fixed day.
const testDay = { OCOP_TODAY: process.env.OCOP_TODAY ?? '2026-11-21' };

run(bin('vitest'), ['run'], testDay);
run(bin('astro'), ['build'], testDay);
// The JavaScript each page type loads stays within its budget (scripts/js-budgets.json).
run(process.execPath, [new URL('./check-budget.mjs', import.meta.url).pathname], testDay);
// Browser tests start from an empty data folder (fresh database, fresh search index).
rmSync(new URL('../.tmp/e2e-data', import.meta.url), { recursive: true, force: true });
run(bin('playwright'), ['test'], testDay);
