/** The header's cart link with the number of items, shared with every other cart island through $cart. */
import type { Locale } from '~/lib/i18n/locales';
import { cartCount } from './cart';
import { useCart } from './use-cart';
import { useCartTranslations } from './messages';
import './cart.css';

interface Props {
  locale: Locale;
  href: string;
}

export default function CartLink({ locale, href }: Props) {
  const t = useCartTranslations(locale);
  const count = cartCount(useCart().cart);
  return (
    <a className="cart-link" href={href} aria-label={t('cartWithCount', { n: count })}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4ZM3 2h2.6l3.1 11.2a1 1 0 0 0 1 .8h8.7a1 1 0 0 0 1-.8L21 6H6.6L6 4H3V2Z"
        />
      </svg>
      <span className="cart-link-label">{t('cart')}</span>
      <span className="cart-count" data-testid="cart-count" hidden={count === 0}>
        {count}
      </span>
    </a>
  );
}
