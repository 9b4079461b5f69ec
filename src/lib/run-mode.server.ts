/**
 * How this process runs: production or not (read at run time, so one build serves both), the session secret, and
 * the memoised builder the composition root (src/services.server.ts) makes each service with.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH_SECRET } from 'astro:env/server';
import { dataDir } from '~/lib/db';

/** Read at run time (not inlined by the build), so one build serves development and production. */
export function isProduction(): boolean {
  return process.env['NODE_ENV'] === 'production';
}

/** Memoises an async builder; a failure (e.g. the database still starting) lets the next call try again. */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let building: Promise<T> | undefined;
  return () => {
    building ??= build().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  };
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
