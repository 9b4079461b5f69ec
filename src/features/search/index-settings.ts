/**
 * The products index, pure: its name and every Meilisearch setting (ranking, synonyms, typos), in this one place.
 * A change here changes the index fingerprint, so the next start or build reindexes.
 */
import { foldAccents } from './accents.ts';
import { ACCENT_CODED_ATTRIBUTES, LOCALIZED_ATTRIBUTES, bilingualAttributes } from './documents.ts';

/** The index the site searches; a reindex builds `<uid>_<stamp>` and swaps it in. */
export const PRODUCTS_INDEX = 'products';
/** Holds one document describing what the products index was built from (fingerprint, count, time). */
export const PRODUCTS_META_INDEX = 'products_meta';

/**
 * Bilingual and regional synonyms: each row is one meaning; the accent-free forms of the Vietnamese terms are
 * added too. Meilisearch folds accents in synonyms as well, so a single syllable whose folded form has other
 * meanings (dừa coconut / dứa pineapple / dưa melon all fold to "dua") is left out: every product already carries
 * its name in both languages, and such a synonym would only make "coconut" find pineapple.
 */
export const SYNONYM_ROWS: readonly (readonly string[])[] = [
  ['tôm khô', 'dried shrimp'],
  ['kẹo dừa', 'coconut candy'],
  ['nước mắm', 'fish sauce'],
  ['trái nhàu', 'nhàu', 'noni'],
  ['mận', 'plum'],
  ['mật ong', 'honey'],
  ['cà phê', 'coffee', 'cafe'],
  ['chè', 'trà', 'tea'],
  ['yến sào', 'tổ yến', "bird's nest", 'bird nest', 'swiftlet nest'],
  ['khô cá', 'cá khô', 'dried fish'],
  ['bánh phồng tôm', 'prawn crackers', 'shrimp crackers'],
  ['sầu riêng', 'durian'],
  ['long nhãn', 'dried longan'],
  ['chuối khô', 'chuối sấy', 'dried banana'],
  ['lạc', 'đậu phộng', 'peanut'],
  ['vừng', 'mè', 'sesame'],
  ['bắp', 'ngô', 'corn'],
  ['dứa sấy', 'thơm sấy', 'khóm sấy', 'dried pineapple'],
  ['nước cốt dừa', 'coconut milk'],
  ['ba khía', 'salted crab'],
  ['giảo cổ lam', 'jiaogulan'],
  ['chả cá', 'fish cake'],
];

/** Mutual synonyms for Meilisearch, with the accent-free form of every Vietnamese term. */
export function buildSynonyms(rows: typeof SYNONYM_ROWS = SYNONYM_ROWS): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  for (const row of rows) {
    const terms = new Set(row.map((t) => t.normalize('NFC').toLowerCase()));
    for (const term of [...terms]) terms.add(foldAccents(term));
    for (const term of terms) {
      const others = (synonyms[term] ??= new Set());
      for (const other of terms) if (other !== term) others.add(other);
    }
  }
  // Code-point order, like the values: the settings (and so the index fingerprint) are the same on every machine.
  return Object.fromEntries(
    Object.entries(synonyms)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, [...v].sort()]),
  );
}

/**
 * Attributes matched without typos: all Vietnamese text (names, producers, places, tags, which mix Vietnamese
 * with and without accents). Folded Vietnamese syllables are one letter apart from other words ("muoi" salt /
 * "mui" cape, "manh" / "man"), so a typo there finds a different product, not a misspelling. Misspellings are
 * forgiven in the English attributes, where words are long and distinct ("hony", "arabika", "mudskiper").
 */
export const TYPO_EXACT_ATTRIBUTES: string[] = [
  LOCALIZED_ATTRIBUTES.name.vi,
  LOCALIZED_ATTRIBUTES.producer.vi,
  LOCALIZED_ATTRIBUTES.province.vi,
  'commune',
  'formerDistrict',
  LOCALIZED_ATTRIBUTES.group.vi,
  'tags',
  ...ACCENT_CODED_ATTRIBUTES,
];

/**
 * Typo tolerance: one typo from 4 letters, two from 8, never on numbers ("500 g"), and none in Vietnamese text
 * (TYPO_EXACT_ATTRIBUTES). Word sizes chosen with the sweep in scripts/bench-search.mjs.
 */
export const TYPO_TOLERANCE = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  disableOnNumbers: true,
  disableOnAttributes: TYPO_EXACT_ATTRIBUTES,
  disableOnWords: [] as string[],
};

/** Every setting of the products index, in one place. */
export const PRODUCTS_INDEX_SETTINGS = {
  // Priority order: a match in the name beats the producer, which beats province, group, tags. Summaries, stories
  // and ingredients are not searched: "mận" matched "mặn" (salty) in 27 stories, "fish sauce" every product
  // seasoned with it, "hạt điều" a summary's "điều kiện"; the judged set (tests/fixtures/search/relevance.ts)
  // loses no relevant product without them. The accent-coded copies come last; accented queries search only those.
  searchableAttributes: [
    ...bilingualAttributes('name', 'producer', 'province'),
    'commune',
    'formerDistrict',
    ...bilingualAttributes('group'),
    'tags',
    ...ACCENT_CODED_ATTRIBUTES,
  ],
  filterableAttributes: [
    'provinceId',
    'group',
    'stars',
    'validStars',
    'producerKind',
    'producerId',
    'price',
    'priceBand',
    'certificateValid',
    'exportReady',
  ],
  sortableAttributes: ['price', 'stars', 'score'],
  // Relevance first; among equally relevant products the higher-rated one wins.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'stars:desc', 'score:desc'],
  displayedAttributes: ['*'],
  // Vietnam has 34 provinces since 2025 (63 before): 100 values keeps every province in the facet.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 1000 },
  synonyms: buildSynonyms(),
  typoTolerance: TYPO_TOLERANCE,
  // Bounds the worst query; a cut-off search returns its best results so far rather than stalling the page.
  searchCutoffMs: 500,
  proximityPrecision: 'byWord',
} as const;
export type ProductsIndexSettings = typeof PRODUCTS_INDEX_SETTINGS;
