/**
 * The cart page: lines grouped by producer with quantity steppers limited by live stock, each producer's delivery
 * fee, and the totals, all priced by the server (checkout.quote). Nothing is priced in the browser.
 */
import { formatVnd } from '~/lib/i18n/format';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { localize } from '~/lib/i18n/translate';
import type { StockAdjustment } from './cart';
import CartLineRow from './CartLineRow';
import { deliveryFeeText, shippingNoteText } from './delivery';
import { useCartTranslations } from './messages';
import type { PricedPart } from './pricing';
import SummaryTotals from './SummaryTotals';
import { useCart } from './use-cart';
import { useQuote, type QuoteState } from './use-quote';
import './cart.css';

interface Props {
  locale: Locale;
}

export default function CartPage({ locale }: Props) {
  const t = useCartTranslations(locale);
  const { cart, ready: loaded } = useCart();
  const { quote, adjustments } = useQuote(cart, loaded);

  if (!loaded) return <p aria-busy="true">{t('loading')}</p>;
  if (cart.lines.length === 0) return <EmptyCart locale={locale} />;
  return (
    <div className="cart-layout">
      <div>
        <StockNotices adjustments={adjustments} quote={quote} locale={locale} />
        {quote.state === 'error' && (
          <p className="form-error" role="alert">
            {t('quoteFailed')}
          </p>
        )}
        {quote.state !== 'priced' && quote.state !== 'error' && <p aria-busy="true">{t('loading')}</p>}
        {quote.state === 'priced' &&
          quote.order.parts.map((part) => (
            <CartPart key={part.producerId} part={part} stock={quote.order.stock} locale={locale} />
          ))}
      </div>
      <aside className="card order-summary" aria-labelledby="cart-summary">
        <h2 id="cart-summary">{t('total')}</h2>
        {quote.state === 'priced' && (
          <SummaryTotals order={quote.order} locale={locale} totalTestId="cart-total" />
        )}
        <p className="muted">{shippingNoteText(locale)}</p>
        <div className="cart-actions">
          <a
            className="button"
            href={localizedPath('/checkout', locale)}
            aria-disabled={quote.state !== 'priced'}
          >
            {t('checkout')}
          </a>
          <a href={localizedPath('/products', locale)}>{t('continueShopping')}</a>
          <a href={localizedPath('/orders/lookup', locale)}>{t('trackOrder')}</a>
        </div>
      </aside>
    </div>
  );
}

function EmptyCart({ locale }: { locale: Locale }) {
  const t = useCartTranslations(locale);
  return (
    <div className="card cart-part">
      <p>{t('cartEmpty')}</p>
      <a className="button" href={localizedPath('/products', locale)}>
        {t('browseProducts')}
      </a>
      <p>
        <a href={localizedPath('/orders/lookup', locale)}>{t('trackOrder')}</a>
      </p>
    </div>
  );
}

/** What live stock changed in the cart since the shopper last saw it, so nothing changes silently. */
function StockNotices(props: { adjustments: StockAdjustment[]; quote: QuoteState; locale: Locale }) {
  const { adjustments, quote, locale } = props;
  const t = useCartTranslations(locale);
  if (adjustments.length === 0) return null;
  const lines = quote.state === 'priced' ? quote.order.parts.flatMap((p) => p.lines) : [];
  const nameOf = (productId: string) => {
    const line = lines.find((l) => l.productId === productId);
    return line ? localize(line.name, locale) : productId;
  };
  const notices = adjustments.map((a) =>
    a.kept === 0 ? t('removedGone') : t('adjusted', { name: nameOf(a.productId), n: a.kept }),
  );
  return (
    <div className="cart-notice" role="status">
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

/** One producer's part of the cart: its lines and its subtotal and delivery fee. */
function CartPart(props: { part: PricedPart; stock: Record<string, number>; locale: Locale }) {
  const { part, stock, locale } = props;
  const t = useCartTranslations(locale);
  const from = t('from', { producer: part.producerName });
  return (
    <section className="card cart-part" aria-label={from}>
      <h2>{from}</h2>
      <ul className="cart-lines">
        {part.lines.map((line) => (
          <CartLineRow key={line.productId} line={line} locale={locale} stock={stock[line.productId] ?? 0} />
        ))}
      </ul>
      <dl className="part-totals">
        <dt>{t('subtotal')}</dt>
        <dd>{formatVnd(part.subtotal, locale)}</dd>
        <dt>{t('shipping')}</dt>
        <dd>{deliveryFeeText(part.shipping, locale)}</dd>
      </dl>
    </section>
  );
}
