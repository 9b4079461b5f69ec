/**
 * One process at a time on the embedded database. PGlite takes no lock of its own: two processes opening the same
 * folder both succeed and corrupt it. Whoever opens `${dataDir}/pglite` (the site, `npm run db:backup`,
 * `npm run db:restore`) first takes `${dataDir}/pglite.lock`, a file naming its process; a lock whose process is gone
 * (killed, machine restarted) is taken over.
 *
 * Loaded by the scripts through Node as well as by the site: relative imports only, erasable TypeScript only.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What the lock file records about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** Who holds it, for the message: "the site", "npm run db:backup". */
  holder: string;
  since: string;
  token: string;
}

export interface PgliteLock {
  /** Removes the lock file if it is still this holder's. */
  release(): void;
}

/** The database folder is held by another live process. */
export class PgliteLockedError extends Error {
  readonly path: string;
  readonly by: LockHolder;
  constructor(path: string, by: LockHolder) {
    super(
      `The embedded database is in use by ${by.holder} (process ${by.pid} on ${by.host}, since ${by.since}). ` +
        `Stop it and run again. If that process no longer runs, delete ${path}.`,
    );
    this.name = 'PgliteLockedError';
    this.path = path;
    this.by = by;
  }
}

/** The lock file for a data folder. */
export function pgliteLockPath(dataDir: string): string {
  return join(dataDir, 'pglite.lock');
}

function readHolder(path: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.token === 'string' ? (value as LockHolder) : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a recorded holder still holds the folder. The same process re-opening (the dev server reloading its
 * modules) is not a conflict; a holder on another host cannot be checked, so it counts as alive.
 */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  return holder.pid !== process.pid && processAlive(holder.pid);
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    writeFileSync(path, JSON.stringify(holder), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock on `${dataDir}/pglite` for `holder`, or throws PgliteLockedError naming who has it. */
export function takePgliteLock(dataDir: string, holder: string): PgliteLock {
  const path = pgliteLockPath(dataDir);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    holder,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, mine)) {
      return {
        release() {
          if (readHolder(path)?.token === mine.token) rmSync(path, { force: true });
        },
      };
    }
    const current = readHolder(path);
    if (current && holderAlive(current)) throw new PgliteLockedError(path, current);
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
    rmSync(path, { force: true });
  }
  const current = readHolder(path);
  throw new PgliteLockedError(path, current ?? { ...mine, holder: 'another process' });
}

/** The live holder of a data folder's lock, or null when nobody holds it. */
export function pgliteLockHolder(dataDir: string): LockHolder | null {
  const current = readHolder(pgliteLockPath(dataDir));
  return current && holderAlive(current) ? current : null;
}
