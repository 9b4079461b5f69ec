/**
 * The subsidy engine. A programme (one fair's policy, or a province's yearly programme shared by several fairs)
 * has a budget pool, limits per producer and on the number of producers, terms (./terms.ts) and rules; an
 * applicant gets the single most favourable rule, never two stacked. The engine is deterministic, rounds down to
 * whole đồng (so the pool is never overspent) and explains its result line by line.
 * Pure: no I/O. The database enforces the same limits again (see src/lib/db/schema-fairs.ts).
 */
import type { Stars } from '~/features/catalog/catalog';
import type { CostItem, SubsidyProgramme, SubsidyRule } from './policy';
import {
  PLAIN_EVENT,
  type ExplanationLine,
  type IneligibleReason,
  type LimitReason,
  type SubsidyApplicant,
  type SubsidyDecision,
  type SubsidyEvent,
  type SubsidyOutcome,
  type SubsidyStanding,
} from './subsidy-types';
import { DEFAULT_TERMS, stepFor, vatSplit, type ProgrammeTerms } from './terms';

export * from './policy';
export * from './subsidy-types';

const BASIS_POINTS = 10_000;

/** The sum of cost items, in whole đồng (as quoted: before VAT when the fair quotes without it). */
export function totalCost(items: readonly CostItem[]): number {
  return items.reduce((sum, item) => sum + item.amount, 0);
}

/** amount × rate, rounded down to a whole đồng (BigInt, so large amounts stay exact). */
export function applyRate(amount: number, rateBp: number): number {
  return Number((BigInt(amount) * BigInt(rateBp)) / BigInt(BASIS_POINTS));
}

