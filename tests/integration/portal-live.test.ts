/**
 * Live without a rebuild, at the boundaries it crosses: one search document written, rewritten and removed in a real
 * Meilisearch (never a reindex), and the listings service telling the site about exactly the changes that committed
 * (on PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/features/accounts/accounts';
import { createListings, type Listings } from '../../src/features/portal/listings.server';
import { createLocalPhotoStore } from '../../src/features/portal/photo-store.server';
import { createSearchDocuments, createSearchService } from '../../src/features/search/search.server';
import { EMPTY_QUERY } from '../../src/features/search/search-url';
import { formatVnd } from '../../src/lib/i18n';
import { createMeiliBackend } from '../../src/lib/search/meili-backend';
import { createMeiliDocumentStore } from '../../src/lib/search/meili-documents';
import { reindexProducts } from '../../integrations/search/reindex';
import { FIXTURE_DOCUMENTS } from '../fixtures/search/catalogue';
import { startTestMeili, type TestMeili } from '../support/meili';
import { databaseTargets, type TestDatabase } from './db-harness';

describe('one search document per change', () => {
  let meili: TestMeili;
  beforeAll(async () => {
    meili = await startTestMeili();
    await reindexProducts(meili.client, FIXTURE_DOCUMENTS);
  });
  afterAll(async () => {
    await meili?.stop();
  });

  it('makes a new product searchable, reprices it and removes it, leaving every other document alone', async () => {
    const logged: string[] = [];
    const documents = createSearchDocuments({
      store: createMeiliDocumentStore({ url: meili.url, apiKey: meili.masterKey, waitForTasks: true }),
      log: (line) => logged.push(line),
    });
    const search = createSearchService({
      backend: createMeiliBackend({ url: meili.url, apiKey: meili.masterKey }),
    });
    const find = async (q: string) =>
      (await search.search({ ...EMPTY_QUERY, q }, 'vi')).hits.map((h) => ({ slug: h.slug, price: h.price }));
    const base = FIXTURE_DOCUMENTS[0]!;
    const added = {
      ...base,
      id: 'mut-gung-tra-vinh',
      nameVi: 'Mứt gừng Trà Vinh',
      nameEn: 'Tra Vinh ginger jam',
    };

    expect(await documents.upsert(added)).toBe(true);
    expect(await find('mứt gừng')).toContainEqual({
      slug: 'mut-gung-tra-vinh',
      price: formatVnd(base.price, 'vi'),
    });
    expect(await find('mut gung')).toContainEqual({
      slug: 'mut-gung-tra-vinh',
      price: formatVnd(base.price, 'vi'),
    });

    expect(await documents.upsert({ ...added, price: 99000, priceBand: 'under-100k' })).toBe(true);
    expect(await find('mứt gừng')).toContainEqual({
      slug: 'mut-gung-tra-vinh',
      price: formatVnd(99000, 'vi'),
    });

    expect(await documents.remove('mut-gung-tra-vinh')).toBe(true);
    expect((await find('mứt gừng')).map((h) => h.slug)).not.toContain('mut-gung-tra-vinh');
    const stats = await meili.client.index('products').getStats();
    expect(stats.numberOfDocuments).toBe(FIXTURE_DOCUMENTS.length);
    expect(logged).toEqual([]);
  });

  it('returns once Meilisearch took the write, and reports a write it fails later', async () => {
    const late: string[] = [];
    const store = createMeiliDocumentStore({
      url: meili.url,
      apiKey: meili.masterKey,
      onLateFailure: (line) => late.push(line),
    });
    const atiso = { ...FIXTURE_DOCUMENTS[0]!, id: 'tra-atiso-da-lat', nameVi: 'Trà atiso Đà Lạt' };
    await store.put('products', atiso);
    await expect
      .poll(async () => (await meili.client.index('products').search('atiso')).hits.map((h) => h['id']), {
        timeout: 30_000,
      })
      .toContain('tra-atiso-da-lat');
    // Meilisearch accepts the task, then refuses the id when it applies it.
    await store.put('products', { ...FIXTURE_DOCUMENTS[0]!, id: 'not a valid id!' });
    await expect.poll(() => late.length, { timeout: 30_000 }).toBe(1);
    expect(late[0]).toMatch(/^\[search\] Indexing not a valid id! failed: /);
    await store.remove('products', 'tra-atiso-da-lat');
  });

  it('answers false and logs one line when Meilisearch cannot be reached, never throws', async () => {
    const logged: string[] = [];
    const documents = createSearchDocuments({
      store: createMeiliDocumentStore({ url: 'http://127.0.0.1:9', taskTimeoutMs: 1000, waitForTasks: true }),
      log: (line) => logged.push(line),
    });
    expect(await documents.upsert({ ...FIXTURE_DOCUMENTS[0]!, id: 'x-1' })).toBe(false);
    expect(await documents.remove('x-1')).toBe(false);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^\[search\] indexing x-1 failed: /);
  });
});

const producer: Actor = { id: 'u-cau-ke', role: 'producer', producerId: 'dua-sap-cau-ke', provinceId: null };
const traVinh: Actor = { id: 'u-tra-vinh', role: 'promoter', producerId: null, provinceId: 'tra-vinh' };
const caMau: Actor = { id: 'u-ca-mau', role: 'promoter', producerId: null, provinceId: 'ca-mau' };

function posted(photo: string): Record<string, unknown> {
  return {
    name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' },
    summary: { vi: 'Kẹo dừa sáp Cầu Kè.', en: 'Waxy coconut candy from Cau Ke.' },
    group: 'food',
    certification: {
      stars: 3,
      score: 60,
      recognisedOn: '2024-06-01',
      level: 'provincial',
      decisionNumber: '1/QĐ',
    },
    price: 45000,
    unit: { vi: 'hộp 400 g', en: '400 g box' },
    netWeight: { value: 400, unit: 'g' },
    shelfLifeDays: 180,
    storage: { vi: 'Nơi khô ráo.', en: 'Keep dry.' },
    ingredients: { vi: ['cơm dừa sáp'], en: ['waxy coconut flesh'] },
    allergens: [],
    story: { vi: 'Câu chuyện.', en: 'The story.' },
    stock: 120,
    photos: [photo],
  };
}

describe.each(databaseTargets())('public changes of listings on $name', (target) => {
  let database: TestDatabase;
  let service: Listings;
  const told: string[] = [];
  let clock = new Date('2026-11-21T03:00:00Z');
  const storeRoot = mkdtempSync(join(tmpdir(), 'ocop-photos-live-'));
  const store = createLocalPhotoStore({ root: storeRoot });
  const otherProducer: Actor = { id: 'u-noni', role: 'producer', producerId: 'sk-noni', provinceId: null };

  beforeAll(async () => {
    database = await target.open();
    service = createListings({
      db: database.db,
      provinceOf: (id) => ({ 'dua-sap-cau-ke': 'tra-vinh', 'sk-noni': 'ca-mau' })[id],
      onPublicChange: async (slug) => void told.push(slug),
      now: () => clock,
    });
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(storeRoot, { recursive: true, force: true });
  });

  /** A photo with its files in the store, recorded loose for the producer. */
  async function storedPhoto(): Promise<string> {
    const id = randomUUID();
    const keys = [`public/${id}/w480.webp`, `private/${id}/master.jpg`];
    for (const key of keys) await store.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    expect((await service.recordLoosePhoto(producer, 'dua-sap-cau-ke', { id, keys })).ok).toBe(true);
    return id;
  }
  const hasFiles = async (id: string) => (await store.get(`public/${id}/w480.webp`)) !== null;

  it('tells the site after an approval, a price change and a withdrawal, and never after a refused move', async () => {
    const photo = randomUUID();
    expect(
      (
        await service.recordLoosePhoto(producer, 'dua-sap-cau-ke', {
          id: photo,
          keys: [`public/${photo}/w480.webp`],
        })
      ).ok,
    ).toBe(true);
    const started = await service.start(producer, {
      producerId: 'dua-sap-cau-ke',
      slug: 'keo-dua-live',
      listing: posted(photo),
    });
    if (!started.ok) throw new Error(started.message);
    const sent = await service.move(producer, started.value.id, started.value.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    told.length = 0;

    const foreign = await service.move(caMau, sent.value.id, sent.value.version, { kind: 'approve' });
    expect(foreign.ok).toBe(false);
    expect(told).toEqual([]);

    const approved = await service.move(traVinh, sent.value.id, sent.value.version, { kind: 'approve' });
    expect(approved.ok).toBe(true);
    expect(told).toEqual(['keo-dua-live']);

    expect((await service.setPriceStock(producer, sent.value.id, { price: 52000 })).ok).toBe(true);
    expect((await service.setPriceStock(producer, sent.value.id, { price: -1 })).ok).toBe(false);
    expect(told).toEqual(['keo-dua-live', 'keo-dua-live']);
    const listed = await service.catalogueListings();
    expect(listed.find((l) => l.slug === 'keo-dua-live')).toMatchObject({
      live: true,
      listing: { price: 52000 },
    });

    const off = await service.move(producer, sent.value.id, approved.ok ? approved.value.version : 0, {
      kind: 'unpublish',
    });
    expect(off.ok).toBe(true);
    expect(told).toHaveLength(3);
    expect((await service.catalogueListings()).find((l) => l.slug === 'keo-dua-live')?.live).toBe(false);
  });
  it('serves a photo on sale to anyone, a photo not on sale to its producer and promoters only, by id', async () => {
    const photo = await storedPhoto();
    expect(await service.photoAccess(producer, photo)).toBe('private');
    expect(await service.photoAccess(traVinh, photo)).toBe('private');
    for (const stranger of [caMau, otherProducer, null])
      expect(await service.photoAccess(stranger, photo)).toBe('none');
    expect(await service.photoAccess(null, 'not-a-uuid')).toBe('none');
    expect(await service.photoAccess(producer, randomUUID())).toBe('none');

    const started = await service.start(producer, {
      producerId: 'dua-sap-cau-ke',
      slug: 'keo-dua-photo',
      listing: posted(photo),
    });
    if (!started.ok) throw new Error(started.message);
    expect(await service.photoAccess(null, photo)).toBe('none');
    const sent = await service.move(producer, started.value.id, started.value.version, { kind: 'submit' });
    const approved =
      sent.ok && (await service.move(traVinh, sent.value.id, sent.value.version, { kind: 'approve' }));
    expect(approved && approved.ok).toBe(true);
    expect(await service.photoAccess(null, photo)).toBe('public');
    expect(await service.photoAccess(otherProducer, photo)).toBe('public');
    if (!approved || !approved.ok) return;
    expect(
      (await service.move(producer, approved.value.id, approved.value.version, { kind: 'unpublish' })).ok,
    ).toBe(true);
    expect(await service.photoAccess(null, photo)).toBe('none');
    expect(await service.photoAccess(producer, photo)).toBe('private');
  });

  it('deletes uploads nobody saved and photos removed from a listing after a day, keeping every photo in use', async () => {
    clock = new Date('2026-11-22T00:00:00Z');
    await service.deleteUnusedPhotos(store); // earlier tests' leftovers
    const loose = await storedPhoto();
    const kept = await storedPhoto();
    const dropped = await storedPhoto();
    const started = await service.start(producer, {
      producerId: 'dua-sap-cau-ke',
      slug: 'keo-dua-cleanup',
      listing: { ...posted(kept), photos: [kept, dropped] },
    });
    if (!started.ok) throw new Error(started.message);
    const edited = await service.edit(producer, started.value.id, started.value.version, posted(kept));
    expect(edited.ok).toBe(true);

    clock = new Date('2026-11-22T23:00:00Z');
    expect(await service.deleteUnusedPhotos(store)).toEqual({ deleted: 0, failedFiles: 0 });
    expect(await hasFiles(loose)).toBe(true);

    clock = new Date('2026-11-23T00:00:01Z');
    expect(await service.deleteUnusedPhotos(store)).toEqual({ deleted: 2, failedFiles: 0 });
    expect(await hasFiles(loose)).toBe(false);
    expect(await hasFiles(dropped)).toBe(false);
    expect(await store.get(`private/${loose}/master.jpg`)).toBeNull();
    expect(await hasFiles(kept)).toBe(true);
    expect(await service.photoAccess(producer, loose)).toBe('none');
    expect(await service.photoAccess(producer, kept)).toBe('private');
  });
});
