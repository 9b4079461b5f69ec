/**
 * Listing photos through sharp with real files, made in the test with sharp itself: a phone JPEG with GPS EXIF and
 * orientation 6 comes out upright with no metadata; a PNG named .jpg is a PNG; a text file, a file over the byte
 * limit, a damaged JPEG and a 20,000 × 20,000 image are refused and nothing is stored; the local store round-trips
 * files in a temporary folder and serves no private file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp, { type Region } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalPhotoStore } from '../../src/features/portal/photo-store.server';
import { PHOTO_LIMITS, photoKey } from '../../src/features/portal/photos';
import { createPhotos, type StoredPhoto } from '../../src/features/portal/photos.server';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

let serial = 0;
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'ocop-photos-'));
  roots.push(root);
  const store = createLocalPhotoStore({ root });
  const photos = createPhotos({
    store,
    newId: () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  });
  return { root, store, photos };
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** A landscape 1200 × 800 photo, red in its top-left corner, as a phone held upright saves it: orientation 6. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#33aa77' } })
    .composite([
      { input: { create: { width: 300, height: 200, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .withExifMerge({
      IFD0: { Make: 'OcopPhone', Model: 'Test 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '10/1 14/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 22/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The EXIF GPS IFD pointer tag (0x8825), in either byte order. */
const hasGpsTag = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

/** The mean colour of a region of a stored file. */
async function meanColour(bytes: Uint8Array, region: Region): Promise<number[]> {
  // stats() reads its input, not the pipeline's output, so the region is cut out first.
  const { channels } = await sharp(await sharp(bytes).extract(region).png().toBuffer()).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

/** Red as JPEG leaves it (a level or two off). */
const isRed = ([r, g, b]: number[]) => r! > 240 && g! < 20 && b! < 20;

/**
 * A PNG that claims 20,000 × 20,000 pixels in its header over the pixel data of a 600 × 600 one: encoding a real
 * 400-megapixel image takes sharp over ten seconds, and the header is all a decompression bomb needs to be refused.
 * Had the file been decoded, its short data would make it a damaged file instead of a too-large one.
 */
async function pixelBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#000000' } })
    .png()
    .toBuffer();
  const ihdr = png.subarray(12, 29); // "IHDR" + width, height, depth, colour type, compression, filter, interlace
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.writeUInt32BE(20_000, 8);
  png.writeUInt32BE(crc32(ihdr), 29);
  return png;
}

