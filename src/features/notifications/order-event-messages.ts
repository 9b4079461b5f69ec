/**
 * The shopper's messages after an order is placed: a part shipped (carrier and tracking) or cancelled (the reason,
 * and what happens to the money), and a card payment that failed or timed out (what became of the order, what to
 * do). Links go to the look-up page or the cart, never to the order's key.
 */
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { useNotificationsTranslations } from './messages';
import { layOut, pageUrl, type BuiltMessage } from './notifications';
import type { PlacedLine } from './order-messages';

/** The order as the shopper's messages need it. */
export interface ShopperOrder {
  number: string;
  email: string;
  contactName: string;
  locale: Locale;
  paymentMethod: 'card' | 'cod';
  total: number;
}

/** A producer's part of the order after its move. */
export type PartEvent =
  | { kind: 'shipped'; producerName: string; carrier: string; trackingNumber: string; lines: PlacedLine[] }
  | { kind: 'cancelled'; producerName: string; reason: string; lines: PlacedLine[] };

function lineList(lines: PlacedLine[], locale: Locale): string[] {
  const t = useNotificationsTranslations(locale);
  return lines.map((line) =>
    t('line', {
      quantity: line.quantity,
      name: line.name[locale],
      amount: formatVnd(line.unitPrice * line.quantity, locale),
    }),
  );
}

/** The shopper's message about one part shipped or cancelled by its producer, in the order's language. */
export function partEventMessage(order: ShopperOrder, part: PartEvent, site: string): BuiltMessage {
  const { locale } = order;
  const t = useNotificationsTranslations(locale);
  const shipped = part.kind === 'shipped';
  const intro = shipped
    ? t('shippedIntro', {
        producer: part.producerName,
        number: order.number,
        carrier: part.carrier,
        tracking: part.trackingNumber,
      })
    : t('partCancelledIntro', {
        producer: part.producerName,
        number: order.number,
        reason: part.reason.trim() || t('booth.noReason'),
      });
  const money =
    order.paymentMethod === 'card'
      ? shipped
        ? []
        : [t('partCancelledRefund')]
      : [shipped ? t('shippedCash') : t('partCancelledCash')];
  return {
    kind: shipped ? 'order-part-shipped' : 'order-part-cancelled',
    recipient: order.email,
    subject: t(shipped ? 'shippedSubject' : 'partCancelledSubject', { number: order.number }),
    ...layOut({
      locale,
      name: order.contactName,
      paragraphs: [intro, t('partItems')],
      list: lineList(part.lines, locale),
      after: [...money, t('orderLookupHint', { number: order.number })],
      link: { label: t('orderAction'), href: pageUrl(site, '/orders/lookup', locale) },
    }),
  };
}

/** The shopper's message when the card payment of an order failed or its Checkout Session expired. */
export function paymentLapsedMessage(
  order: ShopperOrder,
  outcome: 'failed' | 'expired',
  site: string,
): BuiltMessage {
  const { locale } = order;
  const t = useNotificationsTranslations(locale);
  return {
    kind: `order-payment-${outcome}`,
    recipient: order.email,
    subject: t(`payment.subject.${outcome}`, { number: order.number }),
    ...layOut({
      locale,
      name: order.contactName,
      paragraphs: [
        t(`payment.${outcome}`, { number: order.number, amount: formatVnd(order.total, locale) }),
        t('payment.outcome'),
        t('payment.next'),
      ],
      link: { label: t('payment.action'), href: pageUrl(site, '/cart', locale) },
    }),
  };
}
