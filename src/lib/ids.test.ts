import { describe, expect, it } from 'vitest';
import {
  accountIdField,
  numericIdField,
  optionalSlugField,
  optionalUuidField,
  parseAccountId,
  parseNumericId,
  parseSlug,
  parseToken,
  parseUuid,
  parseUuidOrSlug,
  uuidField,
} from './ids';

const uuid = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0b9c7d13';
const hostile = [
  '\u0000',
  '\u200b',
  '\u202e',
  '\n',
  ' ',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  "1' or '1'='1",
];

describe('parseNumericId', () => {
  it('reads plain decimal digits', () => {
    expect(parseNumericId('16')).toBe(16);
    expect(parseNumericId('1')).toBe(1);
    expect(parseNumericId(42)).toBe(42);
    expect(parseNumericId('999999999999999')).toBe(999_999_999_999_999);
  });

  it.each([
    '0x10',
    '1e3',
    ' 16',
    '16 ',
    '16abc',
    '016',
    '0',
    '-1',
    '+16',
    '1.0',
    '',
    '1_000',
    '１６',
    '16\u0000',
  ])('refuses %j', (text) => expect(parseNumericId(text)).toBeNull());

  it('refuses numbers out of range and non-integers', () => {
    expect(parseNumericId('1000000000000000')).toBeNull();
    expect(parseNumericId(Number.MAX_SAFE_INTEGER + 1)).toBeNull();
    expect(parseNumericId(1.5)).toBeNull();
    expect(parseNumericId(Number.NaN)).toBeNull();
    expect(parseNumericId(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseNumericId(0)).toBeNull();
  });

  it.each(hostile)('refuses %j', (text) => expect(parseNumericId(text)).toBeNull());
});

describe('parseUuid', () => {
  it('reads a UUID as crypto.randomUUID writes it', () => expect(parseUuid(uuid)).toBe(uuid));

  it.each([
    uuid.toUpperCase(),
    ` ${uuid}`,
    `${uuid}\u0000`,
    `${uuid}\u200b`,
    uuid.slice(0, 35),
    uuid.replace(/-/g, ''),
    `{${uuid}}`,
  ])('refuses %j', (text) => expect(parseUuid(text)).toBeNull());

  it.each([...hostile, 16, null, undefined, {}, []])('refuses %j', (value) =>
    expect(parseUuid(value)).toBeNull(),
  );
});

describe('parseSlug', () => {
  it('reads slugs', () => {
    expect(parseSlug('ben-tre')).toBe('ben-tre');
    expect(parseSlug('keo-dua-ca-cao-ben-tre')).toBe('keo-dua-ca-cao-ben-tre');
  });

  it.each([
    'Ben-Tre',
    '-ben',
    'ben-',
    'ben--tre',
    'bến-tre',
    'ben tre',
    'ben\u0000',
    '../etc',
    'a'.repeat(121),
    ...hostile.filter((h) => h !== 'constructor'),
  ])('refuses %j', (text) => expect(parseSlug(text)).toBeNull());

  it('takes a fair by UUID or slug', () => {
    expect(parseUuidOrSlug(uuid)).toBe(uuid);
    expect(parseUuidOrSlug('hoi-cho-ben-tre-x7k2')).toBe('hoi-cho-ben-tre-x7k2');
    expect(parseUuidOrSlug('hoi cho')).toBeNull();
  });
});

describe('parseAccountId', () => {
  it('reads better-auth ids', () => expect(parseAccountId('Xk3_9aZ-q2')).toBe('Xk3_9aZ-q2'));

  it.each(['', 'a b', 'a\u0000', 'a\u202e', 'a'.repeat(65), 'a.b', '__proto__ '])('refuses %j', (text) =>
    expect(parseAccountId(text)).toBeNull(),
  );
});

describe('parseToken', () => {
  it('reads base64url tokens up to the length given', () => {
    expect(parseToken('Zk3_9a-Q', 64)).toBe('Zk3_9a-Q');
    expect(parseToken('x'.repeat(65), 64)).toBeNull();
  });

  it.each(['', 'a b', 'a\u0000', 'a\u200b', 'a+b/c=', 'a%00'])('refuses %j', (text) =>
    expect(parseToken(text, 64)).toBeNull(),
  );
});

describe('zod fields', () => {
  it('a numeric id field gives the number or the one message', () => {
    const field = numericIdField('partUnknown');
    expect(field.parse('16')).toBe(16);
    for (const bad of ['0x10', '1e3', ' 16', '16abc', null, true, {}])
      expect(field.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['partUnknown']);
  });

  it('a UUID field refuses anything else with the message', () => {
    expect(uuidField('fair.notFound').parse(uuid)).toBe(uuid);
    expect(uuidField('fair.notFound').safeParse('\u0000').error?.issues[0]?.message).toBe('fair.notFound');
    expect(uuidField('fair.notFound').safeParse(16).error?.issues[0]?.message).toBe('fair.notFound');
  });

  it('optional fields treat empty as absent and refuse junk', () => {
    expect(optionalUuidField('x').parse('')).toBeNull();
    expect(optionalUuidField('x').parse(undefined)).toBeNull();
    expect(optionalUuidField('x').parse(uuid)).toBe(uuid);
    expect(optionalUuidField('x').safeParse('abc').success).toBe(false);
    expect(optionalSlugField('x').parse('')).toBeUndefined();
    // Astro's form parsing sends null for a field the form did not include.
    expect(optionalSlugField('x').parse(null)).toBeUndefined();
    expect(optionalSlugField('x').parse('ben-tre')).toBe('ben-tre');
    expect(optionalSlugField('x').safeParse('ben\u200btre').success).toBe(false);
    expect(accountIdField('x').safeParse('__proto__').success).toBe(true);
    expect(accountIdField('x').safeParse('a\u0000').success).toBe(false);
  });
});
