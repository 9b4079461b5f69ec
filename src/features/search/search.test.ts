import { describe, expect, it } from 'vitest';
import { accentRerank, foldAccents, hasAccents, markExactWords, telexQuery } from './accents';
import { ACCENT_CODED_ATTRIBUTES, accentCodes, toSearchDocument } from './documents';
import { highlightSegments, highlightToHtml } from './highlights';
import { PRODUCTS_INDEX_SETTINGS, buildSynonyms } from './index-settings';
import { RERANK_WINDOW, buildFilter, filterValue, planSearch, planSuggestions, wordsMatch } from './plan';
import { toTelex } from './telex';
import { priceBandOf } from './price-bands';
import { parseApiParams, parseSearchParams } from './search-params';
import { EMPTY_QUERY, toSearchParams } from './search-url';
import { FIXTURE_DOCUMENTS, FIXTURE_SOURCES } from '../../../tests/fixtures/search/catalogue';

const params = (s: string) => new URLSearchParams(s);

describe('accents', () => {
  it('folds Vietnamese the way Meilisearch does', () => {
    expect(foldAccents('Kẹo Dừa ĐỒNG KHỞI')).toBe('keo dua dong khoi');
    expect(hasAccents('keo dua')).toBe(false);
    expect(hasAccents('kẹo dua')).toBe(true);
    expect(hasAccents('đ')).toBe(true);
  });

  it('moves exact accented matches first, keeps the order otherwise, and leaves accent-free queries alone', () => {
    const hits = [
      { id: 'pineapple', nameVi: 'Dứa sấy dẻo', producerName: 'Xứ Dừa' },
      { id: 'melon', nameVi: 'Dưa lưới' },
      { id: 'coconut', nameVi: 'Kẹo dừa' },
      { id: 'coconut-milk', nameVi: 'Nước cốt dừa' },
    ];
    expect(accentRerank(hits, 'dừa').map((h) => h.id)).toEqual([
      'coconut',
      'coconut-milk',
      'pineapple',
      'melon',
    ]);
    expect(accentRerank(hits, 'dứa')[0]!.id).toBe('pineapple');
    expect(accentRerank(hits, 'dua').map((h) => h.id)).toEqual(hits.map((h) => h.id));
  });

  it('writes Vietnamese in Telex, so readings that fold together stay apart', () => {
    expect(toTelex('Mận hậu')).toBe('maanj haauj');
    expect(toTelex('mặn Mạnh')).toBe('mawnj manhj');
    expect(toTelex('dừa dứa dưa dua')).toBe('duwaf duwas duwa dua');
    expect(toTelex('Đông Á, ST25')).toBe('ddoong as, st25');
    expect(toTelex('Nguyễn nghiêng')).toBe('nguyeenx nghieeng');
    // NFC and NFD input give the same code.
    expect(toTelex('kẹo'.normalize('NFD'))).toBe(toTelex('kẹo'.normalize('NFC')));
    expect(telexQuery('  KẸO   dừa! ')).toBe('keoj duwaf');
  });

  it('marks the words that are exactly a query word, accents included', () => {
    expect(markExactWords('Kẹo dừa sầu riêng lá dứa', 'dừa')).toBe('Kẹo \uE000dừa\uE001 sầu riêng lá dứa');
    expect(markExactWords('Mật ong rừng', 'MẬT ONG')).toBe('\uE000Mật\uE001 \uE000ong\uE001 rừng');
    expect(markExactWords('Mạnh', 'mận')).toBe('Mạnh');
  });

  it('keeps accent-coded copies of the Vietnamese text in every document', () => {
    const doc = FIXTURE_DOCUMENTS.find((d) => d.id === 'keo-dua-ben-tre')!;
    expect(doc.nameCoded).toBe(toTelex(doc.nameVi));
    expect(accentCodes(doc)).toEqual(
      Object.fromEntries(ACCENT_CODED_ATTRIBUTES.map((a) => [a, doc[a as 'nameCoded']])),
    );
  });
});

