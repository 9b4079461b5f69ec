/**
 * The filter panel of the search page: one group of boxes per facet with counts, the certificate and export
 * switches, and an apply button (hidden once the page's script applies each change at once). Folded on phones; the
 * script opens it as a sidebar on wide screens.
 */
import type { Locale } from '~/lib/i18n/locales';
import { useSearchTranslations, type SearchMessageKey } from './messages';
import type { FacetValue, SearchResults } from './results';
import {
  EMPTY_QUERY,
  filterCount,
  hasFilters,
  searchHref,
  type MultiFacetKey,
  type SearchQuery,
} from './search-url';

/** The facet groups in the order the sidebar shows them. */
const FACET_ORDER = ['province', 'stars', 'group', 'price'] as const satisfies readonly MultiFacetKey[];

interface FacetGroupProps {
  legend: string;
  name: MultiFacetKey;
  values: readonly FacetValue[];
  /** The values ticked in the current query. */
  selected: readonly string[];
}

function FacetGroup({ legend, name, values, selected }: FacetGroupProps) {
  if (values.length === 0) return null;
  return (
    <fieldset className="s-facet">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v.value} className={v.count === 0 && !v.selected ? 's-option empty' : 's-option'}>
          <input type="checkbox" name={name} value={v.value} defaultChecked={selected.includes(v.value)} />
          <span className="s-option-label">{v.label}</span>
          <span className="s-count">{v.count}</span>
        </label>
      ))}
    </fieldset>
  );
}

function SwitchOption(props: { name: 'valid' | 'export'; label: string; count: number; checked: boolean }) {
  return (
    <label className="s-option">
      <input type="checkbox" name={props.name} value="1" defaultChecked={props.checked} />
      <span className="s-option-label">{props.label}</span>
      <span className="s-count">{props.count}</span>
    </label>
  );
}

/** The switches, each with its message key. */
const SWITCHES = [
  { name: 'valid', label: 'validOnly' },
  { name: 'export', label: 'exportReady' },
] as const satisfies readonly { name: 'valid' | 'export'; label: SearchMessageKey }[];

interface Props {
  locale: Locale;
  base: string;
  query: SearchQuery;
  results: SearchResults | null;
}

/** The filter panel; its boxes submit with the form without JavaScript. Starts folded (no layout shift on phones). */
export function SearchFilters({ locale, base, query, results }: Props) {
  const t = useSearchTranslations(locale);
  const count = filterCount(query);
  return (
    <details className="s-filters">
      <summary>
        {t('filters')}
        {count > 0 && <span className="s-filter-count"> ({count})</span>}
      </summary>
      {results && (
        <div className="s-facets">
          {FACET_ORDER.map((name) => (
            <FacetGroup
              key={name}
              legend={t(name)}
              name={name}
              values={results.facets[name]}
              selected={query[name].map(String)}
            />
          ))}
          <fieldset className="s-facet">
            <legend>{t('certificate')}</legend>
            {SWITCHES.map(({ name, label }) => (
              <SwitchOption
                key={name}
                name={name}
                label={t(label)}
                count={results.facets[name]}
                checked={query[name]}
              />
            ))}
          </fieldset>
          <div className="s-filter-actions">
            <button type="submit" className="s-apply">
              {t('apply')}
            </button>
            {hasFilters(query) && (
              <a href={searchHref(base, { ...EMPTY_QUERY, q: query.q, sort: query.sort })}>{t('clear')}</a>
            )}
          </div>
        </div>
      )}
    </details>
  );
}
