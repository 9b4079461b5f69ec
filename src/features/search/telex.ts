/**
 * Telex, pure: Vietnamese written with plain ASCII letters for its diacritics, the way people type it. The index
 * keeps accent-coded copies of the Vietnamese text in Telex, because Meilisearch folds diacritics (mận, mặn and
 * Mạnh all index as "man") but leaves ASCII letters alone. No imports: documents.ts and accents.ts both use it.
 */
/** Tone marks (combining, after NFD) and the Telex letter each is typed with, appended at the end of the word. */
const TONES: Record<string, string> = {
  '\u0301': 's',
  '\u0300': 'f',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0323': 'j',
};
const CIRCUMFLEX = '\u0302';
/** Breve (ă) and horn (ơ, ư) are both typed as a following w in Telex. */
const W_MARKS = new Set(['\u0306', '\u031b']);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** One lower-case NFD word in Telex: vowel marks inline (â → aa, ư → uw, đ → dd), the tone letter last. */
function telexWord(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word) {
    if (TONES[ch]) tone = TONES[ch];
    else if (ch === CIRCUMFLEX) out += out.at(-1) ?? '';
    else if (W_MARKS.has(ch)) out += 'w';
    else if (!/\p{M}/u.test(ch)) out += ch === 'đ' ? 'dd' : ch;
  }
  return out + tone;
}

/**
 * Text with every Vietnamese word written in Telex, plain ASCII letters Meilisearch cannot fold: "Mận hậu" →
 * "maanj haauj", "mặn" → "mawnj", "dừa" → "duwaf", "dứa" → "duwas". Words without diacritics stay as they are.
 * The index keeps these accent-coded copies so an accented query matches its own reading only.
 */
export function toTelex(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(WORD, (word) => telexWord(word));
}
