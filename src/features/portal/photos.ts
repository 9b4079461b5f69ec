/**
 * Listing photos, the pure part: the limits and the reason for each refusal, how the real format is read from the
 * first bytes (never from the file name), the sizes and formats the product page uses, and where each file goes.
 * ./photos.server.ts does the decoding and encoding with sharp; ./photo-store.server.ts keeps the files.
 */
import { parseUuid } from '../../lib/ids.ts';
import type { PortalMessageKey } from './messages.ts';

export const PHOTO_LIMITS = {
  /**
   * Bytes read at most, checked before anything is decoded. A 12-megapixel phone JPEG is 2–8 MB and a 48–50 MP
   * full-resolution one 10–20 MB; larger files are RAW or uncompressed exports the site has no use for.
   */
  maxBytes: 20 * 1024 * 1024,
  /**
   * Pixels at most, read from the header before decoding (sharp's limitInputPixels enforces it again while
   * decoding), so a small file that claims 20,000 × 20,000 pixels is refused without allocating them. 50 MP lets
   * through every phone's normal 12 MP mode and the 48–50 MP full-resolution modes; 108–200 MP modes are refused.
   */
  maxPixels: 50_000_000,
  /** Each side at least the product card's largest width, so no size the page asks for is blown up. */
  minSide: 480,
  /** Longest side over shortest side at most: a wider or taller strip cannot fill the gallery or a card. */
  maxAspect: 3,
  /**
   * Photos per listing: the product page's gallery is a sideways strip, and a shopper looks at a handful; eight
   * covers the product, its label, packaging and the place it is made, and bounds storage (each photo is stored in
   * ~14 files) and the moderation work of reviewing them.
   */
  perListing: 8,
} as const;

/** Formats a photo may arrive in; each is decoded by sharp's built-in loaders. */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type PhotoFormat = (typeof ACCEPTED_FORMATS)[number];

export type PhotoRefusal =
  | 'empty'
  | 'too-large'
  | 'not-image'
  | 'unsupported'
  | 'too-many-pixels'
  | 'too-small'
  | 'odd-shape'
  | 'damaged'
  | 'too-many-photos';

/** A refusal with the values its message shows (limits, the photo's size). */
export interface PhotoProblem {
  refusal: PhotoRefusal;
  values: Record<string, number>;
}

const problem = (refusal: PhotoRefusal, values: Record<string, number> = {}): PhotoProblem => ({
  refusal,
  values,
});

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** ISO-BMFF brands of HEIF images that are not AVIF (what iPhones save by default). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The ISO-BMFF brands (major and compatible) of a file that starts with an `ftyp` box. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/**
 * The format a file really is, read from its first bytes: an accepted photo format, `unsupported` for other image
 * formats (HEIC, GIF, TIFF, BMP, SVG), or null when it is not an image at all. A PNG named .jpg is a PNG.
 */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | 'unsupported' | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(b);
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'unsupported';
  const head = ascii(b, 0, 6);
  if (head.startsWith('GIF8') || head.startsWith('BM') || head.startsWith('II*') || head.startsWith('MM\0*'))
    return 'unsupported';
  if (/^\s*(<\?xml|<svg)/i.test(ascii(b, 0, 256))) return 'unsupported';
  return null;
}

/** The message key of a refusal (every refusal has one: the type checks it). */
export function photoProblemKey(p: PhotoProblem): PortalMessageKey {
  return `photo.${p.refusal}`;
}

/** Why a file of this many bytes is refused before it is read, or null. */
export function bytesProblem(byteLength: number): PhotoProblem | null {
  if (byteLength === 0) return problem('empty');
  if (byteLength > PHOTO_LIMITS.maxBytes)
    return problem('too-large', { maxMb: PHOTO_LIMITS.maxBytes / (1024 * 1024) });
  return null;
}

