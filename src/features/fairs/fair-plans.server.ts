/**
 * Fairs and their floor plans: creating, editing, publishing and copying a fair; saving its plan (a booth with an
 * active booking keeps its place) and reading the plan with each booth's state now.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { boothBookings, booths as boothsTable, fairs as fairsTable } from '~/lib/db/schema-fairs';
import { ACTIVE_STATUSES, boothState, type PlanBooth } from './booking';
import { expireLapsed } from './booking-moves.server';
import {
  duplicateFair,
  fairFields,
  fairOver,
  fairProblems,
  fairSlug,
  type Fair,
  type FairStatus,
  type FairView,
} from './fairs';
import { boothRent, floorPlanProblems, type Booth } from './floor-plan';
import type { FieldProblems } from './problems';
import {
  fail,
  fairView,
  findFair,
  findProgramme,
  hasProblems,
  ok,
  type BoothRow,
  type FairsContext,
  type Result,
} from './store.server';
import { vietnamDay } from '~/lib/i18n';

/** The active bookings (held, pending, approved, confirmed) of a fair's booths. */
async function activeBookings(db: Database, fairId: string) {
  return db
    .select({
      boothId: boothBookings.boothId,
      status: boothBookings.status,
      expiresAt: boothBookings.expiresAt,
      producerId: boothBookings.producerId,
    })
    .from(boothBookings)
    .where(and(eq(boothBookings.fairId, fairId), inArray(boothBookings.status, [...ACTIVE_STATUSES])));
}

/** A fair may only draw on a programme of its own province. */
async function programmeProblem(
  db: Database,
  provinceId: string,
  programmeId: string | null,
): Promise<FieldProblems> {
  if (programmeId === null) return {};
  const programme = await findProgramme(db, programmeId);
  return programme && programme.provinceId === provinceId ? {} : { programmeId: 'fair.programmeUnknown' };
}

/** Inserts a fair (its slug from the English name and the id) as a draft. */
async function insertFair(
  db: Database,
  provinceId: string,
  input: Fair,
  by: string | null,
): Promise<FairView> {
  const id = randomUUID();
  const [row] = await db
    .insert(fairsTable)
    .values({ id, slug: fairSlug(input.nameEn, id.slice(0, 6)), provinceId, createdBy: by, ...input })
    .returning();
  return fairView(row!);
}

/** Creates a draft fair of a province. */
async function createFair(
  { db, now }: FairsContext,
  provinceId: string,
  input: Fair,
  by: string | null,
): Promise<Result<FairView>> {
  const problems = {
    ...fairProblems(input, vietnamDay(now())),
    ...(await programmeProblem(db, provinceId, input.programmeId)),
  };
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  return ok(await insertFair(db, provinceId, input, by));
}

/** Edits a fair; its programme cannot change once booths are held or booked. */
async function updateFair({ db, now }: FairsContext, id: string, input: Fair): Promise<Result<FairView>> {
  const current = await findFair(db, id);
  if (!current) return fail('NOT_FOUND', 'fair.notFound');
  const problems = {
    ...fairProblems(input, vietnamDay(now()), current),
    ...(await programmeProblem(db, current.provinceId, input.programmeId)),
  };
  if (current.programmeId !== input.programmeId && (await activeBookings(db, current.id)).length > 0) {
    problems['programmeId'] ??= 'fair.programmeLocked';
  }
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  const [row] = await db.update(fairsTable).set(input).where(eq(fairsTable.id, current.id)).returning();
  return ok(fairView(row!));
}

/** Publishes a fair (it needs a booth for sale and must not be over), takes it back to draft, or cancels it. */
async function setFairStatus(
  { db, now }: FairsContext,
  id: string,
  status: FairStatus,
): Promise<Result<FairView>> {
  const fair = await findFair(db, id);
  if (!fair) return fail('NOT_FOUND', 'fair.notFound');
  if (status === 'published') {
    const plan = await db.select().from(boothsTable).where(eq(boothsTable.fairId, fair.id));
    if (!plan.some((b) => !b.blocked)) return fail('BAD_REQUEST', 'invalid', { status: 'fair.noBooths' });
    if (fairOver(fair, now())) return fail('BAD_REQUEST', 'invalid', { status: 'fair.over' });
  }
  const [row] = await db.update(fairsTable).set({ status }).where(eq(fairsTable.id, fair.id)).returning();
  return ok(fairView(row!));
}

/** Copies a fair with its plan as a draft, the start of the next edition. */
async function copyFair({ db }: FairsContext, id: string, by: string | null): Promise<Result<FairView>> {
  const fair = await findFair(db, id);
  if (!fair) return fail('NOT_FOUND', 'fair.notFound');
  return db.transaction(async (tx) => {
    const copy = await insertFair(tx, fair.provinceId, duplicateFair(fairFields(fairView(fair))), by);
    const plan = await tx.select().from(boothsTable).where(eq(boothsTable.fairId, fair.id));
    if (plan.length)
      await tx.insert(boothsTable).values(plan.map((b) => ({ ...b, id: randomUUID(), fairId: copy.id })));
    return ok(copy);
  });
}

/** The fairs of a province, or every published one, by start day and name. */
async function listFairs(
  { db }: FairsContext,
  filter: { provinceId?: string; publishedOnly?: boolean },
): Promise<FairView[]> {
  const conditions = [];
  if (filter.provinceId) conditions.push(eq(fairsTable.provinceId, filter.provinceId));
  if (filter.publishedOnly) conditions.push(eq(fairsTable.status, 'published'));
  const rows = await db
    .select()
    .from(fairsTable)
    .where(and(...conditions))
    .orderBy(asc(fairsTable.startsOn), asc(fairsTable.nameVi));
  return rows.map(fairView);
}

