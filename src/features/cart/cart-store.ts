/**
 * The cart shared by the islands on a page (header badge, add-to-cart, cart page, checkout) and kept in
 * localStorage, so it survives reloads and follows other tabs. Changes go through the pure functions of ./cart.
 */
import { atom, onMount } from 'nanostores';
import { EMPTY_CART, parseStoredCart, type Cart } from './cart';

const STORAGE_KEY = 'ocop-cart:v1';

export const $cart = atom<Cart>(EMPTY_CART);
/** False until the saved cart has been read (islands show a neutral state rather than "empty" before that). */
export const $cartLoaded = atom(false);

onMount($cart, () => {
  // On the server (islands render there first) there is no saved cart: controls stay disabled until hydrated.
  if (typeof window === 'undefined') return;
  $cart.set(parseStoredCart(readStorage()));
  $cartLoaded.set(true);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) $cart.set(parseStoredCart(event.newValue));
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
});

/** Applies a change (one of cart.ts's functions) and saves the result. */
export function updateCart(change: (cart: Cart) => Cart): Cart {
  // Other tabs' changes arrive through the storage event; before any island subscribed, read the saved cart.
  const current = $cartLoaded.get() ? $cart.get() : parseStoredCart(readStorage());
  const next = change(current);
  $cart.set(next);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full quota: the cart still works for this page.
  }
  return next;
}

/** Empties the cart (after an order is placed). */
export function clearCart(): void {
  updateCart(() => EMPTY_CART);
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
