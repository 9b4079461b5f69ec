/**
 * The producers who apply to a subsidy programme and where the programme stands: the catalogue's facts about a
 * producer, the applicant the rules see, and a stored programme as pages see it. Pure: no I/O.
 */
import type { ProducerKind, Stars } from '~/features/catalog/catalog';
import {
  isDisadvantagedCommune,
  type SubsidyApplicant,
  type SubsidyProgramme,
  type SubsidyStanding,
} from './subsidies';
import { DEFAULT_TERMS } from './terms';

/** A stored programme as pages see it: the policy, and where its pool stands. */
export interface ProgrammeView extends SubsidyProgramme {
  id: string;
  provinceId: string;
  /** Held by active holds and applications. */
  earmarked: number;
  /** Owed for confirmed bookings. */
  committed: number;
  producersSupported: number;
}

/** What the catalogue knows about a producer (name, kind, location, best valid stars). */
export interface ProducerFacts {
  id: string;
  name: string;
  kind: ProducerKind;
  provinceId: string;
  commune: string;
  stars: Stars | null;
  /** Priority facts on a tie of submission instants (catalogue, optional). */
  womenOwned?: boolean;
  socialEnterprise?: boolean;
}

/** A fair without a programme: no rules, no limits; the explanation says so. */
export const NO_PROGRAMME: Omit<
  SubsidyProgramme,
  'name' | 'budget' | 'periodStart' | 'periodEnd' | 'disadvantagedCommunes'
> = {
  rules: [],
  maxProducers: null,
  capPerProducerPerFair: null,
  capPerProducerPerPeriod: null,
  maxFairsPerProducer: null,
  terms: DEFAULT_TERMS,
};

/** Where a programme stands before anyone applies (used where there is no programme at all). */
export const EMPTY_STANDING: SubsidyStanding = {
  poolRemaining: 0,
  producersSupported: 0,
  producerSupported: false,
  producerFairUsed: 0,
  producerPeriodUsed: 0,
  producerFairsSupported: 0,
};

/** A catalogue producer as a programme's rules see it (its commune checked against the programme's list). */
export function applicantFor(
  producer: ProducerFacts,
  disadvantagedCommunes: readonly string[],
): SubsidyApplicant {
  return {
    producerId: producer.id,
    kind: producer.kind,
    provinceId: producer.provinceId,
    disadvantagedCommune: isDisadvantagedCommune(producer.commune, disadvantagedCommunes),
    stars: producer.stars,
  };
}
