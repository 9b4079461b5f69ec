/** Locales and localized paths. Vietnamese is the default locale at /, English at /en/. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** The one BCP 47 tag each locale formats with (dates, numbers, money, plurals, region names). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { vi: 'vi-VN', en: 'en-GB' };

/** Vietnam's time zone: times of day (orders, holds, deadlines) are shown as a Vietnamese reader lives them. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam's offset from UTC: UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) in Vietnam at an instant: certificates lapse and fairs end at midnight there. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a string that names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** The `[...lang]` route param for a locale: undefined for Vietnamese (served at /), "en" for English. */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

/** Both locales as getStaticPaths params for `[...lang]` routes. */
export const LANG_PARAMS = LOCALES.map((locale) => ({ locale, lang: langParam(locale) }));

/** Reads the `[...lang]` param; null when it is not a known locale (the page should 404). */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined || lang === '') return DEFAULT_LOCALE;
  return lang === 'en' ? 'en' : null;
}

/** The locale of a URL path: /en and /en/... are English, everything else Vietnamese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi';
}

/** Strips the locale prefix: /en/products/x → /products/x; / and /en → /. */
export function unlocalizedPath(pathname: string): string {
  if (localeFromPath(pathname) === 'en') return pathname.slice(3) || '/';
  return pathname || '/';
}

/** Prefixes a locale-neutral path (starting with /) for a locale. */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

/** The props of a page that exists once per language. */
export interface LanguagePageProps {
  locale: Locale;
}

/** getStaticPaths of a page that exists once per language: `export const getStaticPaths = languagePaths;`. */
export function languagePaths() {
  return LANG_PARAMS.map(({ locale, lang }) => ({ params: { lang }, props: { locale } }));
}