describe('index settings', () => {
  it('searches names first, in both languages, then places and tags; never summaries, ingredients or stories', () => {
    const attrs: readonly string[] = PRODUCTS_INDEX_SETTINGS.searchableAttributes;
    expect(attrs.slice(0, 2)).toEqual(['nameVi', 'nameEn']);
    expect(attrs.indexOf('producerName')).toBeLessThan(attrs.indexOf('provinceVi'));
    expect(attrs.indexOf('provinceVi')).toBeLessThan(attrs.indexOf('groupVi'));
    expect(attrs.indexOf('groupVi')).toBeLessThan(attrs.indexOf('tags'));
    for (const padding of [
      'summaryVi',
      'summaryEn',
      'ingredientsVi',
      'ingredientsEn',
      'storyVi',
      'storyEn',
    ]) {
      expect(attrs).not.toContain(padding);
    }
    expect(attrs.slice(-ACCENT_CODED_ATTRIBUTES.length)).toEqual(ACCENT_CODED_ATTRIBUTES);
  });

  it('forgives typos in English text only', () => {
    const exact = PRODUCTS_INDEX_SETTINGS.typoTolerance.disableOnAttributes;
    expect(exact).toEqual(
      expect.arrayContaining(['nameVi', 'producerName', 'tags', ...ACCENT_CODED_ATTRIBUTES]),
    );
    expect(exact).not.toContain('nameEn');
  });

  it('filters, sorts and facets on what the page offers', () => {
    expect(PRODUCTS_INDEX_SETTINGS.filterableAttributes).toEqual(
      expect.arrayContaining([
        'provinceId',
        'group',
        'stars',
        'validStars',
        'producerKind',
        'price',
        'certificateValid',
        'exportReady',
      ]),
    );
    expect(PRODUCTS_INDEX_SETTINGS.sortableAttributes).toEqual(['price', 'stars', 'score']);
    expect(PRODUCTS_INDEX_SETTINGS.faceting.maxValuesPerFacet).toBeGreaterThanOrEqual(63);
    expect(PRODUCTS_INDEX_SETTINGS.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 4, twoTypos: 8 });
  });

  it('has bilingual synonyms with accent-free forms, but none for an ambiguous single syllable', () => {
    const synonyms = buildSynonyms();
    expect(synonyms['kẹo dừa']).toContain('coconut candy');
    expect(synonyms['keo dua']).toContain('coconut candy');
    expect(synonyms['dried shrimp']).toEqual(expect.arrayContaining(['tôm khô', 'tom kho']));
    expect(synonyms['noni']).toEqual(expect.arrayContaining(['trái nhàu', 'trai nhau']));
    expect(synonyms['plum']).toEqual(expect.arrayContaining(['mận', 'man']));
    expect(synonyms['dua']).toBeUndefined();
    expect(synonyms['coconut']).toBeUndefined();
  });
});

