/**
 * Database errors in the project's own words. Drivers (postgres-js, PGlite) and Drizzle wrap Postgres errors
 * differently; features ask these functions which constraint was broken and never read SQLSTATE codes themselves.
 */

type PgErrorLike = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

/** Walks Drizzle's wrapper chain to the driver's error carrying `code`, if any. */
function driverError(error: unknown, code: string): PgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const candidate = current as PgErrorLike;
    if (candidate.code === code) return candidate;
    current = candidate.cause;
  }
  return null;
}

function constraintOf(error: PgErrorLike, fallback: string): string {
  const name = error.constraint_name ?? error.constraint;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

/** The name of the unique constraint (or index) an insert or update broke, or null. */
export function uniqueViolation(error: unknown): string | null {
  const found = driverError(error, UNIQUE_VIOLATION);
  return found ? constraintOf(found, 'unique') : null;
}

/** The name of the CHECK constraint a write broke, or null. */
export function checkViolation(error: unknown): string | null {
  const found = driverError(error, CHECK_VIOLATION);
  return found ? constraintOf(found, 'check') : null;
}

/** True when the transaction lost a race (serialization failure or deadlock) and may simply be retried. */
export function isRetryableConflict(error: unknown): boolean {
  return driverError(error, SERIALIZATION_FAILURE) !== null || driverError(error, DEADLOCK_DETECTED) !== null;
}

/**
 * Errors that mean "the database cannot be reached right now" rather than "this request is wrong": no connection
 * (refused, reset, timed out, closed under us; postgres-js names its own), the server shutting down or still
 * starting (57P01-57P03), or any connection exception (class 08). A restart of PostgreSQL looks like this; the
 * request may be answered 503 and retried, and the driver reconnects on the next query.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** True when the error (or one it wraps) says the database is down, restarting or unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as PgErrorLike).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    current = (current as PgErrorLike).cause;
  }
  return false;
}
