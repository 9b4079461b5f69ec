/**
 * The terms a programme adds to its rules, as provinces and trade-promotion agencies write them: rates by the
 * producer's history (its count of earlier supported participations) and by the fair's repetition, rates by where
 * the fair is (its area class), limits on participations per fair, per year and over a lifetime, how the money
 * flows (upfront discount or reimbursement on documents) and whether VAT is part of the subsidy base.
 * Pure: no I/O. The engine (`subsidyFor` in ./subsidies.ts) applies them and explains each step.
 */
import { z } from 'zod';
import { addProblem, problem, type FieldProblems } from './problems';

const BASIS_POINTS = 10_000;
const rateBp = z
  .number({ error: 'field.number' })
  .int({ error: 'rule.rateStep' })
  .min(0, { error: 'rule.rateRange' })
  .max(BASIS_POINTS, { error: 'rule.rateRange' });
const count = z
  .number({ error: 'field.number' })
  .int({ error: 'field.whole' })
  .min(1, { error: problem('field.min', 1) });

/** Where a fair is held, as the promoter classes it; Vietnamese programmes pay up to 100% in the first four. */
export const AREA_CLASSES = ['mountain', 'border', 'island', 'disadvantaged', 'other'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

/** One step of a rate table: from the n-th to the m-th (inclusive; null = and after), at most this rate. */
export const rateStepSchema = z.object({ from: count, to: count.nullable().default(null), rateBp });
export type RateStep = z.infer<typeof rateStepSchema>;

/** How the money flows: the producer pays only its share, or pays in full and is repaid on documents. */
export const MONEY_FLOWS = ['upfront', 'reimbursement'] as const;
export type MoneyFlow = (typeof MONEY_FLOWS)[number];

export const programmeTermsSchema = z.object({
  flow: z.enum(MONEY_FLOWS, { error: 'terms.flow' }).default('upfront'),
  /** Whether VAT on the eligible items counts in the subsidy base (false: the base is the price before VAT). */
  vatInBase: z.boolean().default(true),
  /** Rate ceilings by the producer's participation number (1 = its first supported participation). */
  historySteps: z
    .array(rateStepSchema)
    .max(10, { error: problem('field.maxItems', 10) })
    .default([]),
  /** Rate ceilings by the fair's edition (1 = first time the fair is held). */
  repetitionSteps: z
    .array(rateStepSchema)
    .max(10, { error: problem('field.maxItems', 10) })
    .default([]),
  /** A rate per area class replacing the rule's rate at fairs of that class (e.g. 100% in mountain areas). */
  areaRates: z.partialRecord(z.enum(AREA_CLASSES, { error: 'terms.area' }), rateBp).default({}),
  /** Supported participations (booths) per producer: at one fair, in one calendar year, over its lifetime. */
  maxPerFair: count.nullable().default(null),
  maxPerYear: count.nullable().default(null),
  maxLifetime: count.nullable().default(null),
});
export type ProgrammeTerms = z.infer<typeof programmeTermsSchema>;
export type ProgrammeTermsInput = z.input<typeof programmeTermsSchema>;

/** Terms of a programme that sets none: upfront discount, VAT in the base, no tables, no participation limits. */
export const DEFAULT_TERMS: ProgrammeTerms = programmeTermsSchema.parse({});

/**
 * Steps that overlap or leave a gap, or that do not start at 1, as field errors (`<field>.<index>.from`); the
 * last step must be open-ended so every participation has a rate.
 */
export function stepProblems(steps: readonly RateStep[], field: string): FieldProblems {
  const problems: FieldProblems = {};
  let expected = 1;
  steps.forEach((step, index) => {
    if (step.to !== null && step.to < step.from)
      addProblem(problems, `${field}.${index}.to`, 'terms.stepReversed');
    else if (step.from < expected)
      addProblem(problems, `${field}.${index}.from`, problem('terms.stepOverlap', expected));
    else if (step.from > expected)
      addProblem(problems, `${field}.${index}.from`, problem('terms.stepGap', expected));
    else if (step.to === null && index < steps.length - 1)
      addProblem(problems, `${field}.${index}.to`, 'terms.stepOpenNotLast');
    expected = step.to === null ? Number.POSITIVE_INFINITY : step.to + 1;
  });
  const last = steps.at(-1);
  if (last && last.to !== null) addProblem(problems, `${field}.${steps.length - 1}.to`, 'terms.stepNotOpen');
  return problems;
}

/** Cross-field problems of a programme's terms: both rate tables must cover 1, 2, 3, … without overlap or gap. */
export function termsProblems(terms: ProgrammeTerms): FieldProblems {
  return {
    ...stepProblems(terms.historySteps, 'historySteps'),
    ...stepProblems(terms.repetitionSteps, 'repetitionSteps'),
  };
}

/** The step covering the n-th participation or edition; null when the table is empty (no ceiling). */
export function stepFor(steps: readonly RateStep[], n: number): RateStep | null {
  return steps.find((step) => n >= step.from && (step.to === null || n <= step.to)) ?? null;
}

/** How a fair quotes its prices: without VAT, or with VAT included, at a rate in basis points (800 = 8%). */
export const VAT_MODES = ['none', 'excluded', 'included'] as const;
export type VatMode = (typeof VAT_MODES)[number];
export const VAT_RATES = [0, 500, 800, 1_000] as const;
export interface FairPricing {
  vatMode: VatMode;
  vatRateBp: number;
}
export const NO_VAT: FairPricing = { vatMode: 'none', vatRateBp: 0 };

/**
 * Splits a quoted amount into net + VAT = gross, in whole đồng. Prices quoted without VAT get VAT on top (rounded
 * down); prices that include VAT are split with the net rounded up, so the VAT (what the base can leave out) is
 * never overstated. 'none' means the fair charges no VAT.
 */
export function vatSplit(amount: number, pricing: FairPricing): { net: number; vat: number; gross: number } {
  if (pricing.vatMode === 'none' || pricing.vatRateBp === 0) return { net: amount, vat: 0, gross: amount };
  const rate = BigInt(pricing.vatRateBp);
  const scale = BigInt(BASIS_POINTS);
  if (pricing.vatMode === 'excluded') {
    const vat = Number((BigInt(amount) * rate) / scale);
    return { net: amount, vat, gross: amount + vat };
  }
  const gross = BigInt(amount);
  const net = Number((gross * scale + (scale + rate) - 1n) / (scale + rate));
  return { net, vat: amount - net, gross: amount };
}

/** Priority on a tie of submission instants: women-owned businesses and social enterprises first (Decree 80/2021). */
export interface PriorityFacts {
  womenOwned?: boolean;
  socialEnterprise?: boolean;
}

/** 2 for a producer with both priority facts, 1 for one, 0 for none. */
export function priorityOf(facts: PriorityFacts): number {
  return (facts.womenOwned ? 1 : 0) + (facts.socialEnterprise ? 1 : 0);
}

/** Grant order: earlier submission first; on the same instant, higher priority first; then the id, stably. */
export function compareSubmissions(
  a: { submittedAt: Date; priority: number; id: string },
  b: { submittedAt: Date; priority: number; id: string },
): number {
  const byTime = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
