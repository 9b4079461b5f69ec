/**
 * A listing in the database: the same fields a product file has (`listingFieldsSchema` of catalog/content-schema.ts,
 * so the OCOP rules that check content files check listings too), plus what only a listing has: the origin story in
 * both languages, the stock, its photos by id, and its moderation state. Field problems come back with the field's
 * path and a message key of ./messages.ts that a producer understands, in Vietnamese and English. Pure.
 */
import { z } from 'zod';
import { parseUuid } from '../../lib/ids.ts';
import type { MessageValues, Translator } from '../../lib/i18n/translate.ts';
import {
  DISTRICTS_ABOLISHED_ON,
  isoDay,
  levelProblem,
  scoreBand,
  starsForScore,
  type Certification,
} from '../catalog/catalog.ts';
import { certificationFieldsSchema, listingFieldsSchema, refineProduct } from '../catalog/content-schema.ts';
import { portalMessages, type PortalMessageKey } from './messages.ts';
import { LISTING_STATES } from './moderation.ts';
import { PHOTO_LIMITS } from './photos.ts';

/** Longest texts a producer may type, in characters (content files are written by editors and have no limit). */
export const LISTING_TEXT_MAX = {
  name: 120,
  summary: 300,
  unit: 60,
  storage: 500,
  story: 20_000,
  ingredient: 200,
} as const;
/** The largest stock a listing may claim; more is a typing mistake. */
export const STOCK_MAX = 1_000_000;
/** The highest price in đồng a listing may ask (one billion); more is a typing mistake (and beyond the column). */
export const PRICE_MAX = 1_000_000_000;

const storySchema = z
  .object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) })
  .strict()
  .describe('Origin story in Markdown, in Vietnamese and English');

const photoIdSchema = z.string().refine((v) => parseUuid(v) !== null);

/** What the editor sends: the shared product fields plus story, stock and photos (by id, the first is the cover). */
const listingInputShape = listingFieldsSchema.extend({
  story: storySchema,
  stock: z.number().int().nonnegative().max(STOCK_MAX),
  photos: z.array(photoIdSchema).min(1).max(PHOTO_LIMITS.perListing),
});

type Texts = z.infer<typeof listingInputShape>;

/** Length limits and the photo list's uniqueness, as issues whose params carry the problem's message key. */
function inputLimits(v: Texts, ctx: z.RefinementCtx): void {
  const tooLong = (path: (string | number)[], text: string, maximum: number) => {
    if (text.length > maximum)
      ctx.addIssue({
        code: 'custom',
        path,
        message: 'too long',
        params: { key: 'problem.tooLong', maximum },
      });
  };
  for (const lang of ['vi', 'en'] as const) {
    tooLong(['name', lang], v.name[lang], LISTING_TEXT_MAX.name);
    tooLong(['summary', lang], v.summary[lang], LISTING_TEXT_MAX.summary);
    tooLong(['unit', lang], v.unit[lang], LISTING_TEXT_MAX.unit);
    tooLong(['storage', lang], v.storage[lang], LISTING_TEXT_MAX.storage);
    tooLong(['story', lang], v.story[lang], LISTING_TEXT_MAX.story);
    v.ingredients?.[lang].forEach((item, i) =>
      tooLong(['ingredients', lang, i], item, LISTING_TEXT_MAX.ingredient),
    );
  }
  // The price field is the file's (shared), where 0 may stand for a sample; a listing sells, so it asks more than 0.
  if (v.price <= 0)
    ctx.addIssue({
      code: 'custom',
      path: ['price'],
      message: 'positive',
      params: { key: 'problem.positive' },
    });
  if (v.price > PRICE_MAX)
    ctx.addIssue({
      code: 'custom',
      path: ['price'],
      message: 'too high',
      params: { key: 'problem.atMost', maximum: PRICE_MAX },
    });
  if (new Set(v.photos).size !== v.photos.length)
    ctx.addIssue({ code: 'custom', path: ['photos'], message: 'twice', params: { key: 'problem.invalid' } });
}

export const listingInputSchema = listingInputShape.strict().superRefine((v, ctx) => {
  refineProduct(v, ctx);
  inputLimits(v, ctx);
});
export type ListingInput = z.infer<typeof listingInputSchema>;

