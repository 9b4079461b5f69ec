/**
 * The fairs' structured values as sentences in the translator's locale: field problems, the lines of a subsidy
 * explanation and of a payment schedule, a rule's summary, form feedback, and the floor-plan island's strings.
 * Every text comes from ./messages.ts.
 */
import { formatDateTime, formatIsoDay, formatVnd } from '~/lib/i18n';
import type { ScheduleLine } from './booking';
import type { FairsTranslator } from './messages';
import { parseProblem } from './problems';
import { basisPointsToPercent, type ExplanationLine, type SubsidyRule } from './subsidies';

/** The text of a problem string ("booth.overlaps|A2|A1"); an unknown key gives a generic message. */
export function problemText(t: FairsTranslator, text: string | undefined): string {
  if (!text) return '';
  const { key, params } = parseProblem(text);
  if (!t.has(key)) return t('unknownProblem');
  return t(key, Object.fromEntries(params.map((param, i) => [String(i), param])));
}

/** One line of a subsidy explanation as a sentence. */
export function explanationText(t: FairsTranslator, line: ExplanationLine): string {
  const vnd = (amount: number) => formatVnd(amount, t.locale);
  switch (line.key) {
    case 'total':
    case 'subsidy':
    case 'producerPays':
      return t(`line.${line.key}`, { amount: vnd(line.amount) });
    case 'ruleEligible':
      return t('line.ruleEligible', { rule: line.rule, amount: vnd(line.amount) });
    case 'ruleNotEligible': {
      const why = t(`ineligible.${line.reason}`, {
        stars: line.stars ?? '',
        minCost: line.minCost === undefined ? '' : vnd(line.minCost),
      });
      return t('line.ruleNotEligible', { rule: line.rule, why });
    }
    case 'noRule':
    case 'noRules':
      return t(`line.${line.key}`);
    case 'chosen':
      return t('line.chosen', {
        rule: line.rule,
        rate: basisPointsToPercent(line.rateBp),
        base: vnd(line.base),
        amount: vnd(line.amount),
      });
    case 'tieBreak':
      return t('line.tieBreak', { rule: line.rule });
    case 'limited': {
      const counted = ['maxPerFair', 'maxPerYear', 'maxLifetime'].includes(line.reason);
      return t('line.limited', {
        reason: t(`limit.${line.reason}`),
        limit: counted ? t('limit.count', { n: line.limit }) : vnd(line.limit),
        amount: vnd(line.amount),
      });
    }
    default:
      return termsLineText(t, line);
  }
}

/** The lines the programme's terms add: VAT, the base, the rate by area, history and edition, reimbursement. */
function termsLineText(
  t: FairsTranslator,
  line: Extract<
    ExplanationLine,
    { key: 'vat' | 'base' | 'areaRate' | 'historyRate' | 'repetitionRate' | 'reimbursed' }
  >,
): string {
  const vnd = (amount: number) => formatVnd(amount, t.locale);
  const rate = (bp: number) => basisPointsToPercent(bp);
  switch (line.key) {
    case 'vat':
      return t('line.vat', {
        mode: t(`vat.${line.mode}`, { rate: rate(line.rateBp) }),
        net: vnd(line.net),
        vat: vnd(line.vat),
        gross: vnd(line.gross),
      });
    case 'base':
      return t(line.withVat ? 'line.baseWithVat' : 'line.baseWithoutVat');
    case 'areaRate':
      return t('line.areaRate', { area: t(`area.${line.area}`), rate: rate(line.rateBp) });
    case 'historyRate':
      return t('line.historyRate', { n: line.participation, rate: rate(line.rateBp) });
    case 'repetitionRate':
      return t('line.repetitionRate', { n: line.edition, rate: rate(line.rateBp) });
    case 'reimbursed':
      return t('line.reimbursed', { paysNow: vnd(line.paysNow), repaid: vnd(line.repaid) });
  }
}

/** One payment-schedule line as a sentence (times in Vietnam's time zone). */
export function scheduleText(t: FairsTranslator, line: ScheduleLine): string {
  switch (line.key) {
    case 'awaitApproval':
      return t('schedule.awaitApproval');
    case 'producerDue': {
      if (line.method === 'none') return t('schedule.nothingDue');
      const due = { amount: formatVnd(line.amount, t.locale), method: t(`schedule.${line.method}`) };
      return line.by
        ? t('schedule.dueBy', { ...due, time: formatDateTime(line.by, t.locale) })
        : t('schedule.due', due);
    }
    case 'subsidySettled':
      return t('schedule.subsidySettled', {
        amount: formatVnd(line.amount, t.locale),
        day: formatIsoDay(line.afterDay, t.locale),
      });
  }
}

/** What a rule offers, in a line: "50% of booth rent · OCOP products of 3+ stars · up to ₫38,000,000 per booth". */
export function ruleSummary(t: FairsTranslator, rule: SubsidyRule): string {
  return [
    t('ruleSummary', {
      rate: basisPointsToPercent(rule.rateBp),
      items: rule.eligibleItems.map((kind) => t(`cost.${kind}`).toLowerCase()).join(', '),
    }),
    rule.minStars ? t('ruleStars', { stars: rule.minStars }) : null,
    rule.disadvantagedOnly ? t('ruleDisadvantaged') : null,
    rule.capPerBooking !== null ? t('ruleCap', { cap: formatVnd(rule.capPerBooking, t.locale) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The strings the floor-plan island needs, so it ships only its own. */
export function planStrings(t: FairsTranslator) {
  return {
    planView: t('planView'),
    listView: t('listView'),
    booth: t('booth'),
    area: t('area'),
    zone: t('zone'),
    type: t('type'),
    rent: t('rent'),
    state: t('state'),
    openSides: t('openSides'),
    holdBooth: t('holdBooth'),
    legend: t('legend'),
    floorPlan: t('floorPlan'),
    chooseHint: t('chooseHint'),
    states: {
      available: t('state.available'),
      held: t('state.held'),
      booked: t('state.booked'),
      blocked: t('state.blocked'),
    },
    types: { shell: t('type.shell'), raw: t('type.raw'), premium: t('type.premium') },
  };
}
export type PlanStrings = ReturnType<typeof planStrings>;

interface ResultLike {
  error?: { type?: string; message: string; fields?: Record<string, string[] | undefined> } | undefined;
}

/** Field and form messages for the last submission of a fairs form (translated), like the accounts forms. */
export function fairsFeedback(
  result: ResultLike | undefined,
  t: FairsTranslator,
): { fields: Record<string, string>; form: string | null } {
  const error = result?.error;
  if (!error) return { fields: {}, form: null };
  if (error.type === 'AstroActionInputError' && error.fields) {
    const fields: Record<string, string> = {};
    for (const [name, messages] of Object.entries(error.fields))
      if (messages?.[0]) fields[name] = problemText(t, messages[0]);
    return { fields, form: t('invalid') };
  }
  return { fields: {}, form: problemText(t, error.message) };
}
