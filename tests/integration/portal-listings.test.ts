/**
 * Producer listings against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the flow from a
 * producer's draft to a live listing, rejection with a reason the producer reads, a promoter's draft the producer
 * accepts; permissions by id for every read and write; the log and its diffs; the stale version refused; approve
 * and withdraw racing on one listing; unmoderated price and stock; the eight-photo gallery; the catalogue merge.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/features/accounts/accounts';
import { mergeCatalogue } from '../../src/features/portal/catalogue-merge';
import { createListings, type Listings, type ListingView } from '../../src/features/portal/listings.server';
import { createLocalPhotoStore } from '../../src/features/portal/photo-store.server';
import { createPhotos } from '../../src/features/portal/photos.server';
import { commerceProducts, listingLog, listings } from '../../src/lib/db/schema';
import { databaseTargets, type TestDatabase } from './db-harness';

const PROVINCES: Record<string, string> = { 'dua-sap-cau-ke': 'tra-vinh', 'sk-noni': 'ca-mau' };
const producer: Actor = { id: 'u-cau-ke', role: 'producer', producerId: 'dua-sap-cau-ke', provinceId: null };
const otherProducer: Actor = { id: 'u-noni', role: 'producer', producerId: 'sk-noni', provinceId: null };
const traVinh: Actor = { id: 'u-tra-vinh', role: 'promoter', producerId: null, provinceId: 'tra-vinh' };
const caMau: Actor = { id: 'u-ca-mau', role: 'promoter', producerId: null, provinceId: 'ca-mau' };
const shopper: Actor = { id: 'u-shopper', role: 'shopper', producerId: null, provinceId: null };

/** Content files of the catalogue, as the merge sees them. */
const FILES = [
  { slug: 'keo-dua-file', producerId: 'dua-sap-cau-ke' },
  { slug: 'nuoc-cot-nhau-sk-noni', producerId: 'sk-noni' },
];
const keysOf = (id: string) => [`public/${id}/w480.webp`, `private/${id}/master.jpg`];
const photoRecord = (id = randomUUID()) => ({ id, keys: keysOf(id) });

/** A listing as the editor posts it. */
function posted(photos: string[], changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' },
    summary: { vi: 'Kẹo dừa sáp Cầu Kè.', en: 'Waxy coconut candy from Cau Ke.' },
    group: 'food',
    certification: {
      stars: 3,
      score: 60,
      recognisedOn: '2024-06-01',
      level: 'provincial',
      decisionNumber: '1234/QĐ-UBND',
    },
    price: 45000,
    unit: { vi: 'hộp 400 g', en: '400 g box' },
    netWeight: { value: 400, unit: 'g' },
    shelfLifeDays: 180,
    storage: { vi: 'Nơi khô ráo, thoáng mát.', en: 'Keep in a cool, dry place.' },
    ingredients: { vi: ['cơm dừa sáp', 'đường'], en: ['waxy coconut flesh', 'sugar'] },
    allergens: [],
    story: { vi: 'Câu chuyện **dừa sáp**.', en: 'The story of **waxy coconut**.' },
    stock: 120,
    photos,
    ...changes,
  };
}

