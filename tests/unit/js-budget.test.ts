import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { judgePage, parseBudgets } from '../../scripts/lib/js-budget.mjs';

describe('JavaScript budgets', () => {
  it('the committed budgets file is complete: every page type has a path and a budget', () => {
    const file = parseBudgets(JSON.parse(readFileSync('scripts/js-budgets.json', 'utf8')));
    expect(file.pages.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['home', 'product', 'listing', 'search', 'cart', 'checkout', 'fairs', 'portal']),
    );
    expect(file.budgets.home).toBeLessThanOrEqual(50);
    expect(file.budgets.product).toBeLessThanOrEqual(50);
  });

  it('refuses a page without a budget, a bad path or an unknown account', () => {
    expect(() => parseBudgets({ pages: [{ name: 'home', path: '/' }], budgets: {} })).toThrow(
      /"home" has no budget/,
    );
    expect(() => parseBudgets({ pages: [{ name: 'home', path: 'x' }], budgets: { home: 1 } })).toThrow(
      /path/,
    );
    expect(() =>
      parseBudgets({ pages: [{ name: 'p', path: '/p', signIn: 'x' }], budgets: { p: 1 } }),
    ).toThrow(/"accounts"/);
    expect(() => parseBudgets(null)).toThrow(/pages/);
  });

  it('passes a page within budget and names the heaviest files of one over it', () => {
    const ok = judgePage('home', [{ url: 'http://h/_astro/a.js', bytes: 10 * 1024 }], 50);
    expect(ok.over).toBe(false);
    expect(ok.message).toBe('home: 10.0 KB of JavaScript in 1 files (budget 50 KB)');
    const over = judgePage(
      'product',
      [
        { url: 'http://h/_astro/client.js', bytes: 60 * 1024 },
        { url: 'http://h/_astro/small.js', bytes: 2 * 1024 },
      ],
      50,
    );
    expect(over.over).toBe(true);
    expect(over.message).toMatch(
      /product: 62\.0 KB .* 12\.0 KB over\. Heaviest: \/_astro\/client\.js 60\.0 KB/,
    );
  });
});
