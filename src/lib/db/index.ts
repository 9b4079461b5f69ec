/**
 * The site's one database, opened on first use from the environment (DATABASE_URL, DATA_DIR) and migrated before
 * anything reads it. Server code imports `getDb` from here; tests call `createDb` with their own settings.
 */
import { DATABASE_URL, DATA_DIR } from 'astro:env/server';
import { createDb, type Database, type DbHandle } from './client';

export type { Database } from './client';
export { checkViolation, isRetryableConflict, uniqueViolation } from './errors';

let opening: Promise<DbHandle> | undefined;

/** The shared database, opened and migrated once per process. */
export async function getDb(): Promise<Database> {
  opening ??= createDb({ url: DATABASE_URL, dataDir: DATA_DIR });
  try {
    return (await opening).db;
  } catch (error) {
    // Let the next request retry (e.g. PostgreSQL was still starting) instead of failing forever.
    opening = undefined;
    throw error;
  }
}

/** The shared database's handle (driver and connection underneath), for the job queue. */
export async function getDbHandle(): Promise<DbHandle> {
  await getDb();
  return opening!;
}

/** The folder for local data (PGlite, the development auth secret). */
export const dataDir: string = DATA_DIR;
