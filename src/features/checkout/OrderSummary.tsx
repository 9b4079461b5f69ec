/** The checkout form's summary: the cart priced by the server, per producer, its totals, and the submit button. */
import { useCartTranslations } from '~/features/cart/messages';
import SummaryTotals from '~/features/cart/SummaryTotals';
import type { QuoteState } from '~/features/cart/use-quote';
import { formatVnd } from '~/lib/i18n/format';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { localize } from '~/lib/i18n/translate';
import type { PaymentMethod } from './checkout';
import { useCheckoutTranslations } from './messages';

interface Props {
  locale: Locale;
  quote: QuoteState;
  payment: PaymentMethod;
  busy: boolean;
  /** The error of the cart's lines (stock ran out, product withdrawn), shown with a link back to the cart. */
  linesError: string | undefined;
}

export default function OrderSummary({ locale, quote, payment, busy, linesError }: Props) {
  const t = useCheckoutTranslations(locale);
  const submitLabel = busy ? t('placing') : payment === 'card' ? t('placeOrderCard') : t('placeOrderCod');
  return (
    <aside className="card order-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary')}</h2>
      {linesError && (
        <p className="form-error" role="alert">
          {linesError} <a href={localizedPath('/cart', locale)}>{t('backToCart')}</a>
        </p>
      )}
      <PricedLines locale={locale} quote={quote} />
      <div className="cart-actions">
        <button type="submit" className="button place-order" disabled={busy || quote.state !== 'priced'}>
          {submitLabel}
        </button>
        <a href={localizedPath('/cart', locale)}>{t('backToCart')}</a>
      </div>
    </aside>
  );
}

function PricedLines({ locale, quote }: { locale: Locale; quote: QuoteState }) {
  const cartText = useCartTranslations(locale);
  if (quote.state === 'error') return <p className="form-error">{cartText('quoteFailed')}</p>;
  if (quote.state !== 'priced') return <p aria-busy="true">{cartText('loading')}</p>;
  return (
    <>
      {quote.order.parts.map((part) => (
        <div key={part.producerId}>
          <h3 className="muted">{cartText('from', { producer: part.producerName })}</h3>
          <ul className="summary-lines">
            {part.lines.map((line) => (
              <li key={line.productId}>
                <span>
                  {line.quantity} × {localize(line.name, locale)}
                </span>
                <span>{formatVnd(line.lineTotal, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <SummaryTotals order={quote.order} locale={locale} totalTestId="checkout-total" />
    </>
  );
}
