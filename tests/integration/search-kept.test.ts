/**
 * The site keeps identical searches for SEARCH_ANSWERS_TTL_MS (a real Meilisearch): a burst of the same search is
 * one round trip, and a product change (a portal listing upserted, a reindex) is never hidden for longer than that
 * after Meilisearch has applied it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DOCUMENTS } from '../fixtures/search/catalogue';
import { startTestMeili, type TestMeili } from '../support/meili';
import {
  createSearchDocuments,
  createSearchService,
  SEARCH_ANSWERS_TTL_MS,
  type SearchService,
} from '../../src/features/search/search.server';
import { PRODUCTS_INDEX } from '../../src/features/search/index-settings';
import { EMPTY_QUERY } from '../../src/features/search/search-url';
import { createMeiliBackend } from '../../src/lib/search/meili-backend';
import { createMeiliDocumentStore } from '../../src/lib/search/meili-documents';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import { reindexProducts } from '../../integrations/search/reindex';

let meili: TestMeili;
let search: SearchService;
let roundTrips = 0;

beforeAll(async () => {
  meili = await startTestMeili();
  await reindexProducts(meili.client, FIXTURE_DOCUMENTS);
  const backend = createMeiliBackend({ url: meili.url, apiKey: meili.masterKey });
  // The real backend, counting round trips.
  const counted: SearchBackend = {
    multiSearch: (requests) => {
      roundTrips += 1;
      return backend.multiSearch(requests);
    },
  };
  search = createSearchService({ backend: counted, answersTtlMs: SEARCH_ANSWERS_TTL_MS });
});

afterAll(async () => {
  await meili?.stop();
});

const candy = { ...EMPTY_QUERY, q: 'kẹo dừa' };
const candyPrice = async () =>
  (await search.search(candy, 'vi')).hits.find((h) => h.slug === 'keo-dua-ben-tre')?.price;
/** What Meilisearch itself answers now, past the site's memory. */
const storedPrice = async () =>
  (await meili.client.index(PRODUCTS_INDEX).getDocument('keo-dua-ben-tre')).price as number;

/** How long after Meilisearch applied a change the site's search first shows it (polling every 100 ms). */
async function msUntilShown(shown: () => Promise<boolean>): Promise<number> {
  const applied = Date.now();
  while (!(await shown())) {
    if (Date.now() - applied > SEARCH_ANSWERS_TTL_MS + 5000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - applied;
}

describe('kept search answers', () => {
  it('answers a burst of the same search with one round trip, and a different search with its own', async () => {
    const before = roundTrips;
    const answers = await Promise.all(Array.from({ length: 5 }, () => search.search(candy, 'vi')));
    expect(new Set(answers.map((a) => a.total)).size).toBe(1);
    await search.search(candy, 'vi');
    expect(roundTrips - before).toBe(1);
    await search.search({ ...candy, q: 'tôm khô' }, 'vi');
    await search.search(candy, 'en');
    expect(roundTrips - before).toBe(3);
  });

  it(`shows a portal listing's new price within ${SEARCH_ANSWERS_TTL_MS} ms of Meilisearch applying it`, async () => {
    const original = FIXTURE_DOCUMENTS.find((d) => d.id === 'keo-dua-ben-tre')!;
    const oldPrice = await candyPrice();
    const documents = createSearchDocuments({
      store: createMeiliDocumentStore({ url: meili.url, apiKey: meili.masterKey, waitForTasks: true }),
    });
    expect(await documents.upsert({ ...original, price: original.price + 12_000 })).toBe(true);
    expect(await storedPrice()).toBe(original.price + 12_000);
    const ms = await msUntilShown(async () => (await candyPrice()) !== oldPrice);
    expect(ms).toBeLessThanOrEqual(SEARCH_ANSWERS_TTL_MS + 500);
    expect(await candyPrice()).not.toBe(oldPrice);
  });

  it(`shows a reindexed catalogue within ${SEARCH_ANSWERS_TTL_MS} ms of the swap`, async () => {
    const everything = { ...EMPTY_QUERY };
    expect((await search.search(everything, 'vi')).total).toBe(FIXTURE_DOCUMENTS.length);
    const fewer = FIXTURE_DOCUMENTS.filter((d) => d.id !== 'keo-dua-ben-tre');
    await reindexProducts(meili.client, fewer);
    const ms = await msUntilShown(async () => (await search.search(everything, 'vi')).total === fewer.length);
    expect(ms).toBeLessThanOrEqual(SEARCH_ANSWERS_TTL_MS + 500);
  });
});
