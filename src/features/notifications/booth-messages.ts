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

/**
 * When a hold's reminder goes: once a quarter of its time is left (a 30-minute hold at 7½ minutes left, a 72-hour
 * approval at 18 hours left), late enough that the producer has had time to pay unprompted, early enough to still
 * pay. Holds shorter than 15 minutes get none: the producer is still at the booking screen.
 */
export const HOLD_REMINDER = { shareLeft: 0.25, minimumHoldMinutes: 15 };

/** The instant of a hold's reminder, or null when the hold is too short for one. */
export function holdReminderAt(
  startedAt: Date,
  expiresAt: Date,
  rule: { shareLeft: number; minimumHoldMinutes: number } = HOLD_REMINDER,
): Date | null {
  const length = expiresAt.getTime() - startedAt.getTime();
  if (length < rule.minimumHoldMinutes * 60_000 || length <= 0) return null;
  return new Date(expiresAt.getTime() - length * rule.shareLeft);
}

/** The reminder to one producer account that its hold (or approval) runs out soon unless paid. */
export function holdReminderMessage(
  notice: BookingNotice,
  recipient: ProducerRecipient,
  site: string,
): BuiltMessage {
  const { locale } = recipient;
  const t = useNotificationsTranslations(locale);
  const until = notice.expiresAt ? formatDateTime(notice.expiresAt, locale) : '';
  return {
    kind: 'booking-reminder',
    recipient: recipient.email,
    subject: t('reminder.subject', { booth: notice.boothCode, fair: notice.fairName[locale] }),
    ...layOut({
      locale,
      name: recipient.name,
      paragraphs: [
        t('reminder.body', { booth: notice.boothCode, until, pays: formatVnd(notice.producerPays, locale) }),
      ],
      link: { label: t('booth.action'), href: pageUrl(site, `/fairs/bookings/${notice.bookingId}`, locale) },
    }),
  };
}
