import { describe, expect, it } from 'vitest';
import { comboboxKey, suggestionOptions, suggestUrl } from './header-combobox';
import type { Suggestion } from './results';

const plum: Suggestion = {
  kind: 'product',
  id: 'man-hau',
  label: [{ text: 'Mận hậu', match: true }],
  detail: 'Sơn La',
  href: '/products/man-hau',
};

describe('suggestionOptions', () => {
  it('lists the suggestions, then "search all" once the words are long enough', () => {
    expect(suggestionOptions([plum], 'mận hậu', '/en/search').map((o) => [o.key, o.href])).toEqual([
      ['product-man-hau', '/products/man-hau'],
      ['all', '/en/search?q=m%E1%BA%ADn%20h%E1%BA%ADu'],
    ]);
    expect(suggestionOptions([], 'm', '/search')).toEqual([]);
  });
  it('asks for suggestions only for words long enough', () => {
    expect(suggestUrl('m', 'vi')).toBeNull();
    expect(suggestUrl('mận', 'en')).toBe('/api/search?view=suggest&lang=en&q=m%E1%BA%ADn');
  });
});

describe('comboboxKey', () => {
  const open = { expanded: true, active: -1, count: 3 };
  const closed = { expanded: false, active: -1, count: 3 };
  it('arrows open the list, then move and wrap around', () => {
    expect(comboboxKey('ArrowDown', closed)).toEqual({ preventDefault: true, open: true });
    expect(comboboxKey('ArrowDown', open).active).toBe(0);
    expect(comboboxKey('ArrowDown', { ...open, active: 2 }).active).toBe(0);
    expect(comboboxKey('ArrowUp', open).active).toBe(2);
    expect(comboboxKey('ArrowUp', { ...open, active: 1 }).active).toBe(0);
    expect(comboboxKey('ArrowUp', closed)).toEqual({ preventDefault: true });
  });
  it('Enter opens the highlighted entry, else lets the form submit', () => {
    expect(comboboxKey('Enter', { ...open, active: 1 })).toEqual({ preventDefault: true, go: 1 });
    expect(comboboxKey('Enter', open)).toEqual({ preventDefault: false });
    expect(comboboxKey('Enter', { ...closed, active: 1 })).toEqual({ preventDefault: false });
  });
  it('Escape closes the list, or clears the words when it is closed', () => {
    expect(comboboxKey('Escape', { ...open, active: 1 })).toEqual({
      preventDefault: true,
      open: false,
      active: -1,
    });
    expect(comboboxKey('Escape', closed)).toEqual({ preventDefault: false, clear: true });
    expect(comboboxKey('a', open)).toEqual({ preventDefault: false });
  });
});
