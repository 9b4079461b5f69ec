/** The messages of a booth booking's moves, to each account of the producer that booked it. */
import { formatDateTime, formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { useNotificationsTranslations } from './messages';
import { layOut, pageUrl, type BuiltMessage } from './notifications';
import type { ProducerRecipient } from './order-messages';

/** The statuses a producer hears about. */
export const NOTIFIED_BOOKING_STATUSES = [
  'held',
  'pending',
  'approved',
  'refused',
  'confirmed',
  'cancelled',
  'expired',
] as const;
export type NotifiedBookingStatus = (typeof NOTIFIED_BOOKING_STATUSES)[number];

export function isNotifiedBookingStatus(status: string): status is NotifiedBookingStatus {
  return (NOTIFIED_BOOKING_STATUSES as readonly string[]).includes(status);
}

/** A booking as its message needs it, after the move to `status`. */
export interface BookingNotice {
  bookingId: string;
  status: NotifiedBookingStatus;
  fairName: { vi: string; en: string };
  boothCode: string;
  total: number;
  subsidy: number;
  producerPays: number;
  expiresAt: Date | null;
  note: string | null;
  cancellationFee: number | null;
  refund: number | null;
}

function mainSentence(notice: BookingNotice, locale: Locale): string {
  const t = useNotificationsTranslations(locale);
  const booth = notice.boothCode;
  const until = notice.expiresAt ? formatDateTime(notice.expiresAt, locale) : '';
  switch (notice.status) {
    case 'approved':
      return notice.expiresAt ? t('booth.approved', { booth, until }) : t('booth.approvedFree', { booth });
    case 'refused':
      return t('booth.refused', { booth, reason: notice.note?.trim() || t('booth.noReason') });
    case 'cancelled':
      return t('booth.cancelled', {
        booth,
        fee: formatVnd(notice.cancellationFee ?? 0, locale),
        refund: formatVnd(notice.refund ?? 0, locale),
      });
    case 'held':
      return t('booth.held', { booth, until });
    default:
      return t(`booth.${notice.status}`, { booth });
  }
}

/** One producer account's message about a booking's move, in the account's language. */
export function bookingMessage(
  notice: BookingNotice,
  recipient: ProducerRecipient,
  site: string,
): BuiltMessage {
  const { locale } = recipient;
  const t = useNotificationsTranslations(locale);
  const fair = notice.fairName[locale];
  const amounts = t('booth.amounts', {
    total: formatVnd(notice.total, locale),
    subsidy: formatVnd(notice.subsidy, locale),
    pays: formatVnd(notice.producerPays, locale),
  });
  const showAmounts = ['held', 'pending', 'approved', 'confirmed'].includes(notice.status);
  return {
    kind: `booking-${notice.status}`,
    recipient: recipient.email,
    subject: t(`booth.subject.${notice.status}`, { booth: notice.boothCode, fair }),
    ...layOut({
      locale,
      name: recipient.name,
      paragraphs: [mainSentence(notice, locale), ...(showAmounts ? [amounts] : [])],
      link: { label: t('booth.action'), href: pageUrl(site, `/fairs/bookings/${notice.bookingId}`, locale) },
    }),
  };
}
