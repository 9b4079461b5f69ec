/** Result cards of the search page: picture, highlighted name and summary, origin, star badge and price. */
import type { Locale } from '~/lib/i18n/locales';
import { Highlighted } from './Highlighted';
import { useSearchTranslations } from './messages';
import type { ResultHit } from './results';

function Badge({ hit, locale }: { hit: ResultHit; locale: Locale }) {
  if (!hit.certificateValid) {
    return (
      <span className="s-badge expired">
        OCOP {hit.stars}★ · {useSearchTranslations(locale)('expired')}
      </span>
    );
  }
  return (
    <span
      className={`s-badge level-${hit.stars}`}
      role="img"
      aria-label={hit.starsLabel}
      title={hit.starsLabel}
    >
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

/** A list of result cards; the first two pictures load at once (they are above the fold). */
export function HitList({ hits, locale }: { hits: readonly ResultHit[]; locale: Locale }) {
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
