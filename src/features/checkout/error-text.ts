/**
 * Checkout's messages as the shopper reads them: field errors and action errors arrive as message codes, and the
 * limits they name (field lengths, units per product, Stripe's card amounts) are filled in from the rules, so a
 * message never states a limit the rules do not apply.
 */
import { THROTTLES } from '~/features/accounts/accounts';
import { MAX_QUANTITY_PER_LINE } from '~/features/cart/cart';
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { CHECKOUT_FIELD_LIMITS, STRIPE_VND_LIMITS } from './checkout';
import { useCheckoutTranslations } from './messages';

/**
 * A translator for checkout's message codes, with the values an issue carries (a product's name in both languages);
 * a code that is not in the dictionary reads as "invalid input".
 */
export function checkoutErrorText(locale: Locale): (code: string, params?: unknown) => string {
  const t = useCheckoutTranslations(locale);
  const limits = {
    cardMin: formatVnd(STRIPE_VND_LIMITS.min, locale),
    cardMax: formatVnd(STRIPE_VND_LIMITS.max, locale),
    maxQuantity: MAX_QUANTITY_PER_LINE,
    nameMax: CHECKOUT_FIELD_LIMITS.name,
    communeMax: CHECKOUT_FIELD_LIMITS.commune,
    streetMax: CHECKOUT_FIELD_LIMITS.street,
    noteMax: CHECKOUT_FIELD_LIMITS.note,
    // The longest a throttled shopper waits (the island does not see the exact Retry-After).
    checkoutRetryMinutes: THROTTLES.checkoutAddress.windowSeconds / 60,
  };
  return (code, params) =>
    t.has(code) ? t(code, { ...limits, ...issueValues(params, locale) }) : t('invalidInput');
}

/** The values of an issue's params the messages use: a product's name, in the page's language. */
function issueValues(params: unknown, locale: Locale): { product?: string } {
  const product = (params as { product?: unknown } | undefined)?.product;
  const name =
    product && typeof product === 'object' ? (product as Record<string, unknown>)[locale] : undefined;
  return typeof name === 'string' ? { product: name } : {};
}
