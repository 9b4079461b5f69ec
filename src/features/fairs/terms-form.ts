/**
 * The terms part of the policy form (fields named terms.<field>): money flow, VAT in the base, a rate per area
 * class, two rate tables of STEP_SLOTS rows (producer history, fair edition) and the participation limits, parsed into
 * ProgrammeTerms with every problem on the field the promoter typed it in. Pure: no I/O.
 */
import { z } from 'zod';
import { percentToBasisPoints } from './policy';
import {
  AREA_CLASSES,
  MONEY_FLOWS,
  programmeTermsSchema,
  rateStepSchema,
  stepProblems,
  type AreaClass,
  type ProgrammeTerms,
  type RateStep,
} from './terms';

/** Rate-table rows the form shows per table. */
export const STEP_SLOTS = 3;
export type TableSlot = 'history' | 'repetition';

const text = z.string().trim().max(20).nullish();
const count = z.number({ error: 'field.number' }).nullish();
const stepRow = z.object({ from: count, to: count, rate: text }).partial().optional();
const slots = (name: TableSlot) =>
  Object.fromEntries(Array.from({ length: STEP_SLOTS }, (_, i) => [`${name}${i + 1}`, stepRow])) as Record<
    string,
    typeof stepRow
  >;

/** The terms fields of the policy form: rate-table rows are slots history1…3 and repetition1…3. */
export const termsFormSlot = z
  .object({
    flow: z.enum(MONEY_FLOWS, { error: 'terms.flow' }).default('upfront'),
    vatInBase: z.boolean().default(false),
    area: z
      .object(Object.fromEntries(AREA_CLASSES.map((a) => [a, text])) as Record<AreaClass, typeof text>)
      .partial()
      .optional(),
    ...slots('history'),
    ...slots('repetition'),
    maxPerFair: count,
    maxPerYear: count,
    maxLifetime: count,
  })
  .partial()
  .optional();
export type TermsForm = z.infer<typeof termsFormSlot>;
type StepRow = z.infer<typeof stepRow>;

type Issue = { path: string; message: string };

/** The steps typed in a table's slots (blank rows skipped), checked for overlaps and gaps on the slot's fields. */
function steps(form: TermsForm, slot: TableSlot, issues: Issue[]): RateStep[] {
  const out: RateStep[] = [];
  const slotOf: number[] = [];
  for (let i = 1; i <= STEP_SLOTS; i++) {
    const row = (form as Record<string, StepRow> | undefined)?.[`${slot}${i}`];
    if (!row || (row.from == null && row.to == null && !row.rate)) continue;
    const path = (f: string) => `terms.${slot}${i}.${f}`;
    const rateBp = percentToBasisPoints(row.rate ?? '');
    if (rateBp === null || rateBp > 10_000) issues.push({ path: path('rate'), message: 'rule.rateRange' });
    const parsed = rateStepSchema.safeParse({
      from: row.from ?? Number.NaN,
      to: row.to ?? null,
      rateBp: rateBp ?? 0,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        issues.push({ path: path(String(issue.path[0])), message: issue.message });
    else if (rateBp !== null && rateBp <= 10_000) {
      out.push(parsed.data);
      slotOf.push(i);
    }
  }
  for (const [field, message] of Object.entries(stepProblems(out, slot))) {
    const [, index, name] = field.split('.');
    issues.push({ path: `terms.${slot}${slotOf[Number(index)]}.${name}`, message });
  }
  return out;
}

/** The terms the form describes, or the issues (each on its form field). */
export function parseTermsForm(form: TermsForm): { terms: ProgrammeTerms; issues: Issue[] } {
  const issues: Issue[] = [];
  const areaRates: Partial<Record<AreaClass, number>> = {};
  for (const area of AREA_CLASSES) {
    const typed = form?.area?.[area];
    if (!typed) continue;
    const bp = percentToBasisPoints(typed);
    if (bp === null || bp > 10_000) issues.push({ path: `terms.area.${area}`, message: 'rule.rateRange' });
    else areaRates[area] = bp;
  }
  const historySteps = steps(form, 'history', issues);
  const repetitionSteps = steps(form, 'repetition', issues);
  const parsed = programmeTermsSchema.safeParse({
    flow: form?.flow ?? 'upfront',
    vatInBase: form?.vatInBase ?? false,
    areaRates,
    historySteps,
    repetitionSteps,
    maxPerFair: form?.maxPerFair ?? null,
    maxPerYear: form?.maxPerYear ?? null,
    maxLifetime: form?.maxLifetime ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ path: `terms.${String(issue.path[0])}`, message: issue.message });
    return { terms: programmeTermsSchema.parse({}), issues };
  }
  return { terms: parsed.data, issues };
}

/** The terms typed in a refused form, read back from its FormData to show it again (as far as they parse). */
export function termsFromFormData(form: FormData): ProgrammeTerms {
  const value = (name: string) => {
    const v = form.get(`terms.${name}`);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const number = (name: string) => (value(name) === null ? null : Number(value(name)));
  const row = (name: string) => ({
    from: number(`${name}.from`),
    to: number(`${name}.to`),
    rate: value(`${name}.rate`),
  });
  const rows = (slot: TableSlot) =>
    Object.fromEntries(
      Array.from({ length: STEP_SLOTS }, (_, i) => [`${slot}${i + 1}`, row(`${slot}${i + 1}`)]),
    );
  return parseTermsForm({
    flow: value('flow') === 'reimbursement' ? 'reimbursement' : 'upfront',
    vatInBase: form.has('terms.vatInBase'),
    area: Object.fromEntries(AREA_CLASSES.map((a) => [a, value(`area.${a}`)])),
    ...rows('history'),
    ...rows('repetition'),
    maxPerFair: number('maxPerFair'),
    maxPerYear: number('maxPerYear'),
    maxLifetime: number('maxLifetime'),
  } as TermsForm).terms;
}
