/**
 * The throttles against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): a burst of
 * parallel attempts lets exactly the limit through, for the counter itself, for wrong passwords and for reset
 * requests; a refused attempt is told how long to wait; a new window starts over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createAccounts, type Accounts } from '../../src/features/accounts/accounts.server';
import { THROTTLES } from '../../src/features/accounts/accounts';
import { outboxMessages } from '../../src/lib/db/schema';
import { databaseTargets, type TestDatabase } from './db-harness';

const SECRET = 'test-secret-test-secret-test-secret-0123';
/** More attempts at once than any limit below, so the burst has to be refused in part. */
const BURST = 40;

describe.each(databaseTargets())('throttles on $name', (target) => {
  let database: TestDatabase;
  let accounts: Accounts;
  let clock = new Date('2026-11-21T08:00:00Z').getTime();

  beforeAll(async () => {
    database = await target.open();
    accounts = createAccounts({
      db: database.db,
      secret: SECRET,
      baseURL: 'http://127.0.0.1:4321',
      production: false,
      now: () => new Date(clock),
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it(`lets exactly ${THROTTLES.checkoutAddress.limit} of ${BURST} parallel order attempts from one address through`, async () => {
    const verdicts = await Promise.all(
      Array.from({ length: BURST }, () => accounts.throttle.hit('checkoutAddress', '198.51.100.7')),
    );
    const allowed = verdicts.filter((v) => v.allowed).length;
    expect(allowed).toBe(THROTTLES.checkoutAddress.limit);
    expect(verdicts.filter((v) => !v.allowed)).toEqual(
      Array(BURST - allowed).fill({ allowed: false, retryAfter: THROTTLES.checkoutAddress.windowSeconds }),
    );
    // Another address is counted apart.
    expect(await accounts.throttle.hit('checkoutAddress', '198.51.100.8')).toEqual({ allowed: true });
  });

  it('tells a refused attempt the seconds left, and starts over once the window has closed', async () => {
    clock += 4 * 60 * 1000;
    expect(await accounts.throttle.hit('checkoutAddress', '198.51.100.7')).toEqual({
      allowed: false,
      retryAfter: 6 * 60,
    });
    clock += 6 * 60 * 1000;
    expect(await accounts.throttle.hit('checkoutAddress', '198.51.100.7')).toEqual({ allowed: true });
  });

  it(`answers a burst of ${BURST} parallel wrong passwords for one email with exactly ${THROTTLES.signInAccount.limit} password checks`, async () => {
    await accounts.signUp(
      { name: 'Burst Target', email: 'burst@example.com', password: 'right-password-1', next: undefined },
      '203.0.113.40',
    );
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        accounts.signIn(
          { email: 'Burst@Example.com', password: `wrong-${i}`, next: undefined },
          `192.0.2.${i + 1}`,
        ),
      ),
    );
    const reasons = answers.map((a) => (a.ok ? 'ok' : a.reason));
    expect(reasons.filter((r) => r === 'invalid-credentials')).toHaveLength(THROTTLES.signInAccount.limit);
    expect(reasons.filter((r) => r === 'throttled')).toHaveLength(BURST - THROTTLES.signInAccount.limit);
    const right = await accounts.signIn(
      { email: 'burst@example.com', password: 'right-password-1', next: undefined },
      '192.0.2.200',
    );
    expect(right).toEqual({ ok: false, reason: 'throttled', retryAfter: 60 });
  });

  it('counts a sign-in whose email no database could store (a NUL), then refuses the email, not the database', async () => {
    // Counted before better-auth checks the email: the key drops the NUL, so the refusal is the email's (a 400).
    await expect(
      accounts.signIn(
        { email: 'lan\u0000@example.com', password: 'wrong-password-1', next: undefined },
        '192.0.2.250',
      ),
    ).rejects.toThrow('Invalid email');
  });

  it('gives a right password its attempt back, so a shopper who signs in often is never locked out', async () => {
    clock += 61 * 1000;
    for (let i = 0; i < THROTTLES.signInAddress.limit + 5; i++) {
      const result = await accounts.signIn(
        { email: 'burst@example.com', password: 'right-password-1', next: undefined },
        '203.0.113.41',
      );
      expect(result.ok).toBe(true);
    }
  });

  it(`mails at most ${THROTTLES.resetEmail.limit} reset links to one email per hour, however many requests arrive at once`, async () => {
    const resetPage = 'http://127.0.0.1:4321/reset-password';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        accounts.requestPasswordReset({ email: 'burst@example.com' }, resetPage, `192.0.2.${50 + i}`),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(THROTTLES.resetEmail.limit);
    expect(answers.filter((a) => !a.ok)[0]).toEqual({ ok: false, reason: 'throttled', retryAfter: 3600 });
    const [mailed] = await database.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, 'burst@example.com'));
    expect(mailed?.n).toBe(THROTTLES.resetEmail.limit);
  });

  it('throttles reset requests from one address across emails', async () => {
    const address = '203.0.113.90';
    const answers = [];
    for (let i = 0; i <= THROTTLES.resetAddress.limit; i++)
      answers.push(
        await accounts.requestPasswordReset({ email: `who-${i}@example.com` }, 'http://x.test/r', address),
      );
    expect(answers.slice(0, -1).every((a) => a.ok)).toBe(true);
    expect(answers.at(-1)).toEqual({ ok: false, reason: 'throttled', retryAfter: 3600 });
  });
});
