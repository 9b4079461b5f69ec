import { describe, expect, it } from 'vitest';
import {
  can,
  denial,
  passwordResetSchema,
  productResource,
  reachableConsoles,
  roleAssignmentProblems,
  roleAssignmentSchema,
  safeNextPath,
  signInSchema,
  signUpSchema,
  accountThrottleKey,
  combinedVerdict,
  retryWait,
  throttleVerdict,
  throttleWindowCutoff,
  THROTTLES,
  type Action,
  type Actor,
  type CatalogueIndex,
} from './accounts';

const shopper: Actor = { id: 'u-shopper', role: 'shopper', producerId: null, provinceId: null };
const producer: Actor = { id: 'u-producer', role: 'producer', producerId: 'dong-a', provinceId: null };
const promoter: Actor = { id: 'u-promoter', role: 'promoter', producerId: null, provinceId: 'ben-tre' };
const admin: Actor = { id: 'u-admin', role: 'admin', producerId: null, provinceId: null };

const catalogue: CatalogueIndex = {
  producers: new Map([
    ['dong-a', { provinceId: 'ben-tre' }],
    ['htx-xu-dua', { provinceId: 'ben-tre' }],
    ['minh-quach', { provinceId: 'ca-mau' }],
  ]),
  products: new Map([
    ['keo-dua-ca-cao-ben-tre', { producerId: 'dong-a' }],
    ['dua-say-deo-xu-dua', { producerId: 'htx-xu-dua' }],
    ['kho-ca-keo-minh-quach', { producerId: 'minh-quach' }],
  ]),
  provinces: new Set(['ben-tre', 'ca-mau']),
};
const ownProduct = productResource(catalogue, 'keo-dua-ca-cao-ben-tre')!;
const neighbourProduct = productResource(catalogue, 'dua-say-deo-xu-dua')!;
const otherProvinceProduct = productResource(catalogue, 'kho-ca-keo-minh-quach')!;

/** Every action against one resource, as a row of the permission matrix. */
function row(user: Actor | null) {
  const producerActions = ['product.edit', 'listing.submit', 'order.fulfil', 'booth.apply'] as const;
  const provinceActions = [
    'listing.verify',
    'listing.moderate',
    'listing.delegate',
    'fair.organise',
    'booth.approve',
    'subsidy.setPolicy',
    'report.view',
  ] as const;
  const result: Record<string, boolean> = {
    'account.view': can(user, 'account.view', null),
    'order.viewOwn (own)': can(user, 'order.viewOwn', { customerId: user?.id ?? 'x' }),
    'order.viewOwn (other)': can(user, 'order.viewOwn', { customerId: 'someone-else' }),
    'producer.dashboard': can(user, 'producer.dashboard', null),
    'promoter.console': can(user, 'promoter.console', null),
    'admin.console': can(user, 'admin.console', null),
    'mail.retry': can(user, 'mail.retry', null),
    'user.setRole (other)': can(user, 'user.setRole', { userId: 'u-other' }),
    'user.setRole (self)': can(user, 'user.setRole', { userId: user?.id ?? 'x' }),
    'listing.history (own producer)': can(user, 'listing.history', ownProduct),
    'listing.history (other province)': can(user, 'listing.history', otherProvinceProduct),
  };
  for (const action of producerActions) {
    result[`${action} (own producer)`] = can(user, action, ownProduct);
    result[`${action} (other producer)`] = can(user, action, neighbourProduct);
  }
  for (const action of provinceActions) {
    result[`${action} (own province)`] = can(user, action, { provinceId: 'ben-tre' });
    result[`${action} (other province)`] = can(user, action, otherProvinceProduct);
  }
  return result;
}

const allowedBy = (user: Actor | null) =>
  Object.entries(row(user))
    .filter(([, ok]) => ok)
    .map(([name]) => name)
    .sort();

