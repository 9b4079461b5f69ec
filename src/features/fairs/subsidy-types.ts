/**
 * What the subsidy engine reads and what it returns: the applicant, where the programme stands (pool, usage and
 * the producer's history from the ledger), the fair (area class, edition, VAT), and the decision with its
 * explanation lines. Pure types.
 */
import type { ProducerKind, Stars } from '~/features/catalog/catalog';
import type { AreaClass, FairPricing, MoneyFlow, VatMode } from './terms';

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
  /**
   * The producer's supported participations (booths with a subsidy, not released) before this one: over its
   * lifetime (every programme), in the fair's calendar year, and at this fair. Missing = none.
   */
  participations?: { lifetime: number; year: number; fair: number };
}

/** The fair as the terms see it: its area class, its edition (1 = first time held) and how it quotes prices. */
export interface SubsidyEvent extends FairPricing {
  areaClass: AreaClass;
  edition: number;
}

export const PLAIN_EVENT: SubsidyEvent = { areaClass: 'other', edition: 1, vatMode: 'none', vatRateBp: 0 };

export type IneligibleReason =
  'stars' | 'kind' | 'province' | 'disadvantaged' | 'noEligibleItems' | 'minCost';
export type LimitReason =
  | 'capPerBooking'
  | 'capPerProducerPerFair'
  | 'capPerProducerPerPeriod'
  | 'maxFairsPerProducer'
  | 'maxPerFair'
  | 'maxPerYear'
  | 'maxLifetime'
  | 'maxProducers'
  | 'budget';

/** One line of the explanation; `key` is a message of ./messages.ts, amounts are whole đồng. */
export type ExplanationLine =
  | { key: 'total'; amount: number }
  | { key: 'vat'; mode: VatMode; rateBp: number; net: number; vat: number; gross: number }
  | { key: 'base'; withVat: boolean }
  | { key: 'ruleEligible'; rule: string; amount: number }
  | { key: 'ruleNotEligible'; rule: string; reason: IneligibleReason; stars?: number; minCost?: number }
  | { key: 'noRule' }
  | { key: 'noRules' }
  | { key: 'areaRate'; area: AreaClass; rateBp: number }
  | { key: 'historyRate'; participation: number; rateBp: number }
  | { key: 'repetitionRate'; edition: number; rateBp: number }
  | { key: 'chosen'; rule: string; rateBp: number; base: number; amount: number }
  | { key: 'tieBreak'; rule: string }
  | { key: 'limited'; reason: LimitReason; limit: number; amount: number }
  | { key: 'subsidy'; amount: number }
  | { key: 'producerPays'; amount: number }
  | { key: 'reimbursed'; paysNow: number; repaid: number };

export type SubsidyOutcome = 'full' | 'partial' | 'none' | 'ineligible';

export interface SubsidyDecision {
  /** Sum of all cost items, VAT included where the fair charges it. */
  total: number;
  /** The VAT inside `total` (0 when the fair charges none). */
  vat: number;
  /** Index of the rule applied in `programme.rules`; null when no rule applies. */
  ruleIndex: number | null;
  rateBp: number;
  /** What the chosen rule would give before programme limits (after its own cap per booking). */
  entitlement: number;
  subsidy: number;
  /** total − subsidy: what the producer bears in the end. */
  producerPays: number;
  /** What the producer pays at booking: its share (upfront) or the total (reimbursement, repaid later). */
  paysNow: number;
  flow: MoneyFlow;
  /** entitlement − subsidy: what the programme's limits kept back. */
  shortfall: number;
  limitedBy: LimitReason[];
  outcome: SubsidyOutcome;
  lines: ExplanationLine[];
}
