/**
 * The console's HTML forms as zod schemas: flat fields (and repeated fields for rows) in, the feature's own
 * shapes (Fair, Booth[], SubsidyProgramme) out. They work without JavaScript; Astro Actions parse them.
 * Pure: no I/O.
 */
import { z } from 'zod';
import { PRODUCER_KINDS } from '~/features/catalog/catalog';
import { optionalUuidField, uuidField } from '~/lib/ids';
import { fairSchema, type Fair } from './fairs';
import { boothSchema, BOOTH_TYPES, PRICING_MODES, type Booth } from './floor-plan';
import {
  COST_KINDS,
  percentToBasisPoints,
  subsidyProgrammeSchema,
  subsidyRuleSchema,
  type SubsidyProgramme,
  type SubsidyRule,
} from './subsidies';
import { parseTermsForm, termsFormSlot, termsFromFormData } from './terms-form';

/** How many rule slots the policy form shows. */
export const RULE_SLOTS = 4;
/** How many cancellation tiers the fair form shows. */
export const TIER_SLOTS = 3;

// Ids are UUIDs we issued, parsed strictly (src/lib/ids.ts): a malformed one is a field error, never a query.
const id = uuidField('fair.notFound');
const optionalId = optionalUuidField('fair.notFound');
const optionalProgrammeId = optionalUuidField('unknownProblem');

/** The fair form: the fair's fields, the programme as a select ('' = none) and tier rows as repeated fields. */
export const fairFormSchema = fairSchema
  .omit({ cancellationTiers: true, programmeId: true })
  .extend({
    fairId: optionalId,
    programmeId: optionalProgrammeId,
    tierFrom: z.array(z.string().trim()).max(TIER_SLOTS).default([]),
    tierPercent: z.array(z.string().trim()).max(TIER_SLOTS).default([]),
  })
  .transform((form, ctx) => {
    const tiers: { from: string; feePercent: number }[] = [];
    for (let i = 0; i < Math.max(form.tierFrom.length, form.tierPercent.length); i++) {
      const from = form.tierFrom[i] ?? '';
      const percent = form.tierPercent[i] ?? '';
      if (!from && !percent) continue;
      if (!from || !percent) {
        ctx.addIssue({ code: 'custom', path: [`cancellationTiers.${i}.from`], message: 'tier.incomplete' });
        continue;
      }
      const parsed = fairSchema.shape.cancellationTiers
        .unwrap()
        .element.safeParse({ from, feePercent: Number(percent) });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: 'custom',
            path: [`cancellationTiers.${i}.${String(issue.path[0])}`],
            message: issue.message,
          });
        continue;
      }
      tiers.push(parsed.data);
    }
    const { fairId, tierFrom: _f, tierPercent: _p, ...fair } = form;
    return { fairId, fair: { ...fair, cancellationTiers: tiers } };
  });

/** The floor-plan form: one row per booth as repeated fields; rows with an empty code are ignored. */
export const floorPlanFormSchema = z
  .object({
    fairId: id,
    code: z.array(z.string()).max(2_000),
    x: z.array(z.string()),
    y: z.array(z.string()),
    width: z.array(z.string()),
    depth: z.array(z.string()),
    openSides: z.array(z.string()),
    type: z.array(z.string()),
    zone: z.array(z.string()),
    pricing: z.array(z.string()),
    price: z.array(z.string()),
    openSidePremium: z.array(z.string()),
    sale: z.array(z.string()),
  })
  .transform((form, ctx) => {
    const booths: Booth[] = [];
    form.code.forEach((code, i) => {
      if (!code.trim()) return;
      const number = (values: string[]) => {
        const text = (values[i] ?? '').trim();
        return text === '' ? Number.NaN : Number(text);
      };
      const parsed = boothSchema.safeParse({
        code,
        x: number(form.x),
        y: number(form.y),
        width: number(form.width),
        depth: number(form.depth),
        openSides: number(form.openSides),
        type: form.type[i],
        zone: form.zone[i] ?? '',
        pricing: form.pricing[i],
        price: number(form.price),
        openSidePremium: (form.openSidePremium[i] ?? '').trim() === '' ? 0 : number(form.openSidePremium),
        blocked: form.sale[i] === 'blocked',
      });
      if (parsed.success) booths.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: 'custom',
            path: [`booths.${i}.${String(issue.path[0])}`],
            message: issue.message,
          });
    });
    return { fairId: form.fairId, booths };
  });

