/**
 * Listing photos through sharp, used directly. A file is refused on its byte count before it is read, on its first
 * bytes when it is not an accepted image, and on its header dimensions before any pixel is decoded (limitInputPixels
 * enforces the same limit inside libvips). An accepted photo is turned upright from its EXIF orientation, decoded
 * once into a master of at most 2000 px, and every size the product page uses is encoded from it. sharp keeps no
 * metadata unless asked (no withMetadata/keepExif here), so EXIF, GPS, XMP and IPTC never reach a stored file.
 * The uploaded file itself is never stored: the cleaned master is kept privately to make new sizes from.
 */
import { randomUUID } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { PhotoStore } from './photo-store.server.ts';
import {
  bytesProblem,
  CONTENT_TYPES,
  dimensionsProblem,
  EXTENSIONS,
  MASTER_LONG_SIDE,
  PHOTO_LIMITS,
  photoKey,
  PREVIEW_VARIANT,
  sniffFormat,
  variantSpecs,
  type PhotoFormat,
  type PhotoProblem,
  type VariantSpec,
} from './photos.ts';

/** One stored file of a photo. */
export interface PhotoFile {
  key: string;
  width: number;
  height: number;
  bytes: number;
}

/** A stored photo: its id, upright size, the served files and the private master. */
export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
  files: PhotoFile[];
  masterKey: string;
  /** Address of the preview the editor shows at once. */
  previewUrl: string | null;
}

export type Inspection =
  { ok: true; format: PhotoFormat; width: number; height: number } | { ok: false; problem: PhotoProblem };
export type PhotoResult = { ok: true; photo: StoredPhoto } | { ok: false; problem: PhotoProblem };

/** The format names sharp reports for each accepted format (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Readonly<Record<PhotoFormat, string>> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
};

/** Input options for every decode of an upload: the pixel limit, and damaged data refused rather than guessed. */
const INPUT = { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'warning' } as const;

const damaged = (): { ok: false; problem: PhotoProblem } => ({
  ok: false,
  problem: { refusal: 'damaged', values: {} },
});

/** Checks a file without decoding its pixels: bytes, real format, header dimensions. */
export async function inspectPhoto(bytes: Uint8Array): Promise<Inspection> {
  const tooBig = bytesProblem(bytes.byteLength);
  if (tooBig) return { ok: false, problem: tooBig };
  const format = sniffFormat(bytes);
  if (format === null) return { ok: false, problem: { refusal: 'not-image', values: {} } };
  if (format === 'unsupported') return { ok: false, problem: { refusal: 'unsupported', values: {} } };
  let meta: Metadata;
  try {
    // The header alone: sharp would refuse an over-limit image here without saying its size, and the producer is
    // told the size. No pixel is decoded until decodeMaster, which enforces the limit again.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: INPUT.failOn }).metadata();
  } catch {
    return damaged();
  }
  if (meta.format !== SHARP_FORMAT[format] || !meta.width || !meta.height) return damaged();
  const { width, height } = meta.autoOrient;
  const problem = dimensionsProblem(width, height);
  return problem ? { ok: false, problem } : { ok: true, format, width, height };
}

interface Master {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** Decodes once: upright, sRGB, 8 bits, at most MASTER_LONG_SIDE, as raw pixels to encode every size from. */
async function decodeMaster(bytes: Uint8Array): Promise<Master | null> {
  try {
    const { data, info } = await sharp(bytes, INPUT)
      .rotate()
      .resize({
        width: MASTER_LONG_SIDE,
        height: MASTER_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data, info: { width: info.width, height: info.height, channels: info.channels } };
  } catch {
    return null;
  }
}

function encode(master: Master, spec: VariantSpec | 'master'): Promise<{ data: Buffer; info: OutputInfo }> {
  let image = sharp(master.data, { raw: master.info });
  if (spec === 'master') {
    image = image.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true });
    return image.toBuffer({ resolveWithObject: true });
  }
  image = spec.height
    ? image.resize({ width: spec.width, height: spec.height, fit: 'cover' })
    : // A very tall photo fits a box twice as high as wide, so no size is taller than the page needs.
      image.resize({ width: spec.width, height: spec.width * 2, fit: 'inside', withoutEnlargement: true });
  // AVIF effort 2, not the default 4: on a 12 MP photo all sizes took 1.7 s instead of 6 s, for the same total bytes.
  if (spec.format === 'avif') image = image.avif({ quality: 55, effort: 2 });
  else if (spec.format === 'webp') image = image.webp({ quality: 80 });
  else image = image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
  return image.toBuffer({ resolveWithObject: true });
}

/** Photo processing over a store. `newId` is injectable so tests can name photos. */
export function createPhotos(deps: { store: PhotoStore; newId?: () => string }) {
  const { store, newId = randomUUID } = deps;

  /** Removes every file of a photo (the served sizes and the master). */
  async function remove(photo: Pick<StoredPhoto, 'files' | 'masterKey'>): Promise<void> {
    await Promise.all([...photo.files.map((f) => store.delete(f.key)), store.delete(photo.masterKey)]);
  }

  /** Checks, cleans and stores an uploaded photo in every size, or says why it is refused. Nothing is kept on refusal. */
  async function add(bytes: Uint8Array): Promise<PhotoResult> {
    const inspection = await inspectPhoto(bytes);
    if (!inspection.ok) return inspection;
    const master = await decodeMaster(bytes);
    if (!master) return damaged();
    const id = newId();
    const specs = variantSpecs(master.info.width);
    const encoded = await Promise.all([
      encode(master, 'master'),
      ...specs.map((spec) => encode(master, spec)),
    ]);
    const [masterOut, ...variants] = encoded;
    const masterKey = photoKey('private', id, 'master.jpg');
    const files: PhotoFile[] = variants.map(({ data, info }, i) => ({
      key: photoKey('public', id, specs[i]!.name),
      width: info.width,
      height: info.height,
      bytes: data.byteLength,
    }));
    const written: string[] = [];
    try {
      await store.put(masterKey, masterOut!.data, CONTENT_TYPES.jpg!);
      written.push(masterKey);
      for (const [i, file] of files.entries()) {
        await store.put(file.key, variants[i]!.data, CONTENT_TYPES[EXTENSIONS[specs[i]!.format]]!);
        written.push(file.key);
      }
    } catch (error) {
      await Promise.all(written.map((key) => store.delete(key).catch(() => {})));
      throw error;
    }
    const previewUrl = store.url(photoKey('public', id, PREVIEW_VARIANT));
    return {
      ok: true,
      photo: { id, width: master.info.width, height: master.info.height, files, masterKey, previewUrl },
    };
  }

  return { inspect: inspectPhoto, add, remove };
}
export type Photos = ReturnType<typeof createPhotos>;
