/**
 * `npm run db:backup` / `npm run db:restore` round trip on PGlite (always) and PostgreSQL (when TEST_DATABASE_URL
 * is set, on a scratch database created and dropped here): accounts, an order and a booth booking made through the
 * real services are backed up; more data is then made and some changed; the restore brings every table back exactly.
 * Missing, corrupt and mismatched files, and a database that is in use, are refused with nothing changed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts, type Accounts } from '../../src/features/accounts/accounts.server';
import { createFairs, type Fairs, type ProducerFacts } from '../../src/features/fairs/fairs.server';
import { createDb, rowsOf, type DbHandle } from '../../src/lib/db/client';
import { sessions, users } from '../../src/lib/db/schema';
import { checkoutInput, commerceFixture, URLS, type CommerceFixture } from './commerce-harness';
import { booth, fairInput, programmeInput } from './fairs-fixtures';

const repo = resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const NOW = new Date('2026-11-21T03:00:00Z');

interface Target {
  name: 'pglite' | 'postgres';
  /** The environment the site (and so the commands) would run with. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  dispose(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-backup-'));
  return {
    name: 'pglite',
    env: { DATA_DIR: dataDir },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(baseUrl: string): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-backup-'));
  const name = `ocop_backup_${process.pid}_${Date.now()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.href },
    async dispose() {
      const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const targets: { name: Target['name']; make: () => Promise<Target> }[] = [
  { name: 'pglite', make: pgliteTarget },
];
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
if (testDatabaseUrl) targets.push({ name: 'postgres', make: () => postgresTarget(testDatabaseUrl) });

/** Runs `npm run db:<command>` as an operator would (same script, same environment variables). */
async function db(target: Target, ...args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...target.env };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [join(repo, 'scripts/db.mjs'), ...args],
      {
        cwd: repo,
        env,
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Every row of every table the site owns, as text, in a stable order: "exactly back" means this is equal. */
async function everything(handle: DbHandle): Promise<Record<string, string[]>> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await handle.db.execute(
      sql`select table_schema as schema, table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
    ),
  );
  const all: Record<string, string[]> = {};
  for (const { schema, name } of tables) {
    const rows = rowsOf<{ row: string }>(
      await handle.db.execute(
        sql.raw(`select row_to_json(t)::text as row from "${schema}"."${name}" t order by 1`),
      ),
    );
    all[`${schema}.${name}`] = rows.map((r) => r.row);
  }
  return all;
}

/** The site's services on the target's database, as the site builds them. */
interface Services {
  handle: DbHandle;
  commerce: CommerceFixture;
  accounts: Accounts;
  fairs: Fairs;
  close(): Promise<void>;
}

async function services(target: Target): Promise<Services> {
  const handle = await createDb({ url: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR });
  const commerce = await commerceFixture({
    name: target.name,
    open: async () => ({ ...handle, dispose: () => handle.close() }),
  });
  const accounts = createAccounts({
    db: handle.db,
    secret: 'test-secret-test-secret-test-secret-0123',
    baseURL: 'http://127.0.0.1:4321',
    production: false,
    now: () => NOW,
  });
  const producers = (id: string): ProducerFacts | undefined =>
    id === 'dong-a'
      ? {
          id,
          name: 'Đông Á',
          kind: 'enterprise',
          provinceId: 'ben-tre',
          commune: 'Xã Mỹ Thạnh',
          stars: 5,
        }
      : undefined;
  const fairs = createFairs({ db: handle.db, producers, now: () => NOW });
  return { handle, commerce, accounts, fairs, close: () => commerce.dispose() };
}

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.message}`);
  return result.value;
}

/** A fair with one booth held by Đông Á and paid by card. Returns the booking id. */
async function bookBooth(fairs: Fairs): Promise<string> {
  const programme = ok(await fairs.createProgramme('ben-tre', programmeInput(), null));
  const fair = ok(await fairs.createFair('ben-tre', fairInput({ programmeId: programme.id }), null));
  const booths = ['A1', 'A2'].map((code, i) => booth(code, i * 3));
  ok(await fairs.saveFloorPlan(fair.id, booths));
  ok(await fairs.setFairStatus(fair.id, 'published'));
  const [first] = await fairs.floorPlan(fair.id);
  const held = ok(await fairs.hold({ fairId: fair.id, boothId: first!.id, producerId: 'dong-a', by: null }));
  ok(await fairs.confirmPayment(held.id, 'card', 'cs_test_backup'));
  return held.id;
}

