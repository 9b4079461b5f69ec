/**
 * Backup and restore of the site's database, for `npm run db:backup` and `npm run db:restore` (docs/operations.md).
 * PostgreSQL (DATABASE_URL set): pg_dump's custom format, restored with pg_restore in one transaction. Embedded
 * PGlite: its own dump of the data folder (a gzipped tar), loaded into a fresh folder and checked before it
 * replaces the current one. Nothing is changed when a file is missing, unreadable or not a backup of this site.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { takePgliteLock } from '../../src/lib/db/pglite-lock.ts';

/** A failure the operator can act on: printed as is, without a stack. */
export class BackupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `2026-12-01T11-20-43Z`: sortable, and valid in file names everywhere. */
export function timestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** A path in `dir` for `name.ext` that does not exist yet (a second backup in the same second gets `-2`). */
function freshPath(dir, name, ext) {
  let path = join(dir, `${name}${ext}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${name}-${n}${ext}`);
  return path;
}

/** Which kind of backup a file holds, from its first bytes: a gzip (PGlite) or pg_dump's custom format. */
export function backupKind(file) {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}. Nothing was changed.`);
  if (!statSync(file).isFile() || statSync(file).size === 0)
    throw new BackupError(`${file} is empty or not a file, so it is not a backup. Nothing was changed.`);
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  throw new BackupError(
    `${file} is neither a PGlite backup (.tar.gz) nor a pg_dump custom-format file (.dump). Nothing was changed.`,
  );
}

// ---------------------------------------------------------------------------------------------------- PGlite

/** Opens the PGlite folder, proves it is this site's database (its migrations table), and returns its size. */
async function checkPglite(options) {
  const db = await PGlite.create(options);
  try {
    const { rows } = await db.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    return rows[0].n;
  } finally {
    await db.close();
  }
}

/** Dumps `${dataDir}/pglite` to a gzipped tar in `outDir`; the site must be stopped. Returns the file. */
export async function backupPglite({ dataDir, outDir }) {
  const folder = join(dataDir, 'pglite');
  if (!existsSync(join(folder, 'PG_VERSION')))
    throw new BackupError(`No embedded database in ${folder}: nothing to back up (is DATA_DIR right?).`);
  const lock = takePgliteLock(dataDir, 'npm run db:backup');
  try {
    const db = await PGlite.create(folder);
    let archive;
    try {
      archive = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await db.close();
    }
    mkdirSync(outDir, { recursive: true });
    const file = freshPath(outDir, `ocop-pglite-${timestamp()}`, '.tar.gz');
    // Written under another name first, so a full disk or a kill never leaves a truncated file that looks whole.
    writeFileSync(`${file}.partial`, archive);
    renameSync(`${file}.partial`, file);
    return file;
  } finally {
    lock.release();
  }
}

/**
 * Replaces `${dataDir}/pglite` by the backup in `file`; the site must be stopped. The backup is loaded into a fresh
 * folder and opened first; only then is the current folder moved aside (kept as `pglite.before-restore-<time>`)
 * and the restored one put in its place. Returns where the previous data went.
 */
export async function restorePglite({ dataDir, file }) {
  const lock = takePgliteLock(dataDir, 'npm run db:restore');
  const stamp = timestamp();
  const staging = join(dataDir, `pglite.restoring-${stamp}`);
  try {
    try {
      await checkPglite({ dataDir: staging, loadDataDir: new Blob([readFileSync(file)]) });
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupError(
        `${file} could not be loaded as a database of this site (${error.message}). Nothing was changed.`,
      );
    }
    const folder = join(dataDir, 'pglite');
    const previous = existsSync(folder) ? join(dataDir, `pglite.before-restore-${stamp}`) : null;
    if (previous) renameSync(folder, previous);
    renameSync(staging, folder);
    return { previous };
  } finally {
    lock.release();
  }
}

// ------------------------------------------------------------------------------------------------ PostgreSQL

/** The URL without its password (given to libpq through PGPASSWORD, so it never shows in the process list). */
function libpqTarget(url) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.href, env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL client tool; rejects with its own error text. */
function runTool(tool, args, env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', () => {});
    child.on('error', (error) => {
      if (error.code === 'ENOENT')
        reject(
          new BackupError(
            `${tool} is not installed. Install the PostgreSQL client tools of the same major version as the server (e.g. apt-get install postgresql-client-17).`,
          ),
        );
      else reject(error);
    });
    child.on('close', (code) => {
      if (code === 0) resolvePromise(stderr);
      else reject(new BackupError(`${tool} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/** Dumps the database at `url` with pg_dump's custom format into `outDir`. Returns the file. */
export async function backupPostgres({ url, outDir }) {
  const { dbname, env } = libpqTarget(url);
  mkdirSync(outDir, { recursive: true });
  const file = freshPath(outDir, `ocop-postgres-${timestamp()}`, '.dump');
  try {
    await runTool('pg_dump', ['--format=custom', `--file=${file}.partial`, `--dbname=${dbname}`], env);
  } catch (error) {
    rmSync(`${file}.partial`, { force: true });
    throw error;
  }
  renameSync(`${file}.partial`, file);
  return file;
}

/**
 * Restores a pg_dump custom-format file into the database at `url`, replacing the objects it contains, in one
 * transaction: a file pg_restore cannot read, or any error on the way, leaves the database as it was.
 */
export async function restorePostgres({ url, file }) {
  const { dbname, env } = libpqTarget(url);
  try {
    await runTool('pg_restore', ['--list', file], env);
  } catch (error) {
    if (!(error instanceof BackupError) || error.message.includes('not installed')) throw error;
    throw new BackupError(`${file} is not a readable pg_dump file (${error.message}). Nothing was changed.`);
  }
  const args = [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-acl',
    '--single-transaction',
    '--exit-on-error',
  ];
  try {
    await runTool('pg_restore', [...args, `--dbname=${dbname}`, file], env);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new BackupError(
      `${error.message}\nThe restore ran in one transaction and was rolled back. Nothing was changed.`,
    );
  }
}

// ------------------------------------------------------------------------------------------------- commands

/** The settings the site itself reads: DATABASE_URL, else PGlite in DATA_DIR (default .data). */
export function settingsFromEnv(env = process.env) {
  return { url: env.DATABASE_URL || undefined, dataDir: resolve(env.DATA_DIR || '.data') };
}

/** `npm run db:backup [--out <dir>]`. Returns the file written. */
export async function backup({ url, dataDir, outDir }) {
  const out = resolve(outDir ?? join(dataDir, 'backups'));
  return url ? backupPostgres({ url, outDir: out }) : backupPglite({ dataDir, outDir: out });
}

/** `npm run db:restore <file>`. Checks the file matches the database in use before touching anything. */
export async function restore({ url, dataDir, file }) {
  const path = resolve(file);
  const kind = backupKind(path);
  const target = url ? 'postgres' : 'pglite';
  if (kind !== target) {
    const hint =
      kind === 'pglite'
        ? 'it is a PGlite backup and DATABASE_URL is set (unset it to restore the embedded database)'
        : 'it is a PostgreSQL backup and DATABASE_URL is not set (set it to the database to restore into)';
    throw new BackupError(
      `${basename(path)} does not match the database in use: ${hint}. Nothing was changed.`,
    );
  }
  if (url) {
    await restorePostgres({ url, file: path });
    return { previous: null };
  }
  return restorePglite({ dataDir, file: path });
}
