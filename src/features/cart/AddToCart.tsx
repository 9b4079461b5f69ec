/**
 * The product page's add-to-cart control: a quantity stepper limited by live stock (minus what the cart already
 * holds) and the button. Rendered inside the LiveOffer server island, which passes the stock it just read.
 */
import { useId, useState } from 'react';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { addToCart, quantityOf, roomFor } from './cart';
import { updateCart } from './cart-store';
import { useCart } from './use-cart';
import { useCartTranslations } from './messages';
import './cart.css';

interface Props {
  locale: Locale;
  productId: string;
  /** Units in stock when the page was served. */
  stock: number;
}

export default function AddToCart({ locale, productId, stock }: Props) {
  const t = useCartTranslations(locale);
  const { cart, ready: loaded } = useCart();
  const inCart = quantityOf(cart, productId);
  const room = roomFor(cart, productId, stock);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const id = useId();
  const wanted = Math.max(1, Math.min(quantity, room || 1));

  function add() {
    if (room === 0) return;
    updateCart((c) => addToCart(c, productId, wanted, stock));
    setAdded(wanted);
    setQuantity(1);
  }

  return (
    <div className="add-to-cart">
      <div className="add-row">
        <div className="stepper" role="group" aria-label={t('quantity')}>
          <button
            type="button"
            onClick={() => setQuantity(Math.max(1, wanted - 1))}
            disabled={room === 0 || wanted <= 1}
            aria-label={t('decrease')}
          >
            −
          </button>
          <label className="visually-hidden" htmlFor={id}>
            {t('quantity')}
          </label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, room)}
            value={wanted}
            disabled={room === 0}
            onChange={(e) => {
              const n = Number.parseInt(e.target.value, 10);
              setQuantity(Number.isFinite(n) ? Math.max(1, Math.min(n, room)) : 1);
            }}
          />
          <button
            type="button"
            onClick={() => setQuantity(Math.min(room, wanted + 1))}
            disabled={room === 0 || wanted >= room}
            aria-label={t('increase')}
          >
            +
          </button>
        </div>
        <button type="button" className="button add-button" onClick={add} disabled={!loaded || room === 0}>
          {t('addToCart')}
        </button>
      </div>
      <p className="add-status" role="status" aria-live="polite">
        {added !== null ? (
          <>
            {t('added', { n: added })} <a href={localizedPath('/cart', locale)}>{t('viewCart')}</a>
          </>
        ) : inCart > 0 ? (
          <>
            {t('inYourCart', { n: inCart })}
            {room === 0 ? ` · ${t('maxReached')}` : ''}
          </>
        ) : null}
      </p>
    </div>
  );
}
