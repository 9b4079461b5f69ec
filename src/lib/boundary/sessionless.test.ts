import { describe, expect, it } from 'vitest';
import { isSessionless } from './sessionless';

describe('routes without a session', () => {
  it('skips the session for the search API only', () => {
    expect(isSessionless('/api/search')).toBe(true);
    expect(isSessionless('/api/search/')).toBe(true);
    for (const path of [
      '/',
      '/search',
      '/en/search',
      '/api/search-other',
      '/api/cart',
      '/_actions/cart.add',
      '/account',
    ]) {
      expect(isSessionless(path), path).toBe(false);
    }
  });
});
