/**
 * The listing editor as an HTML form: flat field names (`name.vi`, `certification.stars`) read into the nested shape
 * `checkListingInput` checks, a listing written back as the form's values, and a problem's path mapped to the field
 * that shows it. Numbers stay text when they are not numbers, so the schema says "enter a number" about them. Pure.
 */
import { isoDay } from '../catalog/catalog.ts';
import type { ListingInput } from './listing.ts';

/** What a form gives: FormData, or anything with the same two readers. */
export interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

/** The texts of a form, by field name (what the editor shows in its inputs). */
export type FormValues = Record<string, string>;

const TEXT_PAIRS = ['name', 'summary', 'unit', 'storage', 'story'] as const;

const text = (form: FormLike, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A typed number: blank is missing, a number is read (decimal comma taken), anything else stays text. */
export function typedNumber(raw: string): number | string | undefined {
  const value = raw.trim().replace(/\s+/g, '');
  if (value === '') return undefined;
  const decimal = value.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : raw;
}

/**
 * A typed whole amount (đồng, pieces): thousands grouped with dots, commas or spaces as Vietnamese write them
 * ("150.000") are read as one number; anything else as `typedNumber`.
 */
export function typedAmount(raw: string): number | string | undefined {
  const value = raw.trim();
  if (/^\d{1,3}([.,\s]\d{3})+$/.test(value)) return Number(value.replace(/[.,\s]/g, ''));
  return typedNumber(raw);
}

const lines = (raw: string): string[] =>
  raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const optional = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw);

/** The certification claim as posted; the printed expiry and the 5-star dossier only when typed. */
function certificationFrom(form: FormLike): Record<string, unknown> {
  const submittedOn = optional(text(form, 'certification.candidacy.submittedOn'));
  const dossierNumber = optional(text(form, 'certification.candidacy.dossierNumber'));
  const stars = typedNumber(text(form, 'certification.stars'));
  return {
    stars,
    score: typedNumber(text(form, 'certification.score')),
    recognisedOn: optional(text(form, 'certification.recognisedOn')),
    level: optional(text(form, 'certification.level')),
    decisionNumber: text(form, 'certification.decisionNumber'),
    validUntil: optional(text(form, 'certification.validUntil')),
    candidacy:
      submittedOn === undefined && dossierNumber === undefined ? undefined : { submittedOn, dossierNumber },
  };
}

/** The listing a form posted, in the shape `checkListingInput` reads (it cleans and checks every field). */
export function listingFromForm(form: FormLike): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of TEXT_PAIRS)
    raw[field] = { vi: text(form, `${field}.vi`), en: text(form, `${field}.en`) };
  const ingredients = { vi: lines(text(form, 'ingredients.vi')), en: lines(text(form, 'ingredients.en')) };
  return {
    ...raw,
    group: optional(text(form, 'group')),
    certification: certificationFrom(form),
    price: typedAmount(text(form, 'price')),
    stock: typedAmount(text(form, 'stock')),
    netWeight: {
      value: typedNumber(text(form, 'netWeight.value')),
      unit: optional(text(form, 'netWeight.unit')),
    },
    shelfLifeDays: typedNumber(text(form, 'shelfLifeDays')),
    // Ingredients left empty in both languages are no ingredients (the schema asks for them where food needs them).
    ingredients: ingredients.vi.length === 0 && ingredients.en.length === 0 ? undefined : ingredients,
    allergens: form.getAll('allergens').filter((v): v is string => typeof v === 'string'),
    photos: form.getAll('photos').filter((v): v is string => typeof v === 'string'),
  };
}

/** The form's values of a stored listing (the editor opened on it). */
export function formValuesOf(listing: ListingInput): FormValues {
  const values: FormValues = {};
  for (const field of TEXT_PAIRS) {
    values[`${field}.vi`] = listing[field].vi;
    values[`${field}.en`] = listing[field].en;
  }
  const cert = listing.certification;
  Object.assign(values, {
    group: listing.group,
    'certification.stars': String(cert.stars),
    'certification.score': String(cert.score),
    'certification.recognisedOn': isoDay(cert.recognisedOn),
    'certification.level': cert.level,
    'certification.decisionNumber': cert.decisionNumber,
    'certification.validUntil': cert.validUntil ? isoDay(cert.validUntil) : '',
    'certification.candidacy.submittedOn': cert.candidacy ? isoDay(cert.candidacy.submittedOn) : '',
    'certification.candidacy.dossierNumber': cert.candidacy?.dossierNumber ?? '',
    price: String(listing.price),
    stock: String(listing.stock),
    'netWeight.value': String(listing.netWeight.value),
    'netWeight.unit': listing.netWeight.unit,
    shelfLifeDays: listing.shelfLifeDays === undefined ? '' : String(listing.shelfLifeDays),
    'ingredients.vi': listing.ingredients?.vi.join('\n') ?? '',
    'ingredients.en': listing.ingredients?.en.join('\n') ?? '',
  });
  return values;
}

/** The texts a refused form posted, to show them again as typed. */
export function formValuesFrom(form: FormLike): FormValues {
  const values: FormValues = {};
  for (const [name] of FORM_FIELDS) values[name] = text(form, name);
  return values;
}

/** Every single-valued field of the editor with its kind (lists, `allergens` and `photos`, are read apart). */
export const FORM_FIELDS: readonly (readonly [string, 'text' | 'textarea' | 'number' | 'date' | 'select'])[] =
  [
    ['slug', 'text'],
    ['name.vi', 'text'],
    ['name.en', 'text'],
    ['summary.vi', 'textarea'],
    ['summary.en', 'textarea'],
    ['story.vi', 'textarea'],
    ['story.en', 'textarea'],
    ['group', 'select'],
    ['certification.stars', 'select'],
    ['certification.score', 'number'],
    ['certification.recognisedOn', 'date'],
    ['certification.level', 'select'],
    ['certification.decisionNumber', 'text'],
    ['certification.validUntil', 'date'],
    ['certification.candidacy.submittedOn', 'date'],
    ['certification.candidacy.dossierNumber', 'text'],
    ['price', 'number'],
    ['stock', 'number'],
    ['unit.vi', 'text'],
    ['unit.en', 'text'],
    ['netWeight.value', 'number'],
    ['netWeight.unit', 'select'],
    ['shelfLifeDays', 'number'],
    ['storage.vi', 'textarea'],
    ['storage.en', 'textarea'],
    ['ingredients.vi', 'textarea'],
    ['ingredients.en', 'textarea'],
  ];

const FIELD_NAMES = new Set([...FORM_FIELDS.map(([name]) => name), 'allergens', 'photos']);

/**
 * The form field that shows a problem at `path`: the field itself, or the nearest one above it
 * (`ingredients.vi.2` → `ingredients.vi`, `certification.candidacy` → its date); '' for the listing as a whole.
 */
export function formFieldOf(path: string): string {
  if (path === 'certification.candidacy') return 'certification.candidacy.submittedOn';
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const name = parts.slice(0, n).join('.');
    if (FIELD_NAMES.has(name)) return name;
  }
  if (path === 'producer') return 'slug';
  return '';
}