/** A stored listing: its fields, whose producer it is, and where it stands in moderation. */
export const listingSchema = listingInputShape
  .extend({
    id: z.string().refine((v) => parseUuid(v) !== null),
    producerId: z.string().min(1),
    state: z.enum(LISTING_STATES),
    live: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    refineProduct(v, ctx);
    inputLimits(v, ctx);
  });
export type Listing = z.infer<typeof listingSchema>;

// Sanitising what a browser sends, before the schema reads it.

// Control characters, bidirectional overrides and the byte-order mark: invisible, and able to make a name read
// differently from what it is. Line breaks and tabs stay.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A text as stored: Unicode NFC (phones type Vietnamese decomposed or composed), LF line ends, nothing invisible. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** Every text in a posted listing cleaned; objects are copied as plain data (no prototype keys survive). */
export function sanitizeListingInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => sanitizeListingInput(item, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '__proto__' && key !== 'constructor' && key !== 'prototype')
      .map(([key, inner]) => [key, sanitizeListingInput(inner, depth + 1)]),
  );
}

// Problems a producer reads.

export interface ListingProblem {
  /** Dotted path of the field (`certification.stars`, `ingredients.vi.2`); empty for the listing as a whole. */
  path: string;
  /** The field's label key. */
  label: PortalMessageKey;
  key: PortalMessageKey;
  values: MessageValues;
}

type Found = { key: PortalMessageKey; values?: MessageValues };

/** The label of a field path: the most precise label there is, array positions left out. */
export function fieldLabel(path: string): PortalMessageKey {
  const parts = path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part));
  for (let n = parts.length; n > 0; n -= 1) {
    const key = `field.${parts.slice(0, n).join('.')}`;
    if (Object.hasOwn(portalMessages, key)) return key as PortalMessageKey;
  }
  return 'field.listing';
}

/** Which OCOP rule of catalog.ts a certification issue at `path` broke, worded for a producer. */
export function certificationProblem(cert: Certification, path: string): Found {
  const { stars, score } = cert;
  const earned = starsForScore(score) ?? 0;
  switch (path) {
    case 'certification.score':
      return { key: 'problem.cert.scoreNoStars', values: { score } };
    case 'certification.stars': {
      if (stars === 5) return { key: 'problem.cert.starsScoreMismatchFive', values: { score, earned } };
      const band = scoreBand(stars);
      return {
        key: 'problem.cert.starsScoreMismatch',
        values: { stars, min: band.min, max: band.max, score, earned },
      };
    }
    case 'certification.candidacy':
      if (!cert.candidacy) return { key: 'problem.cert.candidacyMissing', values: { score } };
      if (stars !== 4) return { key: 'problem.cert.candidacyOnlyFourStars' };
      return { key: 'problem.cert.candidacyScoreLow', values: { score } };
    case 'certification.candidacy.submittedOn':
      return {
        key: 'problem.cert.candidacyBeforeRecognition',
        values: {
          submittedOn: cert.candidacy ? isoDay(cert.candidacy.submittedOn) : '',
          recognisedOn: isoDay(cert.recognisedOn),
        },
      };
    case 'certification.level':
      return levelKey(cert);
    case 'certification.validUntil':
      return { key: 'problem.cert.validUntilNotAfter' };
    default:
      return { key: 'problem.invalid' };
  }
}

function levelKey(cert: Certification): Found {
  if (!levelProblem(cert.stars, cert.level, isoDay(cert.recognisedOn))) return { key: 'problem.invalid' };
  if (cert.stars === 5) return { key: 'problem.cert.levelFiveStarsNational' };
  if (cert.level === 'national')
    return { key: 'problem.cert.levelNationalIsFiveStars', values: { stars: cert.stars } };
  if (cert.stars === 4) return { key: 'problem.cert.levelFourStarsProvincial' };
  return { key: 'problem.cert.levelNoDistricts', values: { date: DISTRICTS_ABOLISHED_ON } };
}

const isBlank = (input: unknown) => input === undefined || input === null || input === '';

function typeProblem(issue: z.core.$ZodIssueInvalidType): Found {
  if (isBlank(issue.input)) return { key: 'problem.required' };
  if (issue.expected === 'int') return { key: 'problem.wholeNumber' };
  if (issue.expected === 'number') return { key: 'problem.number' };
  if (issue.expected === 'date') return { key: 'problem.date' };
  return { key: 'problem.invalid' };
}

function sizeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): Found {
  const listLike = issue.origin === 'array' || issue.origin === 'set';
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return { key: 'problem.required' };
    if (listLike) return { key: 'problem.atLeastOne' };
    if (Number(issue.minimum) === 0 && !issue.inclusive) return { key: 'problem.positive' };
    return { key: 'problem.atLeast', values: { minimum: Number(issue.minimum) } };
  }
  const maximum = Number(issue.maximum);
  if (issue.origin === 'string') return { key: 'problem.tooLong', values: { maximum } };
  return { key: listLike ? 'problem.tooMany' : 'problem.atMost', values: { maximum } };
}

function issueProblem(issue: z.core.$ZodIssue, input: unknown): Found {
  switch (issue.code) {
    case 'invalid_type':
      return typeProblem(issue);
    case 'too_small':
    case 'too_big':
      return sizeProblem(issue);
    case 'invalid_value':
      return { key: 'problem.chooseOption' };
    case 'invalid_format':
      return { key: 'problem.format' };
    case 'unrecognized_keys':
      return { key: 'problem.unknownField', values: { keys: issue.keys.join(', ') } };
    case 'custom':
      return customProblem(issue, input);
    default:
      return { key: 'problem.invalid' };
  }
}

function customProblem(issue: z.core.$ZodIssueCustom, input: unknown): Found {
  const params = issue.params as { key?: PortalMessageKey; maximum?: number } | undefined;
  if (params?.key) return { key: params.key, values: params.maximum ? { maximum: params.maximum } : {} };
  const path = issue.path.join('.');
  if (path === 'ingredients') return { key: 'problem.ingredientsRequired' };
  if (path.startsWith('certification.')) {
    // The OCOP rules run only once every certification field is well formed, so this parse succeeds.
    const cert = certificationFieldsSchema.safeParse((input as { certification?: unknown })?.certification);
    if (cert.success) return certificationProblem(cert.data, path);
  }
  return { key: 'problem.invalid' };
}

/** The problems of a posted listing, one per field, in the order of the form. */
export function listingProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): ListingProblem[] {
  const seen = new Set<string>();
  const problems: ListingProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const found = issueProblem(issue, input);
    problems.push({ path, label: fieldLabel(path), key: found.key, values: found.values ?? {} });
  }
  return problems;
}

/** The claim's dates, which the shared schema reads with `new Date()`. */
const DATE_PATHS = [
  ['certification', 'recognisedOn'],
  ['certification', 'validUntil'],
  ['certification', 'candidacy', 'submittedOn'],
] as const;

/**
 * Dates typed in another shape than YYYY-MM-DD: `new Date('10/03/2025')` reads 3 October, where a Vietnamese
 * producer means 10 March, so a listing accepts the one unambiguous shape (what a date input sends).
 */
function ambiguousDates(input: unknown): ListingProblem[] {
  return DATE_PATHS.flatMap((path) => {
    let value: unknown = input;
    for (const part of path) value = (value as Record<string, unknown> | null)?.[part];
    if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return [];
    const dotted = path.join('.');
    return [{ path: dotted, label: fieldLabel(dotted), key: 'problem.date' as const, values: {} }];
  });
}

export type ListingCheck = { ok: true; listing: ListingInput } | { ok: false; problems: ListingProblem[] };

/** Cleans and checks what the editor posted: the listing, or every field problem. */
export function checkListingInput(raw: unknown): ListingCheck {
  const clean = sanitizeListingInput(raw);
  const dates = ambiguousDates(clean);
  const result = listingInputSchema.safeParse(clean, { reportInput: true });
  if (result.success && dates.length === 0) return { ok: true, listing: result.data };
  const others = result.success ? [] : listingProblems(clean, result.error.issues);
  const datePaths = new Set(dates.map((p) => p.path));
  return { ok: false, problems: [...dates, ...others.filter((p) => !datePaths.has(p.path))] };
}

/** A problem as one line, "Field: what is wrong", in the translator's language. */
export function problemText(t: Translator<PortalMessageKey>, problem: ListingProblem): string {
  return t('problemLine', { field: t(problem.label), problem: t(problem.key, problem.values) });
}
