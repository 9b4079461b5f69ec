/**
 * The subsidy policy model: cost items, rules and programmes as zod schemas (what a promoter may write), their
 * cross-field problems, and the percent ↔ basis-point helpers of the forms. Pure: no I/O.
 */
import { z } from 'zod';
import { PRODUCER_KINDS } from '~/features/catalog/catalog';
import { addProblem, problem, type FieldProblems } from './problems';
import { DEFAULT_TERMS, programmeTermsSchema, termsProblems } from './terms';

/** What a booth booking costs, item by item; a rule says which items it subsidises. */
export const COST_KINDS = ['rent', 'service', 'decoration', 'electricity'] as const;
export type CostKind = (typeof COST_KINDS)[number];
export interface CostItem {
  kind: CostKind;
  amount: number;
}

const BASIS_POINTS = 10_000;
const money = z
  .number({ error: 'field.number' })
  .int({ error: 'field.wholeDong' })
  .nonnegative({ error: 'field.negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'field.tooLarge' });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });

/** One rule: who is eligible, at what rate, for which cost items, from what minimum cost, up to what per booking. */
export const subsidyRuleSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, { error: 'field.required' })
    .max(120, { error: problem('field.maxLength', 120) }),
  /** Rate in basis points: 5000 = 50%, 10000 = 100%. */
  rateBp: z
    .number({ error: 'field.number' })
    .int({ error: 'rule.rateStep' })
    .min(0, { error: 'rule.rateRange' })
    .max(BASIS_POINTS, { error: 'rule.rateRange' }),
  /** The producer needs a valid certified product with at least this many stars (null = no star condition). */
  minStars: z
    .union([z.literal(3), z.literal(4), z.literal(5)])
    .nullable()
    .default(null),
  /** Producer kinds eligible; empty = every kind. */
  producerKinds: z.array(z.enum(PRODUCER_KINDS, { error: 'rule.kind' })).default([]),
  /** Provinces eligible (catalogue ids); empty = every province. */
  provinces: z.array(z.string().min(1)).default([]),
  /** Only producers located in a commune listed as disadvantaged (mountain, remote, coastal-poor). */
  disadvantagedOnly: z.boolean().default(false),
  eligibleItems: z.array(z.enum(COST_KINDS, { error: 'rule.items' })).min(1, { error: 'rule.items' }),
  /** The eligible cost must reach this amount for the rule to apply. */
  minCost: money.default(0),
  capPerBooking: money.nullable().default(null),
});
export type SubsidyRule = z.infer<typeof subsidyRuleSchema>;
export type SubsidyRuleInput = z.input<typeof subsidyRuleSchema>;

/** A subsidy programme: a budget pool over a period, limits, and its rules in the order the promoter listed them. */
export const subsidyProgrammeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'field.required' })
    .max(160, { error: problem('field.maxLength', 160) }),
  budget: money.min(1, { error: 'programme.budget' }),
  periodStart: isoDay,
  periodEnd: isoDay,
  /** How many producers may be supported in the period (e.g. 34); null = no limit. */
  maxProducers: z
    .number({ error: 'field.number' })
    .int({ error: 'field.whole' })
    .min(1, { error: problem('field.min', 1) })
    .nullable()
    .default(null),
  capPerProducerPerFair: money.nullable().default(null),
  capPerProducerPerPeriod: money.nullable().default(null),
  /** How many fairs a producer may be supported at in the period; null = no limit. */
  maxFairsPerProducer: z
    .number({ error: 'field.number' })
    .int({ error: 'field.whole' })
    .min(1, { error: problem('field.min', 1) })
    .nullable()
    .default(null),
  /** Communes the province lists as disadvantaged (mountain, remote, coastal-poor), as written in the catalogue. */
  disadvantagedCommunes: z
    .array(z.string().trim().min(1))
    .max(500, { error: problem('field.maxItems', 500) })
    .default([]),
  /** History, area, participation, money-flow and VAT terms (./terms.ts). */
  terms: programmeTermsSchema.default(DEFAULT_TERMS),
  rules: z
    .array(subsidyRuleSchema)
    .min(1, { error: 'programme.noRules' })
    .max(12, { error: problem('field.maxItems', 12) }),
});
export type SubsidyProgramme = z.infer<typeof subsidyProgrammeSchema>;
export type SubsidyProgrammeInput = z.input<typeof subsidyProgrammeSchema>;

/** Cross-field problems of a programme the schema cannot see (a reversed period). */
export function programmeProblems(programme: SubsidyProgramme): FieldProblems {
  const problems: FieldProblems = {};
  if (programme.periodEnd < programme.periodStart)
    addProblem(problems, 'periodEnd', 'programme.periodReversed');
  for (const [field, text] of Object.entries(termsProblems(programme.terms ?? DEFAULT_TERMS)))
    addProblem(problems, `terms.${field}`, text);
  return problems;
}

/** Parses a percentage typed by a promoter ("50", "37.5", "12,25") into basis points; null when not a rate. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp;
}

/** Formats basis points as a percentage: 5000 → "50", 3750 → "37.5". */
export function basisPointsToPercent(bp: number): string {
  return String(bp / 100);
}
