/**
 * Accents, pure: Meilisearch folds Vietnamese diacritics, so "dừa" also finds dứa (pineapple) and dưa (melon).
 * This module folds text the same way and, when the shopper typed accents, moves exact accented matches first.
 */
import { LOCALIZED_ATTRIBUTES } from './documents.ts';
import { MARK_CLOSE, MARK_OPEN, stripMarks } from './highlights.ts';
import { toTelex } from './telex.ts';

/** Lower-cases and strips Vietnamese diacritics (đ → d): "Kẹo Dừa" → "keo dua", the way Meilisearch folds. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Whether a text carries any Vietnamese diacritic (or đ), i.e. the shopper chose a reading. */
export function hasAccents(text: string): boolean {
  return foldAccents(text) !== text.normalize('NFC').toLowerCase();
}

/** The words of a text, lower-cased and NFC-normalised, accents kept. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Where an exact accented match counts most: the name, then the tags, then where it comes from. */
// Vietnamese attributes only: accents are how a Vietnamese reader tells dừa from dứa.
const ACCENT_FIELDS: readonly { field: string; weight: number }[] = [
  { field: LOCALIZED_ATTRIBUTES.name.vi, weight: 8 },
  { field: 'tags', weight: 4 },
  { field: LOCALIZED_ATTRIBUTES.summary.vi, weight: 2 },
  { field: LOCALIZED_ATTRIBUTES.producer.vi, weight: 1 },
  { field: LOCALIZED_ATTRIBUTES.province.vi, weight: 1 },
];

function fieldWords(hit: Record<string, unknown>, field: string): Set<string> {
  const value = hit[field];
  const joined = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return new Set(words(stripMarks(joined)));
}

/** How strongly a hit matches the accented words of the query exactly (0 when none does). */
export function accentScore(hit: Record<string, unknown>, queryText: string): number {
  const accented = words(queryText).filter(hasAccents);
  let score = 0;
  for (const { field, weight } of ACCENT_FIELDS) {
    const present = fieldWords(hit, field);
    for (const word of accented) if (present.has(word)) score += weight;
  }
  return score;
}

/**
 * When the query carries accents, hits whose text has those exact words move first; the sort is stable, so
 * Meilisearch's order breaks ties. Without accents the order is left alone and every reading stays.
 */
export function accentRerank<T extends Record<string, unknown>>(hits: readonly T[], queryText: string): T[] {
  if (!hasAccents(queryText)) return [...hits];
  return hits
    .map((hit, index) => ({ hit, index, score: accentScore(hit, queryText) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.hit);
}

/** The words of a query in Telex, for an accent-exact search; the query keeps its order. */
export function telexQuery(queryText: string): string {
  return words(queryText).map(toTelex).join(' ');
}

/**
 * A marker for the words of a text that are exactly (accents included) a word of the query, in the highlight marks
 * highlights.ts reads: the accent-exact search matches on the coded copies, which Meilisearch cannot highlight.
 */
export function exactWordMarker(queryText: string): (text: string) => string {
  const wanted = new Set(words(queryText).map(toTelex));
  if (wanted.size === 0) return (text) => text;
  return (text) =>
    text
      .normalize('NFC')
      .replace(/[\p{L}\p{M}\p{N}]+/gu, (word) =>
        wanted.has(toTelex(word)) ? `${MARK_OPEN}${word}${MARK_CLOSE}` : word,
      );
}

/** One text marked by exactWordMarker. */
export function markExactWords(text: string, queryText: string): string {
  return exactWordMarker(queryText)(text);
}
