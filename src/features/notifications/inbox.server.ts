/**
 * What waits for a producer's or a promoter's action, read from the database on each visit of the dashboard, so a
 * missed e-mail never loses work: new order parts to prepare, applications to decide, booth holds running out.
 */
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { orderParts } from '~/lib/db/schema-commerce';
import { boothBookings, booths, fairs } from '~/lib/db/schema-fairs';

/** A count of things to do, and the page where they are done. */
export interface InboxCount {
  key: 'newParts' | 'pendingApplications';
  n: number;
  path: string;
}

/** A hold or approval that lapses unless paid for. */
export interface ExpiringBooking {
  bookingId: string;
  fairName: { vi: string; en: string };
  boothCode: string;
  expiresAt: Date;
  path: string;
}

export interface InboxView {
  counts: InboxCount[];
  expiring: ExpiringBooking[];
}

const OPEN_HOLDS = ['held', 'approved'] as const;

async function expiringBookings(
  db: Database,
  where: ReturnType<typeof eq>,
  path: (row: { bookingId: string; fairId: string }) => string,
): Promise<ExpiringBooking[]> {
  const rows = await db
    .select({
      bookingId: boothBookings.id,
      fairId: boothBookings.fairId,
      nameVi: fairs.nameVi,
      nameEn: fairs.nameEn,
      boothCode: booths.code,
      expiresAt: boothBookings.expiresAt,
    })
    .from(boothBookings)
    .innerJoin(fairs, eq(fairs.id, boothBookings.fairId))
    .innerJoin(booths, eq(booths.id, boothBookings.boothId))
    .where(and(where, inArray(boothBookings.status, [...OPEN_HOLDS]), isNotNull(boothBookings.expiresAt)))
    .orderBy(asc(boothBookings.expiresAt))
    .limit(5);
  return rows.map((row) => ({
    bookingId: row.bookingId,
    fairName: { vi: row.nameVi, en: row.nameEn },
    boothCode: row.boothCode,
    expiresAt: row.expiresAt!,
    path: path(row),
  }));
}

export function createInbox({ db }: { db: Database }) {
  return {
    /** A producer's: order parts placed and not yet handled, and its holds that will lapse unless paid. */
    async forProducer(producerId: string): Promise<InboxView> {
      const [parts] = await db
        .select({ n: count() })
        .from(orderParts)
        .where(and(eq(orderParts.producerId, producerId), eq(orderParts.status, 'placed')));
      return {
        counts: [{ key: 'newParts', n: Number(parts?.n ?? 0), path: '/producer/orders' }],
        expiring: await expiringBookings(
          db,
          eq(boothBookings.producerId, producerId),
          (row) => `/fairs/bookings/${row.bookingId}`,
        ),
      };
    },
    /** A promoter's: applications to decide in the province's fairs, and holds there about to lapse. */
    async forPromoter(provinceId: string): Promise<InboxView> {
      const [pending] = await db
        .select({ n: count() })
        .from(boothBookings)
        .innerJoin(fairs, eq(fairs.id, boothBookings.fairId))
        .where(and(eq(fairs.provinceId, provinceId), eq(boothBookings.status, 'pending')));
      return {
        counts: [{ key: 'pendingApplications', n: Number(pending?.n ?? 0), path: '/promoter/trade-fairs' }],
        expiring: await expiringBookings(
          db,
          eq(fairs.provinceId, provinceId),
          (row) => `/promoter/trade-fairs/${row.fairId}/bookings`,
        ),
      };
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
