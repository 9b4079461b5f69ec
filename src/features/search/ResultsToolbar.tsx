/** The head of the results: a live heading (what was found) and the sort order. */
import type { Locale } from '~/lib/i18n/locales';
import { countValues, useSearchTranslations } from './messages';
import type { SearchResults } from './results';
import { SORTS, type SearchQuery } from './search-url';

interface Props {
  locale: Locale;
  query: SearchQuery;
  results: SearchResults | null;
}

/** The heading's text: how many products the search found. */
function headingText(t: ReturnType<typeof useSearchTranslations>, props: Props): string {
  const { query, results, locale } = props;
  if (!results) return t('title');
  const count = countValues(results.total, locale);
  return query.q ? t('resultsForCount', { ...count, q: query.q }) : t('resultCount', count);
}

/**
 * Heading and sort select. The heading carries what it says while the next search loads (data-searching) and takes
 * focus after a page change (tabIndex -1), so screen readers hear the new results.
 */
export function ResultsToolbar(props: Props) {
  const t = useSearchTranslations(props.locale);
  return (
    <div className="s-toolbar">
      <h2 id="search-results-heading" tabIndex={-1} aria-live="polite" data-searching={t('searching')}>
        {headingText(t, props)}
      </h2>
      {props.results && props.results.total > 0 && (
        <label className="s-sort">
          <span>{t('sort')}</span>
          <select name="sort" defaultValue={props.query.sort}>
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