async function signUp(accounts: Accounts, name: string, email: string) {
  const result = await accounts.signUp(
    { name, email, password: 'mật-khẩu-dài-10', next: undefined },
    '203.0.113.5',
  );
  expect(result.ok).toBe(true);
}

for (const { name, make } of targets) {
  describe(`database backup and restore on ${name}`, () => {
    let target: Target;
    let before: Record<string, string[]>;
    let file: string;
    let bookingId: string;

    beforeAll(async () => {
      target = await make();
      const site = await services(target);
      await signUp(site.accounts, 'Thu Phạm', 'thu@example.com');
      await signUp(site.accounts, 'Lan Nguyễn', 'lan@example.com');
      const order = await site.commerce.checkout.placeOrder(checkoutInput(), {
        customerId: null,
        urls: URLS,
      });
      expect(order.ok).toBe(true);
      bookingId = await bookBooth(site.fairs);
      before = await everything(site.handle);
      await site.close();
    });
    afterAll(async () => {
      await target?.dispose();
    });

    it('backs up to a timestamped file in $DATA_DIR/backups', async () => {
      // The data is really there, so the round trip below cannot pass on empty tables.
      expect(before['public.user']).toHaveLength(2);
      expect(before['public.shop_order']).toHaveLength(1);
      expect(before['public.booth_booking']).toHaveLength(1);
      const result = await db(target, 'backup');
      expect(result.code, result.out).toBe(0);
      const folder = join(target.env.DATA_DIR, 'backups');
      const files = readdirSync(folder);
      expect(files).toEqual([
        expect.stringMatching(/^ocop-(pglite|postgres)-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.(tar\.gz|dump)$/),
      ]);
      file = join(folder, files[0]!);
      expect(result.out).toContain(file);
    });

    it('refuses a missing, corrupt or mismatched file and changes nothing', async () => {
      const missing = await db(target, 'restore', join(target.env.DATA_DIR, 'no-such-backup.dump'));
      expect(missing).toMatchObject({ code: 1 });
      expect(missing.out).toContain('No backup file at');
      // The first half of a real backup: right kind, cut short (a copy that did not finish).
      const cut = join(target.env.DATA_DIR, 'cut-short');
      const whole = readFileSync(file);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
      const corrupt = await db(target, 'restore', cut);
      expect(corrupt.code).toBe(1);
      expect(corrupt.out).toContain('Nothing was changed.');
      const other = join(target.env.DATA_DIR, 'other-kind');
      writeFileSync(other, target.name === 'pglite' ? 'PGDMP\u0001\u000f' : Buffer.from([0x1f, 0x8b, 8, 0]));
      const mismatched = await db(target, 'restore', other);
      expect(mismatched.code).toBe(1);
      expect(mismatched.out).toContain('does not match the database in use');
      const site = await services(target);
      expect(await everything(site.handle)).toEqual(before);
      await site.close();
    });

    it('restores accounts, orders and bookings exactly after they changed', async () => {
      const site = await services(target);
      await signUp(site.accounts, 'Minh Trần', 'minh@example.com');
      const second = await site.commerce.checkout.placeOrder(checkoutInput({ payment: 'cod' }), {
        customerId: null,
        urls: URLS,
      });
      expect(second.ok).toBe(true);
      ok(await site.fairs.cancel(bookingId));
      await site.handle.db.delete(sessions);
      await site.handle.db.update(users).set({ name: 'Changed' }).where(eq(users.email, 'thu@example.com'));
      expect(await everything(site.handle)).not.toEqual(before);
      if (target.name === 'pglite') {
        // The site has the embedded database open: a restore now would corrupt it, so it is refused.
        const busy = await db(target, 'restore', file);
        expect(busy.code).toBe(1);
        expect(busy.out).toContain('in use by the site');
      }
      await site.close();

      const result = await db(target, 'restore', file);
      expect(result.code, result.out).toBe(0);
      const restored = await services(target);
      expect(await everything(restored.handle)).toEqual(before);
      const signIn = await restored.accounts.signIn(
        { email: 'minh@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        '203.0.113.5',
      );
      expect(signIn.ok).toBe(false);
      expect((await restored.fairs.getBooking(bookingId))?.status).toBe('confirmed');
      await restored.close();
      if (target.name === 'pglite') {
        // The replaced data is kept next to it until the operator deletes it.
        expect(readdirSync(target.env.DATA_DIR).some((f) => f.startsWith('pglite.before-restore-'))).toBe(
          true,
        );
        expect(existsSync(join(target.env.DATA_DIR, 'pglite.lock'))).toBe(false);
      }
    });
  });
}
