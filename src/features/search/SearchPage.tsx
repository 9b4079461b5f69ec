/**
 * The search page, rendered on the server only (no React in the browser): the form, filters, sort and page links
 * work as a plain GET to /search. <ocop-search-page> (search-page-element.ts) adds search as you type, instant
 * filters and history on top by fetching the same page for the new search and swapping in its results.
 */
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { useSearchTranslations } from './messages';
import { Pagination } from './Pagination';
import { HitList } from './ResultCards';
import type { SearchResults } from './results';
import { ResultsToolbar } from './ResultsToolbar';
import { SearchFilters } from './SearchFilters';
import type { FieldErrors } from './search-params';
import { InvalidNotice, NoResults, UnavailableNotice } from './SearchNotices';
import { MAX_QUERY_LENGTH, type SearchQuery } from './search-url';
import './SearchPage.css';

/** What the page shows: results, an outage, or bad parameters. */
export type SearchPageState =
  | { kind: 'results'; query: SearchQuery; results: SearchResults }
  | { kind: 'unavailable'; query: SearchQuery }
  | { kind: 'invalid'; query: SearchQuery; fieldErrors: FieldErrors };

interface Props {
  locale: Locale;
  state: SearchPageState;
}

/** The words box and its submit button. */
function QueryBar(props: { locale: Locale; q: string }) {
  const t = useSearchTranslations(props.locale);
  return (
    <div className="s-querybar">
      <label htmlFor="search-q" className="visually-hidden">
        {t('queryLabel')}
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={props.q}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('placeholder')}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">{t('submit')}</button>
    </div>
  );
}

/** The search page: form, filters, results, pagination. */
export default function SearchPage({ locale, state }: Props) {
  const base = localizedPath('/search', locale);
  const { query } = state;
  const results = state.kind === 'results' ? state.results : null;
  // What every part of the page shows the search in.
  const view = { locale, base, query };

  return (
    <form className="s-page" role="search" action={base} method="get" aria-busy="false">
      <QueryBar locale={locale} q={query.q} />
      {/* The part the page's script replaces with the next search's (search-page-element.ts). */}
      <div className="s-layout" data-search-results>
        <SearchFilters {...view} results={results} />
        <section className="s-results" aria-labelledby="search-results-heading">
          <ResultsToolbar {...view} results={results} />
          {state.kind === 'unavailable' && <UnavailableNotice locale={locale} />}
          {state.kind === 'invalid' && (
            <InvalidNotice locale={locale} base={base} fieldErrors={state.fieldErrors} />
          )}
          {results && results.hits.length > 0 && <HitList hits={results.hits} locale={locale} />}
          {results && results.total === 0 && <NoResults {...view} results={results} />}
          {results && <Pagination base={base} results={results} locale={locale} />}
        </section>
      </div>
    </form>
  );
}
