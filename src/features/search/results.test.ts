import { describe, expect, it } from 'vitest';
import { formatVnd } from '~/lib/i18n/format';
import { countValues, useSearchTranslations } from './messages';
import { planSearch, planSuggestions } from './plan';
import { priceBandLabel, shapeResults, shapeSuggestions } from './results';
import { searchQuerySchema } from './search-params';
import { EMPTY_QUERY, filterCount, hasFilters, noFilters, searchHref } from './search-url';

const hit = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  nameVi: 'Kẹo dừa',
  nameEn: 'Coconut candy',
  summaryVi: 'Kẹo truyền thống',
  summaryEn: 'Traditional candy',
  producerId: 'dong-khoi',
  producerName: 'Công ty Đồng Khởi',
  producerNameEn: 'Dong Khoi Company',
  provinceId: 'ben-tre',
  provinceVi: 'Bến Tre',
  provinceEn: 'Ben Tre',
  stars: 5,
  price: 65_000,
  unitVi: 'hộp',
  unitEn: 'box',
  certificateValid: true,
  image: null,
  ...extra,
});

describe('search texts', () => {
  it('counts products with plural forms and the locale’s digits', () => {
    const vi = useSearchTranslations('vi');
    const en = useSearchTranslations('en');
    expect(vi('resultCount', countValues(1234, 'vi'))).toBe('1.234 sản phẩm');
    expect(en('resultCount', countValues(1, 'en'))).toBe('1 product');
    expect(en('resultCount', countValues(1234, 'en'))).toBe('1,234 products');
    expect(vi('resultsForCount', { ...countValues(3, 'vi'), q: 'keo' })).toBe(
      'Kết quả cho “keo”: 3 sản phẩm',
    );
    expect(en('withoutFiltersFor', { ...countValues(1, 'en'), q: 'tea' })).toBe(
      'Remove the filters to see 1 product for “tea”',
    );
    expect(en('suggestionCount', { n: 1 })).toBe('1 suggestion. Use the arrow keys to choose.');
    expect(vi('suggestionCount', { n: 4 })).toBe('4 gợi ý. Dùng phím mũi tên để chọn.');
  });

  it('says what every URL parameter must be, so a bad link gets no English on a Vietnamese page', () => {
    const t = useSearchTranslations('vi');
    for (const field of Object.keys(searchQuerySchema.shape))
      expect(t.has(`field.${field}`), field).toBe(true);
    expect(t('field.q', { max: 200 })).toBe('tối đa 200 ký tự');
  });

  it('labels the price bands in each language', () => {
    const vnd = (n: number, locale: 'vi' | 'en') => formatVnd(n, locale);
    expect(priceBandLabel('under-100k', 'vi')).toBe(`Dưới ${vnd(100_000, 'vi')}`);
    expect(priceBandLabel('100k-300k', 'vi')).toBe(`${vnd(100_000, 'vi')} – ${vnd(300_000, 'vi')}`);
    expect(priceBandLabel('over-1m', 'en')).toBe('₫1,000,000 and up');
    expect(priceBandLabel('nonsense', 'en')).toBe('nonsense');
  });
});

describe('URL state', () => {
  it('counts and clears filters, and writes short links', () => {
    const query = { ...EMPTY_QUERY, q: 'dừa', province: ['ben-tre'], stars: [5 as const], valid: true };
    expect(filterCount(query)).toBe(3);
    expect(hasFilters({ ...query, ...noFilters() })).toBe(false);
    expect(searchHref('/en/search', EMPTY_QUERY)).toBe('/en/search');
    expect(searchHref('/search', { ...EMPTY_QUERY, q: 'keo', page: 2 })).toBe('/search?q=keo&page=2');
  });
});

describe('results', () => {
  it('shapes cards and facets in the page’s language only', () => {
    const query = { ...EMPTY_QUERY, stars: [5 as const] };
    const plan = planSearch(query);
    const main = {
      hits: [hit('keo-dua', { _formatted: { nameEn: '\uE000Coconut\uE001 candy' } })],
      totalHits: 1,
      facetDistribution: { provinceId: { 'ben-tre': 1 }, group: { food: 1 }, certificateValid: { true: 1 } },
    };
    const stars = { hits: [], totalHits: 2, facetDistribution: { validStars: { '5': 1, '4': 1 } } };
    const names = { 'ben-tre': { vi: 'Bến Tre', en: 'Ben Tre' } };
    const en = shapeResults(query, plan, [main, stars], 'en', names);
    expect(en.hits[0]).toMatchObject({
      href: '/en/products/keo-dua',
      name: [
        { text: 'Coconut', match: true },
        { text: ' candy', match: false },
      ],
      producer: 'Dong Khoi Company',
      province: 'Ben Tre',
      unit: 'box',
      starsLabel: 'OCOP 5 stars',
    });
    expect(en.facets.stars.map((v) => [v.label, v.selected])).toEqual([
      ['5 stars', true],
      ['4 stars', false],
    ]);
    expect(en.facets.group[0]?.label).toBe('Food');
    const vi = shapeResults(query, plan, [main, stars], 'vi', names);
    expect(vi.hits[0]).toMatchObject({
      producer: 'Công ty Đồng Khởi',
      unit: 'hộp',
      starsLabel: 'OCOP 5 sao',
    });
    expect(vi.facets.stars[0]?.label).toBe('5 sao');
  });

  it('suggests products, producers and provinces with the right links and details', () => {
    expect(planSuggestions('dua').map((r) => r.distinct)).toEqual([undefined, 'producerId', 'provinceId']);
    const responses = [
      { hits: [hit('keo-dua')] },
      { hits: [hit('keo-dua')] },
      { hits: [hit('keo-dua')] },
    ].map((r) => ({ ...r, totalHits: 1 }));
    const suggestions = shapeSuggestions('dua', responses, 'en');
    expect(suggestions.map((s) => [s.kind, s.id, s.href, s.detail])).toEqual([
      ['product', 'keo-dua', '/en/products/keo-dua', 'Dong Khoi Company · Ben Tre'],
      ['producer', 'dong-khoi', '/en/producers/dong-khoi', 'Ben Tre'],
      ['province', 'ben-tre', '/en/provinces/ben-tre', ''],
    ]);
  });
});
