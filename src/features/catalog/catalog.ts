/**
 * OCOP catalogue rules (Decision 148/QD-TTg, 2023): star bands, recognition levels, validity, the 4→5 star path,
 * product groups and producer kinds.
 * Pure: no I/O, no astro:* imports, so pages, tests, the search indexer and the bench share one definition.
 */
import { z } from 'zod';
import { vietnamDay } from '../../lib/i18n/locales.ts';

export const OCOP_GROUPS = ['food', 'beverages', 'herbal', 'textiles', 'souvenirs', 'rural-tourism'] as const;
export const ocopGroupSchema = z
  .enum(OCOP_GROUPS, {
    error: `must be one of the six OCOP product groups: ${OCOP_GROUPS.join(', ')}`,
  })
  .describe('OCOP product group');
export type OcopGroup = z.infer<typeof ocopGroupSchema>;

export const STAR_LEVELS = [3, 4, 5] as const;
export type Stars = (typeof STAR_LEVELS)[number];

/** OCOP entities: enterprises, cooperatives, cooperative groups (tổ hợp tác) and business households. */
export const PRODUCER_KINDS = [
  'enterprise',
  'cooperative',
  'cooperative-group',
  'business-household',
] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

export const RECOGNITION_LEVELS = ['provincial', 'district', 'national'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

/** How long an OCOP recognition stays valid. */
export const VALIDITY_MONTHS = 36;

/** The star count a total score earns: 3★ 50–<70, 4★ 70–<90, 5★ 90–100; below 50 earns none. */
export function starsForScore(score: number): Stars | null {
  if (!Number.isFinite(score) || score < 50 || score > 100) return null;
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  return 3;
}

/** The score band that a star count requires, as [min, maxExclusive) (5 stars includes 100). */
export function scoreBand(stars: Stars): { min: number; max: number; maxInclusive: boolean } {
  if (stars === 5) return { min: 90, max: 100, maxInclusive: true };
  if (stars === 4) return { min: 70, max: 90, maxInclusive: false };
  return { min: 50, max: 70, maxInclusive: false };
}

/** The day districts ceased to exist (two-tier local government from 1 July 2025): no district recognition after it. */
export const DISTRICTS_ABOLISHED_ON = '2025-07-01';

/** The lowest provincial score that sends a 4-star product to national evaluation for 5 stars. */
export const FIVE_STAR_CANDIDATE_SCORE = 90;

/**
 * Which committees may recognise a star level on a day (YYYY-MM-DD; omit it for every level ever allowed):
 * 5 stars national; 4 stars provincial; 3 stars provincial, or district for decisions before 1 July 2025.
 */
export function allowedLevels(stars: Stars, on?: string): readonly RecognitionLevel[] {
  if (stars === 5) return ['national'];
  if (stars === 4) return ['provincial'];
  return on !== undefined && on >= DISTRICTS_ABOLISHED_ON ? ['provincial'] : ['provincial', 'district'];
}

/** A 4-star product the province scored 90 or more and sent to the national council for 5 stars. */
export interface FiveStarCandidacy {
  /** Date of the dossier sent for national evaluation. */
  submittedOn: Date;
  /** Number of the province's submission (tờ trình), when known. */
  dossierNumber?: string | undefined;
}

export interface Certification {
  stars: Stars;
  score: number;
  recognisedOn: Date;
  level: RecognitionLevel;
  decisionNumber: string;
  /** The expiry date printed on the certificate, when it has one; it wins over the 36-month rule. */
  validUntil?: Date | undefined;
  candidacy?: FiveStarCandidacy | undefined;
}

/** The certification field a problem is about, dotted below `certification`. */
export type CertificationField =
  'stars' | 'score' | 'level' | 'validUntil' | 'candidacy' | 'candidacy.submittedOn';
export interface CertificationProblem {
  path: CertificationField;
  message: string;
}

/** Problems with a certification, each naming the field and how to fix it; empty when consistent. */
export function certificationProblems(cert: Certification): CertificationProblem[] {
  const problems = [...scoreProblems(cert), ...candidacyProblems(cert)];
  const level = levelProblem(cert.stars, cert.level, isoDay(cert.recognisedOn));
  if (level) problems.push(level);
  if (cert.validUntil && isoDay(cert.validUntil) <= isoDay(cert.recognisedOn)) {
    problems.push({
      path: 'validUntil',
      message: `${isoDay(cert.validUntil)} is not after recognisedOn (${isoDay(cert.recognisedOn)}): copy the expiry date printed on the certificate, or remove validUntil to use the 36-month rule`,
    });
  }
  return problems;
}

function scoreProblems(cert: Certification): CertificationProblem[] {
  const earned = starsForScore(cert.score);
  if (earned === null) {
    return [
      {
        path: 'score',
        message: `score ${cert.score} earns no OCOP stars; a certified product scores between 50 and 100`,
      },
    ];
  }
  // A province recognises 4 stars for a score of 90 or more and sends the product on for 5 stars.
  if (cert.stars === 4 && earned === 5) {
    return cert.candidacy
      ? []
      : [
          {
            path: 'candidacy',
            message: `is missing: a 4-star product scoring ${cert.score} (${FIVE_STAR_CANDIDATE_SCORE} or more) is a candidate for 5 stars; add candidacy: { submittedOn: YYYY-MM-DD } with the date of the dossier sent for national evaluation, or fix the score if it is below ${FIVE_STAR_CANDIDATE_SCORE}`,
          },
        ];
  }
  if (earned === cert.stars) return [];
  const band = scoreBand(cert.stars);
  return [
    {
      path: 'stars',
      message: `${cert.stars} stars needs a score from ${band.min} to ${band.maxInclusive ? '' : 'under '}${band.max}, but the score is ${cert.score} (which earns ${earned} stars); fix either stars or score`,
    },
  ];
}

function candidacyProblems(cert: Certification): CertificationProblem[] {
  const candidacy = cert.candidacy;
  if (!candidacy) return [];
  if (cert.stars !== 4) {
    return [
      {
        path: 'candidacy',
        message: `only a 4-star product can be a candidate for 5 stars, but stars is ${cert.stars}: remove candidacy`,
      },
    ];
  }
  const problems: CertificationProblem[] = [];
  if (cert.score < FIVE_STAR_CANDIDATE_SCORE) {
    problems.push({
      path: 'candidacy',
      message: `a candidate for 5 stars needs a provincial score of ${FIVE_STAR_CANDIDATE_SCORE} or more, but the score is ${cert.score}: fix the score, or remove candidacy`,
    });
  }
  if (isoDay(candidacy.submittedOn) < isoDay(cert.recognisedOn)) {
    problems.push({
      path: 'candidacy.submittedOn',
      message: `${isoDay(candidacy.submittedOn)} is before the 4-star recognition (${isoDay(cert.recognisedOn)}): the dossier goes to national evaluation after the province's decision; fix the date`,
    });
  }
  return problems;
}

/** Why a committee cannot have recognised this star level on this day (YYYY-MM-DD), with the fix; null if it can. */
export function levelProblem(
  stars: Stars,
  level: RecognitionLevel,
  recognisedOn: string,
): CertificationProblem | null {
  if (allowedLevels(stars, recognisedOn).includes(level)) return null;
  let message: string;
  if (stars === 5) {
    message = `5-star products are recognised at national level only, not ${level}: set level: national, or fix stars and score`;
  } else if (level === 'national') {
    message = `${stars}-star products are recognised by the province, not at national level: set level: provincial (a national recognition is 5 stars, with a score of 90 or more)`;
  } else if (stars === 4) {
    message = `district committees recognised 3-star products only; a 4-star product is recognised at provincial level: set level: provincial, or fix stars and score`;
  } else {
    message = `there are no districts since ${DISTRICTS_ABOLISHED_ON}, so a recognition dated ${recognisedOn} is not a district one: set level: provincial, or fix recognisedOn to the date of the district decision`;
  }
  return { path: 'level', message };
}

/** Adds whole calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * The last day a recognition is valid, counted as the Civil Code counts months (arts. 147–148): the decision day is
 * not counted and the period ends with the corresponding day of the 36th month, or that month's last day when it has
 * no such day (2023-03-15 → 2026-03-15; 2024-02-29 → 2027-02-28). A printed expiry date wins.
 */
export function validUntil(recognisedOn: Date, printed?: Date): Date {
  return printed ?? addMonthsUtc(recognisedOn, VALIDITY_MONTHS);
}

export type CertificationStatus = 'valid' | 'expired';

/** A content date (midnight UTC of its calendar day) as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The catalogue's day: the pinned day (YYYY-MM-DD, e.g. OCOP_TODAY) when given, else the calendar day in Vietnam at
 * `now`; as midnight UTC of that day, the shape content dates have.
 */
export function catalogueDay(pinned: string | undefined, now: Date): Date {
  const day = new Date(`${pinned || vietnamDay(now)}T00:00:00Z`);
  if ((pinned && !/^\d{4}-\d{2}-\d{2}$/.test(pinned)) || Number.isNaN(day.getTime())) {
    throw new Error(`OCOP_TODAY must be YYYY-MM-DD, got "${pinned}"`);
  }
  return day;
}

/**
 * Whether a recognition is still valid at an instant, judged on Vietnam's calendar day: valid through the end of
 * its last valid day in Vietnam (validUntil, or the printed expiry date when given).
 */
export function certificationStatus(recognisedOn: Date, now: Date, printed?: Date): CertificationStatus {
  return vietnamDay(now) <= isoDay(validUntil(recognisedOn, printed)) ? 'valid' : 'expired';
}

/** The 4-star products sent for national 5-star evaluation, oldest dossier first (a promoter's follow-up list). */
export function fiveStarCandidates<T>(items: readonly T[], certificationOf: (item: T) => Certification): T[] {
  const submitted = (item: T) => certificationOf(item).candidacy?.submittedOn.getTime() ?? 0;
  return items
    .filter((item) => certificationOf(item).stars === 4 && certificationOf(item).candidacy !== undefined)
    .sort((a, b) => submitted(a) - submitted(b));
}

/** Products by star level: valid recognitions counted per level, lapsed ones apart (they carry no badge). */
export interface StarCounts {
  valid: Record<Stars, number>;
  lapsed: number;
}

/** Counts recognitions by star level, valid ones only per level and lapsed ones apart (home, provinces, listings). */
export function countByStars(items: readonly { stars: Stars; status: CertificationStatus }[]): StarCounts {
  const counts: StarCounts = { valid: { 3: 0, 4: 0, 5: 0 }, lapsed: 0 };
  for (const item of items) {
    if (item.status === 'valid') counts.valid[item.stars] += 1;
    else counts.lapsed += 1;
  }
  return counts;
}

/** Splits products into those with a valid recognition and those whose recognition has lapsed, keeping order. */
export function byValidity<T extends { status: CertificationStatus }>(
  items: readonly T[],
): { valid: T[]; lapsed: T[] } {
  return {
    valid: items.filter((item) => item.status === 'valid'),
    lapsed: items.filter((item) => item.status === 'expired'),
  };
}

/** Parses a star-level route segment ("3", "4", "5"). */
export function parseStars(value: string | number): Stars | null {
  const n = Number(value);
  return (STAR_LEVELS as readonly number[]).includes(n) ? (n as Stars) : null;
}

/**
 * Whether a catalogue of `count` products has its product pages prerendered: up to `max` (the build's
 * OCOP_PRERENDER_PRODUCTS_MAX), else they are rendered on demand, since a national catalogue's pages do not build
 * within 2 GB of memory (docs/performance.md, "National scale").
 */
export function prerendersProductPages(count: number, max: number): boolean {
  return count <= max;
}
