/**
 * The header search box with instant suggestions (products, producers, provinces): an ARIA 1.2 combobox with a
 * listbox popup. Arrow keys move, Enter opens the highlighted suggestion (or submits the plain GET form to
 * /search), Escape closes. Rendered on the server as a normal input, so the form works before and without JS.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Locale } from '~/lib/i18n';
import type { Suggestion } from './search';
import { SUGGEST_MIN_LENGTH } from './search-url';
import { searchAllFor, st, suggestionCount } from './search-text';
import { Highlighted } from './Highlighted';
import './HeaderSearch.css';

interface Props {
  locale: Locale;
  /** id of the input, so the header's <label for> names it. */
  inputId: string;
  placeholder: string;
  /** The /search URL of this locale. */
  action: string;
}

const DEBOUNCE_MS = 120;

interface Option {
  key: string;
  href: string;
  kind: Suggestion['kind'] | 'all';
  suggestion?: Suggestion;
}

/** Header search combobox. */
export default function HeaderSearch({ locale, inputId, placeholder, action }: Props) {
  const listId = useId();
  const [value, setValue] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const cache = useRef(new Map<string, Suggestion[]>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement | null>(null);

  const trimmed = value.trim();
  const options: Option[] = [
    ...suggestions.map((s) => ({ key: `${s.kind}-${s.id}`, href: s.href, kind: s.kind, suggestion: s })),
    ...(trimmed.length >= SUGGEST_MIN_LENGTH
      ? [{ key: 'all', href: `${action}?q=${encodeURIComponent(trimmed)}`, kind: 'all' as const }]
      : []),
  ];
  const expanded = open && options.length > 0;

  useEffect(() => {
    // Text typed before hydration is kept by the browser; pick it up, and suggest for it if the shopper is still
    // in the box (the island hydrates when the browser is idle, which can be after the first keystrokes).
    const typed = input.current?.value;
    if (typed) {
      setValue(typed);
      if (document.activeElement === input.current) {
        setOpen(true);
        load(typed.trim());
      }
    }
    return () => inflight.current?.abort();
  }, []);

  const load = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (q.length < SUGGEST_MIN_LENGTH) {
      setSuggestions([]);
      setStatus('');
      return;
    }
    const cached = cache.current.get(q);
    if (cached) {
      setSuggestions(cached);
      setStatus(suggestionCount(cached.length, locale));
      return;
    }
    timer.current = setTimeout(async () => {
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      try {
        const params = new URLSearchParams({ view: 'suggest', lang: locale, q });
        const res = await fetch(`/api/search?${params}`, { signal: controller.signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as { suggestions: Suggestion[] };
        cache.current.set(q, body.suggestions);
        setSuggestions(body.suggestions);
        setActive(-1);
        setStatus(suggestionCount(body.suggestions.length, locale));
      } catch (error) {
        // Without suggestions the box still submits to /search, which explains any outage.
        if ((error as Error).name !== 'AbortError') setSuggestions([]);
      }
    }, DEBOUNCE_MS);
  };

  const go = (option: Option) => {
    setOpen(false);
    window.location.assign(option.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!expanded) setOpen(true);
      else setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (expanded) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      const option = expanded && active >= 0 ? options[active] : undefined;
      if (option) {
        event.preventDefault();
        go(option);
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setValue('');
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;

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
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={value}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setValue(next);
          setOpen(true);
          setActive(-1);
          load(next.trim());
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={st(locale, 'suggestions')}
        className="hs-list"
        hidden={!expanded}
      >
        {options.map((option, i) => (
          <li
            key={option.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'hs-option active' : 'hs-option'}
            // mousedown would blur the input and close the list before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(option)}
            onMouseMove={() => setActive(i)}
          >
            {option.suggestion ? (
              <>
                <span className="hs-label">
                  <Highlighted segments={option.suggestion.label} />
                </span>
                <span className="hs-detail">
                  <span className={`hs-kind ${option.kind}`}>
                    {st(locale, `kind.${option.suggestion.kind}`)}
                  </span>
                  {option.suggestion.detail && <> {option.suggestion.detail}</>}
                </span>
              </>
            ) : (
              <span className="hs-label hs-all">{searchAllFor(trimmed, locale)}</span>
            )}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {expanded ? status : ''}
      </span>
    </div>
  );
}
