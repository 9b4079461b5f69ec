/**
 * OCOP catalogue rules (Decision 148/QD-TTg, 2023): star bands, recognition levels, validity, product groups.
 * Pure: no I/O, no astro:* imports, so pages, tests, the search indexer and the bench share one definition.
 */
import { z } from 'zod';

export const OCOP_GROUPS = ['food', 'beverages', 'herbal', 'textiles', 'souvenirs', 'rural-tourism'] as const;
export const ocopGroupSchema = z
  .enum(OCOP_GROUPS, {
    error: `must be one of the six OCOP product groups: ${OCOP_GROUPS.join(', ')}`,
  })
  .describe('OCOP product group');
export type OcopGroup = z.infer<typeof ocopGroupSchema>;

export const STAR_LEVELS = [3, 4, 5] as const;
export type Stars = (typeof STAR_LEVELS)[number];

export const PRODUCER_KINDS = ['enterprise', 'cooperative', 'business-household'] as const;
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

/** Which committee may recognise a star level: 5 stars is national; 3 and 4 are provincial or district. */
export function allowedLevels(stars: Stars): readonly RecognitionLevel[] {
  return stars === 5 ? ['national'] : ['provincial', 'district'];
}

export interface Certification {
  stars: Stars;
  score: number;
  recognisedOn: Date;
  level: RecognitionLevel;
  decisionNumber: string;
}

/** Problems with a certification, each naming the field and how to fix it; empty when consistent. */
export function certificationProblems(
  cert: Certification,
): { path: 'stars' | 'score' | 'level'; message: string }[] {
  const problems: { path: 'stars' | 'score' | 'level'; message: string }[] = [];
  const earned = starsForScore(cert.score);
  if (earned === null) {
    problems.push({
      path: 'score',
      message: `score ${cert.score} earns no OCOP stars; a certified product scores between 50 and 100`,
    });
  } else if (earned !== cert.stars) {
    const band = scoreBand(cert.stars);
    problems.push({
      path: 'stars',
      message: `${cert.stars} stars needs a score from ${band.min} to ${band.maxInclusive ? '' : 'under '}${band.max}, but the score is ${cert.score} (which earns ${earned} stars); fix either stars or score`,
    });
  }
  if (!allowedLevels(cert.stars).includes(cert.level)) {
    problems.push({
      path: 'level',
      message: `${cert.stars}-star products are recognised at ${allowedLevels(cert.stars).join(' or ')} level, not ${cert.level}`,
    });
  }
  return problems;
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
 * The last day a recognition is valid: the day before its 36-month anniversary
 * (recognised 2023-03-15 → valid through 2026-03-14).
 */
export function validUntil(recognisedOn: Date): Date {
  const anniversary = addMonthsUtc(recognisedOn, VALIDITY_MONTHS);
  return new Date(anniversary.getTime() - 24 * 60 * 60 * 1000);
}

export type CertificationStatus = 'valid' | 'expired';

/** Whether a recognition is still valid on `today` (compared by UTC calendar day; valid through validUntil). */
export function certificationStatus(recognisedOn: Date, today: Date): CertificationStatus {
  return utcDay(today) <= utcDay(validUntil(recognisedOn)) ? 'valid' : 'expired';
}

function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Counts products by star level (3, 4, 5), e.g. for province pages. */
export function countByStars(items: readonly { stars: Stars }[]): Record<Stars, number> {
  const counts: Record<Stars, number> = { 3: 0, 4: 0, 5: 0 };
  for (const item of items) counts[item.stars] += 1;
  return counts;
}

/** Parses a star-level route segment ("3", "4", "5"). */
export function parseStars(value: string | number): Stars | null {
  const n = Number(value);
  return (STAR_LEVELS as readonly number[]).includes(n) ? (n as Stars) : null;
}
