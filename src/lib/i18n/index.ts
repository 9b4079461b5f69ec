/**
 * The one language system: locales and paths, the translator (one shape for every dictionary, `{name}`
 * placeholders), bilingual values (`Localized`), and every Intl formatter. Features keep their own strings in
 * their `messages.ts` and build their translator with `translator()` from here.
 */
import { siteMessages } from './site-messages.ts';
import { translator, type Translator } from './translate.ts';
import type { Locale } from './locales.ts';

export * from './locales.ts';
export * from './translate.ts';
export * from './format.ts';
export { labels, siteMessages } from './site-messages.ts';

export type SiteMessageKey = keyof typeof siteMessages & string;

/** The site-wide translator: `const t = useTranslations(locale); t('home')`. */
export const useTranslations: (locale: Locale) => Translator<SiteMessageKey> = translator(siteMessages);

/** "OCOP 4 sao" / "OCOP 4 stars": the accessible name of a star badge. */
export function starsLabel(stars: number, locale: Locale): string {
  return useTranslations(locale)('starsLabel', { n: stars });
}
