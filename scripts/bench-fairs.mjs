#!/usr/bin/env node
/**
 * `npm run bench:fairs` (also run by `npm run bench`): booth holds and confirmations on PostgreSQL for a 400-booth
 * fair with 200 producers booking at once, through the real fairs service (src/features/fairs/fairs.server.ts,
 * loaded with Vite's SSR loader, on a fresh database with the committed migrations).
 *
 * Rounds: (1) hot booth: all 200 producers hold the same booth at once (exactly one may win); (2) spread: the 200
 * producers each hold a booth of their choosing at once, picking another free booth after a conflict; (3) the 200
 * holds are confirmed (payment recorded) at once. Reports throughput and p50/p95/max latency per round and checks
 * the invariants afterwards (one active booking per booth, pool = sum of subsidies, ledger balanced).
 * Results go to bench-results/fairs.json.
 *
 * Options (or environment): --producers N (BENCH_FAIRS_PRODUCERS, default 200), --booths N (default 400),
 * --pool N connections (default 20), --database postgres://… (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres; a database is created next to it and dropped afterwards).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createServer } from 'vite';
import { describeMachine, machine, repo } from './lib/bench-utils.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const producerCount = Number(opt('producers') ?? process.env.BENCH_FAIRS_PRODUCERS ?? 200);
const boothCount = Number(opt('booths') ?? 400);
const poolSize = Number(opt('pool') ?? 20);
const baseUrl =
  opt('database') ??
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
if (
  [producerCount, boothCount, poolSize].some((n) => !Number.isInteger(n) || n < 1) ||
  producerCount > boothCount
) {
  console.error(
    '--producers, --booths and --pool must be positive whole numbers, with no more producers than booths',
  );
  process.exit(2);
}

function percentile(sorted, p) {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function summary(name, latencies, wallMs, extra = {}) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    round: name,
    requests: latencies.length,
    wallMs: Math.round(wallMs),
    perSecond: Math.round((latencies.length / wallMs) * 1000),
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    maxMs: Math.round(sorted.at(-1) * 10) / 10,
    ...extra,
  };
}
async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

// Vite's SSR loader gives the service the same module resolution as the site (TypeScript, import.meta.glob).
const vite = await createServer({
  root: repo,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
  // The site's `~/` import alias (tsconfig paths, which Astro resolves for the site itself).
  resolve: { alias: { '~': join(repo, 'src') } },
});
const { createDb } = await vite.ssrLoadModule('/src/lib/db/client.ts');
const { createFairs } = await vite.ssrLoadModule('/src/features/fairs/fairs.server.ts');
const { fairSchema } = await vite.ssrLoadModule('/src/features/fairs/fairs.ts');
const { boothSchema } = await vite.ssrLoadModule('/src/features/fairs/floor-plan.ts');
const { subsidyRuleSchema } = await vite.ssrLoadModule('/src/features/fairs/subsidies.ts');

const name = `ocop_bench_fairs_${process.pid}_${Date.now()}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
let handle;
const cleanup = async () => {
  await handle?.close().catch(() => {});
  await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
  await admin.end().catch(() => {});
  await vite.close().catch(() => {});
};

try {
  handle = await createDb({ url: url.href, dataDir: join(repo, '.data'), poolSize });
  const directory = new Map(
    Array.from({ length: producerCount }, (_, i) => [
      `p${i}`,
      {
        id: `p${i}`,
        name: `Producer ${i}`,
        kind: ['enterprise', 'cooperative', 'business-household'][i % 3],
        provinceId: 'ben-tre',
        commune: `Xã ${i % 12}`,
        stars: 3 + (i % 3),
      },
    ]),
  );
  // Holds expire by the service's clock; the bench runs "today" well before the fair.
  const fairs = createFairs({ db: handle.db, producers: (id) => directory.get(id) });
  const today = new Date();
  const day = (offset) =>
    new Date(today.getTime() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const unwrap = (r) => {
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fields)}`);
    return r.value;
  };
  const programme = unwrap(
    await fairs.createProgramme(
      'ben-tre',
      {
        name: 'Bench programme',
        budget: 5_000_000_000,
        periodStart: day(-10),
        periodEnd: day(300),
        maxProducers: 150,
        capPerProducerPerFair: 40_000_000,
        capPerProducerPerPeriod: null,
        maxFairsPerProducer: null,
        disadvantagedCommunes: ['Xã 3'],
        rules: [
          subsidyRuleSchema.parse({ label: '50% rent', rateBp: 5000, eligibleItems: ['rent'] }),
          subsidyRuleSchema.parse({
            label: 'Disadvantaged 100%',
            rateBp: 10000,
            eligibleItems: ['rent'],
            disadvantagedOnly: true,
            capPerBooking: 60_000_000,
          }),
        ],
      },
      null,
    ),
  );
  const side = Math.ceil(Math.sqrt(boothCount));
  const fair = unwrap(
    await fairs.createFair(
      'ben-tre',
      fairSchema.parse({
        nameVi: 'Hội chợ đo tải',
        nameEn: 'Bench fair',
        venue: 'Hall',
        city: 'Bến Tre',
        organiser: 'Bench',
        startsOn: day(30),
        endsOn: day(33),
        applicationDeadline: day(20),
        hallWidth: side * 3,
        hallDepth: side * 3,
        serviceFee: 2_000_000,
        programmeId: programme.id,
      }),
      null,
    ),
  );
  unwrap(
    await fairs.saveFloorPlan(
      fair.id,
      Array.from({ length: boothCount }, (_, i) =>
        boothSchema.parse({
          code: `B${i + 1}`,
          x: (i % side) * 3,
          y: Math.floor(i / side) * 3,
          width: 3,
          depth: 3,
          openSides: 1 + (i % 4),
          type: 'shell',
          pricing: 'perM2',
          price: 5_000_000 + (i % 7) * 500_000,
          openSidePremium: 2_000_000,
        }),
      ),
    ),
  );
  unwrap(await fairs.setFairStatus(fair.id, 'published'));
  const plan = await fairs.floorPlan(fair.id);
  const producers = [...directory.keys()];
  const results = [];
  console.log(
    `Fairs benchmark on PostgreSQL: ${boothCount} booths, ${producerCount} producers, pool ${poolSize} connections · ${describeMachine()}`,
  );

  // Round 1: everyone wants the same booth.
  {
    const started = performance.now();
    const attempts = await Promise.all(
      producers.map((p) =>
        timed(() => fairs.hold({ fairId: fair.id, boothId: plan[0].id, producerId: p, by: null })),
      ),
    );
    const wall = performance.now() - started;
    const winners = attempts.filter((a) => a.value.ok);
    if (winners.length !== 1) throw new Error(`hot booth: ${winners.length} winners`);
    results.push(
      summary(
        'hot booth (all on one)',
        attempts.map((a) => a.ms),
        wall,
        { winners: winners.length, conflicts: attempts.length - 1 },
      ),
    );
    unwrap(await fairs.cancel(winners[0].value.value.id));
  }

  // Round 2: everyone books at once, each retrying another free booth after a conflict.
  const holds = [];
  {
    const latencies = [];
    let conflicts = 0;
    const taken = new Set();
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const started = performance.now();
    await Promise.all(
      producers.map(async (producerId) => {
        for (;;) {
          const free = plan.filter((b) => !taken.has(b.id));
          const booth = free[Math.floor(random() * free.length)];
          const { value, ms } = await timed(() =>
            fairs.hold({ fairId: fair.id, boothId: booth.id, producerId, by: null }),
          );
          latencies.push(ms);
          taken.add(booth.id);
          if (value.ok) {
            holds.push(value.value);
            return;
          }
          if (value.code !== 'CONFLICT') throw new Error(`hold: ${value.message}`);
          conflicts += 1;
        }
      }),
    );
    results.push(
      summary('hold (spread, retry on conflict)', latencies, performance.now() - started, {
        held: holds.length,
        conflicts,
      }),
    );
  }

  // Round 3: all holds are paid at once.
  {
    const started = performance.now();
    const confirmations = await Promise.all(
      holds.map((h) => timed(() => fairs.confirmPayment(h.id, 'transfer', `bench-${h.id}`))),
    );
    const failed = confirmations.filter((c) => !c.value.ok).length;
    if (failed) throw new Error(`${failed} confirmations failed`);
    results.push(
      summary(
        'confirm (payment recorded)',
        confirmations.map((c) => c.ms),
        performance.now() - started,
        { confirmed: confirmations.length },
      ),
    );
  }

  // Invariants after the storm.
  const sql = postgres(url.href, { max: 1, onnotice: () => {} });
  const [dupes] =
    await sql`select count(*)::int as n from (select booth_id from booth_booking where status in ('held','pending','approved','confirmed') group by booth_id having count(*) > 1) d`;
  const [pool] =
    await sql`select budget::bigint, earmarked::bigint, committed::bigint, producers_supported from subsidy_programme where id = ${programme.id}`;
  const [sums] =
    await sql`select coalesce(sum(subsidy) filter (where status = 'confirmed'), 0)::bigint as committed, count(distinct producer_id) filter (where subsidy > 0 and status = 'confirmed')::int as producers from booth_booking where fair_id = ${fair.id}`;
  const [ledger] =
    await sql`select coalesce(sum(case when entry = 'commit' then amount when entry = 'release' and released_from = 'committed' then -amount else 0 end), 0)::bigint as committed from subsidy_ledger where programme_id = ${programme.id}`;
  await sql.end();
  const invariants = {
    doubleBookedBooths: dupes.n,
    poolCommitted: Number(pool.committed),
    bookingsCommitted: Number(sums.committed),
    ledgerCommitted: Number(ledger.committed),
    poolEarmarked: Number(pool.earmarked),
    producersSupported: pool.producers_supported,
    producersWithSubsidy: sums.producers,
  };
  const holds0 = holds.filter((h) => h.subsidy === 0).length;
  const ok =
    invariants.doubleBookedBooths === 0 &&
    invariants.poolCommitted === invariants.bookingsCommitted &&
    invariants.poolCommitted === invariants.ledgerCommitted &&
    invariants.poolEarmarked === 0 &&
    invariants.producersSupported === invariants.producersWithSubsidy &&
    invariants.producersSupported <= 150;

  console.table(results);
  console.log(
    `invariants: ${JSON.stringify(invariants)} · ${holds0} holds got no subsidy (pool or the 150-producer limit exhausted) → ${ok ? 'OK' : 'BROKEN'}`,
  );
  mkdirSync(join(repo, 'bench-results'), { recursive: true });
  writeFileSync(
    join(repo, 'bench-results', 'fairs.json'),
    JSON.stringify(
      { machine: machine(), producers: producerCount, booths: boothCount, poolSize, results, invariants, ok },
      null,
      2,
    ),
  );
  if (!ok) process.exitCode = 1;
} finally {
  await cleanup();
}
