/**
 * Subsidy policies and the engine that applies them. A programme (one fair's policy, or a province's yearly
 * programme shared by several fairs) has a budget pool, limits per producer and on the number of producers, and
 * rules; an applicant gets the single most favourable rule, never two stacked. The engine is deterministic,
 * rounds down to whole đồng (so the pool is never overspent) and explains its result line by line.
 * Pure: no I/O. The database enforces the same limits again (see src/lib/db/schema-fairs.ts).
 */
import { z } from 'zod';
import { PRODUCER_KINDS, type ProducerKind, type Stars } from '~/features/catalog/catalog';
import { addProblem, problem, type FieldProblems } from './problems';

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

/** The applicant as the rules see it: built from the catalogue (kind, province, commune, stars) and the account. */
export interface SubsidyApplicant {
  producerId: string;
  kind: ProducerKind;
  provinceId: string;
  disadvantagedCommune: boolean;
  /** Stars of the producer's best product with a valid certification; null when it has none. */
  stars: Stars | null;
}

/** Where the programme stands when the applicant applies, read (under lock) from the pool and the ledger. */
export interface SubsidyStanding {
  /** budget − earmarked − committed */
  poolRemaining: number;
  /** Distinct producers holding an earmark or commitment in the programme. */
  producersSupported: number;
  /** Whether this producer is already among them. */
  producerSupported: boolean;
  /** What this producer already has earmarked or committed at this fair, and in the whole period. */
  producerFairUsed: number;
  producerPeriodUsed: number;
  /** How many fairs of the period this producer is supported at, this fair included if already supported here. */
  producerFairsSupported: number;
}

export type IneligibleReason =
  'stars' | 'kind' | 'province' | 'disadvantaged' | 'noEligibleItems' | 'minCost';
export type LimitReason =
  | 'capPerBooking'
  | 'capPerProducerPerFair'
  | 'capPerProducerPerPeriod'
  | 'maxFairsPerProducer'
  | 'maxProducers'
  | 'budget';

/** One line of the explanation; `key` is a message of ./messages.ts, amounts are whole đồng. */
export type ExplanationLine =
  | { key: 'total'; amount: number }
  | { key: 'ruleEligible'; rule: string; amount: number }
  | { key: 'ruleNotEligible'; rule: string; reason: IneligibleReason; stars?: number; minCost?: number }
  | { key: 'noRule' }
  | { key: 'noRules' }
  | { key: 'chosen'; rule: string; rateBp: number; base: number; amount: number }
  | { key: 'tieBreak'; rule: string }
  | { key: 'limited'; reason: LimitReason; limit: number; amount: number }
  | { key: 'subsidy'; amount: number }
  | { key: 'producerPays'; amount: number };

export type SubsidyOutcome = 'full' | 'partial' | 'none' | 'ineligible';

export interface SubsidyDecision {
  /** Sum of all cost items. */
  total: number;
  /** Index of the rule applied in `programme.rules`; null when no rule applies. */
  ruleIndex: number | null;
  rateBp: number;
  /** What the chosen rule would give before programme limits (after its own cap per booking). */
  entitlement: number;
  subsidy: number;
  producerPays: number;
  /** entitlement − subsidy: what the programme's limits kept back. */
  shortfall: number;
  limitedBy: LimitReason[];
  outcome: SubsidyOutcome;
  lines: ExplanationLine[];
}

/** The sum of cost items, in whole đồng. */
export function totalCost(items: readonly CostItem[]): number {
  return items.reduce((sum, item) => sum + item.amount, 0);
}

/** amount × rate, rounded down to a whole đồng (BigInt, so large amounts stay exact). */
export function applyRate(amount: number, rateBp: number): number {
  return Number((BigInt(amount) * BigInt(rateBp)) / BigInt(BASIS_POINTS));
}