/** What the fair form's fields show, by field name (tier rows as repeated fields). */
export type FairFormValues = Partial<Record<keyof Fair | 'tierFrom' | 'tierPercent', unknown>>;

/** A new fair's form: a mid-size hall, a 30-minute hold and no charges. */
export const NEW_FAIR_VALUES: FairFormValues = {
  holdMinutes: 30,
  hallWidth: 40,
  hallDepth: 30,
  serviceFee: 0,
  decorationFee: 0,
  electricityFee: 0,
};

/** What the fair form shows again after a refused submission: the values as typed. */
export function submittedFairValues(form: FormData): FairFormValues {
  return {
    ...Object.fromEntries(form),
    needsApproval: form.has('needsApproval'),
    tierFrom: form.getAll('tierFrom'),
    tierPercent: form.getAll('tierPercent'),
  };
}

/** One row of the plan editor: a booth's fields as the inputs show them. */
export type PlanFormRow = Record<keyof Booth, string | number | boolean>;

/** The plan editor's columns in table order; `sale` is the booth's `blocked` field ("sale" or "blocked"). */
export const PLAN_FORM_FIELDS = [
  'code',
  'x',
  'y',
  'width',
  'depth',
  'openSides',
  'type',
  'zone',
  'pricing',
  'price',
  'openSidePremium',
  'sale',
] as const;

const boothField = (field: (typeof PLAN_FORM_FIELDS)[number]): keyof Booth =>
  field === 'sale' ? 'blocked' : field;

/** The booth rows the plan editor shows (existing booths, then blank rows to add). */
export function planFormRows(booths: readonly Booth[], blank: number): PlanFormRow[] {
  const empty = {
    code: '',
    x: '',
    y: '',
    width: '',
    depth: '',
    openSides: 1,
    type: BOOTH_TYPES[0],
    zone: '',
    pricing: PRICING_MODES[0],
    price: '',
    openSidePremium: 0,
    blocked: false,
  };
  return [...booths.map((b) => ({ ...b })), ...Array.from({ length: blank }, () => ({ ...empty }))];
}

/** The rows the plan editor shows again after a refused submission: what was typed, row by row. */
export function submittedPlanRows(form: FormData): PlanFormRow[] {
  return form
    .getAll('code')
    .map(
      (_, i) =>
        Object.fromEntries(
          PLAN_FORM_FIELDS.map((field) => [
            boothField(field),
            field === 'sale' ? form.getAll('sale')[i] === 'blocked' : String(form.getAll(field)[i] ?? ''),
          ]),
        ) as PlanFormRow,
    );
}

/** The first problem of a row of the plan editor (problems keyed `booths.<row>.<field>`), if any. */
export function planRowProblem(problems: Readonly<Record<string, string>>, row: number): string | undefined {
  return PLAN_FORM_FIELDS.map((field) => problems[`booths.${row}.${boothField(field)}`]).find(Boolean);
}

const ruleSlot = z
  .object({
    label: z.string().trim().max(120).nullish(),
    rate: z.string().trim().nullish(),
    minStars: z.string().nullish(),
    kinds: z.array(z.enum(PRODUCER_KINDS, { error: 'rule.kind' })).default([]),
    provinces: z.string().nullish(),
    disadvantagedOnly: z.boolean().default(false),
    items: z.array(z.enum(COST_KINDS, { error: 'rule.items' })).default([]),
    minCost: z.number({ error: 'field.number' }).nullish(),
    capPerBooking: z.number({ error: 'field.number' }).nullish(),
  })
  .optional();

