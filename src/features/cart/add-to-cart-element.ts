/**
 * <ocop-add-to-cart>: the product page's stepper and button (AddToCart.astro) on the browser's cart ($cart,
 * shared with the header's count), with the rules of ./cart.ts. Disabled until the saved cart has been read.
 */
import type { Locale } from '~/lib/i18n/locales';
import { translator, type Messages } from '~/lib/i18n/translate';
import { addToCart, quantityOf, roomFor } from './cart';
import { $cart, $cartLoaded, updateCart } from './cart-store';

class AddToCartElement extends HTMLElement {
  private quantity = 1;
  private added: number | null = null;
  private unsubscribe: (() => void)[] = [];
  private t!: (key: string, values?: Record<string, string | number>) => string;

  private get productId() {
    return this.dataset.productId ?? '';
  }

  private get stock() {
    return Number(this.dataset.stock ?? 0);
  }

  private get room() {
    return roomFor($cart.get(), this.productId, this.stock);
  }

  /** The quantity to add: what the shopper chose, kept within what the cart can still take. */
  private get wanted() {
    return Math.max(1, Math.min(this.quantity, this.room || 1));
  }

  connectedCallback() {
    const messages = JSON.parse(this.dataset.messages ?? '{}') as Messages;
    this.t = translator(messages)(this.dataset.locale as Locale);
    for (const step of this.querySelectorAll<HTMLButtonElement>('[data-step]'))
      step.addEventListener('click', () => {
        this.quantity = Math.max(1, Math.min(this.room, this.wanted + Number(step.dataset.step)));
        this.render();
      });
    this.input.addEventListener('input', () => {
      const n = Number.parseInt(this.input.value, 10);
      this.quantity = Number.isFinite(n) ? Math.max(1, Math.min(n, this.room)) : 1;
      this.render();
    });
    this.querySelector('.add-button')!.addEventListener('click', () => this.add());
    this.unsubscribe = [$cart.subscribe(() => this.render()), $cartLoaded.subscribe(() => this.render())];
  }

  disconnectedCallback() {
    for (const stop of this.unsubscribe) stop();
  }

  private get input() {
    return this.querySelector('input')!;
  }

  private add() {
    if (this.room === 0) return;
    const wanted = this.wanted;
    updateCart((cart) => addToCart(cart, this.productId, wanted, this.stock));
    this.added = wanted;
    this.quantity = 1;
    this.render();
  }

  private render() {
    if (!this.t) return;
    const loaded = $cartLoaded.get();
    const room = this.room;
    const wanted = this.wanted;
    const [decrease, increase] = this.querySelectorAll<HTMLButtonElement>('[data-step]');
    decrease!.disabled = !loaded || room === 0 || wanted <= 1;
    increase!.disabled = !loaded || room === 0 || wanted >= room;
    this.input.disabled = !loaded || room === 0;
    this.input.max = String(Math.max(1, room));
    if (this.input.value !== String(wanted)) this.input.value = String(wanted);
    this.querySelector<HTMLButtonElement>('.add-button')!.disabled = !loaded || room === 0;
    this.renderStatus(room);
  }

  private renderStatus(room: number) {
    const status = this.querySelector('.add-status')!;
    const inCart = quantityOf($cart.get(), this.productId);
    if (this.added !== null) {
      const link = document.createElement('a');
      link.href = this.dataset.cartHref ?? '/cart';
      link.textContent = this.t('viewCart');
      status.replaceChildren(`${this.t('added', { n: this.added })} `, link);
    } else if (inCart > 0) {
      status.textContent = `${this.t('inYourCart', { n: inCart })}${room === 0 ? ` · ${this.t('maxReached')}` : ''}`;
    } else status.textContent = '';
  }
}

if (!customElements.get('ocop-add-to-cart')) customElements.define('ocop-add-to-cart', AddToCartElement);