/** The cost items' total with VAT, the VAT in it, and their net amount. */
export function costWithVat(items: readonly CostItem[], event: SubsidyEvent = PLAIN_EVENT) {
  return items.reduce(
    (sum, item) => {
      const split = vatSplit(item.amount, event);
      return { net: sum.net + split.net, vat: sum.vat + split.vat, gross: sum.gross + split.gross };
    },
    { net: 0, vat: 0, gross: 0 },
  );
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

/** What the base of the subsidy is: the eligible items, with or without their VAT as the terms say. */
function eligibleBase(
  rule: SubsidyRule,
  items: readonly CostItem[],
  terms: ProgrammeTerms,
  event: SubsidyEvent,
) {
  const split = costWithVat(
    items.filter((item) => rule.eligibleItems.includes(item.kind)),
    event,
  );
  return terms.vatInBase ? split.gross : split.net;
}

/**
 * The rate a rule gives at this fair for this producer: the area rate of the fair's class when the terms set one,
 * otherwise the rule's rate; then no more than the history step of the producer's participation number and the
 * repetition step of the fair's edition. Returns the lines saying which applied.
 */
export function effectiveRate(
  rule: SubsidyRule,
  terms: ProgrammeTerms,
  event: SubsidyEvent,
  participation: number,
): { rateBp: number; lines: ExplanationLine[] } {
  const lines: ExplanationLine[] = [];
  let rateBp = rule.rateBp;
  const area = terms.areaRates[event.areaClass];
  if (area !== undefined) {
    rateBp = area;
    lines.push({ key: 'areaRate', area: event.areaClass, rateBp: area });
  }
  const history = stepFor(terms.historySteps, participation);
  if (history && history.rateBp < rateBp) {
    rateBp = history.rateBp;
    lines.push({ key: 'historyRate', participation, rateBp });
  }
  const repetition = stepFor(terms.repetitionSteps, event.edition);
  if (repetition && repetition.rateBp < rateBp) {
    rateBp = repetition.rateBp;
    lines.push({ key: 'repetitionRate', edition: event.edition, rateBp });
  }
  return { rateBp, lines };
}

/** What one rule gives for these costs (rate rounded down, then its cap per booking), or why it does not apply. */
export function ruleAmount(
  rule: SubsidyRule,
  applicant: SubsidyApplicant,
  items: readonly CostItem[],
  context: { terms: ProgrammeTerms; event: SubsidyEvent; participation: number } = {
    terms: DEFAULT_TERMS,
    event: PLAIN_EVENT,
    participation: 1,
  },
): { eligibleCost: number; rateBp: number; raw: number; amount: number; reason: IneligibleReason | null } {
  const eligibleCost = eligibleBase(rule, items, context.terms, context.event);
  const reason = ineligibility(rule, applicant, eligibleCost);
  if (reason) return { eligibleCost, rateBp: 0, raw: 0, amount: 0, reason };
  const { rateBp } = effectiveRate(rule, context.terms, context.event, context.participation);
  const raw = applyRate(eligibleCost, rateBp);
  const amount = rule.capPerBooking === null ? raw : Math.min(raw, rule.capPerBooking);
  return { eligibleCost, rateBp, raw, amount, reason: null };
}

type RuleChoice = { index: number; eligibleCost: number; rateBp: number; raw: number; amount: number };
type RuleContext = Parameters<typeof ruleAmount>[3] & {};

/** Every rule's verdict as explanation lines, and the most favourable rule (ties go to the rule listed first). */
function chooseRule(
  rules: readonly SubsidyRule[],
  applicant: SubsidyApplicant,
  items: readonly CostItem[],
  context: RuleContext,
  lines: ExplanationLine[],
): RuleChoice | null {
  let best: RuleChoice | null = null;
  let tied = false;
  rules.forEach((rule, index) => {
    const result = ruleAmount(rule, applicant, items, context);
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
  lines.push(...effectiveRate(rule, context.terms, context.event, context.participation).lines);
  lines.push({
    key: 'chosen',
    rule: rule.label,
    rateBp: chosen.rateBp,
    base: chosen.eligibleCost,
    amount: chosen.raw,
  });
  if (tied) lines.push({ key: 'tieBreak', rule: rule.label });
  return chosen;
}

type ProgrammeLimits = Pick<
  SubsidyProgramme,
  'maxProducers' | 'capPerProducerPerFair' | 'capPerProducerPerPeriod' | 'maxFairsPerProducer'
> & { terms?: ProgrammeTerms };

/** The participation limits of the terms that the producer's history has reached (each gives 0). */
function participationLimits(terms: ProgrammeTerms, standing: SubsidyStanding): [LimitReason, number][] {
  const done = standing.participations ?? { lifetime: 0, year: 0, fair: 0 };
  const reached: [LimitReason, number][] = [];
  if (terms.maxPerFair !== null && done.fair >= terms.maxPerFair)
    reached.push(['maxPerFair', terms.maxPerFair]);
  if (terms.maxPerYear !== null && done.year >= terms.maxPerYear)
    reached.push(['maxPerYear', terms.maxPerYear]);
  if (terms.maxLifetime !== null && done.lifetime >= terms.maxLifetime)
    reached.push(['maxLifetime', terms.maxLifetime]);
  return reached;
}

/**
 * The rule's amount after its cap per booking (the entitlement), then the producer's remaining room at this fair
 * and in the period, the limits on fairs per producer and on participations, the limit on producers supported,
 * and the pool, each limit that bites adding its line.
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
  const limit = (reason: LimitReason, room: number, shown = Math.max(0, room)) => {
    const bounded = Math.max(0, room);
    if (amount > bounded) {
      amount = bounded;
      limitedBy.push(reason);
      lines.push({ key: 'limited', reason, limit: shown, amount });
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
  for (const [reason, count] of participationLimits(programme.terms ?? DEFAULT_TERMS, standing))
    limit(reason, 0, count);
  if (
    programme.maxProducers !== null &&
    !standing.producerSupported &&
    standing.producersSupported >= programme.maxProducers
  )
    limit('maxProducers', 0);
  limit('budget', standing.poolRemaining);
  return { entitlement, amount, limitedBy: limitedBy.filter((reason) => reason !== 'capPerBooking') };
}

/** The closing lines and the decision: who pays what, now and in the end, under the programme's money flow. */
function decision(
  base: Omit<SubsidyDecision, 'producerPays' | 'paysNow' | 'flow' | 'lines'>,
  terms: ProgrammeTerms,
  lines: ExplanationLine[],
): SubsidyDecision {
  const producerPays = base.total - base.subsidy;
  const reimbursed = terms.flow === 'reimbursement' && base.subsidy > 0;
  const paysNow = reimbursed ? base.total : producerPays;
  lines.push({ key: 'subsidy', amount: base.subsidy }, { key: 'producerPays', amount: producerPays });
  if (reimbursed) lines.push({ key: 'reimbursed', paysNow, repaid: base.subsidy });
  return { ...base, producerPays, paysNow, flow: terms.flow, lines };
}

/** The lines that open an explanation: the total, and how VAT enters it and the base. */
function openingLines(items: readonly CostItem[], terms: ProgrammeTerms, event: SubsidyEvent) {
  const split = costWithVat(items, event);
  const lines: ExplanationLine[] = [{ key: 'total', amount: split.gross }];
  if (event.vatMode !== 'none' && event.vatRateBp > 0)
    lines.push(
      { key: 'vat', mode: event.vatMode, rateBp: event.vatRateBp, ...split },
      { key: 'base', withVat: terms.vatInBase },
    );
  return { split, lines };
}

/**
 * The subsidy for one booking: the most favourable single rule (ties go to the rule listed first) at the rate the
 * fair's area, the producer's history and the fair's edition give, capped by the rule's cap per booking, then by
 * the producer's remaining room at this fair and in the period, the limits on fairs and participations per
 * producer and on producers supported, and finally the pool. A partial remainder of the pool is granted (see
 * docs/fairs.md): the applicant gets what is left, and the explanation says the budget limited it.
 */
export function subsidyFor(
  items: readonly CostItem[],
  applicant: SubsidyApplicant,
  programme: Pick<SubsidyProgramme, 'rules'> & ProgrammeLimits,
  standing: SubsidyStanding,
  event: SubsidyEvent = PLAIN_EVENT,
): SubsidyDecision {
  const terms = programme.terms ?? DEFAULT_TERMS;
  const { split, lines } = openingLines(items, terms, event);
  const nothing = {
    total: split.gross,
    vat: split.vat,
    ruleIndex: null,
    rateBp: 0,
    entitlement: 0,
    subsidy: 0,
  };
  const none = { ...nothing, shortfall: 0, limitedBy: [], outcome: 'ineligible' as const };
  if (programme.rules.length === 0) {
    lines.push({ key: 'noRules' });
    return decision(none, terms, lines);
  }
  const participation = (standing.participations?.lifetime ?? 0) + 1;
  const chosen = chooseRule(programme.rules, applicant, items, { terms, event, participation }, lines);
  if (chosen === null) {
    lines.push({ key: 'noRule' });
    return decision(none, terms, lines);
  }
  const rule = programme.rules[chosen.index]!;
  const { entitlement, amount, limitedBy } = applyLimits(chosen.raw, rule, programme, standing, lines);
  const outcome: SubsidyOutcome = amount === entitlement ? 'full' : amount > 0 ? 'partial' : 'none';
  const decided = {
    ...nothing,
    ruleIndex: chosen.index,
    rateBp: chosen.rateBp,
    entitlement,
    subsidy: amount,
  };
  return decision({ ...decided, shortfall: entitlement - amount, limitedBy, outcome }, terms, lines);
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
