import { describe, expect, it } from 'vitest';
import { netWeightText, starBandsSummary, starBandText } from './catalog-text';

describe('star bands as text, from the rules', () => {
  it('names each level’s score band and committee', () => {
    // Corrected by issue 12: districts recognised 3 stars at most, so 4 stars is provincial only (was "or district").
    expect(starBandText(4, 'vi')).toBe('4 sao: tổng điểm từ 70 đến dưới 90, công nhận cấp tỉnh.');
    expect(starBandText(5, 'vi')).toBe('5 sao: tổng điểm từ 90 đến 100, công nhận cấp quốc gia.');
    expect(starBandText(3, 'en')).toBe(
      '3 stars: a total score from 50 to under 70, recognised at provincial level or district level.',
    );
    expect(starBandText(5, 'en')).toBe(
      '5 stars: a total score from 90 to 100, recognised at national level.',
    );
  });

  it('sums the bands up in one line', () => {
    // Corrected by issue 12: 4 stars now names its one committee, the province.
    expect(starBandsSummary('vi')).toBe(
      '3 sao: 50 đến dưới 70 điểm · 4 sao: 70 đến dưới 90 điểm, cấp tỉnh · 5 sao: 90 đến 100 điểm, cấp quốc gia.',
    );
    expect(starBandsSummary('en')).toBe(
      '3 stars: 50 to under 70 points · 4 stars: 70 to under 90 points, provincial level · 5 stars: 90 to 100 points, national level.',
    );
  });
});

describe('net weight as text', () => {
  it('writes the amount the reader’s way and the unit in their language', () => {
    expect(netWeightText({ value: 500, unit: 'g' }, 'vi')).toBe('500 g');
    expect(netWeightText({ value: 1.5, unit: 'kg' }, 'vi')).toBe('1,5 kg');
    expect(netWeightText({ value: 1.5, unit: 'kg' }, 'en')).toBe('1.5 kg');
    expect(netWeightText({ value: 6, unit: 'piece' }, 'vi')).toBe('6 cái');
    expect(netWeightText({ value: 1, unit: 'piece' }, 'en')).toBe('1 piece');
    expect(netWeightText({ value: 6, unit: 'piece' }, 'en')).toBe('6 pieces');
  });
});
