import { describe, expect, it } from 'vitest';
import {
  addMonthsUtc,
  allowedLevels,
  catalogueDay,
  byValidity,
  certificationProblems,
  certificationStatus,
  countByStars,
  fiveStarCandidates,
  parseStars,
  prerendersProductPages,
  starsForScore,
  validUntil,
  type Certification,
} from './catalog';
import { vietnamDay } from '~/lib/i18n/locales';

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
    // Corrected by issue 12: districts recognised 3 stars at most, so a district 4-star is refused (was accepted).
    expect(certificationProblems({ ...base, level: 'district' })[0]!.path).toBe('level');
  });
});

describe('recognition levels by star count and date', () => {
  const three: Certification = {
    stars: 3,
    score: 62,
    recognisedOn: day('2024-08-15'),
    level: 'district',
    decisionNumber: '2150/QĐ-UBND',
  };

  it('accepts a district 3-star recognised before July 2025', () => {
    expect(certificationProblems(three)).toEqual([]);
    expect(certificationProblems({ ...three, recognisedOn: day('2025-06-30') })).toEqual([]);
  });

  it('refuses a district 4-star, saying to set the provincial level', () => {
    const [problem, ...rest] = certificationProblems({ ...three, stars: 4, score: 75 });
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      path: 'level',
      message: expect.stringContaining(
        'a 4-star product is recognised at provincial level: set level: provincial',
      ),
    });
  });

  it('refuses a district recognition dated on or after 1 July 2025', () => {
    const [problem] = certificationProblems({ ...three, recognisedOn: day('2025-07-01') });
    expect(problem?.path).toBe('level');
    expect(problem?.message).toContain('there are no districts since 2025-07-01');
    expect(problem?.message).toContain('set level: provincial');
  });

  it('lists the committees of each level, by date', () => {
    expect(allowedLevels(3)).toEqual(['provincial', 'district']);
    expect(allowedLevels(3, '2025-06-30')).toEqual(['provincial', 'district']);
    expect(allowedLevels(3, '2025-07-01')).toEqual(['provincial']);
    expect(allowedLevels(4)).toEqual(['provincial']);
    expect(allowedLevels(5)).toEqual(['national']);
  });
});

describe('the 4→5 star path', () => {
  const candidate: Certification = {
    stars: 4,
    score: 91,
    recognisedOn: day('2023-12-05'),
    level: 'provincial',
    decisionNumber: '2301/QĐ-UBND',
    candidacy: { submittedOn: day('2024-06-10') },
  };

  it('accepts a 4-star product scoring 90 or more that was sent for national evaluation', () => {
    expect(certificationProblems(candidate)).toEqual([]);
    expect(certificationProblems({ ...candidate, score: 90 })).toEqual([]);
  });

  it('refuses a 4-star product scoring 90 or more without a candidacy, saying to add it or fix the score', () => {
    const [problem, ...rest] = certificationProblems({ ...candidate, candidacy: undefined });
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('candidacy');
    expect(problem?.message).toContain('add candidacy: { submittedOn: YYYY-MM-DD }');
    expect(problem?.message).toContain('or fix the score');
  });

  it('refuses a candidacy below 90 points or on another star level', () => {
    expect(certificationProblems({ ...candidate, score: 84 })).toEqual([
      { path: 'candidacy', message: expect.stringContaining('needs a provincial score of 90 or more') },
    ]);
    const five = certificationProblems({ ...candidate, stars: 5, level: 'national' });
    expect(five).toEqual([{ path: 'candidacy', message: expect.stringContaining('only a 4-star product') }]);
  });

  it('lists the candidates, oldest dossier first', () => {
    const later = { ...candidate, candidacy: { submittedOn: day('2025-03-01') } };
    const plain: Certification = { ...candidate, score: 80, candidacy: undefined };
    const items = [
      { id: 'later', cert: later },
      { id: 'plain', cert: plain },
      { id: 'first', cert: candidate },
    ];
    expect(fiveStarCandidates(items, (item) => item.cert).map((item) => item.id)).toEqual(['first', 'later']);
  });

  it('refuses a dossier dated before the 4-star recognition', () => {
    const problems = certificationProblems({ ...candidate, candidacy: { submittedOn: day('2023-12-04') } });
    expect(problems.map((p) => p.path)).toEqual(['candidacy.submittedOn']);
  });
});

