import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PgliteLockedError, pgliteLockHolder, pgliteLockPath, takePgliteLock } from './pglite-lock.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeHolder(dir: string, pid: number, host = hostname()) {
  writeFileSync(
    pgliteLockPath(dir),
    JSON.stringify({ pid, host, holder: 'the site', since: '2026-11-21T03:00:00.000Z', token: 'theirs' }),
  );
}

describe('the PGlite lock', () => {
  it('is taken, names its holder, and is gone once released', () => {
    const dir = folder();
    const lock = takePgliteLock(dir, 'npm run db:backup');
    expect(JSON.parse(readFileSync(pgliteLockPath(dir), 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'npm run db:backup',
    });
    lock.release();
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it('refuses while another live process holds it, naming the process and the file to delete', async () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: 'pipe' });
    try {
      writeHolder(dir, other.pid!);
      expect(() => takePgliteLock(dir, 'npm run db:restore')).toThrow(PgliteLockedError);
      expect(() => takePgliteLock(dir, 'npm run db:restore')).toThrow(
        `in use by the site (process ${other.pid} on ${hostname()}, since 2026-11-21T03:00:00.000Z). Stop it and run again. If that process no longer runs, delete ${pgliteLockPath(dir)}.`,
      );
      expect(pgliteLockHolder(dir)).toMatchObject({ pid: other.pid });
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process is gone (killed, machine restarted)', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeHolder(dir, gone);
    expect(pgliteLockHolder(dir)).toBeNull();
    takePgliteLock(dir, 'the site').release();
  });

  it('takes over an unreadable lock file (a crash while writing it)', () => {
    const dir = folder();
    writeFileSync(pgliteLockPath(dir), '{"pid": 12');
    takePgliteLock(dir, 'the site').release();
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it('counts a holder on another machine as alive, since it cannot be checked', () => {
    const dir = folder();
    writeHolder(dir, 1, 'another-host');
    expect(() => takePgliteLock(dir, 'the site')).toThrow(/process 1 on another-host/);
  });

  it('a release does not remove a lock that someone else has taken since', () => {
    const dir = folder();
    const first = takePgliteLock(dir, 'the site');
    // The same process reopening (the dev server reloading its modules) takes the lock over.
    const second = takePgliteLock(dir, 'the site');
    first.release();
    expect(existsSync(pgliteLockPath(dir))).toBe(true);
    second.release();
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });
});
