/**
 * The fault rig: the built site (scripts/start.mjs serving dist/) on its own PostgreSQL cluster and its own
 * Meilisearch, a bounded load of real HTTP requests, and restarts of either backend while the load runs. Used by
 * tests/e2e/faults.spec.ts and by `npm run bench:faults`. Plain Node (type stripping), so the bench can load it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMeili, type LocalMeili } from '../../src/lib/search/local-meili.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RigPorts {
  site: number;
  meili: number;
  postgres: number;
}

/** Ports next to the browser tests' own (E2E_PORT): site +2, Meilisearch +3, PostgreSQL +9. */
export function rigPorts(base = Number(process.env.E2E_PORT ?? 4399)): RigPorts {
  return { site: base + 2, meili: base + 3, postgres: base + 9 };
}

export interface Rig {
  baseUrl: string;
  /** PROBES and a signed-in shopper's account page (its session is read from the database on every request). */
  probes: Probe[];
  postgres: PgCluster;
  /** Kills Meilisearch (SIGKILL, by its pid): a crash, not a clean stop. */
  killSearch(): Promise<void>;
  /** Starts Meilisearch again on the same port, data folder and key; returns when it is healthy. */
  startSearch(): Promise<void>;
  /** What the site process wrote (its log lines), for checking that failures are logged with a request id. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts PostgreSQL, Meilisearch and the built site, and waits until the site answers. */
export async function startRig(ports: RigPorts = rigPorts()): Promise<Rig> {
  const folder = mkdtempSync(join(tmpdir(), 'ocop-faults-'));
  const meiliDir = join(folder, 'meili');
  const masterKey = randomBytes(24).toString('base64url');
  let postgres: PgCluster | undefined;
  let meili: LocalMeili | undefined;
  let site: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    if (site && site.exitCode === null) {
      const exited = new Promise((done) => site!.once('exit', done));
      site.kill('SIGTERM');
      await exited;
    }
    await meili?.stop();
    postgres?.destroy();
    rmSync(folder, { recursive: true, force: true });
  };
  const startSearch = async () => {
    meili = await startMeili({ dataDir: meiliDir, masterKey, port: ports.meili, maxIndexingThreads: 1 });
  };
  try {
    postgres = startPgCluster(ports.postgres);
    await startSearch();
    site = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env: siteEnv(ports, postgres.url, meili!.url, masterKey, join(folder, 'data')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
    site.stdout?.on('data', keep);
    site.stderr?.on('data', keep);
    const baseUrl = `http://127.0.0.1:${ports.site}`;
    await waitForSite(baseUrl, site, () => output);
    const cookie = await signIn(baseUrl, DEMO_SHOPPER);
    return {
      baseUrl,
      probes: [...PROBES, accountProbe(cookie)],
      postgres,
      killSearch: async () => {
        process.kill(meili!.pid, 'SIGKILL');
        await meili!.stop(); // Only waits for the exit: the process is already gone.
      },
      startSearch,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function siteEnv(ports: RigPorts, databaseUrl: string, meiliUrl: string, key: string, dataDir: string) {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(ports.site),
    DATABASE_URL: databaseUrl,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: key,
    DATA_DIR: dataDir,
    OCOP_TODAY: process.env.OCOP_TODAY ?? '2026-11-21',
    STRIPE_SECRET_KEY: 'sk_test_ocop_faults',
    STRIPE_WEBHOOK_SECRET: 'whsec_ocop_faults',
    STRIPE_API_BASE: `http://127.0.0.1:${ports.site + 1}`,
  };
}

async function waitForSite(baseUrl: string, site: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (site.exitCode !== null) throw new Error(`The site exited while starting: ${output().slice(-2000)}`);
    try {
      // A page that reads the database: the site is ready when migrations ran and it answers.
      const res = await fetch(`${baseUrl}/en/fairs`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The site did not answer within 120 s: ${output().slice(-2000)}`);
}

/** A demo account (created on start outside production; docs/accounts.md). */
const DEMO_SHOPPER = { email: 'shopper@example.com', password: 'ocop-shopper-demo' };

/** Signs in through the sign-in form and returns the session cookie to send. */
async function signIn(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/en/sign-in?_action=accounts.signIn`, {
    method: 'POST',
    headers: { Origin: baseUrl },
    body: new URLSearchParams(account),
    redirect: 'manual',
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (res.status !== 303 || !cookie) throw new Error(`Signing in the demo shopper failed: ${res.status}`);
  return cookie;
}

/** The account page of the signed-in shopper: good when it greets them, not a redirect to sign in. */
function accountProbe(cookie: string): Probe {
  return {
    name: 'account page',
    needs: 'database',
    send: (base, signal) => fetch(`${base}/en/account`, { headers: { cookie }, redirect: 'manual', signal }),
    good: (status, body) => status === 200 && body.includes('shopper@example.com'),
    unavailable: boundary503,
  };
}

/** One kind of request the load sends, and what a good answer to it is. */
export interface Probe {
  name: string;
  /** What the request depends on besides the server itself. */
  needs: 'database' | 'search' | 'nothing';
  send(baseUrl: string, signal: AbortSignal): Promise<Response>;
  good(status: number, body: string): boolean;
  /** The plain answer a visitor gets while the backend it needs is down. */
  unavailable(status: number, body: string): boolean;
}

/** The error boundary's answer: 503 with its plain message (JSON or a page). */
const boundary503 = (status: number, body: string) =>
  status === 503 && /Service temporarily unavailable|Dịch vụ tạm thời gián đoạn/.test(body);
/** An action's answer: 503 with the message key its island translates. */
const action503 = (status: number, body: string) =>
  status === 503 && body.includes('"code":"SERVICE_UNAVAILABLE"');

const PRODUCT = 'muoi-hat-bac-lieu';
const postJson = (url: string, data: unknown, signal: AbortSignal) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(url).origin },
    body: JSON.stringify(data),
    signal,
  });

/** Pages and calls that read the database, search, or nothing live (prerendered). */
export const PROBES: Probe[] = [
  {
    name: 'fairs page',
    needs: 'database',
    send: (base, signal) => fetch(`${base}/en/fairs`, { signal }),
    good: (status, body) => status === 200 && body.includes('<h1'),
    unavailable: boundary503,
  },
  {
    name: 'live offer',
    needs: 'database',
    send: (base, signal) =>
      postJson(`${base}/_actions/checkout.availability`, { productIds: [PRODUCT] }, signal),
    good: (status, body) => status === 200 && body.includes(PRODUCT),
    unavailable: action503,
  },
  {
    name: 'cart pricing',
    needs: 'database',
    send: (base, signal) =>
      postJson(`${base}/_actions/checkout.quote`, { lines: [{ productId: PRODUCT, quantity: 1 }] }, signal),
    good: (status, body) => status === 200 && body.includes(PRODUCT),
    unavailable: action503,
  },
  {
    name: 'order look-up',
    needs: 'database',
    // A guest's form post (no JavaScript) for an order that does not exist: "no order matches" is the good answer.
    send: (base, signal) =>
      fetch(`${base}/en/orders/lookup?_action=orders.lookup`, {
        method: 'POST',
        headers: { Origin: base },
        body: new URLSearchParams({ number: 'ABCD-2345', email: 'nobody@example.com' }),
        signal,
      }),
    good: (status, body) => status === 404 && body.includes('No order matches this number and email.'),
    unavailable: (status, body) =>
      status === 503 && body.includes('The service is busy. Please try again in a few minutes.'),
  },
  {
    name: 'search API',
    needs: 'search',
    send: (base, signal) => fetch(`${base}/api/search?q=muoi&lang=en`, { signal }),
    good: (status, body) => status === 200 && body.includes(PRODUCT),
    unavailable: (status, body) => status === 503 && body.includes('Search is temporarily unavailable'),
  },
  {
    name: 'search page',
    needs: 'search',
    send: (base, signal) => fetch(`${base}/en/search?q=muoi`, { signal }),
    good: (status, body) => status === 200 && body.includes(`/products/${PRODUCT}`),
    unavailable: (status, body) => status === 503 && body.includes('Search is not working at the moment'),
  },
  {
    name: 'home page',
    needs: 'nothing',
    send: (base, signal) => fetch(`${base}/en/`, { signal }),
    good: (status, body) => status === 200 && body.includes('<h1'),
    unavailable: () => false,
  },
  {
    name: 'product page',
    needs: 'nothing',
    send: (base, signal) => fetch(`${base}/en/products/${PRODUCT}`, { signal }),
    good: (status, body) => status === 200 && body.includes('<h1'),
    unavailable: () => false,
  },
];

/** One answer (or a time-out: status 0) seen by the load. */
export interface Sample {
  probe: Probe;
  startedAt: number;
  ms: number;
  status: number;
  body: string;
  good: boolean;
}

/** No request may take longer than this, down or not. */
export const HANG_BOUND_MS = 10_000;

/** Sends one request; a request that hangs past the bound is a sample with status 0. */
export async function sample(baseUrl: string, probe: Probe): Promise<Sample> {
  const startedAt = Date.now();
  try {
    const res = await probe.send(baseUrl, AbortSignal.timeout(HANG_BOUND_MS));
    const body = await res.text();
    const ms = Date.now() - startedAt;
    return { probe, startedAt, ms, status: res.status, body, good: probe.good(res.status, body) };
  } catch (error) {
    const body = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { probe, startedAt, ms: Date.now() - startedAt, status: 0, body, good: false };
  }
}

/**
 * Light load: `clients` loops, each sending the probes in turn with a short pause, until `done()` resolves or
 * each has sent `maxPerClient` requests. Resolves with every sample.
 */
export async function underLoad(
  baseUrl: string,
  probes: Probe[],
  done: Promise<unknown>,
  { clients = 3, maxPerClient = 400, pauseMs = 40 } = {},
): Promise<Sample[]> {
  let finished = false;
  // Stop on success or failure; the failure itself is reported by `await done` below.
  done.finally(() => (finished = true)).catch(() => {});
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < maxPerClient && !finished; i++) {
        samples.push(await sample(baseUrl, probes[(i + client) % probes.length]!));
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    }),
  );
  await done;
  return samples;
}

