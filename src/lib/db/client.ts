/**
 * The database client factory: PGlite (Postgres in WASM, data in `${dataDir}/pglite`) when no URL is given,
 * PostgreSQL through postgres-js otherwise. Both get the same Drizzle schema and the same committed migrations,
 * applied on start. This is the only file that knows which driver runs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { takePgliteLock } from './pglite-lock.ts';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database both drivers provide; features use only the query builder on it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Database;
  /** Which driver runs, for logs and tests only; features must not branch on it. */
  driver: 'pglite' | 'postgres';
  /** The connection underneath, for the job queue (src/lib/jobs), which runs its own SQL beside Drizzle's. */
  native: NativeConnection;
  close(): Promise<void>;
}

/** The PGlite instance itself (one connection, shared), or the PostgreSQL URL to open more connections to. */
export type NativeConnection = { kind: 'pglite'; client: unknown } | { kind: 'postgres'; url: string };

export interface CreateDbOptions {
  /** PostgreSQL connection string; unset = embedded PGlite. */
  url?: string | undefined;
  /** Folder for local data; PGlite keeps its files in `${dataDir}/pglite`. */
  dataDir: string;
  /** Size of the PostgreSQL connection pool (default 10). */
  poolSize?: number;
}

/** Opens the database and applies pending migrations before returning. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  const handle = options.url
    ? await openPostgres(options.url, options.poolSize ?? 10)
    : await openPglite(options.dataDir);
  try {
    await applyMigrations(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const folder = join(dataDir, 'pglite');
  // Created on first start; the folder is ignored by git (.data/).
  mkdirSync(folder, { recursive: true });
  // PGlite does not lock its folder; a second process (a backup, a restore, another server) would corrupt it.
  const lock = takePgliteLock(dataDir, 'the site');
  const client = await PGlite.create(folder).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    native: { kind: 'pglite', client },
    close: async () => {
      await client.close();
      lock.release();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max,
    // Silence "relation already exists, skipping" notices from idempotent migration statements.
    onnotice: () => {},
    // After a restart of PostgreSQL, reconnect within half a second. The driver's own backoff grows with every
    // failed attempt across the pool (up to 20 s), so a few seconds of outage under load kept the site failing
    // for ~10 s after the database was back, and queued queries waited that long.
    backoff: reconnectDelaySeconds,
    // A server that does not answer at all (a dropped network) fails the request after 5 s instead of 30 s.
    connect_timeout: 5,
  });
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    native: { kind: 'postgres', url },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Seconds to wait before reconnecting after `retries` failed attempts: short, growing, at most 0.5 s. */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.025 * 2 ** retries, 0.5);
}

/** A committed migration, in the shape drizzle-kit writes (tag from meta/_journal.json, SQL split at breakpoints). */
export interface Migration {
  tag: string;
  createdAt: number;
  hash: string;
  statements: string[];
}

// Bundled into the server build, so the running site needs no migrations folder on disk.
const journal = import.meta.glob<{ entries: { tag: string; when: number }[] }>(
  './migrations/meta/_journal.json',
  {
    eager: true,
    import: 'default',
  },
);
const sqlFiles = import.meta.glob<string>('./migrations/*.sql', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The committed migrations in order, read from src/lib/db/migrations. */
export function committedMigrations(): Migration[] {
  const entries = Object.values(journal)[0]?.entries ?? [];
  return entries.map((entry) => {
    const text = sqlFiles[`./migrations/${entry.tag}.sql`];
    if (text === undefined)
      throw new Error(`Migration ${entry.tag}.sql is listed in _journal.json but missing`);
    return {
      tag: entry.tag,
      createdAt: entry.when,
      // Same hash drizzle-kit's migrator records, so `drizzle-kit migrate` and the app agree on what ran.
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint'),
    };
  });
}

/**
 * Applies migrations newer than the last recorded one, in one transaction, in drizzle's own bookkeeping table.
 * A transaction-scoped advisory lock makes servers starting at once on one PostgreSQL take turns.
 */
export async function applyMigrations(
  db: Database,
  migrations: Migration[] = committedMigrations(),
): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7246001)`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const last = await tx.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastAt = Number(rowsOf<{ created_at: string | number }>(last)[0]?.created_at ?? 0);
    for (const migration of migrations) {
      if (migration.createdAt <= lastAt) continue;
      for (const statement of migration.statements) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.createdAt})`,
      );
      applied.push(migration.tag);
    }
  });
  return applied;
}

/** Raw `execute` results differ by driver (an array for postgres-js, `{ rows }` for PGlite); this hides it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
