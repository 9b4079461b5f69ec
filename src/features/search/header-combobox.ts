/**
 * The header search box's rules, pure: which entries its suggestion list has, and what each key does. The box
 * itself (./header-search-element.ts) is a small custom element on every page: no UI framework, no schemas.
 */
import type { Suggestion } from './results.ts';
import { SUGGEST_MIN_LENGTH } from './search-url.ts';

/** The search room's words the box needs in the browser (passed to it by HeaderSearch.astro). */
export const HEADER_SEARCH_MESSAGE_KEYS = [
  'kind.product',
  'kind.producer',
  'kind.province',
  'suggestionCount',
  'noSuggestions',
  'searchAllFor',
] as const;

/** Wait this long after the last keystroke before asking for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 120;

/** One entry of the list: a suggestion, or the search for everything matching the words. */
export interface SuggestionOption {
  key: string;
  href: string;
  kind: Suggestion['kind'] | 'all';
  suggestion?: Suggestion;
}

/** The list's entries: the suggestions, then "search all" once the words are long enough to search. */
export function suggestionOptions(
  suggestions: readonly Suggestion[],
  words: string,
  action: string,
): SuggestionOption[] {
  return [
    ...suggestions.map((s) => ({ key: `${s.kind}-${s.id}`, href: s.href, kind: s.kind, suggestion: s })),
    ...(words.length >= SUGGEST_MIN_LENGTH
      ? [{ key: 'all', href: `${action}?q=${encodeURIComponent(words)}`, kind: 'all' as const }]
      : []),
  ];
}

/** The /api/search URL of the suggestions for some words, or null when they are too short to suggest for. */
export function suggestUrl(words: string, locale: string): string | null {
  if (words.length < SUGGEST_MIN_LENGTH) return null;
  return `/api/search?${new URLSearchParams({ view: 'suggest', lang: locale, q: words })}`;
}

/** What the combobox shows: whether the list is open and which entry is highlighted (-1: none). */
export interface ComboboxState {
  /** The list is open and has entries. */
  expanded: boolean;
  active: number;
  count: number;
}

/** What a key press does: the new open state and highlight, the entry to open, or clearing the words. */
export interface KeyOutcome {
  preventDefault: boolean;
  open?: boolean;
  active?: number;
  /** Index of the entry to open. */
  go?: number;
  clear?: boolean;
}

/**
 * ARIA 1.2 combobox keys: arrows open the list and move through it (wrapping), Enter opens the highlighted
 * entry (without one the form submits), Escape closes the list, or clears the words when it is closed.
 */
export function comboboxKey(key: string, { expanded, active, count }: ComboboxState): KeyOutcome {
  switch (key) {
    case 'ArrowDown':
      return expanded
        ? { preventDefault: true, active: (active + 1) % count }
        : { preventDefault: true, open: true };
    case 'ArrowUp':
      return expanded
        ? { preventDefault: true, active: active <= 0 ? count - 1 : active - 1 }
        : { preventDefault: true };
    case 'Enter':
      return expanded && active >= 0 ? { preventDefault: true, go: active } : { preventDefault: false };
    case 'Escape':
      return expanded
        ? { preventDefault: true, open: false, active: -1 }
        : { preventDefault: false, clear: true };
    default:
      return { preventDefault: false };
  }
}
