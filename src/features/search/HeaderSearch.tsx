/**
 * The header search box with instant suggestions (products, producers, provinces): an ARIA 1.2 combobox with a
 * listbox popup. Arrow keys move, Enter opens the highlighted suggestion (or submits the plain GET form to
 * /search), Escape closes. Rendered on the server as a normal input, so the form works before and without JS.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import type { Suggestion } from './results';
import { SUGGEST_MIN_LENGTH } from './search-url';
import { SuggestionList, type SuggestionOption } from './SuggestionList';
import { useSuggestions } from './useSuggestions';
import './HeaderSearch.css';

interface Props {
  locale: Locale;
  /** id of the input, so the header's <label for> names it. */
  inputId: string;
  placeholder: string;
  /** The /search URL of this locale. */
  action: string;
}

/** The list's entries: the suggestions, then "search all" once the words are long enough to search. */
function optionsFor(suggestions: readonly Suggestion[], words: string, action: string): SuggestionOption[] {
  return [
    ...suggestions.map((s) => ({ key: `${s.kind}-${s.id}`, href: s.href, kind: s.kind, suggestion: s })),
    ...(words.length >= SUGGEST_MIN_LENGTH
      ? [{ key: 'all', href: `${action}?q=${encodeURIComponent(words)}`, kind: 'all' as const }]
      : []),
  ];
}

/** What the combobox's keys act on. */
interface ComboboxKeys {
  expanded: boolean;
  count: number;
  /** The option Enter opens, if one is highlighted. */
  chosen: SuggestionOption | undefined;
  setOpen: (open: boolean) => void;
  setActive: (update: (index: number) => number) => void;
  go: (option: SuggestionOption) => void;
  clear: () => void;
}

/** Arrow keys move through the list (opening it first), Enter opens the highlighted one, Escape closes or clears. */
function onComboboxKey(event: KeyboardEvent<HTMLInputElement>, keys: ComboboxKeys) {
  const { expanded, count } = keys;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    if (!expanded) keys.setOpen(true);
    else keys.setActive((i) => (i + 1) % count);
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    if (expanded) keys.setActive((i) => (i <= 0 ? count - 1 : i - 1));
  } else if (event.key === 'Enter' && keys.chosen) {
    event.preventDefault();
    keys.go(keys.chosen);
  } else if (event.key === 'Escape') {
    if (!expanded) return keys.clear();
    event.preventDefault();
    keys.setOpen(false);
    keys.setActive(() => -1);
  }
}

/** The combobox's state: the words, the options, whether the list shows, and which option is highlighted. */
function useCombobox(locale: Locale, action: string) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { suggestions, status, load } = useSuggestions(locale, () => setActive(-1));
  const words = value.trim();
  const options = optionsFor(suggestions, words, action);
  const expanded = open && options.length > 0;
  const go = (option: SuggestionOption) => {
    setOpen(false);
    window.location.assign(option.href);
  };
  const keys: ComboboxKeys = {
    expanded,
    count: options.length,
    chosen: expanded && active >= 0 ? options[active] : undefined,
    setOpen,
    setActive,
    go,
    clear: () => setValue(''),
  };
  return { value, words, options, expanded, active, status, keys, setOpen, setActive, go, setValue, load };
}

/** Header search combobox. */
export default function HeaderSearch({ locale, inputId, placeholder, action }: Props) {
  const listId = useId();
  const input = useRef<HTMLInputElement | null>(null);
  const box = useCombobox(locale, action);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    // Text typed before hydration is kept by the browser; pick it up, and suggest for it if the shopper is still
    // in the box (the island hydrates when the browser is idle, which can be after the first keystrokes).
    const typed = input.current?.value;
    if (!typed) return;
    box.setValue(typed);
    if (document.activeElement === input.current) {
      box.setOpen(true);
      box.load(typed.trim());
    }
  }, []);

  return (
    <div className="hs">
      <input
        ref={input}
        id={inputId}
        name="q"
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={box.expanded}
        aria-controls={listId}
        aria-activedescendant={box.expanded && box.active >= 0 ? optionId(box.active) : undefined}
        value={box.value}
        onChange={(e) => {
          const next = e.currentTarget.value;
          box.setValue(next);
          box.setOpen(true);
          box.setActive(-1);
          box.load(next.trim());
        }}
        onKeyDown={(e) => onComboboxKey(e, box.keys)}
        onFocus={() => box.setOpen(true)}
        onBlur={() => box.setOpen(false)}
      />
      <SuggestionList
        id={listId}
        locale={locale}
        options={box.options}
        words={box.words}
        active={box.active}
        hidden={!box.expanded}
        optionId={optionId}
        onChoose={box.go}
        onHover={box.setActive}
      />
      <span className="visually-hidden" role="status" aria-live="polite">
        {box.expanded ? box.status : ''}
      </span>
    </div>
  );
}
