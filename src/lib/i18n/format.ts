/**
 * Every Intl formatter of the site, one locale tag per language (INTL_LOCALE). Content dates are calendar days
 * (UTC midnight); moments (orders, holds, payments) are shown in Vietnam's time zone.
 */
import { INTL_LOCALE, TIME_ZONE, type Locale } from './locales.ts';

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames | Intl.Collator;

const cache = new Map<string, Formatter>();

function cached<F extends Formatter>(key: string, make: () => F): F {
  let format = cache.get(key) as F | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** A calendar day from content or a form (stored as UTC midnight): "21 tháng 11, 2026" / "21 November 2026". */
export function formatDate(date: Date, locale: Locale): string {
  return cached(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(date);
}

/** A calendar day written as YYYY-MM-DD. */
export function formatIsoDay(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T00:00:00Z`), locale);
}

/** A moment in Vietnam's time zone; `short` for tables, `medium` for a page's main facts. */
export function formatDateTime(date: Date, locale: Locale, style: 'short' | 'medium' = 'medium'): string {
  return cached(
    `datetime:${style}:${locale}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        dateStyle: style,
        timeStyle: 'short',
        timeZone: TIME_ZONE,
      }),
  ).format(date);
}

/** A whole or decimal number with the locale's grouping: "1.234" / "1,234". */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 0): string {
  return cached(
    `number:${maximumFractionDigits}:${locale}`,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits }),
  ).format(value);
}

/** An integer amount of đồng: "150.000 ₫" / "₫150,000". Refuses fractions, which VND does not have. */
export function formatVnd(amount: number, locale: Locale): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`formatVnd expects whole đồng, got ${amount}`);
  return cached(
    `vnd:${locale}`,
    () =>
      new Intl.NumberFormat(INTL_LOCALE[locale], {
        style: 'currency',
        currency: 'VND',
        maximumFractionDigits: 0,
      }),
  ).format(amount);
}

/** A large amount, short, for chart axes: "38 Tr" / "38M", "1,3 T" / "1.3B" (CLDR's compact forms). */
export function formatCompact(amount: number, locale: Locale): string {
  return cached(
    `compact:${locale}`,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { notation: 'compact', maximumFractionDigits: 1 }),
  ).format(amount);
}

/**
 * Where the runtime's region names are not what a reader of the language writes: CLDR's Vietnamese keeps
 * "Australia" and "Italy" in English and gives Hong Kong's administrative title, where Vietnamese text says
 * Úc, Ý, Anh and Hồng Kông.
 */
const REGION_NAMES: Partial<Record<Locale, Record<string, string>>> = {
  vi: { AU: 'Úc', IT: 'Ý', GB: 'Anh', HK: 'Hồng Kông' },
};

/** A country's name from its ISO 3166 code: "Nhật Bản" / "Japan"; the code itself if unknown. */
export function regionName(code: string, locale: Locale): string {
  const own = REGION_NAMES[locale]?.[code.toUpperCase()];
  if (own) return own;
  const names = cached(
    `region:${locale}`,
    () => new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region' }),
  );
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Compares two texts as a reader of the locale sorts them (Vietnamese letters in Vietnamese order). */
export function compareText(a: string, b: string, locale: Locale = 'vi'): number {
  return cached(`collator:${locale}`, () => new Intl.Collator(INTL_LOCALE[locale])).compare(a, b);
}
