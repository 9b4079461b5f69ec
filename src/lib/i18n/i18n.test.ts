import { describe, expect, it } from 'vitest';
import { localeFromParam, localeFromPath, localizedPath, starsLabel, unlocalizedPath } from '.';

describe('localized paths', () => {
  it('serves Vietnamese at / and English at /en/', () => {
    expect(localizedPath('/', 'vi')).toBe('/');
    expect(localizedPath('/', 'en')).toBe('/en/');
    expect(localizedPath('/products/keo-dua', 'en')).toBe('/en/products/keo-dua');
  });

  it('round-trips through the locale prefix', () => {
    expect(unlocalizedPath('/en/products/x')).toBe('/products/x');
    expect(unlocalizedPath('/en')).toBe('/');
    expect(unlocalizedPath('/english-tea')).toBe('/english-tea');
    expect(localeFromPath('/english-tea')).toBe('vi');
    expect(localeFromPath('/en/')).toBe('en');
  });

  it('reads the [...lang] param', () => {
    expect(localeFromParam(undefined)).toBe('vi');
    expect(localeFromParam('en')).toBe('en');
    expect(localeFromParam('fr')).toBeNull();
  });

  it('names star badges for screen readers', () => {
    expect(starsLabel(4, 'en')).toBe('OCOP 4 stars');
    expect(starsLabel(5, 'vi')).toBe('OCOP 5 sao');
  });
});
