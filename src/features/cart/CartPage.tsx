/**
 * The cart page: lines grouped by producer with quantity steppers limited by live stock, each producer's delivery
 * fee, and the totals, all priced by the server (checkout.quote). Nothing is priced in the browser.
 */
import { formatVnd } from '~/lib/money';
import { localizedPath, type Locale } from '~/lib/i18n';
import type { PricedLine } from '~/features/checkout/checkout';
import { MAX_QUANTITY_PER_LINE, removeLine, setQuantity } from './cart';
import { updateCart } from './cart-store';
import { useCart } from './use-cart';
import { m } from './messages';
import { useQuote } from './use-quote';
import './cart.css';

interface Props {
  locale: Locale;
}

export default function CartPage({ locale }: Props) {
  const { cart, ready: loaded } = useCart();
  const { quote, adjustments } = useQuote(cart, loaded);

  if (!loaded) return <p aria-busy="true">{m(locale, 'loading')}</p>;
  if (cart.lines.length === 0) {
    return (
      <div className="card cart-part">
        <p>{m(locale, 'cartEmpty')}</p>
        <a className="button" href={localizedPath('/products', locale)}>
          {m(locale, 'browseProducts')}
        </a>
        <p>
          <a href={localizedPath('/orders/lookup', locale)}>{m(locale, 'trackOrder')}</a>
        </p>
      </div>
    );
  }

  const notices = adjustments.map((a) => {
    const name =
      quote.state === 'priced'
        ? nameOf(
            quote.order.parts.flatMap((p) => p.lines),
            a.productId,
            locale,
          )
        : a.productId;
    return a.kept === 0 ? m(locale, 'removedGone') : m(locale, 'adjusted', { name, n: a.kept });
  });

  return (
    <div className="cart-layout">
      <div>
        {notices.length > 0 && (
          <div className="cart-notice" role="status">
            {notices.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </div>
        )}
        {quote.state === 'error' && (
          <p className="form-error" role="alert">
            {m(locale, 'quoteFailed')}
          </p>
        )}
        {quote.state !== 'priced' && quote.state !== 'error' && (
          <p aria-busy="true">{m(locale, 'loading')}</p>
        )}
        {quote.state === 'priced' &&
          quote.order.parts.map((part) => (
            <section
              className="card cart-part"
              key={part.producerId}
              aria-label={m(locale, 'from', { producer: part.producerName })}
            >
              <h2>{m(locale, 'from', { producer: part.producerName })}</h2>
              <ul className="cart-lines">
                {part.lines.map((line) => (
                  <CartLineRow
                    key={line.productId}
                    line={line}
                    locale={locale}
                    stock={quote.order.stock[line.productId] ?? 0}
                  />
                ))}
              </ul>
              <dl className="part-totals">
                <dt>{m(locale, 'subtotal')}</dt>
                <dd>{formatVnd(part.subtotal, locale)}</dd>
                <dt>{m(locale, 'shipping')}</dt>
                <dd>{part.shipping === 0 ? m(locale, 'free') : formatVnd(part.shipping, locale)}</dd>
              </dl>
            </section>
          ))}
      </div>
      <aside className="card order-summary" aria-labelledby="cart-summary">
        <h2 id="cart-summary">{m(locale, 'total')}</h2>
        {quote.state === 'priced' && (
          <dl className="summary-totals">
            <dt>{m(locale, 'subtotal')}</dt>
            <dd>{formatVnd(quote.order.subtotal, locale)}</dd>
            <dt>{m(locale, 'shipping')}</dt>
            <dd>
              {quote.order.shipping === 0 ? m(locale, 'free') : formatVnd(quote.order.shipping, locale)}
            </dd>
            <dt className="grand">{m(locale, 'total')}</dt>
            <dd className="grand" data-testid="cart-total">
              {formatVnd(quote.order.total, locale)}
            </dd>
          </dl>
        )}
        <p className="muted">{m(locale, 'shippingNote')}</p>
        <div className="cart-actions">
          <a
            className="button"
            href={localizedPath('/checkout', locale)}
            aria-disabled={quote.state !== 'priced'}
          >
            {m(locale, 'checkout')}
          </a>
          <a href={localizedPath('/products', locale)}>{m(locale, 'continueShopping')}</a>
          <a href={localizedPath('/orders/lookup', locale)}>{m(locale, 'trackOrder')}</a>
        </div>
      </aside>
    </div>
  );
}

function CartLineRow({ line, locale, stock }: { line: PricedLine; locale: Locale; stock: number }) {
  const name = line.name[locale];
  const max = Math.min(stock, MAX_QUANTITY_PER_LINE);
  const set = (n: number) => updateCart((c) => setQuantity(c, line.productId, n, stock));
  return (
    <li className="cart-line">
      {line.imagePath ? <img src={line.imagePath} alt="" width={72} height={72} loading="lazy" /> : <span />}
      <a className="line-name" href={localizedPath(`/products/${line.productId}`, locale)}>
        {name}
        <small>
          {m(locale, 'unitPrice')}: {formatVnd(line.unitPrice, locale)}
        </small>
      </a>
      <span className="line-total">{formatVnd(line.lineTotal, locale)}</span>
      <div className="stepper" role="group" aria-label={m(locale, 'quantityOf', { name })}>
        <button
          type="button"
          onClick={() => set(line.quantity - 1)}
          disabled={line.quantity <= 1}
          aria-label={m(locale, 'decrease')}
        >
          −
        </button>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={line.quantity}
          aria-label={m(locale, 'quantityOf', { name })}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            if (Number.isFinite(n) && n >= 1) set(n);
          }}
        />
        <button
          type="button"
          onClick={() => set(line.quantity + 1)}
          disabled={line.quantity >= max}
          aria-label={m(locale, 'increase')}
        >
          +
        </button>
      </div>
      <button
        type="button"
        className="line-remove"
        onClick={() => updateCart((c) => removeLine(c, line.productId))}
        aria-label={m(locale, 'removeItem', { name })}
      >
        {m(locale, 'remove')}
      </button>
    </li>
  );
}

function nameOf(lines: PricedLine[], productId: string, locale: Locale): string {
  return lines.find((l) => l.productId === productId)?.name[locale] ?? productId;
}