function ineligibility(
  rule: SubsidyRule,
  applicant: SubsidyApplicant,
  eligibleCost: number,
): IneligibleReason | null {
  if (rule.minStars !== null && (applicant.stars === null || applicant.stars < rule.minStars)) return 'stars';
  if (rule.producerKinds.length > 0 && !rule.producerKinds.includes(applicant.kind)) return 'kind';
  if (rule.provinces.length > 0 && !rule.provinces.includes(applicant.provinceId)) return 'province';
  if (rule.disadvantagedOnly && !applicant.disadvantagedCommune) return 'disadvantaged';
  if (eligibleCost <= 0) return 'noEligibleItems';
  if (eligibleCost < rule.minCost) return 'minCost';
  return null;
}

/** What one rule gives for these costs (rate rounded down, then its cap per booking), or why it does not apply. */
export function ruleAmount(
  rule: SubsidyRule,
  applicant: SubsidyApplicant,
  items: readonly CostItem[],
): { eligibleCost: number; raw: number; amount: number; reason: IneligibleReason | null } {
  const eligibleCost = totalCost(items.filter((item) => rule.eligibleItems.includes(item.kind)));
  const reason = ineligibility(rule, applicant, eligibleCost);
  if (reason) return { eligibleCost, raw: 0, amount: 0, reason };
  const raw = applyRate(eligibleCost, rule.rateBp);
  const amount = rule.capPerBooking === null ? raw : Math.min(raw, rule.capPerBooking);
  return { eligibleCost, raw, amount, reason: null };
}

type RuleChoice = { index: number; eligibleCost: number; raw: number; amount: number };

/** Every rule's verdict as explanation lines, and the most favourable rule (ties go to the rule listed first). */
function chooseRule(
  rules: readonly SubsidyRule[],
  applicant: SubsidyApplicant,
  items: readonly CostItem[],
  lines: ExplanationLine[],
): RuleChoice | null {
  let best: RuleChoice | null = null;
  let tied = false;
  rules.forEach((rule, index) => {
    const result = ruleAmount(rule, applicant, items);
    if (result.reason) {
      lines.push({
        key: 'ruleNotEligible',
        rule: rule.label,
        reason: result.reason,
        ...(result.reason === 'stars' && rule.minStars !== null ? { stars: rule.minStars } : {}),
        ...(result.reason === 'minCost' ? { minCost: rule.minCost } : {}),
      });
      return;
    }
    lines.push({ key: 'ruleEligible', rule: rule.label, amount: result.amount });
    if (best === null || result.amount > best.amount) {
      best = { index, ...result };
      tied = false;
    } else if (result.amount === best.amount) {
      tied = true;
    }
  });
  // TypeScript cannot follow assignments inside the callback.
  const chosen = best as RuleChoice | null;
  if (chosen === null) return null;
  const rule = rules[chosen.index]!;
  lines.push({
    key: 'chosen',
    rule: rule.label,
    rateBp: rule.rateBp,
    base: chosen.eligibleCost,
    amount: chosen.raw,
  });
  if (tied) lines.push({ key: 'tieBreak', rule: rule.label });
  return chosen;
}

type ProgrammeLimits = Pick<
  SubsidyProgramme,
  'maxProducers' | 'capPerProducerPerFair' | 'capPerProducerPerPeriod' | 'maxFairsPerProducer'
>;

/**
 * The rule's amount after its cap per booking (the entitlement), then the producer's remaining room at this fair
 * and in the period, the limits on fairs per producer and on producers supported, and the pool, each limit that
 * bites adding its line.
 */
