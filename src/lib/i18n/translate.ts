/**
 * The one translator. Every dictionary (the site's and each feature's) is a record of `{ vi, en }` entries with
 * `{name}` placeholders; `translator(dictionary)(locale)` gives `t(key, values?)`. An entry may instead hold
 * plural forms (`{ one, other }`, chosen by Intl.PluralRules on the `n` value).
 */
import { INTL_LOCALE, type Locale } from './locales.ts';

/** A value in both languages: the one shape bilingual data reaches views in. */
export type Localized<T = string> = { readonly [L in Locale]: T };

/** One text with plural forms, chosen by the `n` placeholder value. */
export type PluralText = { readonly one?: string; readonly other: string };

/** A dictionary entry: a text (or plural forms) in each language. */
export type MessageEntry = Localized<string | PluralText>;

export type Messages = Readonly<Record<string, MessageEntry>>;

export type MessageValues = Readonly<Record<string, string | number>>;

/** The translator shape every dictionary gives: a key (and placeholder values) in, a text out. */
export interface Translator<K extends string> {
  (key: K, values?: MessageValues): string;
  /** The locale this translator speaks. */
  readonly locale: Locale;
  /** True when `key` is in the dictionary (for codes that arrive as plain strings). */
  has(key: string): key is K;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than guessing. */
export function fillPlaceholders(text: string, values: MessageValues = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** The text of one entry in a locale, plural form chosen by `values.n`. */
export function entryText(entry: MessageEntry, locale: Locale, values?: MessageValues): string {
  const text = entry[locale];
  if (typeof text === 'string') return fillPlaceholders(text, values);
  const n = Number(values?.['n'] ?? 0);
  const form = pluralCategory(locale, n) === 'one' && text.one !== undefined ? text.one : text.other;
  return fillPlaceholders(form, values);
}

/** Declares a dictionary; the identity, kept so every dictionary is checked against the same shape. */
export function defineMessages<const M extends Messages>(messages: M): M {
  return messages;
}

/** The translator factory for one dictionary: `translator(messages)(locale)('key', { n: 2 })`. */
export function translator<M extends Messages>(messages: M) {
  return (locale: Locale): Translator<keyof M & string> => {
    const t = (key: keyof M & string, values?: MessageValues) => entryText(messages[key]!, locale, values);
    return Object.assign(t, {
      locale,
      has: (key: string): key is keyof M & string => Object.hasOwn(messages, key),
    });
  };
}

/** The text of a bilingual value in a locale. */
export function localize<T>(value: Localized<T>, locale: Locale): T {
  return value[locale];
}