/** Why a photo of these header dimensions is refused before decoding, or null. */
export function dimensionsProblem(width: number, height: number): PhotoProblem | null {
  if (width * height > PHOTO_LIMITS.maxPixels) {
    return problem('too-many-pixels', {
      megapixels: Math.round((width * height) / 1_000_000),
      maxMegapixels: PHOTO_LIMITS.maxPixels / 1_000_000,
    });
  }
  if (Math.min(width, height) < PHOTO_LIMITS.minSide)
    return problem('too-small', { width, height, min: PHOTO_LIMITS.minSide });
  if (Math.max(width, height) > PHOTO_LIMITS.maxAspect * Math.min(width, height))
    return problem('odd-shape', { width, height, maxAspect: PHOTO_LIMITS.maxAspect });
  return null;
}

/** Why a listing that has `count` photos cannot take one more, or null. */
export function photoCountProblem(count: number): PhotoProblem | null {
  return count >= PHOTO_LIMITS.perListing
    ? problem('too-many-photos', { max: PHOTO_LIMITS.perListing })
    : null;
}

// The sizes the product page uses (src/pages/[...lang]/products/[slug].astro and ProductCard.astro).

export type OutputFormat = 'avif' | 'webp' | 'jpeg';

/** One file made from a photo. `width` is the box it fits in; `height` is set for a cropped size. */
export interface VariantSpec {
  name: string;
  format: OutputFormat;
  width: number;
  height?: number;
}

/** The product page's gallery <Picture>: AVIF and WebP at these widths. */
export const GALLERY_WIDTHS = [360, 560, 800, 1000] as const;
/** Product cards (home, lists, search): WebP at these widths. */
export const CARD_WIDTHS = [240, 360, 480] as const;
/** The <img> fallback for browsers without AVIF or WebP. */
export const FALLBACK_JPEG_WIDTH = 800;
/** The longest side of the cleaned master kept (privately) to make new sizes from when the page changes. */
export const MASTER_LONG_SIDE = 2000;
/** The preview the editor shows right after an upload: the card's largest size. */
export const PREVIEW_VARIANT = 'w480.webp';

export const EXTENSIONS: Readonly<Record<OutputFormat, string>> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
};

const widthVariant = (format: OutputFormat, width: number): VariantSpec => ({
  name: `w${width}.${EXTENSIONS[format]}`,
  format,
  width,
});

/**
 * The files made from an upright photo `sourceWidth` pixels wide: no width larger than the photo (nothing is blown
 * up), plus the social-card crop (1200 × 630 JPEG, as the product page's og:image) and the search thumbnail.
 */
export function variantSpecs(sourceWidth: number): VariantSpec[] {
  const fits = (width: number) => width <= sourceWidth;
  const webpWidths = [...new Set([...CARD_WIDTHS, ...GALLERY_WIDTHS])].sort((a, b) => a - b).filter(fits);
  return [
    ...GALLERY_WIDTHS.filter(fits).map((w) => widthVariant('avif', w)),
    ...webpWidths.map((w) => widthVariant('webp', w)),
    widthVariant('jpeg', Math.min(FALLBACK_JPEG_WIDTH, sourceWidth)),
    { name: 'og.jpg', format: 'jpeg', width: 1200, height: 630 },
    { name: 'thumb.webp', format: 'webp', width: 160, height: 160 },
  ];
}

// Where the files go. Public files are served; the private master never is.

export type PhotoArea = 'public' | 'private';
const FILE_PATTERN = /^(?:w\d{2,4}\.(?:avif|webp|jpg)|og\.jpg|thumb\.webp|master\.jpg)$/;

/** The storage key of a photo's file: `public/<photo id>/<file>`, or `private/<photo id>/master.jpg`. */
export function photoKey(area: PhotoArea, photoId: string, file: string): string {
  return `${area}/${photoId}/${file}`;
}

/** A storage key taken apart, or null for anything that is not exactly one of ours (no `..`, no other folder). */
export function parsePhotoKey(key: string): { area: PhotoArea; photoId: string; file: string } | null {
  const [area, photoId, file, ...rest] = key.split('/');
  if (rest.length > 0 || (area !== 'public' && area !== 'private')) return null;
  if (!parseUuid(photoId) || !file || !FILE_PATTERN.test(file)) return null;
  if ((area === 'private') !== (file === 'master.jpg')) return null;
  return { area, photoId: photoId!, file };
}

