import { describe, expect, it } from 'vitest';
import {
  addMonthsUtc,
  certificationProblems,
  certificationStatus,
  countByStars,
  parseStars,
  starsForScore,
  validUntil,
  type Certification,
} from './catalog';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('starsForScore (Decision 148/QD-TTg bands)', () => {
  it.each([
    [49.9, null],
    [50, 3],
    [69.9, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
    [100.1, null],
    [Number.NaN, null],
  ])('score %s earns %s stars', (score, stars) => {
    expect(starsForScore(score)).toBe(stars);
  });
});

describe('certificationProblems', () => {
  const base: Certification = {
    stars: 4,
    score: 78,
    recognisedOn: day('2024-05-02'),
    level: 'provincial',
    decisionNumber: '1/QĐ-UBND',
  };

  it('accepts a consistent certification', () => {
    expect(certificationProblems(base)).toEqual([]);
  });

  it('names the stars field when the star count disagrees with the score', () => {
    const problems = certificationProblems({ ...base, stars: 5, level: 'national' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('stars');
    expect(problems[0]!.message).toContain('5 stars needs a score from 90 to 100');
    expect(problems[0]!.message).toContain('earns 4 stars');
  });

  it('rejects a score that earns no stars', () => {
    expect(certificationProblems({ ...base, stars: 3, score: 42 })[0]!.path).toBe('score');
  });

  it('requires national recognition for 5 stars and forbids it for 3-4 stars', () => {
    expect(certificationProblems({ ...base, stars: 5, score: 92 })[0]!.path).toBe('level');
    expect(certificationProblems({ ...base, level: 'national' })[0]!.path).toBe('level');
    expect(certificationProblems({ ...base, level: 'district' })).toEqual([]);
  });
});

describe('36-month validity', () => {
  it('is valid through the day before the third anniversary', () => {
    expect(validUntil(day('2023-03-15')).toISOString().slice(0, 10)).toBe('2026-03-14');
  });

  it('handles boundary days exactly', () => {
    const recognised = day('2023-11-21');
    expect(certificationStatus(recognised, day('2026-11-20'))).toBe('valid');
    expect(certificationStatus(recognised, new Date('2026-11-20T23:59:59Z'))).toBe('valid');
    expect(certificationStatus(recognised, day('2026-11-21'))).toBe('expired');
  });

  it('clamps month ends and leap days', () => {
    expect(addMonthsUtc(day('2024-01-31'), 1).toISOString().slice(0, 10)).toBe('2024-02-29');
    // Recognised on 29 Feb 2024: the anniversary is 28 Feb 2027, so the last valid day is 27 Feb 2027.
    expect(validUntil(day('2024-02-29')).toISOString().slice(0, 10)).toBe('2027-02-27');
  });

  it('is valid on the day of recognition', () => {
    expect(certificationStatus(day('2025-06-01'), day('2025-06-01'))).toBe('valid');
  });
});

describe('helpers', () => {
  it('counts products by star level', () => {
    expect(countByStars([{ stars: 3 }, { stars: 5 }, { stars: 5 }])).toEqual({ 3: 1, 4: 0, 5: 2 });
  });

  it('parses star route segments', () => {
    expect(parseStars('4')).toBe(4);
    expect(parseStars('6')).toBeNull();
    expect(parseStars('four')).toBeNull();
  });
});
