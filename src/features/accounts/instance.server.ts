/**
 * The site's accounts service, built once per process from the environment: the shared database, AUTH_SECRET
 * (production refuses to run without it; development generates one into the data folder), and the demo accounts
 * seeded on first start outside production.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { AUTH_SECRET } from 'astro:env/server';
import { dataDir, getDb } from '../../lib/db';
import type { CatalogueIndex } from './accounts';
import { createAccounts, type Accounts } from './accounts.server';
import { DEMO_ACCOUNTS } from './demo-accounts';

/** Read at run time (not inlined by the build), so one build serves development and production. */
export function isProduction(): boolean {
  return process.env['NODE_ENV'] === 'production';
}

/** AUTH_SECRET, or in development a random one kept in the data folder so sessions survive restarts. */
export function authSecret(): string {
  if (AUTH_SECRET) {
    if (AUTH_SECRET.length < 32)
      throw new Error('AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).');
    return AUTH_SECRET;
  }
  if (isProduction()) {
    throw new Error(
      'AUTH_SECRET is not set. Production refuses to start without it: set it to 32+ random characters.',
    );
  }
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let building: Promise<Accounts> | undefined;

/** The accounts service (database opened and migrated, demo accounts present in development). */
export function getAccounts(): Promise<Accounts> {
  building ??= (async () => {
    const secret = authSecret();
    const db = await getDb();
    const accounts = createAccounts({
      db,
      secret,
      baseURL: import.meta.env.SITE,
      production: isProduction(),
      printMessages: !isProduction(),
    });
    if (!isProduction()) {
      const created = await accounts.seedDemoAccounts(DEMO_ACCOUNTS);
      if (created.length > 0)
        console.info(`[accounts] demo accounts created: ${created.join(', ')} (see docs/accounts.md)`);
    }
    return accounts;
  })().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

let catalogue: Promise<CatalogueIndex> | undefined;

/** Producer, product and province ids of the catalogue, for role assignment and ownership checks. */
export function catalogueIndex(): Promise<CatalogueIndex> {
  catalogue ??= (async () => {
    const [producers, products, provinces] = await Promise.all([
      getCollection('producers'),
      getCollection('products'),
      getCollection('provinces'),
    ]);
    return {
      producers: new Map(producers.map((p) => [p.id, { provinceId: p.data.province }])),
      products: new Map(products.map((p) => [p.id, { producerId: p.data.producer }])),
      provinces: new Set(provinces.map((p) => p.id)),
    };
  })();
  return catalogue;
}
