/**
 * Starts the real site (scripts/start.mjs) on a free port with a throwaway data folder, for the benches and the
 * JavaScript budget check; stop() ends it and everything it started.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { killGroup, onCleanup, tempDir } from './bench-utils.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForServer(url, child, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Starts scripts/start.mjs in `root` on `port` (default: a free one); stop() sends SIGTERM and waits (then SIGKILLs
 * the group). `onSpawn(pid)` is called as soon as the process exists (to watch its memory while it starts).
 */
export async function startServer(root, extraEnv = {}, { port: wantedPort, onSpawn } = {}) {
  const port = wantedPort ?? (await freePort());
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_TELEMETRY_DISABLED: '1',
      DATA_DIR: join(tempDir('ocop-site-data-'), 'data'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: whatever start.mjs starts (e.g. Meilisearch) can be stopped with it
  });
  onSpawn?.(child.pid);
  const log = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log.push(line);
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const unregister = onCleanup(() => killGroup(child, 'SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/`, child, 900);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw new Error(`${error.message}\n${log.slice(-40).join('\n')}`, { cause: error });
  }
  return {
    base,
    pid: child.pid,
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM'); // start.mjs stops the server and anything it started, then exits
        const timeout = new Promise((r) => setTimeout(() => r('timeout'), 15000));
        if ((await Promise.race([exited, timeout])) === 'timeout')
          console.warn('  the server did not stop in 15 s; killing its process group');
      }
      try {
        process.kill(-child.pid, 'SIGKILL'); // anything start.mjs left in its process group
      } catch {
        // ESRCH: the whole group has exited, as it should
      }
      unregister();
    },
  };
}