describe.each(databaseTargets())('producer listings on $name', (target) => {
  let database: TestDatabase;
  let service: Listings;
  let slugs = 0;

  /** A photo uploaded for a producer, loose until a listing shows it. */
  async function loosePhoto(actor: Actor, producerId: string): Promise<string> {
    const id = randomUUID();
    const recorded = await service.recordLoosePhoto(actor, producerId, { id, keys: keysOf(id) });
    expect(recorded.ok).toBe(true);
    return id;
  }

  /** A producer's draft with one photo. */
  async function draft(actor = producer): Promise<ListingView> {
    const photo = await loosePhoto(actor, actor.producerId!);
    const started = await service.start(actor, {
      producerId: actor.producerId,
      slug: `keo-dua-${(slugs += 1)}`,
      listing: posted([photo]),
    });
    if (!started.ok) throw new Error(started.message);
    return started.value;
  }

  async function submitted(): Promise<ListingView> {
    const listing = await draft();
    const sent = await service.move(producer, listing.id, listing.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    return sent.value;
  }

  async function published(): Promise<ListingView> {
    const listing = await submitted();
    const approved = await service.move(traVinh, listing.id, listing.version, { kind: 'approve' });
    if (!approved.ok) throw new Error(approved.message);
    return approved.value;
  }

  const stored = async (id: string) =>
    (await database.db.select().from(listings).where(eq(listings.id, id)))[0]!;
  const logLines = async (id: string) =>
    database.db.select().from(listingLog).where(eq(listingLog.listingId, id));

  beforeAll(async () => {
    database = await target.open();
    service = createListings({
      db: database.db,
      provinceOf: (id) => PROVINCES[id],
      fileProducerOf: (slug) => FILES.find((f) => f.slug === slug)?.producerId,
      now: () => new Date('2026-11-21T03:00:00Z'),
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('takes a draft through review: another province is refused by id, the right promoter approves it live', async () => {
    const listing = await draft();
    expect(listing).toMatchObject({ state: 'draft', live: false, price: 45000, stock: 120, approved: null });
    const sent = await service.move(producer, listing.id, listing.version, { kind: 'submit' });
    expect(sent.ok && sent.value.state).toBe('pending');
    if (!sent.ok) return;

    const foreign = await service.move(caMau, listing.id, sent.value.version, { kind: 'approve' });
    expect(foreign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await service.get(caMau, listing.id)).ok).toBe(false);
    expect((await service.queue(caMau)).ok && (await service.queue(caMau))).toMatchObject({ value: [] });
    const queue = await service.queue(traVinh);
    expect(queue.ok && queue.value.map((l) => l.id)).toContain(listing.id);
    // The producer cannot approve its own listing.
    const self = await service.move(producer, listing.id, sent.value.version, { kind: 'approve' });
    expect(self).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'refusal.forbidden' });
    expect((await stored(listing.id)).state).toBe('pending');

    const approved = await service.move(traVinh, listing.id, sent.value.version, { kind: 'approve' });
    expect(approved.ok && approved.value).toMatchObject({ state: 'published', live: true });
    expect(approved.ok && approved.value.approved?.name.vi).toBe('Kẹo dừa sáp');
    const merged = mergeCatalogue([], await service.catalogueListings());
    expect(merged.map((item) => item.slug)).toContain(listing.slug);
  });

  it('logs who did what with the field-by-field diff, for both sides and nobody else', async () => {
    const listing = await published();
    const seen = await service.edit(
      producer,
      listing.id,
      listing.version,
      posted(listing.working.photos, { name: { vi: 'Kẹo dừa sáp Cầu Kè', en: 'Waxy coconut candy' } }),
    );
    expect(seen.ok && seen.value).toMatchObject({ state: 'draft', live: true });
    if (!seen.ok) return;
    // The version on sale keeps its name until a promoter approves the change.
    expect(seen.value.approved?.name.vi).toBe('Kẹo dừa sáp');

    const forProducer = await service.get(producer, listing.id);
    const forPromoter = await service.get(traVinh, listing.id);
    expect(forProducer.ok && forPromoter.ok).toBe(true);
    if (!forProducer.ok || !forPromoter.ok) return;
    expect(forPromoter.value.log).toEqual(forProducer.value.log);
    const log = forProducer.value.log;
    expect(log.map((e) => [e.action, e.from, e.to, e.actorId])).toEqual([
      ['create', null, 'draft', producer.id],
      ['submit', 'draft', 'pending', producer.id],
      ['approve', 'pending', 'published', traVinh.id],
      ['edit', 'published', 'draft', producer.id],
    ]);
    expect(log[0]!.changes).toContainEqual({ field: 'certification.stars', before: null, after: 3 });
    expect(log[3]!.changes).toEqual([
      { field: 'name.vi', before: 'Kẹo dừa sáp', after: 'Kẹo dừa sáp Cầu Kè' },
    ]);
    for (const outsider of [otherProducer, caMau, shopper])
      expect(await service.get(outsider, listing.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await service.get(null, listing.id)).toMatchObject({ ok: false, code: 'SIGNED_OUT' });
  });

  it('keeps the version on sale while a change is reviewed, and puts it back when the change is withdrawn', async () => {
    const listing = await published();
    const renamed = posted(listing.working.photos, { name: { vi: 'Kẹo dừa mới', en: 'New candy' } });
    const edited = await service.edit(producer, listing.id, listing.version, renamed);
    if (!edited.ok) throw new Error(edited.message);
    const sent = await service.move(producer, listing.id, edited.value.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    expect(sent.value).toMatchObject({ state: 'pending', live: true });
    expect(sent.value.approved?.name.vi).toBe('Kẹo dừa sáp');
    const back = await service.move(producer, listing.id, sent.value.version, { kind: 'withdraw' });
    expect(back.ok && back.value).toMatchObject({ state: 'published', live: true });
    expect(back.ok && back.value.working.name).toEqual({ vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' });
    const read = await service.get(traVinh, listing.id);
    expect(read.ok && read.value.log.at(-1)).toMatchObject({
      action: 'withdraw',
      changes: [
        { field: 'name.vi', before: 'Kẹo dừa mới', after: 'Kẹo dừa sáp' },
        { field: 'name.en', before: 'New candy', after: 'Waxy coconut candy' },
      ],
    });
  });

  it('lets the producer decline a promoter’s draft with a reason, and lists drafts for their promoter', async () => {
    const photo = await loosePhoto(traVinh, 'dua-sap-cau-ke');
    const started = await service.start(traVinh, {
      producerId: 'dua-sap-cau-ke',
      slug: 'keo-dua-declined',
      listing: posted([photo]),
    });
    if (!started.ok) throw new Error(started.message);
    const drafts = await service.queue(traVinh, 'awaiting-producer');
    expect(drafts.ok && drafts.value.map((l) => l.slug)).toContain('keo-dua-declined');
    const declined = await service.move(producer, started.value.id, started.value.version, {
      kind: 'decline',
      reason: 'Giá chưa đúng.',
    });
    expect(declined.ok && declined.value).toMatchObject({ state: 'withdrawn', live: false });
    const read = await service.get(traVinh, started.value.id);
    expect(read.ok && read.value.log.at(-1)).toMatchObject({ action: 'decline', reason: 'Giá chưa đúng.' });
  });

  it('rejects with a reason the producer reads, and refuses a rejection without one', async () => {
    const listing = await submitted();
    const bare = await service.move(traVinh, listing.id, listing.version, { kind: 'reject', reason: '  ' });
    expect(bare).toMatchObject({ ok: false, code: 'CONFLICT', message: 'refusal.reason-required' });
    const reason = 'Số quyết định không khớp với điểm 60.';
    const rejected = await service.move(traVinh, listing.id, listing.version, { kind: 'reject', reason });
    expect(rejected.ok && rejected.value).toMatchObject({ state: 'rejected', live: false });
    const read = await service.get(producer, listing.id);
    expect(read.ok && read.value.log.at(-1)).toMatchObject({ action: 'reject', reason, actorId: traVinh.id });
  });

  it('puts a promoter’s draft on sale only when the producer accepts it', async () => {
    const photo = await loosePhoto(traVinh, 'dua-sap-cau-ke');
    const input = { producerId: 'dua-sap-cau-ke', slug: 'keo-dua-delegated', listing: posted([photo]) };
    expect(await service.start(caMau, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const started = await service.start(traVinh, input);
    expect(started.ok && started.value).toMatchObject({ state: 'awaiting-producer', live: false });
    if (!started.ok) return;
    const { id, version } = started.value;
    expect(await service.move(otherProducer, id, version, { kind: 'accept' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const mine = await service.mine(producer);
    expect(mine.ok && mine.value.map((l) => l.id)).toContain(id);
    const accepted = await service.move(producer, id, version, { kind: 'accept' });
    expect(accepted.ok && accepted.value).toMatchObject({ state: 'published', live: true });
    const read = await service.get(producer, id);
    expect(read.ok && read.value.log.map((e) => [e.action, e.actorId])).toEqual([
      ['create', traVinh.id],
      ['accept', producer.id],
    ]);
  });

  it('refuses writes by id from another producer and another province, changing nothing', async () => {
    const listing = await submitted();
    const before = await stored(listing.id);
    const attempts = [
      service.edit(
        otherProducer,
        listing.id,
        listing.version,
        posted(listing.working.photos, { price: 1000 }),
      ),
      service.move(otherProducer, listing.id, listing.version, { kind: 'withdraw' }),
      service.move(caMau, listing.id, listing.version, { kind: 'reject', reason: 'Không đạt' }),
      service.setPriceStock(otherProducer, listing.id, { price: 1000 }),
      service.addToGallery(otherProducer, listing.id, photoRecord()),
      service.edit(caMau, listing.id, listing.version, posted(listing.working.photos)),
    ];
    for (const result of await Promise.all(attempts))
      expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await service.setPriceStock(caMau, listing.id, { price: 1000 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await service.get(producer, 'not-a-uuid')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await stored(listing.id)).toEqual(before);
    expect(await logLines(listing.id)).toHaveLength(2);
  });

  it('refuses another producer’s photo and a malformed listing per field, writing nothing', async () => {
    const foreignPhoto = await loosePhoto(otherProducer, 'sk-noni');
    const taken = await service.start(producer, {
      producerId: producer.producerId,
      slug: 'keo-dua-foreign-photo',
      listing: posted([foreignPhoto]),
    });
    expect(taken).toMatchObject({ ok: false, problems: [{ path: 'photos', key: 'problem.photoNotYours' }] });
    const bad = await service.start(producer, {
      producerId: producer.producerId,
      slug: 'Kẹo dừa',
      listing: posted([foreignPhoto], { price: -5 }),
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.path)).toEqual(['slug', 'price']);
    expect(
      await service.start(producer, { producerId: 'sk-noni', slug: 'x', listing: posted([]) }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const rows = await database.db.select().from(listings).where(eq(listings.slug, 'keo-dua-foreign-photo'));
    expect(rows).toHaveLength(0);
  });

  it('shows a file until its producer’s listing is approved, then the listing, and nothing once taken off sale', async () => {
    const shown = async () =>
      mergeCatalogue(FILES, await service.catalogueListings())
        .filter((item) => item.slug === 'keo-dua-file')
        .map((item) => (item.source === 'listing' ? `listing:${item.listing.price}` : 'file'));
    const photo = await loosePhoto(producer, producer.producerId!);
    const started = await service.start(producer, {
      producerId: producer.producerId,
      slug: 'keo-dua-file',
      listing: posted([photo], { price: 47000 }),
    });
    if (!started.ok) throw new Error(started.message);
    const sent = await service.move(producer, started.value.id, started.value.version, { kind: 'submit' });
    if (!sent.ok) throw new Error(sent.message);
    expect(await shown()).toEqual(['file']);
    const approved = await service.move(traVinh, sent.value.id, sent.value.version, { kind: 'approve' });
    if (!approved.ok) throw new Error(approved.message);
    expect(await shown()).toEqual(['listing:47000']);
    const off = await service.move(producer, approved.value.id, approved.value.version, {
      kind: 'unpublish',
    });
    expect(off.ok).toBe(true);
    expect(await shown()).toEqual([]);
  });

  it('never lets a photo id already recorded be taken over, nor keys of another photo', async () => {
    const theirs = await loosePhoto(otherProducer, 'sk-noni');
    const listing = await draft();
    for (const attempt of [
      service.recordLoosePhoto(producer, producer.producerId, { id: theirs, keys: keysOf(theirs) }),
      service.addToGallery(producer, listing.id, { id: theirs, keys: keysOf(theirs) }),
      service.addToGallery(producer, listing.id, { id: randomUUID(), keys: keysOf(theirs) }),
      service.addToGallery(producer, listing.id, { id: randomUUID(), keys: ['../../etc/passwd'] }),
    ])
      expect(await attempt).toMatchObject({
        ok: false,
        problems: [{ path: 'photos', key: 'problem.photoNotYours' }],
      });
    expect(await service.loosePhotos(producer)).not.toContainEqual(expect.objectContaining({ id: theirs }));
    expect(await service.loosePhotos(otherProducer)).toContainEqual(expect.objectContaining({ id: theirs }));
    expect((await stored(listing.id)).version).toBe(listing.version);
  });

  it('refuses a slug another listing or another producer’s file has', async () => {
    const first = await draft();
    const photo = await loosePhoto(producer, producer.producerId!);
    const second = await service.start(producer, {
      producerId: producer.producerId,
      slug: first.slug,
      listing: posted([photo]),
    });
    expect(second).toMatchObject({ ok: false, problems: [{ path: 'slug', key: 'problem.slugTaken' }] });
    // Another producer's content file: its slug is not free to take over.
    const hijack = await service.start(producer, {
      producerId: producer.producerId,
      slug: 'nuoc-cot-nhau-sk-noni',
      listing: posted([photo]),
    });
    expect(hijack).toMatchObject({ ok: false, problems: [{ path: 'slug', key: 'problem.slugTaken' }] });
    const own = await service.start(otherProducer, {
      producerId: otherProducer.producerId,
      slug: 'nuoc-cot-nhau-sk-noni',
      listing: posted([await loosePhoto(otherProducer, 'sk-noni')]),
    });
    expect(own.ok).toBe(true);
  });

  it('refuses an approval of a version the promoter did not review', async () => {
    const listing = await submitted();
    const withdrawn = await service.move(producer, listing.id, listing.version, { kind: 'withdraw' });
    expect(withdrawn.ok).toBe(true);
    if (!withdrawn.ok) return;
    const changed = posted(listing.working.photos, { summary: { vi: 'Đã sửa.', en: 'Changed.' } });
    const edited = await service.edit(producer, listing.id, withdrawn.value.version, changed);
    if (!edited.ok) throw new Error(edited.message);
    const resent = await service.move(producer, listing.id, edited.value.version, { kind: 'submit' });
    expect(resent.ok).toBe(true);
    const stale = await service.move(traVinh, listing.id, listing.version, { kind: 'approve' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: 'refusal.stale-version' });
    expect((await stored(listing.id)).live).toBe(false);
  });

  it('lets exactly one of an approval and a withdrawal of the same version win', async () => {
    for (let round = 0; round < 3; round += 1) {
      const listing = await submitted();
      const results = await Promise.all([
        service.move(traVinh, listing.id, listing.version, { kind: 'approve' }),
        service.move(producer, listing.id, listing.version, { kind: 'withdraw' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({ code: 'CONFLICT', message: 'refusal.stale-version' });
      const row = await stored(listing.id);
      expect(row.state === 'published' || row.state === 'withdrawn').toBe(true);
      expect(await logLines(listing.id)).toHaveLength(3);
    }
  });

  it('applies price and stock at once, unmoderated, and never lets stock go below zero', async () => {
    const listing = await published();
    const priced = await service.setPriceStock(producer, listing.id, { price: 52000 });
    expect(priced.ok && priced.value).toMatchObject({ price: 52000, state: 'published', live: true });
    expect(priced.ok && priced.value.version).toBe(listing.version);
    const merged = mergeCatalogue([], await service.catalogueListings());
    const onSale = merged.find((item) => item.slug === listing.slug);
    expect(onSale?.source === 'listing' && onSale.listing.price).toBe(52000);

    // 120 in stock, 30 orders of 5 at once: 24 succeed, the rest are refused, the stock ends at 0.
    const sales = await Promise.all(
      Array.from({ length: 30 }, () => service.setPriceStock(producer, listing.id, { stockDelta: -5 })),
    );
    expect(sales.filter((r) => r.ok)).toHaveLength(24);
    expect(sales.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: 'refusal.stock-short' });
    // Price and stock of a listing on sale live in its offer row, which the producer's view reads too.
    const [offer] = await database.db
      .select()
      .from(commerceProducts)
      .where(eq(commerceProducts.productId, listing.slug));
    expect(offer).toMatchObject({ price: 52000, stock: 0, listed: true });
    const view = await service.get(producer, listing.id);
    expect(view.ok && [view.value.listing.price, view.value.listing.stock]).toEqual([52000, 0]);
    const bad = await service.setPriceStock(producer, listing.id, { price: 0, stock: 1.5 });
    expect(bad.ok === false && bad.problems.map((p) => [p.path, p.key])).toEqual([
      ['price', 'problem.positive'],
      ['stock', 'problem.wholeNumber'],
    ]);
  });

  it('keeps a gallery to eight photos, even when photos arrive at once', async () => {
    const listing = await draft();
    const uploads = await Promise.all(
      Array.from({ length: 9 }, () => {
        return service.addToGallery(producer, listing.id, photoRecord());
      }),
    );
    expect(uploads.filter((r) => r.ok)).toHaveLength(7);
    expect(uploads.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', message: 'photo.too-many-photos' }),
      expect.objectContaining({ code: 'CONFLICT', message: 'photo.too-many-photos' }),
    ]);
    const read = await service.get(producer, listing.id);
    expect(read.ok && read.value.listing.working.photos).toHaveLength(8);
  });

  it('stores an uploaded photo in a gallery, and removes its files when the upload is refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ocop-listing-photos-'));
    try {
      const withPhotos = createListings({
        db: database.db,
        provinceOf: (id) => PROVINCES[id],
        photos: createPhotos({ store: createLocalPhotoStore({ root }) }),
      });
      const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c08040' } })
        .jpeg()
        .toBuffer();
      const listing = await draft();
      const added = await withPhotos.uploadPhoto(producer, { listingId: listing.id }, jpeg);
      expect(added.ok && added.value.listing?.working.photos).toEqual([
        ...listing.working.photos,
        added.ok ? added.value.photo.id : '',
      ]);
      const files = () => readdirSync(join(root, 'public'));
      expect(files()).toHaveLength(1);
      // Another producer may not add to this gallery: refused before the photo is made, nothing stored.
      const foreign = await withPhotos.uploadPhoto(otherProducer, { listingId: listing.id }, jpeg);
      expect(foreign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      // A pending listing is locked for edits: the photo is made, then refused, and its files are removed.
      const sent = await service.move(producer, listing.id, listing.version + 1, { kind: 'submit' });
      expect(sent.ok).toBe(true);
      const locked = await withPhotos.uploadPhoto(producer, { listingId: listing.id }, jpeg);
      expect(locked).toMatchObject({ ok: false, message: 'refusal.pending-locked' });
      expect(files()).toHaveLength(1);
      const text = await withPhotos.uploadPhoto(
        producer,
        { producerId: producer.producerId },
        Buffer.from('hi'),
      );
      expect(text).toMatchObject({ ok: false, problems: [{ path: 'photos', key: 'photo.not-image' }] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
