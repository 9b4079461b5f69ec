/**
 * Header suggestions in the browser: asks /api/search?view=suggest after a short pause in typing, keeps answers
 * per text (so deleting a letter shows the earlier list at once), and aborts a request a newer one replaces.
 */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import { useSearchTranslations } from './messages';
import type { Suggestion } from './results';
import { SUGGEST_MIN_LENGTH } from './search-url';

const DEBOUNCE_MS = 120;

async function fetchSuggestions(q: string, locale: Locale, signal: AbortSignal): Promise<Suggestion[]> {
  const params = new URLSearchParams({ view: 'suggest', lang: locale, q });
  const res = await fetch(`/api/search?${params}`, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { suggestions: Suggestion[] }).suggestions;
}

/** Suggestions for the text typed so far, and the live-region text that announces how many there are. */
export function useSuggestions(locale: Locale, onFetched: () => void) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [status, setStatus] = useState('');
  const cache = useRef(new Map<string, Suggestion[]>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const t = useSearchTranslations(locale);

  useEffect(() => () => inflight.current?.abort(), []);

  const show = (list: Suggestion[]) => {
    setSuggestions(list);
    setStatus(list.length ? t('suggestionCount', { n: list.length }) : t('noSuggestions'));
  };

  const load = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (q.length < SUGGEST_MIN_LENGTH) {
      setSuggestions([]);
      setStatus('');
      return;
    }
    const cached = cache.current.get(q);
    if (cached) return show(cached);
    timer.current = setTimeout(async () => {
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      try {
        const list = await fetchSuggestions(q, locale, controller.signal);
        cache.current.set(q, list);
        show(list);
        onFetched();
      } catch (error) {
        // Without suggestions the box still submits to /search, which explains any outage.
        if ((error as Error).name !== 'AbortError') setSuggestions([]);
      }
    }, DEBOUNCE_MS);
  };

  return { suggestions, status, load };
}
