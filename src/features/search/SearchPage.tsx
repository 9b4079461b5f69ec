/**
 * The search page island. The server renders it with the first results, so the form, filters, sort and page links
 * work without JavaScript (plain GET to /search). Once hydrated it searches as you type, applies filters at once
 * and keeps the search in the URL (pushState), so back, forward and shared links restore the same results.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { localizedPath, starsLabel, type Locale } from '~/lib/i18n';
import { EMPTY_QUERY, SORTS, hasFilters, toSearchParams } from './search-url';
import type { FacetValue, FieldErrors, ResultHit, SearchQuery, SearchResults } from './search';
import { noResultsFor, pageLabel, resultCount, resultsFor, st, withoutFiltersText } from './search-text';
import { Highlighted } from './Highlighted';
import './SearchPage.css';

export type SearchPageState =
  | { kind: 'results'; query: SearchQuery; results: SearchResults }
  | { kind: 'unavailable'; query: SearchQuery }
  | { kind: 'invalid'; query: SearchQuery; fieldErrors: FieldErrors };

interface Props {
  locale: Locale;
  initial: SearchPageState;
}

const TYPING_DELAY_MS = 200;

function Badge({ hit, locale }: { hit: ResultHit; locale: Locale }) {
  if (!hit.certificateValid) {
    return (
      <span className="s-badge expired">
        OCOP {hit.stars}★ · {st(locale, 'expired')}
      </span>
    );
  }
  const label = starsLabel(hit.stars, locale);
  return (
    <span className={`s-badge level-${hit.stars}`} role="img" aria-label={label} title={label}>
      <span aria-hidden="true">OCOP {'★'.repeat(hit.stars)}</span>
    </span>
  );
}

function HitCard({ hit, locale, eager }: { hit: ResultHit; locale: Locale; eager: boolean }) {
  return (
    <article className="s-hit">
      <a className="s-thumb" href={hit.href} tabIndex={-1} aria-hidden="true">
        {hit.image && (
          <img
            src={hit.image.src}
            width={hit.image.width}
            height={hit.image.height}
            alt=""
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
          />
        )}
      </a>
      <div className="s-body">
        <h3>
          <a href={hit.href}>
            <Highlighted segments={hit.name} />
          </a>
        </h3>
        <p className="s-origin">
          {hit.producer} · {hit.province}
        </p>
        <p className="s-summary">
          <Highlighted segments={hit.summary} />
        </p>
        <p className="s-meta">
          <Badge hit={hit} locale={locale} />
          <span>
            <strong>{hit.price}</strong> <span className="s-unit">/ {hit.unit}</span>
          </span>
        </p>
      </div>
    </article>
  );
}

function HitList({ hits, locale }: { hits: readonly ResultHit[]; locale: Locale }) {
  return (
    <ul className="s-hits" role="list">
      {hits.map((hit, i) => (
        <li key={hit.slug}>
          <HitCard hit={hit} locale={locale} eager={i < 2} />
        </li>
      ))}
    </ul>
  );
}

/** The facet groups in the order the sidebar shows them. */
const FACET_NAMES = ['province', 'stars', 'group', 'price'] as const;

function FacetGroup(props: {
  legend: string;
  name: 'province' | 'group' | 'stars' | 'price';
  values: readonly FacetValue[];
  /** The values ticked in the current query, so a box changes at once, before the new results arrive. */
  selected: readonly string[];
  onToggle: (name: 'province' | 'group' | 'stars' | 'price', value: string, on: boolean) => void;
}) {
  if (props.values.length === 0) return null;
  return (
    <fieldset className="s-facet">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v.value} className={v.count === 0 && !v.selected ? 's-option empty' : 's-option'}>
          <input
            type="checkbox"
            name={props.name}
            value={v.value}
            checked={props.selected.includes(v.value)}
            onChange={(e) => props.onToggle(props.name, v.value, e.currentTarget.checked)}
          />
          <span className="s-option-label">{v.label}</span>
          <span className="s-count">{v.count}</span>
        </label>
      ))}
    </fieldset>
  );
}

function hrefFor(base: string, query: SearchQuery): string {
  const params = toSearchParams(query).toString();
  return params ? `${base}?${params}` : base;
}