async function added(photos: ReturnType<typeof setup>['photos'], bytes: Uint8Array): Promise<StoredPhoto> {
  const result = await photos.add(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problem.refusal}`);
  return result.photo;
}

describe('photos through sharp', () => {
  it('turns a phone JPEG upright and keeps no EXIF, GPS or other metadata in any stored file', async () => {
    const input = await phoneJpeg();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.orientation).toBe(6);
    expect(hasGpsTag(inputMeta.exif!)).toBe(true);

    const { root, store, photos } = setup();
    const photo = await added(photos, input);
    // Upright: the 1200 × 800 landscape pixels become an 800 × 1200 portrait photo.
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 800, height: 1200 });
    const master = (await store.get(photo.masterKey))!;
    // Orientation 6 turns the picture a quarter clockwise: the red top-left corner is now top-right.
    expect(isRed(await meanColour(master, { left: 650, top: 20, width: 100, height: 200 }))).toBe(true);
    expect(isRed(await meanColour(master, { left: 20, top: 20, width: 100, height: 200 }))).toBe(false);

    for (const file of filesUnder(root)) {
      const meta = await sharp(readFileSync(join(root, file))).metadata();
      expect({
        file,
        exif: meta.exif,
        xmp: meta.xmp,
        iptc: meta.iptc,
        orientation: meta.orientation,
      }).toEqual({
        file,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        orientation: undefined,
      });
    }
    const w800 = photo.files.find((f) => f.key.endsWith('/w800.webp'))!;
    expect({ width: w800.width, height: w800.height }).toEqual({ width: 800, height: 1200 });
  });

  it('stores every size the product page uses for a 12-megapixel phone photo, and never the upload itself', async () => {
    const input = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c08040' } })
      .jpeg({ quality: 92 })
      .toBuffer();
    const { root, photos } = setup();
    const photo = await added(photos, input);
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 2000, height: 1500 });
    expect(photo.previewUrl).toBe(`/photos/${photo.id}/w480.webp`);
    const stored = filesUnder(root).sort();
    expect(stored).toEqual(
      [
        'private/master.jpg',
        ...['w360.avif', 'w560.avif', 'w800.avif', 'w1000.avif'],
        ...['w240.webp', 'w360.webp', 'w480.webp', 'w560.webp', 'w800.webp', 'w1000.webp'],
        ...['w800.jpg', 'og.jpg', 'thumb.webp'],
      ]
        .map((f) => (f.startsWith('private/') ? `private/${photo.id}/master.jpg` : `public/${photo.id}/${f}`))
        .sort(),
    );
    const og = photo.files.find((f) => f.key.endsWith('/og.jpg'))!;
    expect({ width: og.width, height: og.height }).toEqual({ width: 1200, height: 630 });
    const formats = await Promise.all(
      stored.map(async (f) => (await sharp(readFileSync(join(root, f))).metadata()).format),
    );
    expect([...new Set(formats)].sort()).toEqual(['heif', 'jpeg', 'webp']);
    for (const f of stored) expect(readFileSync(join(root, f)).equals(input)).toBe(false);

    await photos.remove(photo);
    expect(filesUnder(root)).toEqual([]);
  });

  it('reads a PNG named .jpg as the PNG it is', async () => {
    const { root, photos } = setup();
    const path = join(root, 'upload.jpg');
    writeFileSync(
      path,
      await sharp({ create: { width: 900, height: 700, channels: 4, background: '#2255ff80' } })
        .png()
        .toBuffer(),
    );
    const bytes = readFileSync(path);
    rmSync(path);
    expect(await photos.inspect(bytes)).toEqual({ ok: true, format: 'png', width: 900, height: 700 });
    const photo = await added(photos, bytes);
    expect(photo.files.map((f) => f.key.split('/')[2])).toContain('w800.jpg');
  });

  it('refuses a text file, an oversize file, a damaged JPEG and a 20,000 × 20,000 image, storing nothing', async () => {
    const { root, photos } = setup();
    const text = new TextEncoder().encode('Kẹo dừa sáp, 45.000 đồng một hộp\n');
    const oversize = new Uint8Array(PHOTO_LIMITS.maxBytes + 1);
    oversize.set([0xff, 0xd8, 0xff]);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888888' } })
      .jpeg()
      .toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));

    expect(await photos.add(text)).toEqual({ ok: false, problem: { refusal: 'not-image', values: {} } });
    expect(await photos.add(oversize)).toEqual({
      ok: false,
      problem: { refusal: 'too-large', values: { maxMb: 20 } },
    });
    expect(await photos.add(truncated)).toEqual({ ok: false, problem: { refusal: 'damaged', values: {} } });
    expect(await photos.add(await pixelBomb())).toEqual({
      ok: false,
      problem: { refusal: 'too-many-pixels', values: { megapixels: 400, maxMegapixels: 50 } },
    });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses an iPhone HEIC photo as an unsupported format, before sharp reads it', async () => {
    const { photos } = setup();
    const heicHeader = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    expect(await photos.add(heicHeader)).toEqual({
      ok: false,
      problem: { refusal: 'unsupported', values: {} },
    });
  });
});

describe('the local photo store', () => {
  const id = '3f2a8c1e-5b7d-4e9f-a1c3-0d4e5f6a7b8c';

  it('round-trips a file, gives public files an address and private ones none, and deletes', async () => {
    const { root, store } = setup();
    const key = photoKey('public', id, 'w360.webp');
    const master = photoKey('private', id, 'master.jpg');
    await store.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    await store.put(master, new Uint8Array([4, 5]), 'image/jpeg');
    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(store.url(key)).toBe(`/photos/${id}/w360.webp`);
    expect(store.url(master)).toBeNull();
    expect(filesUnder(root).sort()).toEqual([`private/${id}/master.jpg`, `public/${id}/w360.webp`]);

    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(filesUnder(root)).toEqual([`private/${id}/master.jpg`]);
  });

  it('refuses keys outside its folders', async () => {
    const { store } = setup();
    await expect(store.put('public/../../escape.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(
      'not a photo key',
    );
    expect(await store.get(`public/${id}/../../../etc/passwd`)).toBeNull();
    expect(store.url(`../${id}/w360.webp`)).toBeNull();
  });
});