/** The policy form: programme fields and RULE_SLOTS rule slots (rule1 … rule4); a slot without a name is unused. */
export const policyFormSchema = z
  .object({
    programmeId: optionalProgrammeId,
    name: z.string(),
    budget: z.number({ error: 'field.number' }).nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    maxProducers: z.number({ error: 'field.number' }).nullable(),
    capPerProducerPerFair: z.number({ error: 'field.number' }).nullable(),
    capPerProducerPerPeriod: z.number({ error: 'field.number' }).nullable(),
    maxFairsPerProducer: z.number({ error: 'field.number' }).nullable(),
    disadvantagedCommunes: z.string().max(20_000).nullish(),
    terms: termsFormSlot,
    rule1: ruleSlot,
    rule2: ruleSlot,
    rule3: ruleSlot,
    rule4: ruleSlot,
  })
  .transform((form, ctx) => {
    const rules: SubsidyRule[] = [];
    const slots = [form.rule1, form.rule2, form.rule3, form.rule4];
    slots.forEach((slot, i) => {
      const field = (name: string) => `rule${i + 1}.${name}`;
      if (!slot?.label) return;
      const rateBp = percentToBasisPoints(slot.rate ?? '');
      if (rateBp === null) {
        ctx.addIssue({ code: 'custom', path: [field('rate')], message: 'field.number' });
        return;
      }
      const parsed = subsidyRuleSchema.safeParse({
        label: slot.label,
        rateBp,
        minStars: slot.minStars ? Number(slot.minStars) : null,
        producerKinds: slot.kinds,
        provinces: (slot.provinces ?? '').split(/[\s,]+/).filter(Boolean),
        disadvantagedOnly: slot.disadvantagedOnly,
        eligibleItems: slot.items,
        minCost: slot.minCost ?? 0,
        capPerBooking: slot.capPerBooking ?? null,
      });
      if (parsed.success) rules.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: 'custom',
            path: [
              field(
                issue.path[0] === 'rateBp'
                  ? 'rate'
                  : issue.path[0] === 'eligibleItems'
                    ? 'items'
                    : String(issue.path[0]),
              ),
            ],
            message: issue.message,
          });
    });
    const terms = parseTermsForm(form.terms);
    for (const issue of terms.issues)
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    const parsed = subsidyProgrammeSchema.safeParse({
      terms: terms.terms,
      name: form.name,
      budget: form.budget ?? Number.NaN,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      maxProducers: form.maxProducers,
      capPerProducerPerFair: form.capPerProducerPerFair,
      capPerProducerPerPeriod: form.capPerProducerPerPeriod,
      maxFairsPerProducer: form.maxFairsPerProducer,
      disadvantagedCommunes: (form.disadvantagedCommunes ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      rules,
    });
    if (!parsed.success || terms.issues.length > 0) {
      for (const issue of parsed.error?.issues ?? []) {
        // A missing rule is reported on the first slot, where the promoter types it.
        const path =
          issue.path[0] === 'rules'
            ? rules.length === 0 && slots.every((s) => !s?.label)
              ? 'rule1.label'
              : null
            : String(issue.path[0]);
        if (path) ctx.addIssue({ code: 'custom', path: [path], message: issue.message });
      }
      return z.NEVER;
    }
    return { programmeId: form.programmeId, programme: parsed.data };
  });

/** What the policy form shows again after a refused submission: the typed values, as far as they parse. */
export function policyValues(form: FormData): Partial<SubsidyProgramme> {
  const text = (name: string) => String(form.get(name) ?? '');
  const number = (name: string) => (text(name).trim() === '' ? null : Number(text(name)));
  const rules: SubsidyRule[] = [];
  for (let i = 1; i <= RULE_SLOTS; i++) {
    const n = `rule${i}`;
    rules.push({
      label: text(`${n}.label`),
      rateBp: percentToBasisPoints(text(`${n}.rate`)) ?? 0,
      minStars: ([3, 4, 5] as const).find((s) => String(s) === text(`${n}.minStars`)) ?? null,
      producerKinds: form
        .getAll(`${n}.kinds`)
        .map(String)
        .filter((k): k is SubsidyRule['producerKinds'][number] =>
          (PRODUCER_KINDS as readonly string[]).includes(k),
        ),
      provinces: text(`${n}.provinces`)
        .split(/[\s,]+/)
        .filter(Boolean),
      disadvantagedOnly: form.has(`${n}.disadvantagedOnly`),
      eligibleItems: form
        .getAll(`${n}.items`)
        .map(String)
        .filter((k): k is SubsidyRule['eligibleItems'][number] =>
          (COST_KINDS as readonly string[]).includes(k),
        ),
      minCost: number(`${n}.minCost`) ?? 0,
      capPerBooking: number(`${n}.capPerBooking`),
    });
  }
  return {
    name: text('name'),
    budget: number('budget') ?? undefined,
    periodStart: text('periodStart'),
    periodEnd: text('periodEnd'),
    maxProducers: number('maxProducers'),
    capPerProducerPerFair: number('capPerProducerPerFair'),
    capPerProducerPerPeriod: number('capPerProducerPerPeriod'),
    maxFairsPerProducer: number('maxFairsPerProducer'),
    disadvantagedCommunes: text('disadvantagedCommunes')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    terms: termsFromFormData(form),
    rules,
  };
}
