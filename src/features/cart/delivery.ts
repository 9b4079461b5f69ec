/** How delivery reads in a summary: the fee of a part or an order ("Free" when none), and the rule behind it. */
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { useCartTranslations } from './messages';
import { FREE_SHIPPING_FROM, SHIPPING_FEE_PER_PRODUCER } from './pricing';

/** A delivery fee in đồng, or "Miễn phí" / "Free" when there is none. */
export function deliveryFeeText(amount: number, locale: Locale): string {
  return amount === 0 ? useCartTranslations(locale)('free') : formatVnd(amount, locale);
}

/** The note under the cart's totals, with the fee and the free-delivery threshold in force. */
export function shippingNoteText(locale: Locale): string {
  return useCartTranslations(locale)('shippingNote', {
    fee: formatVnd(SHIPPING_FEE_PER_PRODUCER, locale),
    freeFrom: formatVnd(FREE_SHIPPING_FROM, locale),
  });
}
