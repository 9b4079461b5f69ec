/** The totals of a priced cart (subtotal, delivery, total), as the cart page and the checkout summary show them. */
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { deliveryFeeText } from './delivery';
import { useCartTranslations } from './messages';
import type { PricedOrder } from './pricing';

interface Props {
  order: Pick<PricedOrder, 'subtotal' | 'shipping' | 'total'>;
  locale: Locale;
  /** Test id of the grand total. */
  totalTestId: string;
}

export default function SummaryTotals({ order, locale, totalTestId }: Props) {
  const t = useCartTranslations(locale);
  return (
    <dl className="summary-totals">
      <dt>{t('subtotal')}</dt>
      <dd>{formatVnd(order.subtotal, locale)}</dd>
      <dt>{t('shipping')}</dt>
      <dd>{deliveryFeeText(order.shipping, locale)}</dd>
      <dt className="grand">{t('total')}</dt>
      <dd className="grand" data-testid={totalTestId}>
        {formatVnd(order.total, locale)}
      </dd>
    </dl>
  );
}
