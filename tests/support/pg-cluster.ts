/**
 * A private PostgreSQL 15 cluster for fault tests: initdb in a fresh temporary folder, its own port on 127.0.0.1,
 * trust authentication, the socket in the data folder. It can be stopped and started again (the point of the fault
 * tests), and destroy() stops it and deletes the folder. It never touches the machine's own cluster.
 * initdb refuses to run as root, so as root the commands run as the `postgres` user (runuser).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts PostgreSQL 15; PG_BIN overrides it. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  url: string;
  port: number;
  /** Fast shutdown: open connections are ended, new ones refused until start(). */
  stop(): void;
  /** Starts it again and returns when it accepts connections. */
  start(): void;
  /** Stops it (if running) and deletes the data folder. */
  destroy(): void;
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a PostgreSQL binary, as `postgres` when we are root; throws with its output when it fails. */
function pg(binary: string, args: string[]): string {
  const path = join(PG_BIN, binary);
  const [command, full] = asRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  const result = spawnSync(command, full, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(
      `${binary} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

/** Creates and starts a cluster on `port`. Fails with a clear message when PostgreSQL 15 is not installed. */
export function startPgCluster(port: number): PgCluster {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${PG_BIN} (install postgresql-15 or set PG_BIN): the fault tests need their own cluster`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'ocop-faults-pg-'));
  // The postgres user must own the folder; the temporary parent is private to us otherwise.
  if (asRoot()) execFileSync('chown', ['postgres:postgres', root]);
  const dataDir = join(root, 'data');
  pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    void pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(root, 'log'), '-w', 'start']);
  const stop = () => void pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy() {
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        try {
          stop();
        } catch {
          // Already stopped or gone; the folder is removed either way.
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
