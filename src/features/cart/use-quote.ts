/**
 * The cart priced by the server, for the cart page and the checkout summary. Whenever the cart changes, asks the
 * checkout.quote action; if live stock no longer covers a line, fits the cart to it (cart.ts's fitToStock) and
 * reports what changed, so the shopper never meets the shortage only at the end.
 */
import { useEffect, useState } from 'react';
import { actions } from 'astro:actions';
import { fitToStock, type Cart, type StockAdjustment } from './cart';
import { updateCart } from './cart-store';
import type { PricedOrder } from './pricing';

export type QuoteState =
  { state: 'idle' } | { state: 'loading' } | { state: 'priced'; order: PricedOrder } | { state: 'error' };

export function useQuote(cart: Cart, loaded: boolean): { quote: QuoteState; adjustments: StockAdjustment[] } {
  const [quote, setQuote] = useState<QuoteState>({ state: 'idle' });
  const [adjustments, setAdjustments] = useState<StockAdjustment[]>([]);
  const key = JSON.stringify(cart.lines);

  useEffect(() => {
    if (!loaded) return;
    if (cart.lines.length === 0) {
      setQuote({ state: 'idle' });
      return;
    }
    let current = true;
    setQuote((q) => (q.state === 'priced' ? q : { state: 'loading' }));
    actions.checkout
      .quote({ lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) })
      .then(
        ({ data, error }) => {
          if (!current) return;
          if (error || !data) {
            setQuote({ state: 'error' });
            return;
          }
          if (data.ok) {
            setQuote({ state: 'priced', order: data.order });
            return;
          }
          // Fit the cart to what is left; the effect runs again for the new cart.
          const fitted = fitToStock(cart, new Map(Object.entries(data.stock)));
          if (fitted.adjustments.length === 0) {
            setQuote({ state: 'error' });
            return;
          }
          setAdjustments(fitted.adjustments);
          updateCart(() => fitted.cart);
        },
        () => current && setQuote({ state: 'error' }),
      );
    return () => {
      current = false;
    };
    // The cart's lines, serialised as `key`, are the only input that matters.
  }, [key, loaded]);

  return { quote, adjustments };
}