/**
 * A served photo file asked for by URL (`/photos/<photo id>/<file>`): its storage key and content type, or null for
 * anything that is not one of the public sizes (the private master is never served).
 */
export function publicPhotoFile(photoId: string, file: string): { key: string; contentType: string } | null {
  const key = photoKey('public', photoId, file);
  const parsed = parsePhotoKey(key);
  const contentType = CONTENT_TYPES[file.slice(file.lastIndexOf('.') + 1)];
  return parsed && contentType ? { key, contentType } : null;
}

/** Where the site serves public photo files (src/pages/photos/[id]/[file].ts; the local store's default). */
export const PHOTO_URL_PREFIX = '/photos';

/** The editor's preview of a stored photo. */
export function previewUrl(photoId: string): string {
  return `${PHOTO_URL_PREFIX}/${photoId}/${PREVIEW_VARIANT}`;
}

/** The URL of one public file of a photo. */
export function photoUrl(photoId: string, file: string): string {
  return `${PHOTO_URL_PREFIX}/${photoId}/${file}`;
}

/** What a page needs to show a stored photo: `srcset` per format and a fallback, from the files that exist. */
export interface PhotoSources {
  id: string;
  /** Gallery AVIF and WebP, widest last; the card's WebP sizes; the JPEG fallback, the social card, the thumbnail. */
  gallery: { avif: string; webp: string };
  card: string;
  cardSrc: string;
  fallback: string;
  og: string;
  thumb: string;
}

/** The sources of a photo from its storage keys (only public files; a size missing from a small photo is skipped). */
export function photoSources(photoId: string, keys: readonly string[]): PhotoSources {
  const files = new Set(
    keys
      .map(parsePhotoKey)
      .filter((k) => k !== null && k.area === 'public' && k.photoId === photoId)
      .map((k) => k!.file),
  );
  const srcset = (widths: readonly number[], ext: string) =>
    widths
      .filter((w) => files.has(`w${w}.${ext}`))
      .map((w) => `${photoUrl(photoId, `w${w}.${ext}`)} ${w}w`)
      .join(', ');
  const jpeg = [...files].find((f) => f.endsWith('.jpg') && f.startsWith('w'));
  return {
    id: photoId,
    gallery: {
      avif: srcset(GALLERY_WIDTHS, 'avif'),
      webp: srcset([...new Set([...CARD_WIDTHS, ...GALLERY_WIDTHS])], 'webp'),
    },
    card: srcset(CARD_WIDTHS, 'webp'),
    cardSrc: photoUrl(photoId, PREVIEW_VARIANT),
    fallback: photoUrl(photoId, jpeg ?? PREVIEW_VARIANT),
    og: photoUrl(photoId, 'og.jpg'),
    thumb: photoUrl(photoId, 'thumb.webp'),
  };
}

/**
 * How long an uploaded photo may wait unused before it is deleted: a producer uploads, then fills in the editor (or
 * leaves it for tomorrow). A day covers a working session and an interrupted one; storage is not kept longer for
 * photos nobody saved.
 */
export const UNUSED_PHOTO_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a stored photo is to be deleted: no version of any listing shows it (neither the version on sale nor the
 * one being edited: never attached, or removed from its listing), and it was uploaded longer than the grace period
 * before `now`.
 */
export function isUnusedPhoto(
  photo: { uploadedAt: Date; shownByListings: number },
  now: Date,
  graceMs = UNUSED_PHOTO_GRACE_MS,
): boolean {
  return (
    photo.shownByListings === 0 && photo.uploadedAt.getTime() <= unusedPhotoCutoff(now, graceMs).getTime()
  );
}

/** Photos uploaded at or before this instant are old enough to delete when unused. */
export function unusedPhotoCutoff(now: Date, graceMs = UNUSED_PHOTO_GRACE_MS): Date {
  return new Date(now.getTime() - graceMs);
}
