#!/usr/bin/env node
/**
 * `npm run check:budget`: the JavaScript each page type loads, against the budgets in scripts/js-budgets.json.
 * Serves the build in dist/ with the real server (scripts/start.mjs, throwaway data folder), opens each page in
 * Chromium, waits until the network is idle (islands hydrated, server islands in) and adds up the bytes of every
 * script the page loaded, as transferred (compressed). Exits 1, naming the heaviest files, when a page type is over.
 *
 * Options: --base URL measures an already running site instead of starting one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { onCleanup, repo } from './lib/bench-utils.mjs';
import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs';
import { judgePage, parseBudgets } from './lib/js-budget.mjs';
import { startServer } from './lib/site-server.mjs';

const args = process.argv.slice(2);
const baseArg = args.includes('--base') ? args[args.indexOf('--base') + 1] : undefined;
const file = parseBudgets(JSON.parse(readFileSync(join(repo, 'scripts/js-budgets.json'), 'utf8')));

const executablePath = findChromium();
if (!executablePath) {
  console.error("No Chromium found (Playwright's or /usr/bin/chromium).");
  process.exit(1);
}
if (!baseArg && !existsSync(join(repo, 'dist/server/entry.mjs'))) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}

const server = baseArg ? null : await startServer(repo);
const base = baseArg ?? server.base;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
const unregister = onCleanup(() => void browser.close());

/** Signs in through the site's own form, so the session cookie is the browser's. */
async function signIn(page, account) {
  await page.goto(`${base}/en/sign-in`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await Promise.all([
    page.waitForURL(/\/en\/account$/),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** The scripts a page loads, with their transferred (compressed) body sizes. */
async function scriptsOf(context, path) {
  const page = await context.newPage();
  const loads = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    loads.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize })));
  });
  const response = await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status()}`);
  const landed = new URL(page.url()).pathname;
  if (landed !== new URL(path, base).pathname) throw new Error(`${path} ended at ${landed} (signed out?)`);
  const scripts = await Promise.all(loads);
  await page.close();
  return scripts;
}

let failed = false;
try {
  console.log(`JavaScript per page type (as transferred; budgets in scripts/js-budgets.json), ${base}`);
  for (const page of file.pages) {
    // A fresh context per page type, so nothing comes from the browser's cache; signed in where needed.
    let storageState;
    if (page.signIn) {
      const signInContext = await browser.newContext();
      await signIn(await signInContext.newPage(), file.accounts[page.signIn]);
      storageState = await signInContext.storageState();
      await signInContext.close();
    }
    const context = await browser.newContext({ storageState });
    const verdict = judgePage(page.name, await scriptsOf(context, page.path), file.budgets[page.name]);
    await context.close();
    console.log(`${verdict.over ? '✗' : '✓'} ${verdict.message}`);
    failed ||= verdict.over;
  }
} catch (error) {
  console.error(`The budget check could not measure: ${error.message}`);
  failed = true;
} finally {
  await browser.close();
  unregister();
  if (server) await server.stop();
}
if (failed) {
  console.error(
    '\nOver budget: make the page lighter, or raise its budget in scripts/js-budgets.json with a reason.',
  );
  process.exit(1);
}
console.log('\nEvery page type is within its JavaScript budget.');
