/**
 * The message of a booking's move (held, sent for approval, approved, refused, confirmed, cancelled, expired) to
 * the producer's accounts, queued in the outbox in the move's own transaction (docs/notifications.md).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { boothBookings, booths, fairs } from '~/lib/db/schema-fairs';
import { enqueueMessage } from '~/lib/mail/outbox';
import { producerRecipients } from '~/lib/mail/recipients';
import {
  bookingMessage,
  holdReminderMessage,
  isNotifiedBookingStatus,
  type NotifiedBookingStatus,
} from '~/features/notifications/booth-messages';

/** The site's address for links in messages (the `site` of astro.config.mjs). */
const SITE = import.meta.env.SITE ?? 'http://127.0.0.1:4321';

/** Queues the message of the booking's current status, if producers hear about it. Call inside the move's transaction. */
export async function queueBookingNotice(tx: Database, bookingId: string): Promise<void> {
  const found = await noticeOf(tx, bookingId);
  if (!found || !isNotifiedBookingStatus(found.notice.status)) return;
  const { notice, accounts } = found;
  await enqueueMessage(tx, ...accounts.map((account) => bookingMessage(notice, account, SITE)));
}

/** Queues the reminder that the booking runs out soon unless paid. Call inside the reminder's transaction. */
export async function queueReminderNotice(tx: Database, bookingId: string): Promise<void> {
  const found = await noticeOf(tx, bookingId);
  if (!found) return;
  const { notice, accounts } = found;
  await enqueueMessage(tx, ...accounts.map((account) => holdReminderMessage(notice, account, SITE)));
}

/** The booking as its messages need it, and the producer's accounts. */
async function noticeOf(tx: Database, bookingId: string) {
  const [row] = await tx
    .select({ booking: boothBookings, fairVi: fairs.nameVi, fairEn: fairs.nameEn, boothCode: booths.code })
    .from(boothBookings)
    .innerJoin(fairs, eq(fairs.id, boothBookings.fairId))
    .innerJoin(booths, eq(booths.id, boothBookings.boothId))
    .where(eq(boothBookings.id, bookingId));
  if (!row) return undefined;
  const { booking } = row;
  const accounts = (await producerRecipients(tx, [booking.producerId])).get(booking.producerId) ?? [];
  const notice = {
    bookingId,
    status: booking.status as NotifiedBookingStatus,
    fairName: { vi: row.fairVi, en: row.fairEn },
    boothCode: row.boothCode,
    total: booking.total,
    subsidy: booking.subsidy,
    producerPays: booking.producerPays,
    expiresAt: booking.expiresAt,
    note: booking.note,
    cancellationFee: booking.cancellationFee,
    refund: booking.refund,
  };
  return { notice, accounts };
}