describe('can: the permission matrix', () => {
  it('lets a visitor who is not signed in do nothing', () => {
    expect(allowedBy(null)).toEqual([]);
  });

  it('lets a shopper see its account and its own orders only', () => {
    expect(allowedBy(shopper)).toEqual(['account.view', 'order.viewOwn (own)']);
  });

  it('lets a producer manage its own producer’s products, orders and booths, nothing of another producer', () => {
    expect(allowedBy(producer)).toEqual([
      'account.view',
      'booth.apply (own producer)',
      'listing.history (own producer)',
      'listing.submit (own producer)',
      'order.fulfil (own producer)',
      'order.viewOwn (own)',
      'producer.dashboard',
      'product.edit (own producer)',
    ]);
  });

  it('lets a promoter act in its own province only', () => {
    expect(allowedBy(promoter)).toEqual([
      'account.view',
      'booth.approve (own province)',
      'fair.organise (own province)',
      'listing.delegate (own province)',
      'listing.history (own producer)',
      'listing.moderate (own province)',
      'listing.verify (own province)',
      'order.viewOwn (own)',
      'promoter.console',
      'report.view (own province)',
      'subsidy.setPolicy (own province)',
    ]);
  });

  it('lets an admin manage other people’s roles, but not its own, and no provincial or producer work', () => {
    expect(allowedBy(admin)).toEqual([
      'account.view',
      'admin.console',
      'mail.retry',
      'order.viewOwn (own)',
      'user.setRole (other)',
    ]);
  });

  it('refuses a producer role whose link is missing, and a promoter without a province', () => {
    const unlinked: Actor = { ...producer, producerId: null };
    const unscoped: Actor = { ...promoter, provinceId: null };
    expect(can(unlinked, 'producer.dashboard', null)).toBe(false);
    expect(can(unlinked, 'product.edit', { producerId: 'dong-a' })).toBe(false);
    expect(can(unscoped, 'promoter.console', null)).toBe(false);
    expect(can(unscoped, 'fair.organise', { provinceId: 'ben-tre' })).toBe(false);
  });

  it('shows a listing’s moderation log to its producer and its province’s promoters only', () => {
    const neighbour: Actor = { ...producer, id: 'u-neighbour', producerId: 'htx-xu-dua' };
    const caMau: Actor = { ...promoter, id: 'u-ca-mau', provinceId: 'ca-mau' };
    expect(can(producer, 'listing.history', ownProduct)).toBe(true);
    expect(can(neighbour, 'listing.history', ownProduct)).toBe(false);
    expect(can(promoter, 'listing.history', ownProduct)).toBe(true);
    expect(can(caMau, 'listing.history', ownProduct)).toBe(false);
    expect(can(admin, 'listing.history', ownProduct)).toBe(false);
  });

  it('denies an action it has no rule for', () => {
    expect(can(admin, 'no.such.action' as Action, null as never)).toBe(false);
  });
});

describe('denial and reachable consoles', () => {
  it('tells signed-out from forbidden', () => {
    expect(denial(null, 'promoter.console', null)).toBe('signed-out');
    expect(denial(shopper, 'promoter.console', null)).toBe('forbidden');
    expect(denial(promoter, 'promoter.console', null)).toBeNull();
  });

  it('lists the consoles each role reaches', () => {
    expect(reachableConsoles(null)).toEqual([]);
    expect(reachableConsoles(shopper)).toEqual([]);
    expect(reachableConsoles(producer)).toEqual(['producer']);
    expect(reachableConsoles(promoter)).toEqual(['promoter']);
    expect(reachableConsoles(admin)).toEqual(['admin']);
  });
});

describe('catalogue resources', () => {
  it('resolves a product to its producer and province, and an unknown id to null', () => {
    expect(ownProduct).toEqual({ producerId: 'dong-a', provinceId: 'ben-tre' });
    expect(productResource(catalogue, 'nope')).toBeNull();
  });

  it('names the unknown producer or province of a role assignment', () => {
    expect(
      roleAssignmentProblems(
        { userId: 'u', role: 'producer', producerId: 'ghost', provinceId: null },
        catalogue,
      ),
    ).toEqual({
      producerId: 'producerUnknown',
    });
    expect(
      roleAssignmentProblems(
        { userId: 'u', role: 'promoter', producerId: null, provinceId: 'hanoi' },
        catalogue,
      ),
    ).toEqual({
      provinceId: 'provinceUnknown',
    });
    expect(
      roleAssignmentProblems(
        { userId: 'u', role: 'producer', producerId: 'dong-a', provinceId: null },
        catalogue,
      ),
    ).toEqual({});
  });
});

