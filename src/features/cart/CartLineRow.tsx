/** One line of the cart page: photo, name and unit price, line total, a quantity stepper limited by live stock. */
import { formatVnd } from '~/lib/i18n/format';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { localize } from '~/lib/i18n/translate';
import { quantityCap, removeLine, setQuantity } from './cart';
import { updateCart } from './cart-store';
import { useCartTranslations } from './messages';
import type { PricedLine } from './pricing';

interface Props {
  line: PricedLine;
  locale: Locale;
  /** Units in stock when the cart was priced. */
  stock: number;
}

export default function CartLineRow({ line, locale, stock }: Props) {
  const t = useCartTranslations(locale);
  const name = localize(line.name, locale);
  const max = quantityCap(stock);
  const set = (n: number) => updateCart((c) => setQuantity(c, line.productId, n, stock));
  return (
    <li className="cart-line">
      {line.imagePath ? <img src={line.imagePath} alt="" width={72} height={72} loading="lazy" /> : <span />}
      <a className="line-name" href={localizedPath(`/products/${line.productId}`, locale)}>
        {name}
        <small>
          {t('unitPrice')}: {formatVnd(line.unitPrice, locale)}
        </small>
      </a>
      <span className="line-total">{formatVnd(line.lineTotal, locale)}</span>
      <div className="stepper" role="group" aria-label={t('quantityOf', { name })}>
        <button
          type="button"
          onClick={() => set(line.quantity - 1)}
          disabled={line.quantity <= 1}
          aria-label={t('decrease')}
        >
          −
        </button>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={line.quantity}
          aria-label={t('quantityOf', { name })}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            if (Number.isFinite(n) && n >= 1) set(n);
          }}
        />
        <button
          type="button"
          onClick={() => set(line.quantity + 1)}
          disabled={line.quantity >= max}
          aria-label={t('increase')}
        >
          +
        </button>
      </div>
      <button
        type="button"
        className="line-remove"
        onClick={() => updateCart((c) => removeLine(c, line.productId))}
        aria-label={t('removeItem', { name })}
      >
        {t('remove')}
      </button>
    </li>
  );
}
