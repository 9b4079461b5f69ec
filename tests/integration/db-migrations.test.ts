/** The committed migrations build the schema on an empty database, on PGlite and on PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { applyMigrations, committedMigrations, rowsOf } from '../../src/lib/db/client';
import { users } from '../../src/lib/db/schema';
import { databaseTargets, type TestDatabase } from './db-harness';

describe.each(databaseTargets())('database on $name', (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('applies every committed migration to an empty database on open', async () => {
    const recorded = rowsOf<{ hash: string }>(
      await database.db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at`),
    );
    expect(recorded.map((r) => r.hash)).toEqual(committedMigrations().map((m) => m.hash));
    const tables = rowsOf<{ table_name: string }>(
      await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      ),
    ).map((r) => r.table_name);
    // Other features add their own tables; these are the accounts layer's.
    expect(tables).toEqual(
      expect.arrayContaining([
        'account',
        'outbox_message',
        'rate_limit',
        'role_change',
        'session',
        'throttle_counter',
        'user',
        'verification',
      ]),
    );
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(database.db)).toEqual([]);
  });

  it('refuses a producer without its producer and a promoter without its province', async () => {
    const base = { name: 'X', emailVerified: false };
    await expect(
      database.db.insert(users).values({ ...base, id: 'u1', email: 'a@example.com', role: 'producer' }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(users).values({ ...base, id: 'u2', email: 'b@example.com', role: 'promoter' }),
    ).rejects.toThrow();
    await expect(
      database.db
        .insert(users)
        .values({ ...base, id: 'u3', email: 'c@example.com', role: 'shopper', provinceId: 'ben-tre' }),
    ).rejects.toThrow();
    await database.db
      .insert(users)
      .values({ ...base, id: 'u4', email: 'd@example.com', role: 'producer', producerId: 'dong-a' });
    const [row] = await database.db.select().from(users);
    expect(row).toMatchObject({ id: 'u4', role: 'producer', producerId: 'dong-a', provinceId: null });
  });
});
