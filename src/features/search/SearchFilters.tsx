/**
 * The filter panel of the search page: one group of boxes per facet with counts, the certificate and export
 * switches, and (until the island takes over) an apply button. Folded on phones, a sidebar on wide screens.
 */
import { useEffect, useState } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import { onPlainClick } from './links';
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
  /** The values ticked in the current query, so a box changes at once, before the new results arrive. */
  selected: readonly string[];
  onToggle: (name: MultiFacetKey, value: string, on: boolean) => void;
}

function FacetGroup({ legend, name, values, selected, onToggle }: FacetGroupProps) {
  if (values.length === 0) return null;
  return (
    <fieldset className="s-facet">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v.value} className={v.count === 0 && !v.selected ? 's-option empty' : 's-option'}>
          <input
            type="checkbox"
            name={name}
            value={v.value}
            checked={selected.includes(v.value)}
            onChange={(e) => onToggle(name, v.value, e.currentTarget.checked)}
          />
          <span className="s-option-label">{v.label}</span>
          <span className="s-count">{v.count}</span>
        </label>
      ))}
    </fieldset>
  );
}

function SwitchOption(props: {
  name: 'valid' | 'export';
  label: string;
  count: number;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="s-option">
      <input
        type="checkbox"
        name={props.name}
        value="1"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
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
  hydrated: boolean;
  onToggle: (name: MultiFacetKey, value: string, on: boolean) => void;
  onChange: (change: Partial<SearchQuery>) => void;
  onClear: () => void;
}

/** Filters start folded (good for phones, no layout shift there); wide screens open them as a sidebar. */
function useFiltersOpen() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (window.matchMedia('(min-width: 60rem)').matches) setOpen(true);
  }, []);
  return [open, setOpen] as const;
}

/** The filter panel; its boxes submit with the form without JavaScript. */
export function SearchFilters({
  locale,
  base,
  query,
  results,
  hydrated,
  onToggle,
  onChange,
  onClear,
}: Props) {
  const t = useSearchTranslations(locale);
  const [open, setOpen] = useFiltersOpen();
  const count = filterCount(query);
  return (
    <details
      className="s-filters"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
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
              onToggle={onToggle}
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
                onChange={(on) => onChange({ [name]: on })}
              />
            ))}
          </fieldset>
          <div className="s-filter-actions">
            {!hydrated && (
              <button type="submit" className="s-apply">
                {t('apply')}
              </button>
            )}
            {hasFilters(query) && (
              <a
                href={searchHref(base, { ...EMPTY_QUERY, q: query.q, sort: query.sort })}
                onClick={onPlainClick(onClear)}
              >
                {t('clear')}
              </a>
            )}
          </div>
        </div>
      )}
    </details>
  );
}