describe('URL parameters', () => {
  it('reads repeated lists, sorts them, ignores unknown and empty parameters', () => {
    const parsed = parseSearchParams(
      params(
        'q=%20k%E1%BA%B9o%20%20d%E1%BB%ABa&stars=5&stars=4&stars=5&province=son-la&province=ca-mau&utm_source=x&group=&page=2',
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      value: { ...EMPTY_QUERY, q: 'kẹo dừa', stars: [4, 5], province: ['ca-mau', 'son-la'], page: 2 },
    });
  });

  it('names every bad field', () => {
    const parsed = parseSearchParams(
      params('stars=6&page=0&sort=cheap&province=Ca%20Mau&valid=yes&price=free'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual([
      'page',
      'price',
      'province',
      'sort',
      'stars',
      'valid',
    ]);
    expect(parsed.fieldErrors['stars']).toBe('must be 3, 4 or 5');
  });

  it('round-trips through toSearchParams', () => {
    const query = {
      ...EMPTY_QUERY,
      q: 'dừa',
      province: ['ben-tre'],
      stars: [5 as const],
      valid: true,
      sort: 'price-asc' as const,
      page: 3,
    };
    expect(parseSearchParams(toSearchParams(query))).toEqual({ ok: true, value: query });
    expect(toSearchParams(EMPTY_QUERY).toString()).toBe('');
  });

  it('rejects a query longer than 200 characters', () => {
    const parsed = parseSearchParams(params(`q=${'a'.repeat(201)}`));
    expect(parsed.ok ? null : parsed.fieldErrors['q']).toMatch(/200/);
  });

  it('validates the API view and language', () => {
    const bad = parseApiParams(params('view=all&lang=fr&stars=2'));
    expect(bad.ok ? null : Object.keys(bad.fieldErrors).sort()).toEqual(['lang', 'stars', 'view']);
    const good = parseApiParams(params('view=suggest&lang=en&q=tea'));
    expect(good.ok && good.value.api).toEqual({ view: 'suggest', lang: 'en' });
  });
});

describe('query plan', () => {
  it('ORs values within a facet and ANDs facets, with quoted values', () => {
    const query = { ...EMPTY_QUERY, province: ['ben-tre', 'ca-mau'], stars: [5 as const], valid: true };
    expect(buildFilter(query)).toEqual([
      ['provinceId = "ben-tre"', 'provinceId = "ca-mau"'],
      ['validStars = 5'],
      'certificateValid = true',
    ]);
    expect(buildFilter(query, 'province')).toEqual([['validStars = 5'], 'certificateValid = true']);
    expect(filterValue('a" OR stars = 3 \\')).toBe('"a\\" OR stars = 3 \\\\"');
  });

  it('asks for disjunctive counts of ticked facets in the same round trip', () => {
    const plan = planSearch({ ...EMPTY_QUERY, q: 'keo', province: ['ben-tre'], stars: [4] });
    expect(plan.disjunctive.map((d) => d.key)).toEqual(['province', 'stars']);
    expect(plan.disjunctive[0]!.request).toMatchObject({
      facets: ['provinceId'],
      hitsPerPage: 0,
      filter: [['validStars = 4']],
    });
    expect(plan.main.facets).toEqual(['group', 'priceBand', 'certificateValid', 'exportReady']);
  });

  it('matches every word, none by prefix; accented queries exactly on the accent-coded copies', () => {
    expect(wordsMatch(' mat ong ', 'folded')).toEqual({ q: 'mat ong ', matchingStrategy: 'all' });
    expect(wordsMatch('Mận', 'exact-accents')).toEqual({
      q: 'maanj ',
      attributesToSearchOn: ACCENT_CODED_ATTRIBUTES,
      matchingStrategy: 'all',
    });
    expect(wordsMatch('  ', 'folded')).toEqual({ q: '' });
    expect(planSearch({ ...EMPTY_QUERY, q: 'dừa' })).toMatchObject({
      mode: 'exact-accents',
      windowed: false,
    });
    expect(planSearch({ ...EMPTY_QUERY, q: 'dua' }).mode).toBe('folded');
    // Suggestions keep prefix matching on every attribute: the last word is still being typed.
    expect(planSuggestions('mậ')[0]).toMatchObject({ q: 'mậ' });
    expect(planSuggestions('mậ')[0]).not.toHaveProperty('matchingStrategy');
  });

  it('fetches the re-rank window for accented queries searched folded, on early pages only', () => {
    expect(planSearch({ ...EMPTY_QUERY, q: 'dừa' }, 'products', 'folded')).toMatchObject({
      windowed: true,
      main: { hitsPerPage: RERANK_WINDOW, page: 1 },
    });
    expect(planSearch({ ...EMPTY_QUERY, q: 'dua' }).windowed).toBe(false);
    expect(planSearch({ ...EMPTY_QUERY, q: 'dừa', page: 5 }, 'products', 'folded').windowed).toBe(false);
    expect(planSearch({ ...EMPTY_QUERY, q: 'dừa', sort: 'price-asc' }, 'products', 'folded').windowed).toBe(
      false,
    );
  });
});

describe('highlights', () => {
  it('splits marked text into segments and escapes every piece', () => {
    expect(highlightSegments('Kẹo \uE000dừa\uE001 <b>')).toEqual([
      { text: 'Kẹo ', match: false },
      { text: 'dừa', match: true },
      { text: ' <b>', match: false },
    ]);
    expect(highlightToHtml('\uE000<img src=x onerror=alert(1)>\uE001"')).toBe(
      '<mark>&lt;img src=x onerror=alert(1)&gt;</mark>&quot;',
    );
  });

  it('strips the highlight markers from indexed text so a product cannot forge one', () => {
    const source = FIXTURE_SOURCES.find((s) => s.slug === 'banh-pia-markup')!;
    const doc = toSearchDocument({ ...source, name: { vi: 'a\uE000b\uE001c', en: 'x' } });
    expect(doc.nameVi).toBe('abc');
  });
});

describe('documents', () => {
  it('puts every price in exactly one band', () => {
    expect(priceBandOf(0)).toBe('under-100k');
    expect(priceBandOf(99_999)).toBe('under-100k');
    expect(priceBandOf(100_000)).toBe('100k-300k');
    expect(priceBandOf(999_999)).toBe('300k-1m');
    expect(priceBandOf(25_000_000)).toBe('over-1m');
  });

  it('gives a lapsed recognition no star level for the facet, while keeping its stars for the card', () => {
    const lapsed = FIXTURE_DOCUMENTS.find((d) => d.id === 'tom-kho-ca-mau')!;
    expect(lapsed).toMatchObject({ stars: 5, certificateValid: false, validStars: null });
    const valid = FIXTURE_DOCUMENTS.find((d) => d.id === 'keo-dua-ben-tre')!;
    expect(valid.validStars).toBe(valid.stars);
  });

  it('builds valid documents from the fixture', () => {
    const keo = FIXTURE_DOCUMENTS.find((d) => d.id === 'keo-dua-ben-tre')!;
    expect(keo).toMatchObject({
      provinceId: 'ben-tre',
      groupVi: 'Thực phẩm',
      exportReady: true,
      priceBand: 'under-100k',
    });
  });
});
