/**
 * The databases integration tests run against: PGlite always (a fresh temp folder), PostgreSQL when
 * TEST_DATABASE_URL is set (a fresh database created next to it, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDb, type DbHandle } from '../../src/lib/db/client';

export interface TestDatabase extends DbHandle {
  /** Closes the connection and removes the data (temp folder or database). */
  dispose(): Promise<void>;
}

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'pglite', open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: 'postgres', open: () => openPostgres(url) });
  return targets;
}

async function openPglite(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-pglite-'));
  const handle = await createDb({ dataDir });
  return {
    ...handle,
    async dispose() {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
async function openPostgres(baseUrl: string): Promise<TestDatabase> {
  const name = `ocop_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.href, dataDir: tmpdir(), poolSize: 20 });
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
