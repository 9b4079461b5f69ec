/** The messages of an order being placed: one to the shopper, one to each producer with only its own lines. */
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { useNotificationsTranslations } from './messages';
import { layOut, pageUrl, type BuiltMessage } from './notifications';

export interface PlacedLine {
  name: { vi: string; en: string };
  unitPrice: number;
  quantity: number;
}

export interface PlacedPart {
  producerId: string;
  producerName: string;
  lines: PlacedLine[];
}

export interface PlacedOrder {
  number: string;
  email: string;
  contactName: string;
  locale: Locale;
  paymentMethod: 'card' | 'cod';
  shipping: number;
  total: number;
  parts: PlacedPart[];
}

/** A producer account that hears about its part of an order. */
export interface ProducerRecipient {
  email: string;
  name: string;
  locale: Locale;
}

function lineText(line: PlacedLine, locale: Locale): string {
  const t = useNotificationsTranslations(locale);
  return t('line', {
    quantity: line.quantity,
    name: line.name[locale],
    amount: formatVnd(line.unitPrice * line.quantity, locale),
  });
}

/** The shopper's confirmation: every line by producer, the total, how it is paid, the look-up page. */
export function orderPlacedMessage(order: PlacedOrder, site: string): BuiltMessage {
  const { locale } = order;
  const t = useNotificationsTranslations(locale);
  const amount = formatVnd(order.total, locale);
  const list = order.parts.flatMap((part) => [
    t('orderFrom', { producer: part.producerName }),
    ...part.lines.map((line) => `  ${lineText(line, locale)}`),
  ]);
  return {
    kind: 'order-confirmed',
    recipient: order.email,
    subject: t('orderSubject', { number: order.number }),
    ...layOut({
      locale,
      name: order.contactName,
      paragraphs: [
        t('orderIntro', { number: order.number }),
        order.paymentMethod === 'card'
          ? t('orderPaidByCard', { amount })
          : t('orderCashOnDelivery', { amount }),
      ],
      list,
      after: [
        t('orderShipping', { amount: formatVnd(order.shipping, locale) }),
        t('orderTotal', { amount }),
        t('orderLookupHint', { number: order.number }),
      ],
      link: { label: t('orderAction'), href: pageUrl(site, '/orders/lookup', locale) },
    }),
  };
}

/** One producer's notice of a new order: only its own lines and their value, and its orders page. */
export function producerPartMessage(
  order: PlacedOrder,
  part: PlacedPart,
  recipient: ProducerRecipient,
  site: string,
): BuiltMessage {
  const { locale } = recipient;
  const t = useNotificationsTranslations(locale);
  const subtotal = part.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  return {
    kind: 'order-part-placed',
    recipient: recipient.email,
    subject: t('partSubject', { number: order.number }),
    ...layOut({
      locale,
      name: recipient.name,
      paragraphs: [t('partIntro', { number: order.number, producer: part.producerName })],
      list: part.lines.map((line) => lineText(line, locale)),
      after: [t('partSubtotal', { amount: formatVnd(subtotal, locale) })],
      link: { label: t('partAction'), href: pageUrl(site, '/producer/orders', locale) },
    }),
  };
}

/** Every message of a placed order: the shopper's, then one per producer account of each part. */
export function orderPlacedMessages(
  order: PlacedOrder,
  producerAccounts: (producerId: string) => ProducerRecipient[],
  site: string,
): BuiltMessage[] {
  return [
    orderPlacedMessage(order, site),
    ...order.parts.flatMap((part) =>
      producerAccounts(part.producerId).map((recipient) => producerPartMessage(order, part, recipient, site)),
    ),
  ];
}
