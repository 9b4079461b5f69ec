/**
 * Checkout actions, called by the cart and checkout islands (JSON). Thin: the input schema comes from the
 * checkout feature (strict, so a browser-sent price is a field error), the work from its service; the server
 * prices everything from the database. Bad input → 400 with field errors and nothing written.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'zod';
import { productIdSchema } from '../features/cart/cart';
import { checkoutInputSchema, quoteInputSchema, STRIPE_VND_LIMITS, type CheckoutInput } from '../features/checkout/checkout';
import type { ReturnUrls } from '../features/checkout/checkout.server';
import { getCheckout } from '../features/checkout/instance.server';
import { localizedPath } from '../lib/i18n';

export const checkout = {
  /** Prices cart lines from the database: parts per producer, totals, and units in stock (nothing is written). */
  quote: defineAction({
    input: quoteInputSchema,
    handler: async (input) => {
      const quote = await service().then((s) => s.quote(input.lines));
      return quote.ok ? { ok: true as const, order: quote.order } : { ok: false as const, issues: quote.issues, stock: quote.stock };
    },
  }),

  /** Live price and stock of products (the product page's offer island refreshes with it after adding). */
  availability: defineAction({
    input: z.strictObject({ productIds: z.array(productIdSchema).min(1).max(50) }),
    handler: async (input) => (await service()).availability(input.productIds),
  }),

  /** Places an order: cash on delivery at once, or a card order with its Stripe Checkout URL to go to. */
  placeOrder: defineAction({
    // Unknown, withdrawn or short lines and Stripe's amount limits are field errors too (400, nothing written).
    input: checkoutInputSchema.superRefine(async (input, ctx) => {
      const quote = await (await service()).quote(input.lines);
      if (!quote.ok) {
        for (const issue of quote.issues) {
          const field = issue.problem === 'productUnknown' || issue.problem === 'productUnlisted' ? 'productId' : 'quantity';
          ctx.addIssue({ code: 'custom', path: ['lines', issue.index, field], message: issue.problem });
        }
      } else if (input.payment === 'card') {
        const total = quote.order.total;
        if (total < STRIPE_VND_LIMITS.min) ctx.addIssue({ code: 'custom', path: ['payment'], message: 'cardAmountTooSmall' });
        if (total > STRIPE_VND_LIMITS.max) ctx.addIssue({ code: 'custom', path: ['payment'], message: 'cardAmountTooLarge' });
      }
    }),
    handler: async (input, context) => {
      const result = await (await service()).placeOrder(input, { customerId: context.locals.user?.id ?? null, urls: returnUrls(context, input) });
      if (result.ok) {
        const orderUrl = orderPath(input.locale, result);
        return { number: result.number, payment: result.payment, redirectUrl: result.redirectUrl ?? orderUrl, orderUrl };
      }
      switch (result.reason) {
        case 'lines':
          // Stock ran out between the check above and the order (another shopper was faster).
          throw new ActionError({ code: 'CONFLICT', message: 'stockChanged' });
        case 'cardAmountTooSmall':
        case 'cardAmountTooLarge':
          throw new ActionError({ code: 'BAD_REQUEST', message: result.reason });
        case 'cardUnavailable':
          throw new ActionError({ code: 'BAD_REQUEST', message: 'cardUnavailable' });
        case 'paymentProviderFailed':
          throw new ActionError({ code: 'BAD_GATEWAY', message: 'paymentProviderFailed' });
      }
    },
  }),
};

// Wiring helpers.

function service() {
  return getCheckout().catch(() => {
    throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: 'serviceUnavailable' });
  });
}

function orderPath(locale: CheckoutInput['locale'], order: { number: string; accessKey: string }): string {
  return `${localizedPath(`/orders/${order.number}`, locale)}?key=${encodeURIComponent(order.accessKey)}`;
}

/** Stripe's return links point at this site's origin, in the shopper's language. */
function returnUrls(context: ActionAPIContext, input: CheckoutInput): ReturnUrls {
  const origin = context.url.origin;
  return {
    success: (order) => `${origin}${orderPath(input.locale, order)}&session_id={CHECKOUT_SESSION_ID}`,
    cancel: (order) => `${origin}${localizedPath('/checkout', input.locale)}?cancelled=${encodeURIComponent(order.number)}&key=${encodeURIComponent(order.accessKey)}`,
    absolute: (path) => new URL(path, origin).href,
  };
}
