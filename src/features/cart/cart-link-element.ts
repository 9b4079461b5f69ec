/**
 * <ocop-cart-link>: keeps the header's cart link (CartLink.astro) showing the number of items in the browser's
 * cart. Subscribes to $cart, which the other cart islands on the page change and other tabs update through
 * storage events; nanostores alone, no UI framework.
 */
import type { Locale } from '~/lib/i18n/locales';
import { translator, type Messages } from '~/lib/i18n/translate';
import { cartCount } from './cart';
import { $cart } from './cart-store';

class CartLinkElement extends HTMLElement {
  private unsubscribe: (() => void) | undefined;

  connectedCallback() {
    const link = this.querySelector('a')!;
    const badge = this.querySelector<HTMLElement>('.cart-count')!;
    const messages = JSON.parse(this.dataset.messages ?? '{}') as Messages;
    const t = translator(messages)(this.dataset.locale as Locale);
    this.unsubscribe = $cart.subscribe((cart) => {
      const count = cartCount(cart);
      link.setAttribute('aria-label', t('cartWithCount', { n: count }));
      badge.textContent = String(count);
      badge.hidden = count === 0;
    });
  }

  disconnectedCallback() {
    this.unsubscribe?.();
  }
}

if (!customElements.get('ocop-cart-link')) customElements.define('ocop-cart-link', CartLinkElement);