/** Whether a booth keeps its place, size and price in a new plan. */
function sameBooth(old: BoothRow, next: Booth): boolean {
  const fields = [
    'x',
    'y',
    'width',
    'depth',
    'openSides',
    'pricing',
    'price',
    'openSidePremium',
    'blocked',
  ] as const;
  return fields.every((field) => old[field] === next[field]);
}

/** Why a new plan cannot replace the stored one: it changes or removes a booth that is held or booked. */
function bookedBoothProblems(existing: BoothRow[], booked: Set<string>, plan: Booth[]): FieldProblems {
  const byCode = new Map(existing.map((b) => [b.code, b]));
  const locked: FieldProblems = {};
  plan.forEach((booth, i) => {
    const old = byCode.get(booth.code);
    if (old && booked.has(old.id) && !sameBooth(old, booth))
      locked[`booths.${i}.code`] = `booth.booked|${booth.code}`;
  });
  for (const old of existing) {
    if (booked.has(old.id) && !plan.some((b) => b.code === old.code))
      locked['booths'] ??= `booth.removeBooked|${old.code}`;
  }
  return locked;
}

/** Replaces a fair's plan. Booths keep their id by code; a booth with an active booking cannot be removed or changed. */
async function saveFloorPlan(
  { db }: FairsContext,
  fairId: string,
  plan: Booth[],
): Promise<Result<{ booths: number }>> {
  const fair = await findFair(db, fairId);
  if (!fair) return fail('NOT_FOUND', 'fair.notFound');
  const problems = floorPlanProblems({ width: fair.hallWidth, depth: fair.hallDepth }, plan);
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(boothsTable).where(eq(boothsTable.fairId, fair.id));
    const booked = new Set((await activeBookings(tx, fair.id)).map((a) => a.boothId));
    const locked = bookedBoothProblems(existing, booked, plan);
    if (hasProblems(locked)) return fail('BAD_REQUEST', 'invalid', locked);
    const byCode = new Map(existing.map((b) => [b.code, b]));
    const kept = new Set<string>();
    for (const booth of plan) {
      const old = byCode.get(booth.code);
      if (old) {
        kept.add(old.id);
        await tx.update(boothsTable).set(booth).where(eq(boothsTable.id, old.id));
      } else {
        await tx.insert(boothsTable).values({ id: randomUUID(), fairId: fair.id, ...booth });
      }
    }
    const removed = existing.filter((b) => !kept.has(b.id)).map((b) => b.id);
    if (removed.length) await tx.delete(boothsTable).where(inArray(boothsTable.id, removed));
    return ok({ booths: plan.length });
  });
}

/** The plan with each booth's state now (lapsed holds of the fair are released first). */
async function floorPlan(ctx: FairsContext, fairId: string): Promise<PlanBooth[]> {
  await expireLapsed(ctx, fairId);
  const rows = await ctx.db
    .select()
    .from(boothsTable)
    .where(eq(boothsTable.fairId, fairId))
    .orderBy(asc(boothsTable.code));
  const byBooth = new Map((await activeBookings(ctx.db, fairId)).map((b) => [b.boothId, b]));
  const at = ctx.now();
  return rows.map((b) => {
    const booking = byBooth.get(b.id) ?? null;
    return {
      ...b,
      rent: boothRent(b),
      state: boothState(b, booking, at),
      producerId: booking?.producerId ?? null,
    };
  });
}

/** The fairs-and-floor-plans service bound to a context. */
export function fairPlanService(ctx: FairsContext) {
  return {
    createFair: (provinceId: string, input: Fair, by: string | null) =>
      createFair(ctx, provinceId, input, by),
    updateFair: (id: string, input: Fair) => updateFair(ctx, id, input),
    setFairStatus: (id: string, status: FairStatus) => setFairStatus(ctx, id, status),
    copyFair: (id: string, by: string | null) => copyFair(ctx, id, by),
    getFair: async (idOrSlug: string): Promise<FairView | undefined> => {
      const row = await findFair(ctx.db, idOrSlug);
      return row && fairView(row);
    },
    listFairs: (filter: { provinceId?: string; publishedOnly?: boolean }) => listFairs(ctx, filter),
    /** Field problems of a fair form on today's date (and, when editing, against the stored fair); writes nothing. */
    fairFormProblems: async (input: Fair, fairId: string | null): Promise<FieldProblems> => {
      const previous = fairId ? await findFair(ctx.db, fairId) : undefined;
      return fairProblems(input, vietnamDay(ctx.now()), previous);
    },
    /** Field problems of a floor plan for a fair: geometry against its hall; writes nothing. */
    floorPlanFormProblems: async (fairId: string, plan: Booth[]): Promise<FieldProblems> => {
      const fair = await findFair(ctx.db, fairId);
      if (!fair) return { fairId: 'fair.notFound' };
      return floorPlanProblems({ width: fair.hallWidth, depth: fair.hallDepth }, plan);
    },
    saveFloorPlan: (fairId: string, plan: Booth[]) => saveFloorPlan(ctx, fairId, plan),
    floorPlan: (fairId: string) => floorPlan(ctx, fairId),
  };
}
