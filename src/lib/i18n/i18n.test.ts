import { describe, expect, it } from 'vitest';
import {
  compareText,
  defineMessages,
  formatDate,
  formatDateTime,
  formatIsoDay,
  formatCompact,
  formatNumber,
  formatVnd,
  localeFromParam,
  localeFromPath,
  localize,
  localizedPath,
  regionName,
  starsLabel,
  translator,
  unlocalizedPath,
  useTranslations,
} from '.';

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
    expect(starsLabel(1, 'en')).toBe('OCOP 1 star');
  });
});

describe('the translator', () => {
  const messages = defineMessages({
    greeting: { vi: 'Chào {name}, bạn có {n} tin', en: 'Hello {name}, you have {n} messages' },
    items: { vi: '{n} món', en: { one: '{n} item', other: '{n} items' } },
    boxes: { vi: { other: '{n} hộp' }, en: { one: 'one box', other: '{n} boxes' } },
  });
  const useTest = translator(messages);

  it('fills placeholders by name, and leaves a missing one visible rather than guessing', () => {
    expect(useTest('vi')('greeting', { name: 'Lan', n: 2 })).toBe('Chào Lan, bạn có 2 tin');
    expect(useTest('en')('greeting', { name: 'Lan', n: 2 })).toBe('Hello Lan, you have 2 messages');
    expect(useTest('en')('greeting', { n: 2 })).toBe('Hello {name}, you have 2 messages');
  });

  it('chooses the plural form by n in English, and the one form Vietnamese has', () => {
    const en = useTest('en');
    expect(en('items', { n: 1 })).toBe('1 item');
    expect(en('items', { n: 0 })).toBe('0 items');
    expect(en('items', { n: 21 })).toBe('21 items');
    expect(en('boxes', { n: 1 })).toBe('one box');
    expect(en('boxes')).toBe('{n} boxes');
    const vi = useTest('vi');
    expect(vi('items', { n: 1 })).toBe('1 món');
    expect(vi('boxes', { n: 1 })).toBe('1 hộp');
    expect(vi('boxes', { n: 5 })).toBe('5 hộp');
  });

  it('tells which codes are keys, without inherited names', () => {
    const t = useTest('en');
    expect(t.locale).toBe('en');
    expect(t.has('items')).toBe(true);
    expect(t.has('error.unknown')).toBe(false);
    expect(t.has('toString')).toBe(false);
  });

  it('speaks the site dictionary in both languages', () => {
    expect(useTranslations('vi')('notFoundTitle')).toBe('Không tìm thấy trang');
    expect(useTranslations('en')('notFoundTitle')).toBe('Page not found');
    expect(useTranslations('en')('shelfLifeDays', { n: 1 })).toBe('1 day');
    expect(useTranslations('vi')('shelfLifeDays', { n: 180 })).toBe('180 ngày');
  });

  it('reads a bilingual value in a locale', () => {
    const name = { vi: 'Kẹo dừa', en: 'Coconut candy' };
    expect(localize(name, 'vi')).toBe('Kẹo dừa');
    expect(localize(name, 'en')).toBe('Coconut candy');
    expect(localize({ vi: ['a'], en: ['b'] }, 'en')).toEqual(['b']);
  });
});

describe('formatters', () => {
  it('formats whole đồng the way each reader writes money', () => {
    expect(formatVnd(150_000, 'vi')).toMatch(/^150\.000\s₫$/u);
    expect(formatVnd(150_000, 'en')).toBe('₫150,000');
    expect(formatVnd(0, 'vi')).toMatch(/^0\s₫$/u);
    expect(() => formatVnd(1500.5, 'vi')).toThrow(RangeError);
  });

  it('formats numbers with each locale’s grouping and decimal mark', () => {
    expect(formatNumber(1_234_567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1_234_567, 'en')).toBe('1,234,567');
    expect(formatNumber(1.5, 'vi', 1)).toBe('1,5');
    expect(formatNumber(1.5, 'en')).toBe('2');
    expect(formatCompact(38_450_000, 'vi')).toBe('38,5\u00a0Tr');
    expect(formatCompact(1_500_000, 'en')).toBe('1.5M');
    expect(formatCompact(1_300_000_000, 'vi')).toBe('1,3\u00a0T');
  });

  it('shows a calendar day as the same day everywhere', () => {
    const day = new Date('2026-11-21T00:00:00Z');
    expect(formatDate(day, 'en')).toBe('21 November 2026');
    expect(formatDate(day, 'vi')).toMatch(/^21 tháng 11,? 2026$/);
    expect(formatIsoDay('2026-03-01', 'en')).toBe('1 March 2026');
  });

  it('shows a moment in Vietnam’s time zone, whatever the server’s', () => {
    // 17:30 UTC is 00:30 the next day in Hà Nội (UTC+7).
    const moment = new Date('2026-11-21T17:30:00Z');
    expect(formatDateTime(moment, 'en', 'medium')).toBe('22 Nov 2026, 00:30');
    expect(formatDateTime(moment, 'en', 'short')).toBe('22/11/2026, 00:30');
    expect(formatDateTime(moment, 'vi', 'medium')).toMatch(/00:30/);
    expect(formatDateTime(moment, 'vi', 'medium')).toMatch(/22 thg 11,? 2026/);
    expect(formatDateTime(moment, 'vi', 'short')).toMatch(/22\/11\/(20)?26/);
    expect(formatDateTime(moment, 'vi')).toBe(formatDateTime(moment, 'vi', 'medium'));
  });

  it('names countries in the reader’s language, and keeps a code it cannot name', () => {
    expect(regionName('JP', 'vi')).toBe('Nhật Bản');
    expect(regionName('JP', 'en')).toBe('Japan');
    expect(regionName('US', 'en')).toBe('United States');
    expect(regionName('not-a-code', 'en')).toBe('not-a-code');
    // As Vietnamese text writes them, not CLDR's English or administrative forms.
    expect(['AU', 'IT', 'GB', 'HK'].map((c) => regionName(c, 'vi'))).toEqual(['Úc', 'Ý', 'Anh', 'Hồng Kông']);
    expect(regionName('AU', 'en')).toBe('Australia');
  });

  it('sorts Vietnamese letters in Vietnamese order (Đ after D, Ê after E)', () => {
    const provinces = ['Điện Biên', 'E', 'Đà Nẵng', 'Ê', 'Dak Lak', 'Bến Tre', 'Cà Mau', 'An Giang'];
    expect([...provinces].sort((a, b) => compareText(a, b))).toEqual([
      'An Giang',
      'Bến Tre',
      'Cà Mau',
      'Dak Lak',
      'Đà Nẵng',
      'Điện Biên',
      'E',
      'Ê',
    ]);
    expect(compareText('đường', 'duong', 'vi')).toBeGreaterThan(0);
    expect(compareText('a', 'B', 'en')).toBeLessThan(0);
  });
});
