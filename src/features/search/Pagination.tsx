/** Page links of the search page: previous, up to two pages either side of the current one, next. */
import type { ReactNode } from 'react';
import type { Locale } from '~/lib/i18n/locales';
import { useSearchTranslations } from './messages';
import type { SearchResults } from './results';
import { searchHref } from './search-url';

interface Props {
  base: string;
  results: SearchResults;
  locale: Locale;
}

/** The page numbers shown around the current page. */
function nearbyPages(page: number, totalPages: number): number[] {
  const pages: number[] = [];
  for (let p = Math.max(1, page - 2); p <= Math.min(totalPages, page + 2); p++) pages.push(p);
  return pages;
}

/** Result pages; nothing when everything fits on one. */
export function Pagination({ base, results, locale }: Props) {
  if (results.totalPages <= 1) return null;
  const t = useSearchTranslations(locale);
  const link = (page: number, children: ReactNode, label: string, rel?: string) => (
    <a
      href={searchHref(base, { ...results.query, page })}
      aria-label={label}
      {...(rel ? { rel } : {})}
      {...(page === results.page ? { 'aria-current': 'page' as const } : {})}
    >
      {children}
    </a>
  );
  return (
    <nav className="s-pages" aria-label={t('pagination')}>
      {results.page > 1 && link(results.page - 1, '‹', t('previous'), 'prev')}
      {nearbyPages(results.page, results.totalPages).map((p) => (
        <span key={p}>{link(p, p, t('pageNumber', { page: p }))}</span>
      ))}
      {results.page < results.totalPages && link(results.page + 1, '›', t('next'), 'next')}
    </nav>
  );
}
