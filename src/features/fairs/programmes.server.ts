/**
 * Subsidy programmes (a province's policies): creating and editing them, reading them. Editing moves the caps in
 * force onto the usage rows, whose CHECKs then refuse a cap below what is already granted.
 */
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { checkViolation } from '~/lib/db/errors';
import { subsidyFairUsage, subsidyProducerUsage, subsidyProgrammes } from '~/lib/db/schema-fairs';
import type { ProgrammeView } from './applicants';
import {
  fail,
  findProgramme,
  hasProblems,
  ok,
  programmeColumns,
  programmeView,
  type FairsContext,
  type Result,
} from './store.server';
import { programmeProblems, type SubsidyProgramme } from './subsidies';

/** Creates a programme for a province. */
async function createProgramme(
  { db }: FairsContext,
  provinceId: string,
  input: SubsidyProgramme,
  by: string | null,
): Promise<Result<ProgrammeView>> {
  const problems = programmeProblems(input);
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  const [row] = await db
    .insert(subsidyProgrammes)
    .values({ id: randomUUID(), provinceId, createdBy: by, ...programmeColumns(input) })
    .returning();
  return ok(programmeView(row!));
}

/** Edits a programme; a budget or cap below what is already earmarked or committed is a field problem. */
async function updateProgramme(
  { db }: FairsContext,
  id: string,
  input: SubsidyProgramme,
): Promise<Result<ProgrammeView>> {
  const problems = programmeProblems(input);
  if (hasProblems(problems)) return fail('BAD_REQUEST', 'invalid', problems);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(subsidyProgrammes)
        .set(programmeColumns(input))
        .where(eq(subsidyProgrammes.id, id))
        .returning();
      if (!row) return fail('NOT_FOUND', 'programme.notFound');
      // Caps in force travel with the usage rows, so their CHECKs refuse a cap below what is already granted.
      await tx
        .update(subsidyProducerUsage)
        .set({ cap: input.capPerProducerPerPeriod, maxFairs: input.maxFairsPerProducer })
        .where(eq(subsidyProducerUsage.programmeId, id));
      await tx
        .update(subsidyFairUsage)
        .set({ cap: input.capPerProducerPerFair })
        .where(eq(subsidyFairUsage.programmeId, id));
      return ok(programmeView(row));
    });
  } catch (error) {
    const constraint = checkViolation(error);
    if (constraint)
      return fail('BAD_REQUEST', 'invalid', { [constraintField(constraint)]: 'programme.belowGranted' });
    throw error;
  }
}

/** The form field a broken CHECK constraint of the pool or the usage rows stands for. */
function constraintField(constraint: string): string {
  if (constraint.includes('pool') || constraint.includes('budget')) return 'budget';
  if (constraint.includes('producers_within')) return 'maxProducers';
  if (constraint.includes('fair_usage')) return 'capPerProducerPerFair';
  if (constraint.includes('usage_fairs')) return 'maxFairsPerProducer';
  return 'capPerProducerPerPeriod';
}

/** The programmes of a province, latest period first. */
async function listProgrammes({ db }: FairsContext, provinceId: string): Promise<ProgrammeView[]> {
  const rows = await db
    .select()
    .from(subsidyProgrammes)
    .where(eq(subsidyProgrammes.provinceId, provinceId))
    .orderBy(desc(subsidyProgrammes.periodStart));
  return rows.map(programmeView);
}

/** The programmes service bound to a context. */
export function programmeService(ctx: FairsContext) {
  return {
    createProgramme: (provinceId: string, input: SubsidyProgramme, by: string | null) =>
      createProgramme(ctx, provinceId, input, by),
    updateProgramme: (id: string, input: SubsidyProgramme) => updateProgramme(ctx, id, input),
    getProgramme: async (id: string): Promise<ProgrammeView | undefined> => {
      const row = await findProgramme(ctx.db, id);
      return row && programmeView(row);
    },
    listProgrammes: (provinceId: string) => listProgrammes(ctx, provinceId),
  };
}
