import { describe, expect, it } from 'vitest';
import { checkViolation, isDatabaseUnavailable, isRetryableConflict, uniqueViolation } from './errors';

const wrapped = (cause: object) => Object.assign(new Error('Failed query'), { cause });

describe('database error mapping', () => {
  it('names the unique constraint through Drizzle’s wrapper (postgres-js spelling)', () => {
    expect(uniqueViolation(wrapped({ code: '23505', constraint_name: 'orders_number_key' }))).toBe(
      'orders_number_key',
    );
  });

  it('names the check constraint (PGlite spelling)', () => {
    expect(checkViolation(wrapped({ code: '23514', constraint: 'pool_within_budget' }))).toBe(
      'pool_within_budget',
    );
  });

  it('answers null for other errors and other codes', () => {
    expect(uniqueViolation(new Error('boom'))).toBeNull();
    expect(uniqueViolation(wrapped({ code: '23514', constraint: 'x' }))).toBeNull();
    expect(checkViolation(null)).toBeNull();
  });

  it('recognises a lost race as retryable', () => {
    expect(isRetryableConflict(wrapped({ code: '40P01' }))).toBe(true);
    expect(isRetryableConflict(wrapped({ code: '23505' }))).toBe(false);
  });

  it.each([
    ['a refused connection (postgres-js)', { code: 'ECONNREFUSED' }],
    ['a connection closed under a query (postgres-js)', { code: 'CONNECTION_CLOSED' }],
    ['the server shutting down (admin_shutdown)', { code: '57P01' }],
    ['the server still starting (cannot_connect_now)', { code: '57P03' }],
    ['a connection exception (class 08)', { code: '08006' }],
  ])('recognises %s as the database being unavailable', (_, cause) => {
    expect(isDatabaseUnavailable(wrapped(cause))).toBe(true);
  });

  it('does not take a broken rule or a plain error for an outage', () => {
    expect(isDatabaseUnavailable(wrapped({ code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(wrapped({ code: '42P01' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