describe('form schemas', () => {
  const issues = (result: {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  }) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

  it('normalises the email and keeps only a local next path', () => {
    const parsed = signInSchema.parse({
      email: '  Lan@Example.COM ',
      password: 'x',
      next: '//evil.example/',
    });
    expect(parsed).toEqual({ email: 'lan@example.com', password: 'x', next: undefined });
    expect(signInSchema.parse({ email: 'a@b.vn', password: 'x', next: '/en/promoter' }).next).toBe(
      '/en/promoter',
    );
  });

  it('names each bad sign-up field with a message key', () => {
    const result = signUpSchema.safeParse({ name: '  ', email: 'not-an-email', password: 'short' });
    expect(issues(result)).toEqual({
      name: 'nameRequired',
      email: 'emailInvalid',
      password: 'passwordTooShort',
    });
    expect(issues(signUpSchema.safeParse({ name: null, email: null, password: null }))).toEqual({
      name: 'nameRequired',
      email: 'emailRequired',
      password: 'passwordRequired',
    });
    expect(issues(signUpSchema.safeParse({ name: 'A', email: 'a@b.vn', password: 'x'.repeat(129) }))).toEqual(
      { password: 'passwordTooLong' },
    );
  });

  it('requires the reset password twice, the same', () => {
    const result = passwordResetSchema.safeParse({
      token: 'tok',
      password: 'long-enough-1',
      confirm: 'long-enough-2',
    });
    expect(issues(result)).toEqual({ confirm: 'passwordsDiffer' });
    expect(
      issues(
        passwordResetSchema.safeParse({ token: '', password: 'long-enough-1', confirm: 'long-enough-1' }),
      ),
    ).toEqual({ token: 'tokenInvalid' });
  });

  it('requires a producer for the producer role and a province for the promoter role', () => {
    expect(issues(roleAssignmentSchema.safeParse({ userId: 'u', role: 'producer', producerId: '' }))).toEqual(
      { producerId: 'producerRequired' },
    );
    expect(issues(roleAssignmentSchema.safeParse({ userId: 'u', role: 'promoter' }))).toEqual({
      provinceId: 'provinceRequired',
    });
    expect(issues(roleAssignmentSchema.safeParse({ userId: 'u', role: 'emperor' }))).toEqual({
      role: 'roleUnknown',
    });
  });

  it('drops the scope that does not belong to the role', () => {
    expect(
      roleAssignmentSchema.parse({
        userId: 'u',
        role: 'promoter',
        producerId: 'dong-a',
        provinceId: 'ben-tre',
      }),
    ).toEqual({
      userId: 'u',
      role: 'promoter',
      producerId: null,
      provinceId: 'ben-tre',
    });
    expect(
      roleAssignmentSchema.parse({
        userId: 'u',
        role: 'shopper',
        producerId: 'dong-a',
        provinceId: 'ben-tre',
      }),
    ).toEqual({
      userId: 'u',
      role: 'shopper',
      producerId: null,
      provinceId: null,
    });
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/account', '/account'],
    ['/en/producer?tab=orders', '/en/producer?tab=orders'],
    ['https://evil.example/', undefined],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
    ['javascript:alert(1)', undefined],
    ['/line\nbreak', undefined],
    [null, undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('throttle rule', () => {
  it('counts an email under one storable key, whatever was posted', () => {
    expect(accountThrottleKey('  Lan@Example.com ')).toBe('lan@example.com');
    // Counted before the email is checked: a NUL (which PostgreSQL text refuses) and any length must not fail.
    expect(accountThrottleKey('lan\u0000@example.com')).toBe('lan@example.com');
    expect(accountThrottleKey('a'.repeat(10_000))).toHaveLength(320);
  });

  const now = new Date('2026-11-21T08:00:30Z');
  const opened = new Date('2026-11-21T08:00:00Z');
  const rule = THROTTLES.signInAccount;

  it('lets attempts through up to the limit and refuses the next until the window closes', () => {
    expect(throttleVerdict({ count: rule.limit, windowStart: opened }, rule, now)).toEqual({ allowed: true });
    // Opened 30 s ago in a 60 s window: 30 s left.
    expect(throttleVerdict({ count: rule.limit + 1, windowStart: opened }, rule, now)).toEqual({
      allowed: false,
      retryAfter: 30,
    });
  });

  it('refuses the 11th wrong password for one email within a minute, and the 31st from one address', () => {
    expect(THROTTLES.signInAccount).toEqual({ limit: 10, windowSeconds: 60 });
    expect(throttleVerdict({ count: 11, windowStart: now }, rule, now).allowed).toBe(false);
    expect(throttleVerdict({ count: 30, windowStart: now }, THROTTLES.signInAddress, now).allowed).toBe(true);
    expect(throttleVerdict({ count: 31, windowStart: now }, THROTTLES.signInAddress, now).allowed).toBe(
      false,
    );
  });

  it('asks for at least one second, rounding the rest up', () => {
    const almostClosed = new Date(opened.getTime() + 59_999);
    expect(throttleVerdict({ count: 99, windowStart: opened }, rule, almostClosed)).toEqual({
      allowed: false,
      retryAfter: 1,
    });
    const checkout = THROTTLES.checkoutAddress;
    expect(
      throttleVerdict({ count: 21, windowStart: opened }, checkout, new Date(opened.getTime() + 100)),
    ).toEqual({
      allowed: false,
      retryAfter: 600,
    });
  });

  it('closes a window exactly windowSeconds after it opened', () => {
    expect(throttleWindowCutoff(rule, now)).toEqual(new Date('2026-11-21T07:59:30Z'));
    expect(throttleWindowCutoff(THROTTLES.resetEmail, now)).toEqual(new Date('2026-11-21T07:00:30Z'));
  });

  it('refuses an attempt when any of its throttles refuses, for the longest wait', () => {
    expect(combinedVerdict([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
    expect(
      combinedVerdict([
        { allowed: false, retryAfter: 12 },
        { allowed: true },
        { allowed: false, retryAfter: 40 },
      ]),
    ).toEqual({ allowed: false, retryAfter: 40 });
  });

  it('states a wait in seconds under two minutes, else in whole minutes rounded up', () => {
    expect(retryWait(0.2)).toEqual({ unit: 'seconds', n: 1 });
    expect(retryWait(119)).toEqual({ unit: 'seconds', n: 119 });
    expect(retryWait(120)).toEqual({ unit: 'minutes', n: 2 });
    expect(retryWait(3599)).toEqual({ unit: 'minutes', n: 60 });
  });

  it('keeps every limit a positive whole number of attempts over a positive window', () => {
    for (const limit of Object.values(THROTTLES)) {
      expect(Number.isInteger(limit.limit) && limit.limit > 0).toBe(true);
      expect(Number.isInteger(limit.windowSeconds) && limit.windowSeconds > 0).toBe(true);
    }
  });
});
