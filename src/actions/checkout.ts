/**
 * Checkout actions, called by the cart and checkout islands (JSON). Thin: the input schema comes from the
 * checkout feature (strict, so a browser-sent price is a field error), the work from its service; the server
 * prices everything from the database. Bad input → 400 with field errors and nothing written.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import {
  availabilityInputSchema,
  checkoutInputSchema,
  checkoutIssues,
  quoteInputSchema,
  type CheckoutInput,
  type ReturnUrls,
} from '~/features/checkout/checkout';
import { noteRetryAfter } from '~/lib/boundary/retry-after';
import { getAccounts, getCheckout } from '~/services.server';
import { addressOf } from './accounts';
import { localizedPath } from '~/lib/i18n';

export const checkout = {
  /** Prices cart lines from the database: parts per producer, totals, and units in stock (nothing is written). */
  quote: defineAction({
    input: quoteInputSchema,
    handler: async (input) => {
      const quote = await unexpectedAs503(async () => (await service()).quote(input.lines));
      return quote.ok
        ? { ok: true as const, order: quote.order }
        : { ok: false as const, issues: quote.issues, stock: quote.stock };
    },
  }),

  /** Live price and stock of products (the product page's offer island refreshes with it after adding). */
  availability: defineAction({
    input: availabilityInputSchema,
    handler: (input) => unexpectedAs503(async () => (await service()).availability(input.productIds)),
  }),

  /** Places an order: cash on delivery at once, or a card order with its Stripe Checkout URL to go to. */
  placeOrder: defineAction({
    // Unknown, withdrawn or short lines and Stripe's amount limits are field errors too (400, nothing written).
    input: checkoutInputSchema.superRefine(async (input, ctx) => {
      let quote;
      try {
        quote = await (await service()).quote(input.lines);
      } catch {
        return; // The database is unreachable: the handler answers 503.
      }
      for (const issue of checkoutIssues(input, quote)) ctx.addIssue({ code: 'custom', ...issue });
    }),
    handler: async (input, context) => {
      await refuseWhenThrottled(context);
      const customerId = context.locals.user?.id ?? null;
      const result = await unexpectedAs503(async () =>
        (await service()).placeOrder(input, { customerId, urls: returnUrls(context, input) }),
      );
      if (result.ok) {
        const orderUrl = orderPath(input.locale, result);
        return {
          number: result.number,
          payment: result.payment,
          redirectUrl: result.redirectUrl ?? orderUrl,
          orderUrl,
        };
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

/**
 * Counts an order attempt from this address (THROTTLES.checkoutAddress) and refuses it with a 429 and Retry-After
 * once the address has placed too many; only attempts that passed the input checks count.
 */
async function refuseWhenThrottled(context: ActionAPIContext): Promise<void> {
  const verdict = await unexpectedAs503(async () =>
    (await getAccounts()).throttle.hit('checkoutAddress', addressOf(context)),
  );
  if (verdict.allowed) return;
  noteRetryAfter(context.request, verdict.retryAfter);
  throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: 'throttled' });
}

/** The service, or a 503 the page can explain (database unreachable) instead of a 500. */
async function service() {
  try {
    return await getCheckout();
  } catch {
    throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: 'serviceUnavailable' });
  }
}

/** Runs a step; an error nobody expected (database gone mid-request) is logged and answered 503, never 500. */
async function unexpectedAs503<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ActionError) throw error;
    console.error('[checkout] request failed:', error instanceof Error ? error.message : error);
    throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: 'serviceUnavailable' });
  }
}

function orderPath(locale: CheckoutInput['locale'], order: { number: string; accessKey: string }): string {
  return `${localizedPath(`/orders/${order.number}`, locale)}?key=${encodeURIComponent(order.accessKey)}`;
}

/** Stripe's return links point at this site's origin, in the shopper's language. */
function returnUrls(context: ActionAPIContext, input: CheckoutInput): ReturnUrls {
  const origin = context.url.origin;
  return {
    success: (order) => `${origin}${orderPath(input.locale, order)}&session_id={CHECKOUT_SESSION_ID}`,
    cancel: (order) =>
      `${origin}${localizedPath('/checkout', input.locale)}?cancelled=${encodeURIComponent(order.number)}&key=${encodeURIComponent(order.accessKey)}`,
    absolute: (path) => new URL(path, origin).href,
  };
}