describe('36-month validity (Civil Code 2015 arts. 147–148, Vietnam time)', () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  // Corrected by issue 12: the period ends with the corresponding day of the 36th month (was the day before).
  it('is valid through the corresponding day of the 36th month', () => {
    expect(iso(validUntil(day('2023-03-15')))).toBe('2026-03-15');
  });

  it('handles boundary days exactly', () => {
    const recognised = day('2023-11-21');
    expect(certificationStatus(recognised, day('2026-11-20'))).toBe('valid');
    expect(certificationStatus(recognised, new Date('2026-11-20T23:59:59Z'))).toBe('valid');
    // Corrected by issue 12: 2026-11-21 is still the last valid day (was already expired).
    expect(certificationStatus(recognised, day('2026-11-21'))).toBe('valid');
    expect(certificationStatus(recognised, day('2026-11-22'))).toBe('expired');
  });

  it('lapses at midnight in Vietnam, not at midnight UTC', () => {
    const recognised = day('2023-03-15');
    // 23:59 on 15 March 2026 in Vietnam (UTC+7) is 16:59 UTC: the last minute of validity.
    expect(certificationStatus(recognised, new Date('2026-03-15T16:59:00Z'))).toBe('valid');
    expect(certificationStatus(recognised, new Date('2026-03-15T16:59:59.999Z'))).toBe('valid');
    // 00:00 on 16 March in Vietnam is 17:00 UTC on 15 March, while UTC still reads the 15th.
    expect(certificationStatus(recognised, new Date('2026-03-15T17:00:00Z'))).toBe('expired');
    expect(vietnamDay(new Date('2026-03-15T17:00:00Z'))).toBe('2026-03-16');
    expect(vietnamDay(new Date('2026-03-15T16:59:59Z'))).toBe('2026-03-15');
  });

  it('clamps month ends and leap days', () => {
    expect(addMonthsUtc(day('2024-01-31'), 1).toISOString().slice(0, 10)).toBe('2024-02-29');
    // Corrected by issue 12: February 2027 has no 29th, so the period ends on its last day, 28 Feb (was 27 Feb).
    expect(iso(validUntil(day('2024-02-29')))).toBe('2027-02-28');
    expect(certificationStatus(day('2024-02-29'), new Date('2027-02-28T16:59:59Z'))).toBe('valid');
    expect(certificationStatus(day('2024-02-29'), new Date('2027-02-28T17:00:00Z'))).toBe('expired');
    expect(iso(validUntil(day('2023-05-31')))).toBe('2026-05-31');
    expect(iso(validUntil(day('2022-08-31')))).toBe('2025-08-31');
    expect(iso(validUntil(day('2023-01-31')))).toBe('2026-01-31');
    expect(iso(validUntil(day('2024-12-31')))).toBe('2027-12-31');
    expect(iso(addMonthsUtc(day('2023-10-31'), 1))).toBe('2023-11-30');
  });

  it('judges "today" on the calendar day in Vietnam unless a day is pinned', () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    expect(iso(catalogueDay(undefined, new Date('2026-11-20T16:59:59Z')))).toBe('2026-11-20');
    expect(iso(catalogueDay(undefined, new Date('2026-11-20T17:00:00Z')))).toBe('2026-11-21');
    expect(iso(catalogueDay('2026-11-21', new Date('2030-01-01T00:00:00Z')))).toBe('2026-11-21');
    expect(() => catalogueDay('21/11/2026', new Date())).toThrow('OCOP_TODAY must be YYYY-MM-DD');
  });

  it('lets the expiry date printed on the certificate win', () => {
    const recognised = day('2023-03-15');
    expect(iso(validUntil(recognised, day('2025-12-31')))).toBe('2025-12-31');
    expect(certificationStatus(recognised, day('2026-01-01'), day('2025-12-31'))).toBe('expired');
    expect(certificationStatus(recognised, day('2026-06-01'), day('2026-06-30'))).toBe('valid');
  });

  it('is valid on the day of recognition', () => {
    expect(certificationStatus(day('2025-06-01'), day('2025-06-01'))).toBe('valid');
  });
});

describe('helpers', () => {
  it('counts products by star level', () => {
    const valid = 'valid' as const;
    const counts = countByStars([
      { stars: 3, status: valid },
      { stars: 5, status: valid },
      { stars: 5, status: valid },
    ]);
    expect(counts.valid).toEqual({ 3: 1, 4: 0, 5: 2 });
  });

  it('counts only valid recognitions by level and lapsed ones apart', () => {
    const items = [
      { stars: 4, status: 'valid' },
      { stars: 4, status: 'expired' },
      { stars: 3, status: 'expired' },
    ] as const;
    expect(countByStars(items)).toEqual({ valid: { 3: 0, 4: 1, 5: 0 }, lapsed: 2 });
    const split = byValidity(items);
    expect(split.valid).toEqual([items[0]]);
    expect(split.lapsed).toEqual([items[1], items[2]]);
  });

  it('parses star route segments', () => {
    expect(parseStars('4')).toBe(4);
    expect(parseStars('6')).toBeNull();
    expect(parseStars('four')).toBeNull();
  });
});

describe('prerendersProductPages', () => {
  it('prerenders up to the configured number of products, and renders a larger catalogue on demand', () => {
    expect(prerendersProductPages(34, 5000)).toBe(true);
    expect(prerendersProductPages(5000, 5000)).toBe(true);
    expect(prerendersProductPages(5001, 5000)).toBe(false);
    expect(prerendersProductPages(1, 0)).toBe(false);
  });
});
