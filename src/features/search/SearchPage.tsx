/**
 * The search page island. The server renders it with the first results, so the form, filters, sort and page links
 * work without JavaScript (plain GET to /search). Once hydrated it searches as you type, applies filters at once
 * and keeps the search in the URL (useSearchPage), so back, forward and shared links restore the same results.
 */
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { useSearchTranslations } from './messages';
import { Pagination } from './Pagination';
import { HitList } from './ResultCards';
import { ResultsToolbar } from './ResultsToolbar';
import { SearchFilters } from './SearchFilters';
import { InvalidNotice, NoResults, UnavailableNotice } from './SearchNotices';
import { MAX_QUERY_LENGTH } from './search-url';
import { useSearchPage, type SearchPageState } from './useSearchPage';
import './SearchPage.css';

export type { SearchPageState } from './useSearchPage';

interface Props {
  locale: Locale;
  initial: SearchPageState;
}

/** The words box and its submit button. */
function QueryBar(props: { locale: Locale; q: string; onType: (value: string) => void }) {
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
        value={props.q}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('placeholder')}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(e) => props.onType(e.currentTarget.value)}
      />
      <button type="submit">{t('submit')}</button>
    </div>
  );
}

/** The search page: form, filters, results, pagination. */
export default function SearchPage({ locale, initial }: Props) {
  const base = localizedPath('/search', locale);
  const page = useSearchPage(base, locale, initial);
  const { state, query } = page;
  const results = state.kind === 'results' ? state.results : null;
  // What every part of the page shows the search in.
  const view = { locale, base, query };

  return (
    <form
      className="s-page"
      role="search"
      action={base}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        page.submit();
      }}
      aria-busy={page.loading}
    >
      <QueryBar locale={locale} q={page.q} onType={page.type} />
      <div className="s-layout">
        <SearchFilters
          {...view}
          results={results}
          hydrated={page.hydrated}
          onToggle={page.toggle}
          onChange={page.update}
          onClear={page.clearFilters}
        />
        <section className="s-results" aria-labelledby="search-results-heading">
          <ResultsToolbar
            {...view}
            results={results}
            loading={page.loading}
            heading={page.heading}
            onSort={(sort) => page.update({ sort })}
          />
          {state.kind === 'unavailable' && <UnavailableNotice locale={locale} />}
          {state.kind === 'invalid' && (
            <InvalidNotice locale={locale} base={base} fieldErrors={state.fieldErrors} />
          )}
          {results && results.hits.length > 0 && <HitList hits={results.hits} locale={locale} />}
          {results && results.total === 0 && (
            <NoResults {...view} results={results} onClear={page.clearFilters} />
          )}
          {results && (
            <Pagination
              base={base}
              results={results}
              locale={locale}
              onPage={(p) => page.update({ page: p })}
            />
          )}
        </section>
      </div>
    </form>
  );
}
