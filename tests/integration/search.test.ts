/**
 * Search against a real Meilisearch (fresh data folder, free port): relevance in Vietnamese with and without
 * accents and in English, the accent tiebreaker, typos, facets and filters, highlights, suggestions, no-results
 * help, and indexing (swap, stale detection, failed reindex).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DOCUMENTS, FIXTURE_SOURCES } from '../fixtures/search/catalogue';
import { startTestMeili, type TestMeili } from '../support/meili';
import { createSearchService, type SearchService } from '../../src/features/search/search.server';
import { highlightToHtml } from '../../src/features/search/highlights';
import { PRODUCTS_INDEX } from '../../src/features/search/index-settings';
import type { SearchResults } from '../../src/features/search/results';
import { EMPTY_QUERY, type SearchQuery } from '../../src/features/search/search-url';
import { createMeiliBackend } from '../../src/lib/search/meili-backend';
import { indexState, reindexProducts } from '../../integrations/search/reindex';

let meili: TestMeili;
let search: SearchService;
const logged: string[] = [];

beforeAll(async () => {
  meili = await startTestMeili();
  await reindexProducts(meili.client, FIXTURE_DOCUMENTS);
  search = createSearchService({
    backend: createMeiliBackend({ url: meili.url, apiKey: meili.masterKey }),
    log: (line) => logged.push(line),
  });
});

afterAll(async () => {
  await meili?.stop();
});

const query = (change: Partial<SearchQuery>): SearchQuery => ({ ...EMPTY_QUERY, ...change });
const slugs = (results: SearchResults) => results.hits.map((h) => h.slug);
const nameText = (results: SearchResults, i: number) => results.hits[i]!.name.map((s) => s.text).join('');

describe('finding a product by name', () => {
  it('finds kẹo dừa first with accents, without accents and in English', async () => {
    for (const q of ['kẹo dừa', 'keo dua', 'coconut candy', 'KẸO DỪA']) {
      expect(slugs(await search.search(query({ q }), 'vi'))[0], q).toBe('keo-dua-ben-tre');
    }
  });

  it('finds tôm khô for "dried shrimp" through the bilingual synonym', async () => {
    const results = await search.search(query({ q: 'dried shrimp' }), 'en');
    expect(slugs(results)).toContain('tom-kho-ca-mau');
  });

  it('finds every reading of "dua" without accents', async () => {
    const found = slugs(await search.search(query({ q: 'dua' }), 'vi'));
    expect(found).toEqual(expect.arrayContaining(['keo-dua-ben-tre', 'dua-say-deo', 'dua-luoi-son-la']));
  });

  it('finds only the reading typed with accents: dừa coconut, dứa pineapple, dưa melon', async () => {
    const coconut = slugs(await search.search(query({ q: 'dừa' }), 'vi'));
    expect(coconut[0]).toBe('keo-dua-ben-tre');
    // The pineapple is made by "Xứ Dừa", so it is found, after the coconut; the melon is not.
    expect(coconut.indexOf('keo-dua-ben-tre')).toBeLessThan(coconut.indexOf('dua-say-deo'));
    expect(coconut).not.toContain('dua-luoi-son-la');
    expect(slugs(await search.search(query({ q: 'dứa' }), 'vi'))).toEqual(['dua-say-deo']);
    expect(slugs(await search.search(query({ q: 'dưa' }), 'vi'))).toEqual(['dua-luoi-son-la']);
  });

  it('highlights the exact accented word, and falls back to every reading when a word lacks its accents', async () => {
    const coconut = await search.search(query({ q: 'kẹo dừa' }), 'vi');
    expect(coconut.hits[0]!.name.filter((s) => s.match).map((s) => s.text)).toEqual(['Kẹo', 'dừa']);
    // "kẹo dua": no product has these exact words, so the folded search answers, coconut first.
    expect(slugs(await search.search(query({ q: 'kẹo dua' }), 'vi'))[0]).toBe('keo-dua-ben-tre');
  });

  it('forgives a one-letter typo in a long word but not in a short syllable', async () => {
    expect(slugs(await search.search(query({ q: 'arabika' }), 'vi'))[0]).toBe('ca-phe-arabica-son-la');
    expect(slugs(await search.search(query({ q: 'pineaple' }), 'en'))[0]).toBe('dua-say-deo');
    expect(slugs(await search.search(query({ q: 'jiaogulam' }), 'en'))[0]).toBe('tra-giao-co-lam');
    // "dia" is one letter from "dua"; a 3-letter syllable takes no typo, so nothing with dừa/dứa/dưa comes back.
    expect(slugs(await search.search(query({ q: 'dia' }), 'vi'))).not.toContain('keo-dua-ben-tre');
  });
});

describe('facets and filters', () => {
  const count = (
    pick: (s: (typeof FIXTURE_SOURCES)[number]) => string | number,
    sources: readonly (typeof FIXTURE_SOURCES)[number][] = FIXTURE_SOURCES,
  ) => {
    const counts: Record<string, number> = {};
    for (const source of sources) counts[String(pick(source))] = (counts[String(pick(source))] ?? 0) + 1;
    return counts;
  };
  const asCounts = (values: { value: string; count: number }[]) =>
    Object.fromEntries(values.filter((v) => v.count > 0).map((v) => [v.value, v.count]));

  it('counts every province and group of the catalogue, and star levels of valid recognitions only', async () => {
    const results = await search.search(query({}), 'vi');
    expect(results.total).toBe(FIXTURE_SOURCES.length);
    expect(asCounts(results.facets.province)).toEqual(count((s) => s.province.id));
    expect(asCounts(results.facets.group)).toEqual(count((s) => s.group));
    // A lapsed recognition carries no stars: it is not counted under any star level.
    expect(asCounts(results.facets.stars)).toEqual(
      count(
        (s) => s.stars,
        FIXTURE_SOURCES.filter((s) => s.certificateValid),
      ),
    );
    expect(FIXTURE_SOURCES.some((s) => s.stars === 5 && !s.certificateValid)).toBe(true);
    expect(results.facets.province.find((p) => p.value === 'ca-mau')?.label).toBe('Cà Mau');
    expect(results.facets.valid).toBe(FIXTURE_SOURCES.filter((s) => s.certificateValid).length);
  });

  it('returns only valid 5-star products for stars=5, leaving lapsed 5-star ones out', async () => {
    const results = await search.search(query({ stars: [5] }), 'vi');
    const expected = FIXTURE_SOURCES.filter((s) => s.stars === 5 && s.certificateValid).map((s) => s.slug);
    expect(slugs(results)).not.toContain('tom-kho-ca-mau');
    expect(slugs(results).sort()).toEqual(expected.sort());
    expect(results.hits.every((h) => h.stars === 5)).toBe(true);
  });

  it('filters out lapsed certificates', async () => {
    const results = await search.search(query({ valid: true }), 'vi');
    expect(results.total).toBe(FIXTURE_SOURCES.filter((s) => s.certificateValid).length);
    expect(slugs(results)).not.toContain('tom-kho-ca-mau');
    expect(results.hits.every((h) => h.certificateValid)).toBe(true);
  });

  it('keeps counts of the other provinces while one is ticked (OR within a facet, AND across)', async () => {
    const results = await search.search(query({ province: ['ben-tre'], stars: [4] }), 'vi');
    expect(slugs(results)).toEqual(['dua-say-deo']);
    const fourStars = FIXTURE_SOURCES.filter((s) => s.stars === 4);
    const provinceCounts = asCounts(results.facets.province);
    expect(provinceCounts).toEqual(
      Object.fromEntries(
        Object.entries(
          fourStars.reduce<Record<string, number>>(
            (acc, s) => ({ ...acc, [s.province.id]: (acc[s.province.id] ?? 0) + 1 }),
            {},
          ),
        ),
      ),
    );
    expect(results.facets.province.find((p) => p.value === 'ben-tre')?.selected).toBe(true);
  });

  it('sorts by price and filters by price band', async () => {
    const cheapFirst = await search.search(query({ sort: 'price-asc' }), 'vi');
    const prices = FIXTURE_SOURCES.map((s) => s.price).sort((a, b) => a - b);
    expect(cheapFirst.hits.map((h) => Number(h.price.replace(/\D/g, '')))).toEqual(prices);
    const band = await search.search(query({ price: ['300k-1m'] }), 'vi');
    expect(slugs(band).sort()).toEqual(['chieu-coi-thai-binh', 'tom-kho-ca-mau']);
  });

  it('pages through results with exact totals', async () => {
    const page = await search.search(query({ q: '' }), 'vi');
    expect(page.totalPages).toBe(1);
    expect(page.hits).toHaveLength(FIXTURE_SOURCES.length);
  });
});

describe('highlights, suggestions and no results', () => {
  it('keeps markup in a product name as text', async () => {
    const results = await search.search(query({ q: 'bánh pía' }), 'vi');
    expect(results.hits[0]!.slug).toBe('banh-pia-markup');
    expect(nameText(results, 0)).toContain('<img src=x onerror=alert(1)>');
    expect(results.hits[0]!.name.some((s) => s.match && /pía/i.test(s.text))).toBe(true);
    const html = highlightToHtml('\uE000<b>\uE001<script>');
    expect(html).toBe('<mark>&lt;b&gt;</mark>&lt;script&gt;');
  });

  it('suggests products, producers and provinces', async () => {
    const products = await search.suggest('keo dua', 'vi');
    expect(products[0]).toMatchObject({
      kind: 'product',
      id: 'keo-dua-ben-tre',
      href: '/products/keo-dua-ben-tre',
    });
    const producers = await search.suggest('xứ dừa', 'en');
    expect(producers.find((s) => s.kind === 'producer')).toMatchObject({
      id: 'xu-dua',
      href: '/en/producers/xu-dua',
    });
    const provinces = await search.suggest('ca mau', 'vi');
    expect(provinces.filter((s) => s.kind === 'province').map((s) => s.id)).toEqual(['ca-mau']);
    expect(await search.suggest('k', 'vi')).toEqual([]);
  });

  it('offers popular products and a broader search when nothing matches', async () => {
    const nothing = await search.search(query({ q: 'xyzzyqq' }), 'vi');
    expect(nothing.total).toBe(0);
    expect(nothing.noResults?.popular.length).toBeGreaterThan(0);
    expect(nothing.noResults?.popular.every((h) => h.certificateValid)).toBe(true);
    const narrowed = await search.search(query({ q: 'mật ong', province: ['son-la'] }), 'vi');
    expect(narrowed.total).toBe(0);
    const everywhere = await search.search(query({ q: 'mật ong' }), 'vi');
    expect(everywhere.hits[0]?.slug).toBe('mat-ong-u-minh');
    expect(narrowed.noResults?.withoutFilters).toBe(everywhere.total);
  });
});

describe('indexing', () => {
  it('knows when the index is current and when the catalogue changed', async () => {
    expect(await indexState(meili.client, FIXTURE_DOCUMENTS)).toBe('current');
    const changed = FIXTURE_DOCUMENTS.map((d) => (d.id === 'keo-dua-ben-tre' ? { ...d, price: 70_000 } : d));
    expect(await indexState(meili.client, changed)).toBe('stale');
  });

  it('keeps the old index answering until the new one is swapped in', async () => {
    const extra = {
      ...FIXTURE_DOCUMENTS[0]!,
      id: 'keo-dua-la-dua',
      nameVi: 'Kẹo dừa lá dứa',
      nameEn: 'Pandan coconut candy',
    };
    const next = [...FIXTURE_DOCUMENTS, extra];
    const totals = new Set<number>();
    let finished = false;
    const reindex = reindexProducts(meili.client, next).finally(() => (finished = true));
    // Search continuously while the new index is built: every answer is a whole index, old or new.
    while (!finished) {
      totals.add((await search.search(query({}), 'vi')).total);
    }
    await reindex;
    expect([...totals].every((t) => t === FIXTURE_DOCUMENTS.length || t === next.length)).toBe(true);
    expect(totals.has(FIXTURE_DOCUMENTS.length)).toBe(true);
    expect((await search.search(query({}), 'vi')).total).toBe(next.length);
    const uids = (await meili.client.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(uids.filter((u) => u.startsWith(`${PRODUCTS_INDEX}_`) && u !== 'products_meta')).toEqual([]);
    await reindexProducts(meili.client, FIXTURE_DOCUMENTS);
  });

  it('leaves the live index alone when a reindex fails', async () => {
    const broken = [...FIXTURE_DOCUMENTS, { ...FIXTURE_DOCUMENTS[0]!, id: 'not a valid id!' }];
    await expect(reindexProducts(meili.client, broken)).rejects.toThrow(/Documents .* failed/);
    expect((await search.search(query({}), 'vi')).total).toBe(FIXTURE_DOCUMENTS.length);
    const uids = (await meili.client.getIndexes({ limit: 100 })).results.map((i) => i.uid);
    expect(uids.sort()).toEqual([PRODUCTS_INDEX, 'products_meta']);
  });
});
