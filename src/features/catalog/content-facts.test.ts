import { describe, expect, it } from 'vitest';
import {
  asOfText,
  isSample,
  netQuantityMeasure,
  newestFirst,
  producerPlace,
  sampleFieldsOf,
} from './content-facts';
import { starCountProblem } from './province-schema';

describe('sample values', () => {
  const fromArticle = {
    kind: 'article' as const,
    sources: ['bao-dong-khoi-2025-04-28'],
    sampleFields: ['price', 'certification.decisionNumber'],
  };

  it('marks every value of a sample entry and only the listed values of an article entry', () => {
    expect(isSample({ kind: 'sample' }, 'certification.stars')).toBe(true);
    expect(isSample(fromArticle, 'certification.decisionNumber')).toBe(true);
    expect(isSample(fromArticle, 'certification.stars')).toBe(false);
  });

  it('lists the sample values of an article entry in the order of the fields', () => {
    expect(sampleFieldsOf(fromArticle, ['certification.decisionNumber', 'netWeight', 'price'])).toEqual([
      'certification.decisionNumber',
      'price',
    ]);
    expect(sampleFieldsOf({ kind: 'sample' }, ['price'])).toEqual([]);
  });
});

describe('net quantity', () => {
  it('is a weight, a volume or a count by its unit', () => {
    expect(netQuantityMeasure('g')).toBe('weight');
    expect(netQuantityMeasure('kg')).toBe('weight');
    expect(netQuantityMeasure('ml')).toBe('volume');
    expect(netQuantityMeasure('l')).toBe('volume');
    expect(netQuantityMeasure('piece')).toBe('count');
  });
});

describe('programme figures', () => {
  it('reads the date the figures describe, or the year when that is all the source gives', () => {
    expect(asOfText('2025-10-21', 'vi')).toBe('21 tháng 10, 2025');
    expect(asOfText('2025-10-21', 'en')).toBe('21 October 2025');
    expect(asOfText('2023', 'vi')).toBe('năm 2023');
    expect(asOfText('2023', 'en')).toBe('2023');
  });

  it('sorts figures newest first, a year counting as its last day', () => {
    const figures = [{ asOf: '2023' }, { asOf: '2025-10-21' }, { asOf: '2023-12-30' }].map((f) => ({
      ...f,
      source: 's',
      byStars: {},
    }));
    expect(newestFirst(figures).map((f) => f.asOf)).toEqual(['2025-10-21', '2023', '2023-12-30']);
  });

  it('refuses counts by star level that do not add up to the total, saying how to fix them', () => {
    expect(starCountProblem({ totalProducts: 343, byStars: { 3: 266, 4: 75, 5: 2 } })).toBeUndefined();
    // A level the source does not give counts as none (Thai Binh has no 5-star product).
    expect(starCountProblem({ totalProducts: 261, byStars: { 3: 213, 4: 48 } })).toBeUndefined();
    // No total, or no breakdown: nothing to add up.
    expect(starCountProblem({ byStars: { 4: 32 } })).toBeUndefined();
    expect(starCountProblem({ totalProducts: 341, byStars: {} })).toBeUndefined();
    expect(starCountProblem({ totalProducts: 151, byStars: { 3: 95, 4: 55, 5: 2 } })).toBe(
      '95 (3 stars) + 55 (4 stars) + 2 (5 stars) = 152, but totalProducts is 151: copy the counts and the total exactly as the source gives them (a star level the source does not give counts as none)',
    );
  });
});

describe('a producer’s place after the July 2025 reorganisation', () => {
  const benTre = { name: { vi: 'Bến Tre', en: 'Ben Tre' }, mergedInto: { vi: 'Vĩnh Long', en: 'Vinh Long' } };
  const caMau = { name: { vi: 'Cà Mau', en: 'Ca Mau' } };

  it('puts the current commune in the province a former province joined, with the old names as history', () => {
    expect(producerPlace({ commune: 'Xã Sơn Định', formerDistrict: 'huyện Chợ Lách' }, benTre)).toEqual({
      commune: 'Xã Sơn Định',
      province: { vi: 'Vĩnh Long', en: 'Vinh Long' },
      formerLocal: 'huyện Chợ Lách',
      formerProvince: { vi: 'Bến Tre', en: 'Ben Tre' },
    });
  });

  it('names a former province the producer file gives when the province file is a current one', () => {
    expect(
      producerPlace(
        { commune: 'Xã Long Điền', formerDistrict: 'huyện Đông Hải', formerProvince: 'Bạc Liêu' },
        caMau,
      ),
    ).toEqual({
      commune: 'Xã Long Điền',
      province: caMau.name,
      formerLocal: 'huyện Đông Hải',
      formerProvince: 'Bạc Liêu',
    });
  });

  it('keeps a former commune first and leaves out history that did not change', () => {
    expect(
      producerPlace(
        { commune: 'Xã Mới', formerCommune: 'xã Cũ', formerDistrict: 'huyện Trần Văn Thời' },
        caMau,
      ),
    ).toEqual({ commune: 'Xã Mới', province: caMau.name, formerLocal: 'xã Cũ, huyện Trần Văn Thời' });
    expect(producerPlace({ commune: 'Phường Mộc Châu' }, caMau)).toEqual({
      commune: 'Phường Mộc Châu',
      province: caMau.name,
    });
  });
});
