#!/usr/bin/env node
/**
 * `npm run bench:checkout` (also run by `npm run bench`): throughput and latency of the checkout action on
 * PostgreSQL at 1, 8 and 32 concurrent clients.
 *
 * Builds a throwaway copy of the site, serves it with the real Node server against a fresh PostgreSQL database
 * and the Stripe stand-in on loopback, and POSTs to the real action endpoint (/_actions/checkout.placeOrder)
 * exactly what the checkout island sends: two products of two producers, half cash on delivery and half card
 * (each card order makes the server's Stripe SDK create a Checkout Session on the stand-in). Stock is set high
 * so every checkout succeeds; a warm-up round runs first. Results go to bench-results/checkout.json.
 *
 * Options (or environment): --requests N per level (BENCH_CHECKOUT_REQUESTS, default 400), --levels 1,8,32,
 * --database postgres://… (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * a database is created next to it and dropped afterwards).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import postgres from 'postgres';
import {
  describeMachine,
  killGroup,
  machine,
  onCleanup,
  repo,
  tempDir,
  throwawayProject,
} from './lib/bench-utils.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const requestsPerLevel = Number(opt('requests') ?? process.env.BENCH_CHECKOUT_REQUESTS ?? 400);
const levels = (opt('levels') ?? '1,8,32').split(',').map(Number);
const baseUrl =
  opt('database') ??
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
if (
  !Number.isInteger(requestsPerLevel) ||
  requestsPerLevel < 1 ||
  levels.some((n) => !Number.isInteger(n) || n < 1)
) {
  console.error('--requests and --levels must be positive whole numbers');
  process.exit(2);
}

const WEBHOOK_SECRET = 'whsec_bench_checkout';
const PRODUCTS = [
  ['keo-dua-sau-rieng-ben-tre', 'muoi-hat-bac-lieu'],
  ['keo-dua-gung-ben-tre', 'mat-ong-u-minh'],
  ['che-o-long-moc-chau', 'ca-phe-arabica-mai-son'],
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitForServer(url, child, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url}`);
}

function checkoutBody(i) {
  const [a, b] = PRODUCTS[i % PRODUCTS.length];
  return {
    attemptId: randomUUID(),
    locale: 'vi',
    lines: [
      { productId: a, quantity: 1 + (i % 2) },
      { productId: b, quantity: 1 },
    ],
    contact: { name: `Khách ${i}`, email: `bench${i}@example.com`, phone: '0912 345 678' },
    address: { province: 'Vĩnh Long', commune: 'Phường Phú Khương', street: `${i} Đồng Khởi` },
    payment: i % 2 ? 'card' : 'cod',
    note: '',
  };
}

/** Runs `total` checkouts with `clients` in flight at once; returns latencies by payment method. */
async function runLevel(endpoint, clients, total, offset) {
  const latencies = { cod: [], card: [] };
  let next = 0;
  let failures = 0;
  const failureSamples = [];
  const t0 = performance.now();
  async function client() {
    while (next < total) {
      const i = offset + next++;
      const body = checkoutBody(i);
      const started = performance.now();
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.ok) latencies[body.payment].push(ms);
      else {
        failures++;
        if (failureSamples.length < 3) failureSamples.push(`${res.status} ${text.slice(0, 200)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - t0) / 1000;
  const all = [...latencies.cod, ...latencies.card].sort((x, y) => x - y);
  const stats = (list) => {
    const s = [...list].sort((x, y) => x - y);
    return {
      n: s.length,
      p50: +percentile(s, 50).toFixed(1),
      p95: +percentile(s, 95).toFixed(1),
      p99: +percentile(s, 99).toFixed(1),
    };
  };
  return {
    clients,
    requests: total,
    seconds: +seconds.toFixed(2),
    perSecond: +(all.length / seconds).toFixed(1),
    failures,
    failureSamples,
    all: stats(all),
    cod: stats(latencies.cod),
    card: stats(latencies.card),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const m = machine();
console.log(`Checkout bench on ${describeMachine(m)}`);

const dbName = `ocop_bench_checkout_${process.pid}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`create database "${dbName}"`);
} catch (error) {
  console.error(`Cannot create a database on ${baseUrl.replace(/:[^:@/]*@/, ':***@')}: ${error.message}`);
  console.error('The checkout bench needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL.');
  process.exit(1);
}
const dbUrl = new URL(baseUrl);
dbUrl.pathname = `/${dbName}`;
let server;
let standin;
const dropDatabase = async () => {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  await admin.end();
};
onCleanup(() => killGroup(server));

try {
  const { startStripeStandin } = await import('../tests/support/stripe-standin.ts');
  standin = await startStripeStandin();

  const project = throwawayProject(join(tempDir('ocop-bench-checkout-'), 'project'), {
    reuseImageCache: true,
  });
  console.log('Building a throwaway copy of the site…');
  const build = spawnSync(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      OCOP_TODAY: process.env.OCOP_TODAY ?? '2026-11-21',
    },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Served as npm start serves it (the adapter's middleware mode starts no server of its own).
  const serve = [join(project, 'scripts/serve.mjs'), join(project, 'dist/server/entry.mjs')];
  server = spawn(process.execPath, serve, {
    cwd: project,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: dbUrl.href,
      AUTH_SECRET: 'bench-auth-secret-bench-auth-secret-0123456789',
      STRIPE_SECRET_KEY: 'sk_test_bench_checkout',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: standin.url,
      // As the adapter's own server ran it before: no in-process worker, no warm-up.
      WORKER: 'off',
      OCOP_WARM_UP: 'off',
    },
  });
  await waitForServer(`${origin}/cart`, server);
  const endpoint = `${origin}/_actions/checkout.placeOrder`;

  // Seed (the first checkout does), then give every product ample stock so no checkout is refused.
  const warm = await runLevel(endpoint, 4, 40, 0);
  if (warm.failures) throw new Error(`warm-up failed: ${warm.failureSamples.join(' | ')}`);
  const sql = postgres(dbUrl.href, { max: 1, onnotice: () => {} });
  await sql`update commerce_product set stock = 1000000`;
  await sql.end();

  const results = [];
  let offset = 1000;
  for (const clients of levels) {
    const r = await runLevel(endpoint, clients, requestsPerLevel, offset);
    offset += requestsPerLevel;
    results.push(r);
    console.log(
      `${String(clients).padStart(2)} clients: ${r.perSecond} checkouts/s, p50 ${r.all.p50} ms, p95 ${r.all.p95} ms ` +
        `(cash p95 ${r.cod.p95} ms, card p95 ${r.card.p95} ms), ${r.failures} failed`,
    );
    if (r.failures) console.log(`  e.g. ${r.failureSamples.join(' | ')}`);
  }
  const sessions = standin.requests.filter((q) => q.path === '/v1/checkout/sessions').length;
  console.table(
    Object.fromEntries(
      results.map((r) => [
        `${r.clients} clients`,
        {
          'checkouts/s': r.perSecond,
          'p50 ms': r.all.p50,
          'p95 ms': r.all.p95,
          'p99 ms': r.all.p99,
          'cash p95': r.cod.p95,
          'card p95': r.card.p95,
          failed: r.failures,
        },
      ]),
    ),
  );
  console.log(`Stripe stand-in received ${sessions} Checkout Session requests.`);
  mkdirSync(join(repo, 'bench-results'), { recursive: true });
  writeFileSync(
    join(repo, 'bench-results/checkout.json'),
    JSON.stringify(
      {
        machine: m,
        database: 'postgresql',
        requestsPerLevel,
        levels: results,
        stripeSessions: sessions,
        at: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  if (results.some((r) => r.failures)) process.exitCode = 1;
} catch (error) {
  console.error(`checkout bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  killGroup(server);
  await standin?.close();
  await dropDatabase();
}
