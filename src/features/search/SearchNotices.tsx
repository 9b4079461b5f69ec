/** What the search page says instead of (or besides) results: search down, bad parameters, nothing found. */
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { countValues, useSearchTranslations } from './messages';
import { HitList } from './ResultCards';
import type { SearchResults } from './results';
import type { FieldErrors } from './search-params';
import { EMPTY_QUERY, MAX_QUERY_LENGTH, searchHref, type SearchQuery } from './search-url';

/** Search is down: say so plainly and offer the product list. */
export function UnavailableNotice({ locale }: { locale: Locale }) {
  const t = useSearchTranslations(locale);
  return (
    <div className="s-notice" role="alert">
      <p>{t('unavailable')}</p>
      <p>
        <a href={localizedPath('/products', locale)}>{t('browseAll')}</a>
      </p>
    </div>
  );
}

/** What a parameter must be, in the page's language; the server's message for a parameter the page does not know. */
function fieldRule(t: ReturnType<typeof useSearchTranslations>, field: string, message: string): string {
  const key = `field.${field}`;
  return t.has(key) ? t(key, { max: MAX_QUERY_LENGTH }) : message;
}

/** Bad URL parameters: name each field and offer a fresh start. */
export function InvalidNotice(props: { locale: Locale; base: string; fieldErrors: FieldErrors }) {
  const t = useSearchTranslations(props.locale);
  return (
    <div className="s-notice" role="alert">
      <p>{t('invalid')}</p>
      <ul>
        {Object.entries(props.fieldErrors).map(([field, message]) => (
          <li key={field}>
            <code>{field}</code>: {fieldRule(t, field, message)}
          </li>
        ))}
      </ul>
      <p>
        <a href={props.base}>{t('startOver')}</a>
      </p>
    </div>
  );
}

interface NoResultsProps {
  locale: Locale;
  base: string;
  query: SearchQuery;
  results: SearchResults;
}

/** Nothing found: a broader search without the filters when it finds something, else tips; popular products. */
export function NoResults({ locale, base, query, results }: NoResultsProps) {
  const t = useSearchTranslations(locale);
  const withoutFilters = results.noResults?.withoutFilters ?? 0;
  const popular = results.noResults?.popular ?? [];
  const count = countValues(withoutFilters, locale);
  return (
    <div className="s-empty">
      <p className="s-empty-title">{query.q ? t('noResultsFor', { q: query.q }) : t('noFilterResults')}</p>
      {withoutFilters > 0 ? (
        <p>
          <a href={searchHref(base, { ...EMPTY_QUERY, q: query.q })}>
            {query.q ? t('withoutFiltersFor', { ...count, q: query.q }) : t('withoutFilters', count)}
          </a>
        </p>
      ) : (
        <p>{t('noResultsTips')}</p>
      )}
      {popular.length > 0 && (
        <>
          <h3>{t('popular')}</h3>
          <HitList hits={popular} locale={locale} />
        </>
      )}
    </div>
  );
}
