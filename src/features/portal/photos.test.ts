import { describe, expect, it } from 'vitest';
import { usePortalTranslations } from './messages';
import {
  isUnusedPhoto,
  unusedPhotoCutoff,
  bytesProblem,
  dimensionsProblem,
  parsePhotoKey,
  PHOTO_LIMITS,
  photoCountProblem,
  photoKey,
  photoProblemKey,
  photoSources,
  publicPhotoFile,
  sniffFormat,
  variantSpecs,
  type PhotoRefusal,
} from './photos';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));
const ftyp = (...brands: string[]) =>
  bytes(0, 0, 0, 8 + 4 * (brands.length + 1), 'ftyp', brands[0]!, 0, 0, 0, 0, ...brands.slice(1));
const id = '3f2a8c1e-5b7d-4e9f-a1c3-0d4e5f6a7b8c';

describe('reading the real format from the first bytes', () => {
  it('knows JPEG, PNG, WebP and AVIF whatever the file is called', () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('jpeg');
    expect(sniffFormat(bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0))).toBe('png');
    expect(sniffFormat(bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffFormat(ftyp('mif1', 'avif'))).toBe('avif');
  });

  it('calls HEIC, GIF, TIFF, BMP and SVG unsupported images, and text or nothing not an image', () => {
    expect(sniffFormat(ftyp('heic', 'mif1', 'heic'))).toBe('unsupported');
    expect(sniffFormat(bytes('GIF89a'))).toBe('unsupported');
    expect(sniffFormat(bytes('II*', 0))).toBe('unsupported');
    expect(sniffFormat(bytes('BM', 0, 0))).toBe('unsupported');
    expect(sniffFormat(bytes('<?xml version="1.0"?><svg/>'))).toBe('unsupported');
    expect(sniffFormat(bytes('Giá: 45.000 đồng\n'))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});

describe('limits', () => {
  it('refuses an empty file and one over the byte limit before reading it', () => {
    expect(bytesProblem(0)).toEqual({ refusal: 'empty', values: {} });
    expect(bytesProblem(PHOTO_LIMITS.maxBytes)).toBeNull();
    expect(bytesProblem(PHOTO_LIMITS.maxBytes + 1)).toEqual({ refusal: 'too-large', values: { maxMb: 20 } });
  });

  it('lets a 12 MP and a 48 MP phone photo through, and refuses 20,000 × 20,000 from its header', () => {
    expect(dimensionsProblem(4032, 3024)).toBeNull();
    expect(dimensionsProblem(8064, 6048)).toBeNull();
    expect(dimensionsProblem(20_000, 20_000)).toEqual({
      refusal: 'too-many-pixels',
      values: { megapixels: 400, maxMegapixels: 50 },
    });
  });

  it('refuses a photo too small for the card, or too long and narrow for the gallery', () => {
    expect(dimensionsProblem(640, 400)).toEqual({
      refusal: 'too-small',
      values: { width: 640, height: 400, min: 480 },
    });
    expect(dimensionsProblem(3000, 600)).toEqual({
      refusal: 'odd-shape',
      values: { width: 3000, height: 600, maxAspect: 3 },
    });
  });

  it('takes eight photos per listing, not a ninth', () => {
    expect(photoCountProblem(7)).toBeNull();
    expect(photoCountProblem(8)).toEqual({ refusal: 'too-many-photos', values: { max: 8 } });
  });

  it('has a message for every refusal in both languages', () => {
    const refusals: PhotoRefusal[] = [
      'empty',
      'too-large',
      'not-image',
      'unsupported',
      'too-many-pixels',
      'too-small',
      'odd-shape',
      'damaged',
      'too-many-photos',
    ];
    const vi = usePortalTranslations('vi');
    const en = usePortalTranslations('en');
    for (const refusal of refusals) {
      const key = photoProblemKey({ refusal, values: {} });
      expect(vi.has(key)).toBe(true);
      expect(vi(key)).not.toBe(en(key));
    }
    expect(vi(photoProblemKey({ refusal: 'too-large', values: {} }), { maxMb: 20 })).toBe(
      'Ảnh nặng quá, tối đa 20 MB: hãy chụp ở chế độ thường hoặc gửi ảnh nhỏ hơn.',
    );
  });
});

describe('sizes and names', () => {
  it('makes the product page’s sizes, none wider than the photo', () => {
    expect(variantSpecs(4000).map((v) => v.name)).toEqual([
      'w360.avif',
      'w560.avif',
      'w800.avif',
      'w1000.avif',
      'w240.webp',
      'w360.webp',
      'w480.webp',
      'w560.webp',
      'w800.webp',
      'w1000.webp',
      'w800.jpg',
      'og.jpg',
      'thumb.webp',
    ]);
    expect(variantSpecs(600).map((v) => v.name)).toEqual([
      'w360.avif',
      'w560.avif',
      'w240.webp',
      'w360.webp',
      'w480.webp',
      'w560.webp',
      'w600.jpg',
      'og.jpg',
      'thumb.webp',
    ]);
  });

  it('keys public sizes and the private master, and refuses any other key', () => {
    expect(photoKey('public', id, 'w800.avif')).toBe(`public/${id}/w800.avif`);
    expect(parsePhotoKey(`private/${id}/master.jpg`)).toEqual({
      area: 'private',
      photoId: id,
      file: 'master.jpg',
    });
    for (const bad of [
      `public/${id}/master.jpg`,
      `private/${id}/w800.avif`,
      `public/${id}/../../etc/passwd`,
      `public/../${id}/w800.avif`,
      `public/not-a-uuid/w800.avif`,
      `other/${id}/w800.avif`,
      `public/${id}/w800.avif/x`,
    ]) {
      expect(parsePhotoKey(bad)).toBeNull();
    }
  });
});

describe('publicPhotoFile', () => {
  const id = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0b9c7d13';
  it('serves the public sizes with their content type', () => {
    expect(publicPhotoFile(id, 'w800.avif')).toEqual({
      key: `public/${id}/w800.avif`,
      contentType: 'image/avif',
    });
    expect(publicPhotoFile(id, 'og.jpg')?.contentType).toBe('image/jpeg');
  });
  it('never serves the master, another folder or a malformed id', () => {
    expect(publicPhotoFile(id, 'master.jpg')).toBeNull();
    expect(publicPhotoFile(id, '../private/master.jpg')).toBeNull();
    expect(publicPhotoFile('0x10', 'w800.avif')).toBeNull();
    expect(publicPhotoFile(id, 'w800.png')).toBeNull();
  });
});

describe('the sources of a stored photo', () => {
  const id = '6f1c7a0e-4f7e-4a59-9d3c-2f0f2b1f8c11';
  it('lists only the sizes that exist, per format, and never the master', () => {
    const keys = [
      'w240.webp',
      'w360.webp',
      'w480.webp',
      'w560.webp',
      'w360.avif',
      'w560.avif',
      'w560.jpg',
      'og.jpg',
      'thumb.webp',
    ]
      .map((f) => `public/${id}/${f}`)
      .concat(`private/${id}/master.jpg`);
    const sources = photoSources(id, keys);
    expect(sources.gallery.avif).toBe(`/photos/${id}/w360.avif 360w, /photos/${id}/w560.avif 560w`);
    expect(sources.gallery.webp.split(', ')).toHaveLength(4);
    expect(sources.card).toBe(
      `/photos/${id}/w240.webp 240w, /photos/${id}/w360.webp 360w, /photos/${id}/w480.webp 480w`,
    );
    expect(sources.fallback).toBe(`/photos/${id}/w560.jpg`);
    expect(JSON.stringify(sources)).not.toContain('master');
  });
  it('ignores keys of other photos', () => {
    expect(photoSources(id, [`public/6f1c7a0e-4f7e-4a59-9d3c-2f0f2b1f8c12/w360.avif`]).gallery.avif).toBe('');
  });
});

describe('unused photos', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it('are deleted once no listing shows them and the day of grace has passed', () => {
    expect(isUnusedPhoto({ uploadedAt: new Date('2026-11-21T23:59:59Z'), shownByListings: 0 }, now)).toBe(
      true,
    );
    expect(isUnusedPhoto({ uploadedAt: new Date('2026-11-22T00:00:00Z'), shownByListings: 0 }, now)).toBe(
      true,
    );
    expect(isUnusedPhoto({ uploadedAt: new Date('2026-11-22T00:00:01Z'), shownByListings: 0 }, now)).toBe(
      false,
    );
    expect(isUnusedPhoto({ uploadedAt: new Date('2020-01-01T00:00:00Z'), shownByListings: 1 }, now)).toBe(
      false,
    );
  });
  it('measure the grace period back from now', () => {
    expect(unusedPhotoCutoff(now).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(unusedPhotoCutoff(now, 60_000).toISOString()).toBe('2026-11-22T23:59:00.000Z');
  });
});
