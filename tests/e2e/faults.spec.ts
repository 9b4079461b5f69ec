/**
 * Faults: the built site keeps serving while PostgreSQL or Meilisearch restarts under light load, with a plain
 * message where it needs the missing backend, and recovers by itself without restarting the site. The site here is
 * its own process (scripts/start.mjs on dist/) with its own PostgreSQL cluster and Meilisearch (tests/support/
 * fault-rig.ts), so restarting them disturbs nothing else; the shared web server of the other specs is not used.
 */
import { expect, test } from '@playwright/test';
import { SEARCH_ANSWERS_TTL_MS } from '../../src/features/search/search.server';
import {
  HANG_BOUND_MS,
  INTERNALS,
  recoveryMs,
  sleep,
  startRig,
  underLoad,
  type Probe,
  type Rig,
  type Sample,
} from '../support/fault-rig';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let rig: Rig;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rig = await startRig();
});

test.afterAll(async () => {
  await rig?.stop();
});

/** How long each backend stays down. */
const OUTAGE_MS = 2500;
/**
 * Meilisearch stays down longer: for SEARCH_ANSWERS_TTL_MS after the crash the site may still answer a search it
 * was just asked from memory (a good answer, as it should), so the outage shows only after that.
 */
const SEARCH_OUTAGE_MS = SEARCH_ANSWERS_TTL_MS + OUTAGE_MS;
/** The site must answer normally again within this long after the backend is back. */
const RECOVERY_BOUND_MS = 5000;

const needing = (needs: Probe['needs']) => rig.probes.filter((p) => p.needs === needs);

/** Every answer was quick and showed nothing internal; the ones that were not good said plainly "unavailable". */
function expectPlain(samples: Sample[], outageProbes: Probe['needs'], downAt: number) {
  for (const s of samples) {
    const where = `${s.probe.name} sent ${s.startedAt - downAt} ms after the stop`;
    expect(s.ms, `${where} took too long`).toBeLessThan(HANG_BOUND_MS);
    expect(s.body, `${where} showed internals`).not.toMatch(INTERNALS);
    if (s.good) continue;
    expect(s.probe.needs, `${where} failed (${s.status}) though it does not need the stopped backend`).toBe(
      outageProbes,
    );
    expect(s.probe.unavailable(s.status, s.body), `${where}: ${s.status} ${s.body.slice(0, 300)}`).toBe(true);
  }
}

test('PostgreSQL restarting under load: plain 503s meanwhile, then the site answers again by itself', async () => {
  // Every probe is good before the fault.
  const before = await underLoad(rig.baseUrl, rig.probes, sleep(1000));
  expect(
    before.filter((s) => !s.good).map((s) => `${s.probe.name}: ${s.status} ${s.body.slice(0, 200)}`),
  ).toEqual([]);

  let downAt = 0;
  let startingAt = 0;
  let backAt = 0;
  let recovery: Record<string, number> = {};
  const restart = (async () => {
    await sleep(800);
    downAt = Date.now();
    rig.postgres.stop();
    await sleep(OUTAGE_MS);
    startingAt = Date.now();
    rig.postgres.start();
    backAt = Date.now();
    // Measured while the load goes on.
    recovery = await recoveryMs(rig.baseUrl, needing('database'), backAt, RECOVERY_BOUND_MS);
    await sleep(1000);
  })();
  const samples = await underLoad(rig.baseUrl, rig.probes, restart);
  console.log(`[faults] PostgreSQL back → first good answer (ms): ${JSON.stringify(recovery)}`);

  expectPlain(samples, 'database', downAt);
  // Answers sent and received while the backend was surely down (it may answer before start() returns) and no
  // answer kept from before the crash could be given.
  const during = samples.filter(
    (s) => s.startedAt > downAt + SEARCH_ANSWERS_TTL_MS + 200 && s.startedAt + s.ms < startingAt,
  );
  // The outage was seen: pages needing the database said "unavailable"; the others kept serving.
  const withoutDatabase = during.filter((s) => s.probe.needs === 'database');
  expect(withoutDatabase.length).toBeGreaterThan(0);
  expect(withoutDatabase.every((s) => !s.good)).toBe(true);
  expect(during.filter((s) => s.probe.needs === 'nothing').every((s) => s.good)).toBe(true);
  expect(during.filter((s) => s.probe.needs === 'search').every((s) => s.good)).toBe(true);
  // Failures were logged with a request id, for the operator.
  expect(rig.output()).toMatch(/\[request [0-9a-f-]{36}\] (GET|POST) \S+ failed/);

  // Afterwards everything is good again, with the same site process.
  const after = await underLoad(rig.baseUrl, rig.probes, sleep(1000));
  expect(after.filter((s) => !s.good).map((s) => s.probe.name)).toEqual([]);
});

test('Meilisearch crashing and starting again: search says "unavailable" meanwhile, then works by itself', async () => {
  let downAt = 0;
  let startingAt = 0;
  let backAt = 0;
  let recovery: Record<string, number> = {};
  const restart = (async () => {
    await sleep(800);
    downAt = Date.now();
    await rig.killSearch();
    await sleep(SEARCH_OUTAGE_MS);
    startingAt = Date.now();
    await rig.startSearch();
    backAt = Date.now();
    recovery = await recoveryMs(rig.baseUrl, needing('search'), backAt, RECOVERY_BOUND_MS);
    await sleep(1000);
  })();
  const samples = await underLoad(rig.baseUrl, rig.probes, restart);
  console.log(`[faults] Meilisearch back → first good answer (ms): ${JSON.stringify(recovery)}`);

  expectPlain(samples, 'search', downAt);
  // Answers sent and received while the backend was surely down (it may answer before start() returns) and no
  // answer kept from before the crash could be given.
  const during = samples.filter(
    (s) => s.startedAt > downAt + SEARCH_ANSWERS_TTL_MS + 200 && s.startedAt + s.ms < startingAt,
  );
  // The outage was seen: the search page and the API said "unavailable" (503, each with its own plain message).
  for (const name of ['search page', 'search API']) {
    const seen = during.filter((s) => s.probe.name === name);
    expect(seen.length, name).toBeGreaterThan(0);
    const other = seen.filter((s) => s.good || !s.probe.unavailable(s.status, s.body));
    expect(other.map((s) => `${s.startedAt - downAt} ms: ${s.status} ${s.body.slice(0, 300)}`)).toEqual([]);
  }
  expect(during.filter((s) => s.probe.needs !== 'search').every((s) => s.good)).toBe(true);

  const after = await underLoad(rig.baseUrl, rig.probes, sleep(1000));
  expect(after.filter((s) => !s.good).map((s) => s.probe.name)).toEqual([]);
});
