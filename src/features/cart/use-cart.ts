/**
 * The cart for an island. Until the island has hydrated it reports the empty, not-yet-ready cart the server
 * rendered: React keeps server-rendered attributes (disabled, hidden) that differ on hydration, so the first
 * client render must match the server's, and the real cart arrives in the render after.
 */
import { useEffect, useState } from 'react';
import { useStore } from '@nanostores/react';
import { EMPTY_CART, type Cart } from './cart';
import { $cart, $cartLoaded } from './cart-store';

export function useCart(): { cart: Cart; ready: boolean } {
  const cart = useStore($cart);
  const loaded = useStore($cartLoaded);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const ready = hydrated && loaded;
  return { cart: ready ? cart : EMPTY_CART, ready };
}
