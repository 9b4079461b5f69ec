#!/usr/bin/env node
/**
 * `npm run db:backup [-- --out <dir>]` and `npm run db:restore <file>`: backup and restore of the site's database,
 * PostgreSQL when DATABASE_URL is set, else the embedded PGlite in $DATA_DIR/pglite (docs/operations.md).
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { BackupError, backup, restore, settingsFromEnv } from './lib/db-backup.mjs';
import { PgliteLockedError } from '../src/lib/db/pglite-lock.ts';

const USAGE = `Usage:
  npm run db:backup [-- --out <dir>]   write a backup to <dir> (default $DATA_DIR/backups)
  npm run db:restore <file>            replace the database with the backup in <file>`;

function sizeOf(file) {
  const bytes = statSync(file).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, file, ...rest] = positionals;
  const settings = settingsFromEnv();
  const where = settings.url
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${settings.dataDir}/pglite`;
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'backup' && !file) {
    const written = await backup({ ...settings, outDir: values.out });
    console.log(`Backed up ${where} to ${written} (${sizeOf(written)}, ${seconds()} s).`);
    return;
  }
  if (command === 'restore' && file && rest.length === 0 && !values.out) {
    const { previous } = await restore({ ...settings, file });
    console.log(`Restored ${where} from ${file} (${seconds()} s).`);
    if (previous)
      console.log(`The data it replaced is kept in ${previous}; delete it once the site runs well.`);
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BackupError || error instanceof PgliteLockedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