function Pagination(props: {
  base: string;
  results: SearchResults;
  locale: Locale;
  onPage: (page: number) => void;
}) {
  const { results, locale } = props;
  if (results.totalPages <= 1) return null;
  const pages: number[] = [];
  for (let p = Math.max(1, results.page - 2); p <= Math.min(results.totalPages, results.page + 2); p++)
    pages.push(p);
  const link = (page: number, children: ReactNode, label: string, rel?: string) => (
    <a
      href={hrefFor(props.base, { ...results.query, page })}
      aria-label={label}
      {...(rel ? { rel } : {})}
      {...(page === results.page ? { 'aria-current': 'page' as const } : {})}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        props.onPage(page);
      }}
    >
      {children}
    </a>
  );
  return (
    <nav className="s-pages" aria-label={st(locale, 'pagination')}>
      {results.page > 1 && link(results.page - 1, '‹', st(locale, 'previous'), 'prev')}
      {pages.map((p) => (
        <span key={p}>{link(p, p, pageLabel(p, locale))}</span>
      ))}
      {results.page < results.totalPages && link(results.page + 1, '›', st(locale, 'next'), 'next')}
    </nav>
  );
}

/** The search page: form, filters, results, pagination. */
export default function SearchPage({ locale, initial }: Props) {
  const base = localizedPath('/search', locale);
  const [state, setState] = useState<SearchPageState>(initial);
  const [q, setQ] = useState(initial.query.q);
  const [loading, setLoading] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const inflight = useRef<AbortController | null>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const query = state.query;

  const run = useCallback(
    async (next: SearchQuery, history: 'push' | 'replace' | 'none', focusResults = false, raw?: string) => {
      if (history !== 'none') {
        const url = hrefFor(base, next);
        if (history === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      }
      // Show the new query (ticked boxes, sort) at once; the results follow when the server answers.
      if (raw === undefined) setState((prev) => ({ ...prev, query: next }));
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      setLoading(true);
      try {
        // Back and forward send the URL as it is; the server validates it and answers with the parsed search.
        const params = raw === undefined ? toSearchParams(next) : new URLSearchParams(raw);
        params.set('lang', locale);
        const res = await fetch(`/api/search?${params}`, { signal: controller.signal });
        const body = (await res.json()) as { results?: SearchResults; fields?: FieldErrors };
        if (res.ok && body.results) {
          setState({ kind: 'results', query: body.results.query, results: body.results });
          if (raw !== undefined) setQ(body.results.query.q);
        } else if (res.status === 400)
          setState({ kind: 'invalid', query: next, fieldErrors: body.fields ?? {} });
        else setState({ kind: 'unavailable', query: next });
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

  useEffect(() => {
    setHydrated(true);
    // Filters start folded (good for phones, no layout shift there); wide screens show them as a sidebar.
    if (window.matchMedia('(min-width: 60rem)').matches) setFiltersOpen(true);
    const onPop = () => void run(EMPTY_QUERY, 'none', false, window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [run]);

  const update = (change: Partial<SearchQuery>, history: 'push' | 'replace' = 'push') =>
    run({ ...query, q, ...change, page: change.page ?? 1 }, history, change.page !== undefined);

  const onToggle = (name: 'province' | 'group' | 'stars' | 'price', value: string, on: boolean) => {
    const current = query[name].map(String);
    const nextValues = on ? [...current, value] : current.filter((v) => v !== value);
    const typed = name === 'stars' ? nextValues.map(Number) : nextValues;
    void update({ [name]: typed } as Partial<SearchQuery>);
  };

  const onType = (value: string) => {
    setQ(value);
    if (typing.current) clearTimeout(typing.current);
    // Typing replaces the history entry: back goes to the previous search, not to every keystroke.
    typing.current = setTimeout(
      () => void run({ ...query, q: value.trim(), page: 1 }, 'replace'),
      TYPING_DELAY_MS,
    );
  };

  const onSubmit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (typing.current) clearTimeout(typing.current);
    void update({ q: q.trim() });
  };

  const results = state.kind === 'results' ? state.results : null;
  const filterCount =
    query.province.length +
    query.group.length +
    query.stars.length +
    query.price.length +
    (query.valid ? 1 : 0) +
    (query.export ? 1 : 0);

  return (
    <form className="s-page" role="search" action={base} method="get" onSubmit={onSubmit} aria-busy={loading}>
      <div className="s-querybar">
        <label htmlFor="search-q" className="visually-hidden">
          {st(locale, 'queryLabel')}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={q}
          maxLength={200}
          placeholder={st(locale, 'placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => onType(e.currentTarget.value)}
        />
        <button type="submit">{st(locale, 'submit')}</button>
      </div>

      <div className="s-layout">
        <details
          className="s-filters"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>
            {st(locale, 'filters')}
            {filterCount > 0 && <span className="s-filter-count"> ({filterCount})</span>}
          </summary>
          {results && (
            <div className="s-facets">
              {FACET_NAMES.map((name) => (
                <FacetGroup
                  key={name}
                  legend={st(locale, name)}
                  name={name}
                  values={results.facets[name]}
                  selected={query[name].map(String)}
                  onToggle={onToggle}
                />
              ))}
              <fieldset className="s-facet">
                <legend>{st(locale, 'certificate')}</legend>
                <label className="s-option">
                  <input
                    type="checkbox"
                    name="valid"
                    value="1"
                    checked={query.valid}
                    onChange={(e) => void update({ valid: e.currentTarget.checked })}
                  />
                  <span className="s-option-label">{st(locale, 'validOnly')}</span>
                  <span className="s-count">{results.facets.valid}</span>
                </label>
                <label className="s-option">
                  <input
                    type="checkbox"
                    name="export"
                    value="1"
                    checked={query.export}
                    onChange={(e) => void update({ export: e.currentTarget.checked })}
                  />
                  <span className="s-option-label">{st(locale, 'exportReady')}</span>
                  <span className="s-count">{results.facets.export}</span>
                </label>
              </fieldset>
              <div className="s-filter-actions">
                {!hydrated && (
                  <button type="submit" className="s-apply">
                    {st(locale, 'apply')}
                  </button>
                )}
                {hasFilters(query) && (
                  <a
                    href={hrefFor(base, { ...EMPTY_QUERY, q: query.q, sort: query.sort })}
                    onClick={(e) => {
                      e.preventDefault();
                      void update({
                        province: [],
                        group: [],
                        stars: [],
                        price: [],
                        valid: false,
                        export: false,
                      });
                    }}
                  >
                    {st(locale, 'clear')}
                  </a>
                )}
              </div>
            </div>
          )}
        </details>

        <section className="s-results" aria-labelledby="search-results-heading">
          <div className="s-toolbar">
            <h2 id="search-results-heading" ref={heading} tabIndex={-1} aria-live="polite">
              {loading
                ? st(locale, 'searching')
                : results
                  ? `${query.q ? `${resultsFor(query.q, locale)}: ` : ''}${resultCount(results.total, locale)}`
                  : st(locale, 'title')}
            </h2>
            {results && results.total > 0 && (
              <label className="s-sort">
                <span>{st(locale, 'sort')}</span>
                <select
                  name="sort"
                  value={query.sort}
                  onChange={(e) => void update({ sort: e.currentTarget.value as SearchQuery['sort'] })}
                >
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {st(locale, `sort.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>

          {state.kind === 'unavailable' && (
            <div className="s-notice" role="alert">
              <p>{st(locale, 'unavailable')}</p>
              <p>
                <a href={localizedPath('/products', locale)}>{st(locale, 'browseAll')}</a>
              </p>
            </div>
          )}

          {state.kind === 'invalid' && (
            <div className="s-notice" role="alert">
              <p>{st(locale, 'invalid')}</p>
              <ul>
                {Object.entries(state.fieldErrors).map(([field, message]) => (
                  <li key={field}>
                    <code>{field}</code>: {message}
                  </li>
                ))}
              </ul>
              <p>
                <a href={base}>{st(locale, 'startOver')}</a>
              </p>
            </div>
          )}

          {results && results.hits.length > 0 && <HitList hits={results.hits} locale={locale} />}

          {results && results.total === 0 && (
            <div className="s-empty">
              <p className="s-empty-title">{noResultsFor(query.q, locale)}</p>
              {results.noResults && results.noResults.withoutFilters > 0 ? (
                <p>
                  <a
                    href={hrefFor(base, { ...EMPTY_QUERY, q: query.q })}
                    onClick={(e) => {
                      e.preventDefault();
                      void update({
                        province: [],
                        group: [],
                        stars: [],
                        price: [],
                        valid: false,
                        export: false,
                      });
                    }}
                  >
                    {withoutFiltersText(results.noResults.withoutFilters, query.q, locale)}
                  </a>
                </p>
              ) : (
                <p>{st(locale, 'noResultsTips')}</p>
              )}
              {results.noResults && results.noResults.popular.length > 0 && (
                <>
                  <h3>{st(locale, 'popular')}</h3>
                  <HitList hits={results.noResults.popular} locale={locale} />
                </>
              )}
            </div>
          )}

          {results && (
            <Pagination
              base={base}
              results={results}
              locale={locale}
              onPage={(page) => void update({ page })}
            />
          )}
        </section>
      </div>
    </form>
  );
}
