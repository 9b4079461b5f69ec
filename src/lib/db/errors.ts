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
