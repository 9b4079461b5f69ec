/**
 * The search page's state in the browser: the shown search (results, outage or bad parameters), the words being
 * typed, and the request in flight. Keeps the search in the URL (pushState) so back, forward and shared links
 * restore the same results; the server answers every search through /api/search.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import type { FieldErrors } from './search-params';
import type { SearchResults } from './results';
import {
  EMPTY_QUERY,
  noFilters,
  searchHref,
  toSearchParams,
  type MultiFacetKey,
  type SearchQuery,
} from './search-url';

export type SearchPageState =
  | { kind: 'results'; query: SearchQuery; results: SearchResults }
  | { kind: 'unavailable'; query: SearchQuery }
  | { kind: 'invalid'; query: SearchQuery; fieldErrors: FieldErrors };

type History = 'push' | 'replace' | 'none';

const TYPING_DELAY_MS = 200;

/** Asks /api/search for a search; the page state its answer (or its failure) leads to. */
async function fetchState(
  params: URLSearchParams,
  asked: SearchQuery,
  signal: AbortSignal,
): Promise<SearchPageState> {
  const res = await fetch(`/api/search?${params}`, { signal });
  const body = (await res.json()) as { results?: SearchResults; fields?: FieldErrors };
  if (res.ok && body.results) return { kind: 'results', query: body.results.query, results: body.results };
  if (res.status === 400) return { kind: 'invalid', query: asked, fieldErrors: body.fields ?? {} };
  return { kind: 'unavailable', query: asked };
}

function writeHistory(url: string, history: History) {
  if (history === 'push') window.history.pushState(null, '', url);
  else if (history === 'replace') window.history.replaceState(null, '', url);
}

/** Runs searches for the page: the latest one wins, earlier ones are aborted. */
function useSearchRunner(base: string, locale: Locale, initial: SearchPageState) {
  const [state, setState] = useState<SearchPageState>(initial);
  const [q, setQ] = useState(initial.query.q);
  const [loading, setLoading] = useState(false);
  const inflight = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);

  // `raw` is a URL's query string as it is (back and forward): the server validates it and answers with the search.
  const run = useCallback(
    async (next: SearchQuery, history: History, focusResults = false, raw?: string) => {
      writeHistory(searchHref(base, next), history);
      // Show the new query (ticked boxes, sort) at once; the results follow when the server answers.
      if (raw === undefined) setState((prev) => ({ ...prev, query: next }));
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      setLoading(true);
      try {
        const params = raw === undefined ? toSearchParams(next) : new URLSearchParams(raw);
        params.set('lang', locale);
        const answer = await fetchState(params, next, controller.signal);
        setState(answer);
        if (raw !== undefined && answer.kind === 'results') setQ(answer.query.q);
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        setState({ kind: 'unavailable', query: next });
      } finally {
        if (inflight.current === controller) {
          setLoading(false);
          if (focusResults) heading.current?.focus();
        }
      }
    },
    [base, locale],
  );
  return { state, q, setQ, loading, heading, run };
}

/** The search page's state and what the form's controls do. */
export function useSearchPage(base: string, locale: Locale, initial: SearchPageState) {
  const { state, q, setQ, loading, heading, run } = useSearchRunner(base, locale, initial);
  const [hydrated, setHydrated] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const query = state.query;

  useEffect(() => {
    setHydrated(true);
    const onPop = () => void run(EMPTY_QUERY, 'none', false, window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [run]);

  const stopTyping = () => {
    if (typing.current) clearTimeout(typing.current);
  };
  /** A new search from the current one: the first page unless a page is asked for, a new history entry. */
  const update = (change: Partial<SearchQuery>) =>
    void run({ ...query, q, ...change, page: change.page ?? 1 }, 'push', change.page !== undefined);

  return {
    state,
    query,
    q,
    loading,
    hydrated,
    heading,
    update,
    toggle(name: MultiFacetKey, value: string, on: boolean) {
      const current = query[name].map(String);
      const values = on ? [...current, value] : current.filter((v) => v !== value);
      update({ [name]: name === 'stars' ? values.map(Number) : values } as Partial<SearchQuery>);
    },
    clearFilters: () => update(noFilters()),
    type(value: string) {
      setQ(value);
      stopTyping();
      // Typing replaces the history entry: back goes to the previous search, not to every keystroke.
      typing.current = setTimeout(
        () => void run({ ...query, q: value.trim(), page: 1 }, 'replace'),
        TYPING_DELAY_MS,
      );
    },
    submit() {
      stopTyping();
      update({ q: q.trim() });
    },
  };
}
