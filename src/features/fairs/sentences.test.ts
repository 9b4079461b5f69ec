import { describe, expect, it } from 'vitest';
import { useFairsTranslations } from './messages';
import { explanationText, fairsFeedback, problemText, ruleSummary, scheduleText } from './sentences';
import { subsidyRuleSchema } from './subsidies';

const en = useFairsTranslations('en');
const vi = useFairsTranslations('vi');

describe('problems as sentences', () => {
  it('fills a problem’s parameters in order, and says something generic for an unknown key', () => {
    expect(problemText(en, 'booth.overlaps|A2|A1')).toBe('Booth A2 overlaps booth A1.');
    expect(problemText(vi, 'booth.outsideWidth|A1|200')).toBe(
      'Gian A1 vượt ra ngoài chiều ngang khu triển lãm (200 m).',
    );
    expect(problemText(en, 'no.such.problem')).toBe('This value is not valid.');
    expect(problemText(en, undefined)).toBe('');
  });
  it('turns an action’s field errors into translated field messages', () => {
    const feedback = fairsFeedback(
      {
        error: {
          type: 'AstroActionInputError',
          message: 'x',
          fields: { startsOn: ['fair.startsPast|2026-11-21'] },
        },
      },
      en,
    );
    expect(feedback).toEqual({
      fields: { startsOn: 'The opening day has passed (today is 2026-11-21).' },
      form: 'Please correct the marked fields.',
    });
    expect(fairsFeedback({ error: { message: 'booking.taken' } }, vi).form).toBe(
      'Gian này vừa được chủ thể khác giữ chỗ. Vui lòng chọn gian khác.',
    );
  });
});

describe('a subsidy explanation as sentences', () => {
  it('says which rule was chosen and how it was worked out', () => {
    expect(
      explanationText(en, {
        key: 'chosen',
        rule: 'Booth rent 50%',
        rateBp: 5_000,
        base: 76_000_000,
        amount: 38_000_000,
      }),
    ).toBe(
      'Most favourable rule, “Booth rent 50%”: 50% × ₫76,000,000 = ₫38,000,000 (rounded down to the đồng)',
    );
    expect(
      explanationText(vi, { key: 'ruleNotEligible', rule: 'OCOP 4 sao', reason: 'stars', stars: 4 }),
    ).toBe('Quy tắc “OCOP 4 sao”: không áp dụng, cần sản phẩm OCOP còn hiệu lực từ 4 sao');
    expect(
      explanationText(en, { key: 'limited', reason: 'budget', limit: 24_000_000, amount: 24_000_000 }),
    ).toBe('Limited by the remaining budget: ₫24,000,000 → subsidy ₫24,000,000');
    expect(explanationText(en, { key: 'noRules' })).toBe('This fair has no subsidy policy.');
  });
});

describe('a payment schedule as sentences', () => {
  it('says who pays what by when, in Vietnam time', () => {
    const by = new Date('2026-11-21T03:30:00Z');
    expect(scheduleText(en, { key: 'producerDue', amount: 43_000_000, by, method: 'online' })).toMatch(
      /^The producer pays ₫43,000,000 by card before .*10:30\.$/,
    );
    expect(scheduleText(vi, { key: 'producerDue', amount: 0, by: null, method: 'none' })).toBe(
      'Chủ thể không phải trả gì.',
    );
    expect(scheduleText(en, { key: 'subsidySettled', amount: 38_000_000, afterDay: '2026-12-14' })).toBe(
      'The province pays the ₫38,000,000 subsidy to the organiser after 14 December 2026.',
    );
  });
});

describe('a rule in a line', () => {
  it('names the rate, the items, the stars and the cap', () => {
    const rule = subsidyRuleSchema.parse({
      label: 'x',
      rateBp: 5_000,
      minStars: 3,
      eligibleItems: ['rent', 'service'],
      capPerBooking: 38_000_000,
    });
    expect(ruleSummary(en, rule)).toBe(
      '50% of booth rent, service fee · OCOP products of 3+ stars · up to ₫38,000,000 per booth',
    );
  });
});
