import { describe, expect, it } from 'vitest';
import { EMAIL_MAX, emailSchema } from './email';

const codes = (input: unknown) =>
  emailSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('emailSchema', () => {
  it('trims and lower-cases what a shopper types', () => {
    expect(emailSchema.parse('  Lan.Nguyen@Example.COM ')).toBe('lan.nguyen@example.com');
  });

  it('says an empty field is required and a malformed one invalid', () => {
    expect(codes('   ')).toContain('emailRequired');
    expect(codes(undefined)).toEqual(['emailRequired']);
    expect(codes('lan@')).toEqual(['emailInvalid']);
  });

  it('refuses an address longer than RFC 5321 allows', () => {
    expect(codes(`${'a'.repeat(EMAIL_MAX)}@example.com`)).toContain('emailInvalid');
  });
});
