/**
 * Accounts against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): sign-up, sign-in,
 * sign-out, password reset through the outbox, the sign-in throttle, role assignment and the permission rules
 * with users loaded from their sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import {
  createAccounts,
  type Accounts,
  type CookieToSet,
  type SignedInUser,
} from '../../src/features/accounts/accounts.server';
import { can, productResource, THROTTLES, type Action } from '../../src/features/accounts/accounts';
import { DEMO_ACCOUNTS } from '../../src/features/accounts/demo-accounts';
import { outboxMessages, roleChanges, sessions, users } from '../../src/lib/db/schema';
import { loadCatalogueIndex } from '../fixtures/catalogue-index';
import { databaseTargets, type TestDatabase } from './db-harness';

const catalogue = loadCatalogueIndex();
const SECRET = 'test-secret-test-secret-test-secret-0123';

/** The Cookie header a browser would send back after these Set-Cookie instructions. */
function cookieHeader(cookies: CookieToSet[]): string {
  return cookies
    .filter((c) => c.value !== '' && (c.options.maxAge === undefined || c.options.maxAge > 0))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

describe.each(databaseTargets())('accounts on $name', (target) => {
  let database: TestDatabase;
  let accounts: Accounts;
  // The throttle's clock; tests move it forward to step past the window.
  let clock = new Date('2026-11-21T08:00:00Z').getTime();
  const signedIn = new Map<string, SignedInUser>();

  async function signInAs(email: string, password: string, address = '198.51.100.1'): Promise<SignedInUser> {
    const result = await accounts.signIn({ email, password, next: undefined }, address);
    if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.reason}`);
    const user = await accounts.userForRequest(new Headers({ cookie: cookieHeader(result.cookies) }));
    if (!user) throw new Error(`no session for ${email}`);
    return user;
  }

  beforeAll(async () => {
    database = await target.open();
    accounts = createAccounts({
      db: database.db,
      secret: SECRET,
      baseURL: 'http://127.0.0.1:4321',
      production: false,
      now: () => new Date(clock),
    });
    await accounts.seedDemoAccounts(DEMO_ACCOUNTS);
    // The first demo account of each role stands for it (Bến Tre's promoter; Cà Mau's is the second).
    for (const demo of DEMO_ACCOUNTS)
      if (!signedIn.has(demo.role))
        signedIn.set(demo.role, await signInAs(demo.email, demo.password, '198.51.100.9'));
  });
  afterAll(async () => {
    await database?.dispose();
  });

  describe('sign-up, sign-in, sign-out', () => {
    it('signs up a shopper with a database session in an HttpOnly, SameSite=Lax cookie', async () => {
      const result = await accounts.signUp(
        { name: 'Thu Phạm', email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        '203.0.113.5',
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const session = result.cookies.find((c) => c.name.endsWith('session_token'));
      expect(session?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
      expect(session?.options.secure).toBeFalsy();
      const user = await accounts.userForRequest(new Headers({ cookie: cookieHeader(result.cookies) }));
      expect(user).toMatchObject({
        email: 'thu@example.com',
        name: 'Thu Phạm',
        role: 'shopper',
        producerId: null,
      });
      const [stored] = await database.db
        .select({ n: count() })
        .from(sessions)
        .where(eq(sessions.userId, result.userId!));
      expect(stored?.n).toBe(1);
    });

    it('stores the password as a hash, never as typed', async () => {
      const rows = await database.db.query.accounts.findMany();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.password).not.toContain('mật-khẩu-dài-10');
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      const result = await accounts.signUp(
        { name: 'Someone', email: 'thu@example.com', password: 'another-password', next: undefined },
        '203.0.113.5',
      );
      expect(result).toEqual({ ok: false, reason: 'email-taken' });
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const unknown = await accounts.signIn(
        { email: 'nobody@example.com', password: 'whatever-123', next: undefined },
        '203.0.113.6',
      );
      const wrong = await accounts.signIn(
        { email: 'thu@example.com', password: 'wrong-password', next: undefined },
        '203.0.113.6',
      );
      expect(unknown).toEqual({ ok: false, reason: 'invalid-credentials' });
      expect(wrong).toEqual(unknown);
    });

    it('ends the session on sign-out, so its cookie no longer signs anyone in', async () => {
      const result = await accounts.signIn(
        { email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        '203.0.113.7',
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const cookie = cookieHeader(result.cookies);
      expect(await accounts.userForRequest(new Headers({ cookie }))).not.toBeNull();
      const cleared = await accounts.signOut(cookie, '203.0.113.7');
      expect(
        cleared.some((c) => c.name.endsWith('session_token') && (c.value === '' || c.options.maxAge === 0)),
      ).toBe(true);
      expect(await accounts.userForRequest(new Headers({ cookie }))).toBeNull();
    });

    it('treats a forged or missing cookie as signed out', async () => {
      expect(await accounts.userForRequest(new Headers())).toBeNull();
      expect(
        await accounts.userForRequest(new Headers({ cookie: 'ocop.session_token=forged.value' })),
      ).toBeNull();
    });
  });

  describe('sign-in throttle', () => {
    it('refuses the 11th and 12th wrong password for one email within a minute, even with the right password', async () => {
      await accounts.signUp(
        { name: 'Target', email: 'target@example.com', password: 'right-password-1', next: undefined },
        '203.0.113.20',
      );
      const answers: string[] = [];
      // A different address each time: the per-account limit must hold on its own.
      for (let attempt = 1; attempt <= 12; attempt++) {
        const result = await accounts.signIn(
          { email: 'target@example.com', password: `wrong-${attempt}`, next: undefined },
          `192.0.2.${attempt}`,
        );
        answers.push(result.ok ? 'ok' : result.reason);
      }
      expect(answers.slice(0, THROTTLES.signInAccount.limit)).toEqual(
        Array(THROTTLES.signInAccount.limit).fill('invalid-credentials'),
      );
      expect(answers[10]).toBe('throttled');
      expect(answers[11]).toBe('throttled');
      const right = await accounts.signIn(
        { email: 'target@example.com', password: 'right-password-1', next: undefined },
        '192.0.2.99',
      );
      expect(right).toEqual({ ok: false, reason: 'throttled', retryAfter: 60 });
    });

    it('lets the account in again once the minute has passed', async () => {
      clock += (THROTTLES.signInAccount.windowSeconds + 1) * 1000;
      const right = await accounts.signIn(
        { email: 'target@example.com', password: 'right-password-1', next: undefined },
        '192.0.2.99',
      );
      expect(right.ok).toBe(true);
    });

    it('throttles an unknown email exactly like a known one', async () => {
      const answers: string[] = [];
      for (let attempt = 1; attempt <= 12; attempt++) {
        const result = await accounts.signIn(
          { email: 'ghost@example.com', password: 'guess-12345', next: undefined },
          `192.0.2.${100 + attempt}`,
        );
        answers.push(result.ok ? 'ok' : result.reason);
      }
      expect(answers.slice(10)).toEqual(['throttled', 'throttled']);
    });

    it('throttles one address trying many emails, and only that address', async () => {
      const address = '203.0.113.66';
      for (let i = 0; i < THROTTLES.signInAddress.limit; i++) {
        const result = await accounts.signIn(
          { email: `spray-${i}@example.com`, password: 'Password123', next: undefined },
          address,
        );
        expect(result).toEqual({ ok: false, reason: 'invalid-credentials' });
      }
      const next = await accounts.signIn(
        { email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        address,
      );
      expect(next).toEqual({ ok: false, reason: 'throttled', retryAfter: 60 });
      const elsewhere = await accounts.signIn(
        { email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        '203.0.113.67',
      );
      expect(elsewhere.ok).toBe(true);
    });
  });

  describe('password reset', () => {
    const resetPage = 'http://127.0.0.1:4321/en/reset-password';

    it('queues nothing for an unknown email, and answers the same', async () => {
      const before = await database.db.select({ n: count() }).from(outboxMessages);
      await expect(
        accounts.requestPasswordReset({ email: 'nobody@example.com' }, resetPage, '203.0.113.30'),
      ).resolves.toEqual({ ok: true });
      const after = await database.db.select({ n: count() }).from(outboxMessages);
      expect(after[0]?.n).toBe(before[0]?.n);
    });

    it('sends a one-time link through the outbox; the new password works, the old one and the link do not', async () => {
      const session = await accounts.signIn(
        { email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
        '203.0.113.31',
      );
      expect(session.ok).toBe(true);
      await accounts.requestPasswordReset({ email: 'thu@example.com' }, resetPage, '203.0.113.31');
      const [message] = await database.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.recipient, 'thu@example.com'))
        .orderBy(desc(outboxMessages.id));
      expect(message).toMatchObject({ kind: 'password-reset', sentAt: null });
      const link = /https?:\/\/\S+/.exec(message!.body)?.[0];
      expect(link).toBeDefined();
      const url = new URL(link!);
      expect(url.origin + url.pathname).toBe(resetPage);
      const token = url.searchParams.get('token')!;
      expect(token.length).toBeGreaterThanOrEqual(20);

      const reset = await accounts.resetPassword(
        { token, password: 'brand-new-password', confirm: 'brand-new-password' },
        '203.0.113.31',
      );
      expect(reset.ok).toBe(true);
      // Every session of the account ended with the reset.
      if (session.ok)
        expect(
          await accounts.userForRequest(new Headers({ cookie: cookieHeader(session.cookies) })),
        ).toBeNull();
      expect(
        await accounts.signIn(
          { email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
          '203.0.113.32',
        ),
      ).toEqual({
        ok: false,
        reason: 'invalid-credentials',
      });
      expect(
        (
          await accounts.signIn(
            { email: 'thu@example.com', password: 'brand-new-password', next: undefined },
            '203.0.113.32',
          )
        ).ok,
      ).toBe(true);
      const again = await accounts.resetPassword(
        { token, password: 'third-password-x', confirm: 'third-password-x' },
        '203.0.113.31',
      );
      expect(again).toEqual({ ok: false, reason: 'token-invalid' });
    });

    it('refuses a made-up token', async () => {
      const result = await accounts.resetPassword(
        { token: 'not-a-real-token-123456', password: 'whatever-12345', confirm: 'whatever-12345' },
        '203.0.113.33',
      );
      expect(result).toEqual({ ok: false, reason: 'token-invalid' });
    });
  });

  describe('roles', () => {
    it('seeds one demo account per role, linked as documented, and only once', async () => {
      expect(signedIn.get('producer')).toMatchObject({
        email: 'producer@example.com',
        role: 'producer',
        producerId: 'dong-a',
      });
      expect(signedIn.get('promoter')).toMatchObject({
        email: 'promoter@example.com',
        role: 'promoter',
        provinceId: 'ben-tre',
      });
      expect(signedIn.get('admin')).toMatchObject({ role: 'admin', producerId: null, provinceId: null });
      expect(signedIn.get('shopper')).toMatchObject({ role: 'shopper' });
      expect(await accounts.seedDemoAccounts(DEMO_ACCOUNTS)).toEqual([]);
      const caMau = await signInAs('promoter-camau@example.com', 'ocop-promoter-camau-demo', '198.51.100.9');
      expect(caMau).toMatchObject({ role: 'promoter', provinceId: 'ca-mau' });
    });

    it('lets only an admin list accounts', async () => {
      const list = await accounts.listUsers(signedIn.get('admin')!);
      expect(Array.isArray(list) && list.map((u) => u.email)).toContain('producer@example.com');
      for (const role of ['shopper', 'producer', 'promoter'] as const) {
        expect(await accounts.listUsers(signedIn.get(role)!)).toBe('forbidden');
      }
      expect(await accounts.listUsers(null)).toBe('forbidden');
    });

    it('lets an admin make a shopper a producer of a catalogue producer, recorded with who did it', async () => {
      const signUp = await accounts.signUp(
        { name: 'Ba Xu Dừa', email: 'xudua@example.com', password: 'coconut-1234', next: undefined },
        '203.0.113.40',
      );
      expect(signUp.ok).toBe(true);
      const userId = signUp.ok ? signUp.userId! : '';
      const admin = signedIn.get('admin')!;
      expect(
        await accounts.assignRole(
          admin,
          { userId, role: 'producer', producerId: 'htx-xu-dua', provinceId: null },
          catalogue,
        ),
      ).toEqual({ ok: true });
      const user = await signInAs('xudua@example.com', 'coconut-1234', '203.0.113.40');
      expect(user).toMatchObject({ role: 'producer', producerId: 'htx-xu-dua', provinceId: null });
      const [change] = await database.db.select().from(roleChanges).where(eq(roleChanges.userId, userId));
      expect(change).toMatchObject({ role: 'producer', producerId: 'htx-xu-dua', changedBy: admin.id });

      // Moving them to promoter drops the producer link in the same write.
      await accounts.assignRole(
        admin,
        { userId, role: 'promoter', producerId: null, provinceId: 'ca-mau' },
        catalogue,
      );
      const [row] = await database.db.select().from(users).where(eq(users.id, userId));
      expect(row).toMatchObject({ role: 'promoter', producerId: null, provinceId: 'ca-mau' });
    });

    it('refuses ids the catalogue does not have, naming the field, and writes nothing', async () => {
      const shopper = signedIn.get('shopper')!;
      const result = await accounts.assignRole(
        signedIn.get('admin')!,
        { userId: shopper.id, role: 'producer', producerId: 'no-such-producer', provinceId: null },
        catalogue,
      );
      expect(result).toEqual({ ok: false, reason: 'invalid', fields: { producerId: 'producerUnknown' } });
      const promoter = await accounts.assignRole(
        signedIn.get('admin')!,
        { userId: shopper.id, role: 'promoter', producerId: null, provinceId: 'atlantis' },
        catalogue,
      );
      expect(promoter).toEqual({ ok: false, reason: 'invalid', fields: { provinceId: 'provinceUnknown' } });
      const [row] = await database.db.select().from(users).where(eq(users.id, shopper.id));
      expect(row?.role).toBe('shopper');
    });

    it('refuses role changes by non-admins, by an admin on itself, and for unknown users; nothing is written', async () => {
      const shopper = signedIn.get('shopper')!;
      const before = await database.db.select({ n: count() }).from(roleChanges);
      for (const role of ['shopper', 'producer', 'promoter'] as const) {
        const result = await accounts.assignRole(
          signedIn.get(role)!,
          { userId: shopper.id, role: 'admin', producerId: null, provinceId: null },
          catalogue,
        );
        expect(result).toEqual({ ok: false, reason: 'forbidden' });
      }
      const admin = signedIn.get('admin')!;
      expect(
        await accounts.assignRole(
          admin,
          { userId: admin.id, role: 'shopper', producerId: null, provinceId: null },
          catalogue,
        ),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(
        await accounts.assignRole(
          null,
          { userId: shopper.id, role: 'admin', producerId: null, provinceId: null },
          catalogue,
        ),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(
        await accounts.assignRole(
          admin,
          { userId: 'no-such-user', role: 'admin', producerId: null, provinceId: null },
          catalogue,
        ),
      ).toEqual({
        ok: false,
        reason: 'not-found',
      });
      const after = await database.db.select({ n: count() }).from(roleChanges);
      expect(after[0]?.n).toBe(before[0]?.n);
      const [row] = await database.db.select().from(users).where(eq(users.id, shopper.id));
      expect(row?.role).toBe('shopper');
    });
  });

  describe('permissions of users loaded from their sessions', () => {
    // Dong A (Ben Tre) is the demo producer's; Minh Quach is in Ca Mau.
    const own = productResource(catalogue, 'keo-dua-ca-cao-ben-tre')!;
    const otherProducerSameProvince = productResource(catalogue, 'bo-chen-gao-dua-xu-dua')!;
    const otherProvince = productResource(catalogue, 'kho-ca-keo-minh-quach')!;
    const producerActions: Action[] = ['product.edit', 'order.fulfil', 'booth.apply'];
    const provinceActions: Action[] = [
      'listing.verify',
      'fair.organise',
      'booth.approve',
      'subsidy.setPolicy',
      'report.view',
    ];

    it('resolves products to their producer and province from the catalogue', () => {
      expect(own).toEqual({ producerId: 'dong-a', provinceId: 'ben-tre' });
      expect(otherProducerSameProvince).toEqual({ producerId: 'htx-xu-dua', provinceId: 'ben-tre' });
      expect(otherProvince).toEqual({ producerId: 'minh-quach', provinceId: 'ca-mau' });
      expect(productResource(catalogue, 'no-such-product')).toBeNull();
    });

    it('a producer acts on its own products only, never with another producer’s product id', () => {
      const producer = signedIn.get('producer')!;
      for (const action of producerActions) {
        expect(can(producer, action as 'product.edit', own)).toBe(true);
        expect(can(producer, action as 'product.edit', otherProducerSameProvince)).toBe(false);
        expect(can(producer, action as 'product.edit', otherProvince)).toBe(false);
      }
      for (const action of provinceActions) expect(can(producer, action as 'fair.organise', own)).toBe(false);
      expect(can(producer, 'producer.dashboard', null)).toBe(true);
      expect(can(producer, 'promoter.console', null)).toBe(false);
      expect(can(producer, 'admin.console', null)).toBe(false);
    });

    it('a promoter acts in its own province only', () => {
      const promoter = signedIn.get('promoter')!;
      for (const action of provinceActions) {
        expect(can(promoter, action as 'fair.organise', { provinceId: 'ben-tre' })).toBe(true);
        expect(can(promoter, action as 'fair.organise', otherProvince)).toBe(false);
      }
      for (const action of producerActions) expect(can(promoter, action as 'product.edit', own)).toBe(false);
      expect(can(promoter, 'promoter.console', null)).toBe(true);
      expect(can(promoter, 'producer.dashboard', null)).toBe(false);
      expect(can(promoter, 'user.setRole', { userId: signedIn.get('shopper')!.id })).toBe(false);
    });

    it('a shopper and an admin have neither producer nor province powers; only the admin manages roles', () => {
      for (const role of ['shopper', 'admin'] as const) {
        const user = signedIn.get(role)!;
        for (const action of producerActions) expect(can(user, action as 'product.edit', own)).toBe(false);
        for (const action of provinceActions)
          expect(can(user, action as 'fair.organise', { provinceId: 'ben-tre' })).toBe(false);
        expect(can(user, 'account.view', null)).toBe(true);
        expect(can(user, 'order.viewOwn', { customerId: user.id })).toBe(true);
        expect(can(user, 'order.viewOwn', { customerId: 'someone-else' })).toBe(false);
      }
      expect(can(signedIn.get('admin')!, 'user.setRole', { userId: signedIn.get('shopper')!.id })).toBe(true);
      expect(can(signedIn.get('shopper')!, 'admin.console', null)).toBe(false);
    });

    it('takes a role change into account on the very next request', async () => {
      const admin = signedIn.get('admin')!;
      const result = await accounts.signUp(
        { name: 'Demoted', email: 'demoted@example.com', password: 'demoted-12345', next: undefined },
        '203.0.113.50',
      );
      if (!result.ok) throw new Error(result.reason);
      const cookie = new Headers({ cookie: cookieHeader(result.cookies) });
      await accounts.assignRole(
        admin,
        { userId: result.userId!, role: 'promoter', producerId: null, provinceId: 'son-la' },
        catalogue,
      );
      expect(can(await accounts.userForRequest(cookie), 'fair.organise', { provinceId: 'son-la' })).toBe(
        true,
      );
      await accounts.assignRole(
        admin,
        { userId: result.userId!, role: 'shopper', producerId: null, provinceId: null },
        catalogue,
      );
      expect(can(await accounts.userForRequest(cookie), 'fair.organise', { provinceId: 'son-la' })).toBe(
        false,
      );
    });
  });
});

describe('session cookies in production', () => {
  it('are Secure, HttpOnly and SameSite=Lax', async () => {
    const [target] = databaseTargets();
    const database = await target!.open();
    try {
      const accounts = createAccounts({
        db: database.db,
        secret: SECRET,
        baseURL: 'https://ocop.example',
        production: true,
      });
      const result = await accounts.signUp(
        { name: 'Prod', email: 'prod@example.com', password: 'production-123', next: undefined },
        '203.0.113.80',
      );
      if (!result.ok) throw new Error(result.reason);
      const session = result.cookies.find((c) => c.name.endsWith('session_token'));
      expect(session?.name.startsWith('__Secure-')).toBe(true);
      expect(session?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
    } finally {
      await database.dispose();
    }
  });
});
