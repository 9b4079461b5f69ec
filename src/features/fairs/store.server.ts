/**
 * What the fairs services share: their context (database, the catalogue's producers, the clock), the result shape
 * they answer with, and the stored rows read and turned into the views of the pure modules. Row types stay in
 * this room: pages and actions only ever see FairView, ProgrammeView, BookingView and PlanBooth.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import type { Payments } from '~/lib/stripe/types';
import { parseUuid, parseUuidOrSlug } from '~/lib/ids';
import {
  boothBookings,
  booths as boothsTable,
  fairs as fairsTable,
  subsidyProgrammes,
} from '~/lib/db/schema-fairs';
import type { ProducerFacts, ProgrammeView } from './applicants';
import type { BookingView } from './booking';
import type { CancellationTier, FairView } from './fairs';
import type { FieldProblems } from './problems';
import type { CostItem, ExplanationLine, SubsidyProgramme, SubsidyRule } from './subsidies';
import { programmeTermsSchema } from './terms';

/** The catalogue's facts about a producer, by id (undefined when the catalogue does not know it). */
export type ProducerDirectory = (producerId: string) => ProducerFacts | undefined;

/** What every fairs service works with. */
export interface FairsContext {
  db: Database;
  producers: ProducerDirectory;
  now: () => Date;
  /** How long a hold waits for a clock that does not move before its grant pass includes its own instant. */
  settleMs?: number;
  /** Sends the refunds a move recorded (a cancelled card booking); absent = card payments not configured. */
  payments?: Payments | null;
  /** Timed work on the job queue; absent = holds lapse only by the worker's sweep and by page reads. */
  timers?: BookingTimers | null;
}

/** Work a booking asks for at a later instant, run by the background worker (docs/notifications.md). */
export interface BookingTimers {
  /** A booking got an expiry (a hold placed, an approval): its release at that instant, and its reminder. */
  expiryScheduled(booking: { id: string; since: Date; expiresAt: Date }): Promise<void>;
  /** A booking lapsed with a Checkout Session: expire the session at Stripe so a late payment cannot land. */
  sessionLapsed(sessionId: string): Promise<void>;
}

export type Failure = {
  ok: false;
  code: 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT';
  fields: FieldProblems;
  message: string;
};
export type Result<T> = { ok: true; value: T } | Failure;

/** A refusal: its code, a problem key as message, and the field problems (if any). */
export const fail = (code: Failure['code'], message: string, fields: FieldProblems = {}): Failure => ({
  ok: false,
  code,
  message,
  fields,
});
/** A success carrying its value. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Whether a set of field problems refuses the input. */
export const hasProblems = (problems: FieldProblems): boolean => Object.keys(problems).length > 0;

export type FairRow = typeof fairsTable.$inferSelect;
export type BoothRow = typeof boothsTable.$inferSelect;
export type BookingRow = typeof boothBookings.$inferSelect;
export type ProgrammeRow = typeof subsidyProgrammes.$inferSelect;

/** A stored fair as the pure module's FairView (tiers parsed, names as Localized). */
export function fairView(row: FairRow): FairView {
  const {
    nameVi,
    nameEn,
    descriptionVi,
    descriptionEn,
    createdBy: _by,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = row;
  return {
    ...rest,
    name: { vi: nameVi, en: nameEn },
    description: { vi: descriptionVi, en: descriptionEn },
    cancellationTiers: row.cancellationTiers as CancellationTier[],
  };
}

/** A stored programme as the pure module's ProgrammeView (rules and communes parsed). */
export function programmeView(row: ProgrammeRow): ProgrammeView {
  const { createdBy: _by, createdAt: _c, updatedAt: _u, ...rest } = row;
  return {
    ...rest,
    rules: row.rules as SubsidyRule[],
    disadvantagedCommunes: row.disadvantagedCommunes as string[],
    terms: programmeTermsSchema.parse(row.terms),
  };
}

/** The columns a programme's policy is stored in. */
export function programmeColumns(input: SubsidyProgramme) {
  return {
    name: input.name,
    budget: input.budget,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    maxProducers: input.maxProducers,
    capPerProducerPerFair: input.capPerProducerPerFair,
    capPerProducerPerPeriod: input.capPerProducerPerPeriod,
    maxFairsPerProducer: input.maxFairsPerProducer,
    rules: input.rules,
    disadvantagedCommunes: input.disadvantagedCommunes,
    terms: input.terms,
  };
}

/** A stored booking as the pure module's BookingView (cost items and explanation parsed). */
export function bookingView(row: BookingRow): BookingView {
  return {
    ...row,
    costItems: row.costItems as CostItem[],
    explanation: row.explanation as ExplanationLine[],
  };
}

/** The fair with this id or slug. */
export async function findFair(db: Database, idOrSlug: string): Promise<FairRow | undefined> {
  // An id or slug of the wrong shape (a control character, a stray space) finds nothing without a query.
  if (parseUuidOrSlug(idOrSlug) === null) return undefined;
  const [row] = await db
    .select()
    .from(fairsTable)
    .where(sql`${fairsTable.id} = ${idOrSlug} or ${fairsTable.slug} = ${idOrSlug}`);
  return row;
}

/** The programme with this id. */
export async function findProgramme(db: Database, id: string): Promise<ProgrammeRow | undefined> {
  if (parseUuid(id) === null) return undefined;
  const [row] = await db.select().from(subsidyProgrammes).where(eq(subsidyProgrammes.id, id));
  return row;
}

/** The booth with this id. */
export async function findBooth(db: Database, id: string): Promise<BoothRow | undefined> {
  if (parseUuid(id) === null) return undefined;
  const [row] = await db.select().from(boothsTable).where(eq(boothsTable.id, id));
  return row;
}

/** The booking with this id. */
export async function findBooking(db: Database, id: string): Promise<BookingRow | undefined> {
  if (parseUuid(id) === null) return undefined;
  const [row] = await db.select().from(boothBookings).where(eq(boothBookings.id, id));
  return row;
}