/**
 * Milliseconds from `backAt` (the backend accepting connections again) to the first good answer of every probe,
 * asking each in turn without a pause; throws when one is not good within `limitMs` (a request that waits counts).
 */
export async function recoveryMs(baseUrl: string, probes: Probe[], backAt: number, limitMs = 30_000) {
  const times: Record<string, number> = {};
  const waiting = new Set(probes);
  while (waiting.size > 0) {
    for (const probe of [...waiting]) {
      const answer = await sample(baseUrl, probe);
      if (answer.good) {
        times[probe.name] = Date.now() - backAt;
        waiting.delete(probe);
      }
    }
    if (waiting.size > 0 && Date.now() - backAt > limitMs) {
      throw new Error(
        `Not recovered ${limitMs} ms after the restart: ${[...waiting].map((p) => p.name).join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const slow = Object.entries(times).filter(([, ms]) => ms > limitMs);
  if (slow.length > 0) throw new Error(`Recovered only after ${limitMs} ms: ${JSON.stringify(times)}`);
  return times;
}

/** Text a visitor must never see: driver or engine messages, error codes, stack frames, addresses. */
export const INTERNALS =
  /ECONNREFUSED|ECONNRESET|57P0\d|terminating connection|the database system|postgres(ql)?:\/\/|PostgresError|Meilisearch (unreachable|timeout|failed)|MeilisearchRequestError|\n\s+at |node_modules|\.m?js:\d+/i;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