function applyLimits(
  raw: number,
  rule: SubsidyRule,
  programme: ProgrammeLimits,
  standing: SubsidyStanding,
  lines: ExplanationLine[],
): { entitlement: number; amount: number; limitedBy: LimitReason[] } {
  const limitedBy: LimitReason[] = [];
  let amount = raw;
  const limit = (reason: LimitReason, room: number) => {
    const bounded = Math.max(0, room);
    if (amount > bounded) {
      amount = bounded;
      limitedBy.push(reason);
      lines.push({ key: 'limited', reason, limit: bounded, amount });
    }
  };
  if (rule.capPerBooking !== null) limit('capPerBooking', rule.capPerBooking);
  const entitlement = amount;
  if (programme.capPerProducerPerFair !== null)
    limit('capPerProducerPerFair', programme.capPerProducerPerFair - standing.producerFairUsed);
  if (programme.capPerProducerPerPeriod !== null)
    limit('capPerProducerPerPeriod', programme.capPerProducerPerPeriod - standing.producerPeriodUsed);
  const newFair = standing.producerFairUsed === 0;
  if (
    programme.maxFairsPerProducer !== null &&
    newFair &&
    standing.producerFairsSupported >= programme.maxFairsPerProducer
  )
    limit('maxFairsPerProducer', 0);
  if (
    programme.maxProducers !== null &&
    !standing.producerSupported &&
    standing.producersSupported >= programme.maxProducers
  )
    limit('maxProducers', 0);
  limit('budget', standing.poolRemaining);
  return { entitlement, amount, limitedBy: limitedBy.filter((reason) => reason !== 'capPerBooking') };
}

/** The decision when no rule applies: nothing granted, the producer pays everything. */
function noSubsidy(total: number, outcome: SubsidyOutcome, lines: ExplanationLine[]): SubsidyDecision {
  lines.push({ key: 'subsidy', amount: 0 }, { key: 'producerPays', amount: total });
  return {
    total,
    ruleIndex: null,
    rateBp: 0,
    entitlement: 0,
    subsidy: 0,
    producerPays: total,
    shortfall: 0,
    limitedBy: [],
    outcome,
    lines,
  };
}

/**
 * The subsidy for one booking: the most favourable single rule (ties go to the rule listed first), capped by the
 * rule's cap per booking, then by the producer's remaining room at this fair and in the period, the limit on
 * fairs per producer and on producers supported, and finally the pool. A partial remainder of the pool is granted
 * (see docs/fairs.md): the applicant gets what is left, and the explanation says the budget limited it.
 */
export function subsidyFor(
  items: readonly CostItem[],
  applicant: SubsidyApplicant,
  programme: Pick<SubsidyProgramme, 'rules'> & ProgrammeLimits,
  standing: SubsidyStanding,
): SubsidyDecision {
  const total = totalCost(items);
  const lines: ExplanationLine[] = [{ key: 'total', amount: total }];
  if (programme.rules.length === 0) {
    lines.push({ key: 'noRules' });
    return noSubsidy(total, 'ineligible', lines);
  }
  const chosen = chooseRule(programme.rules, applicant, items, lines);
  if (chosen === null) {
    lines.push({ key: 'noRule' });
    return noSubsidy(total, 'ineligible', lines);
  }
  const rule = programme.rules[chosen.index]!;
  const { entitlement, amount, limitedBy } = applyLimits(chosen.raw, rule, programme, standing, lines);
  const producerPays = total - amount;
  lines.push({ key: 'subsidy', amount }, { key: 'producerPays', amount: producerPays });
  return {
    total,
    ruleIndex: chosen.index,
    rateBp: rule.rateBp,
    entitlement,
    subsidy: amount,
    producerPays,
    shortfall: entitlement - amount,
    limitedBy,
    outcome: amount === entitlement ? 'full' : amount > 0 ? 'partial' : 'none',
    lines,
  };
}

/** The best star level among a producer's products whose certification is valid; null when none is. */
export function bestValidStars(products: readonly { stars: Stars; valid: boolean }[]): Stars | null {
  let best: Stars | null = null;
  for (const p of products) if (p.valid && (best === null || p.stars > best)) best = p.stars;
  return best;
}

/** Whether a producer's commune is on the programme's list of disadvantaged communes (case and spacing ignored). */
export function isDisadvantagedCommune(commune: string, listed: readonly string[]): boolean {
  const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  const wanted = key(commune);
  return listed.some((name) => key(name) === wanted);
}
