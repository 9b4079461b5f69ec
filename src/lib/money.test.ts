import { describe, expect, it } from 'vitest';
import { formatVnd, vndSchema } from './money';

// Intl puts a no-break space between the number and the symbol; normalise it for readable assertions.
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('formatVnd', () => {
  it('formats Vietnamese style with dots and the đồng sign after', () => {
    expect(plain(formatVnd(150_000, 'vi'))).toBe('150.000 ₫');
    expect(plain(formatVnd(76_000_000, 'vi'))).toBe('76.000.000 ₫');
  });

  it('formats English style with commas and the sign before', () => {
    expect(formatVnd(150_000, 'en')).toBe('₫150,000');
    expect(formatVnd(0, 'en')).toBe('₫0');
  });

  it('refuses fractional amounts', () => {
    expect(() => formatVnd(1.5, 'vi')).toThrow(RangeError);
  });
});

describe('vndSchema', () => {
  it('accepts whole non-negative đồng', () => {
    expect(vndSchema.parse(65_000)).toBe(65_000);
  });

  it.each([
    [65_000.5, 'whole number'],
    [-1, 'negative'],
    ['65000', 'number'],
  ])('rejects %s with a message saying why', (value, why) => {
    const result = vndSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(why);
  });
});
