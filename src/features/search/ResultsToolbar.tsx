/** The head of the results: a live heading (searching…, or what was found) and the sort order. */
import type { Ref } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import { countValues, useSearchTranslations } from './messages';
import type { SearchResults } from './results';
import { SORTS, type SearchQuery, type SortOrder } from './search-url';

interface Props {
  locale: Locale;
  query: SearchQuery;
  results: SearchResults | null;
  loading: boolean;
  /** The heading takes focus after a page change, so screen readers hear the new results. */
  heading: Ref<HTMLHeadingElement>;
  onSort: (sort: SortOrder) => void;
}

/** The heading's text: what is happening, or how many products the search found. */
function headingText(t: ReturnType<typeof useSearchTranslations>, props: Props): string {
  const { query, results, loading, locale } = props;
  if (loading) return t('searching');
  if (!results) return t('title');
  const count = countValues(results.total, locale);
  return query.q ? t('resultsForCount', { ...count, q: query.q }) : t('resultCount', count);
}

/** Heading and sort select. */
export function ResultsToolbar(props: Props) {
  const t = useSearchTranslations(props.locale);
  return (
    <div className="s-toolbar">
      <h2 id="search-results-heading" ref={props.heading} tabIndex={-1} aria-live="polite">
        {headingText(t, props)}
      </h2>
      {props.results && props.results.total > 0 && (
        <label className="s-sort">
          <span>{t('sort')}</span>
          <select
            name="sort"
            value={props.query.sort}
            onChange={(e) => props.onSort(e.currentTarget.value as SortOrder)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
