import { describe, expect, it } from 'vitest';
import { productFieldsSchema } from '../catalog/content-schema';
import {
  checkListingInput,
  cleanText,
  fieldLabel,
  LISTING_TEXT_MAX,
  PRICE_MAX,
  listingSchema,
  problemText,
  sanitizeListingInput,
  type ListingProblem,
} from './listing';
import { usePortalTranslations } from './messages';

const photo = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A listing as the editor posts it (dates as typed, numbers already numbers). */
function posted(): Record<string, unknown> {
  return {
    name: { vi: 'Kẹo dừa sáp', en: 'Waxy coconut candy' },
    summary: { vi: 'Kẹo dừa sáp Trà Vinh.', en: 'Waxy coconut candy from Tra Vinh.' },
    group: 'food',
    certification: {
      stars: 4,
      score: 75,
      recognisedOn: '2024-06-01',
      level: 'provincial',
      decisionNumber: '1234/QĐ-UBND',
    },
    price: 45000,
    unit: { vi: 'hộp 400 g', en: '400 g box' },
    netWeight: { value: 400, unit: 'g' },
    shelfLifeDays: 180,
    storage: { vi: 'Nơi khô ráo, thoáng mát.', en: 'Keep in a cool, dry place.' },
    ingredients: { vi: ['cơm dừa sáp', 'đường'], en: ['waxy coconut flesh', 'sugar'] },
    allergens: [],
    story: { vi: 'Câu chuyện **dừa sáp**.', en: 'The story of **waxy coconut**.' },
    stock: 120,
    photos: [photo(1), photo(2)],
  };
}

function problemsOf(input: Record<string, unknown>): ListingProblem[] {
  const result = checkListingInput(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}
const byPath = (problems: ListingProblem[]) =>
  Object.fromEntries(problems.map((p) => [p.path, { key: p.key, values: p.values }]));

const vi = usePortalTranslations('vi');
const en = usePortalTranslations('en');

describe('the shared listing schema', () => {
  it('accepts a complete listing and reads dates as dates', () => {
    const result = checkListingInput(posted());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.listing.certification.recognisedOn).toEqual(new Date('2024-06-01T00:00:00Z'));
    expect(result.listing.photos).toEqual([photo(1), photo(2)]);
  });

  it('checks the fields it shares with a product file with the very same schemas', () => {
    const listingShape = listingSchema.shape as Record<string, unknown>;
    const fileShape = productFieldsSchema.shape as Record<string, unknown>;
    const shared = Object.keys(fileShape).filter((key) => key in listingShape);
    expect(shared.every((key) => listingShape[key] === fileShape[key])).toBe(true);
    expect(shared).toEqual([
      'name',
      'summary',
      'group',
      'certification',
      'price',
      'unit',
      'netWeight',
      'shelfLifeDays',
      'storage',
      'ingredients',
      'allergens',
    ]);
  });

  it('applies the OCOP rules of content files: stars that disagree with the score', () => {
    const input = posted();
    input.certification = { ...(input.certification as object), stars: 5 };
    const problems = problemsOf(input);
    expect(byPath(problems)).toEqual({
      'certification.stars': { key: 'problem.cert.starsScoreMismatchFive', values: { score: 75, earned: 4 } },
      'certification.level': { key: 'problem.cert.levelFiveStarsNational', values: {} },
    });
    expect(problemText(vi, problems[0]!)).toBe(
      'Số sao OCOP: sản phẩm 5 sao cần điểm từ 90 đến 100, nhưng điểm là 75 (ứng với 4 sao). Hãy sửa số sao hoặc điểm cho đúng quyết định công nhận.',
    );
    expect(problemText(en, problems[0]!)).toBe(
      'OCOP stars: 5 stars need a score from 90 to 100, but the score is 75 (which earns 4 stars). Correct the stars or the score to match the recognition decision.',
    );
  });

  it('names each certification rule a claim breaks, in words a producer understands', () => {
    const withCert = (patch: object) => {
      const input = posted();
      input.certification = { ...(input.certification as object), ...patch };
      return byPath(problemsOf(input));
    };
    expect(withCert({ stars: 3 })['certification.stars']).toEqual({
      key: 'problem.cert.starsScoreMismatch',
      values: { stars: 3, min: 50, max: 70, score: 75, earned: 4 },
    });
    expect(withCert({ score: 40 })['certification.score']).toEqual({
      key: 'problem.cert.scoreNoStars',
      values: { score: 40 },
    });
    expect(withCert({ score: 92 })['certification.candidacy']).toEqual({
      key: 'problem.cert.candidacyMissing',
      values: { score: 92 },
    });
    expect(withCert({ level: 'district' })['certification.level']?.key).toBe(
      'problem.cert.levelFourStarsProvincial',
    );
    expect(withCert({ level: 'national' })['certification.level']).toEqual({
      key: 'problem.cert.levelNationalIsFiveStars',
      values: { stars: 4 },
    });
    expect(
      withCert({ stars: 3, score: 60, level: 'district', recognisedOn: '2025-08-01' })['certification.level'],
    ).toEqual({ key: 'problem.cert.levelNoDistricts', values: { date: '2025-07-01' } });
    expect(withCert({ validUntil: '2024-01-01' })['certification.validUntil']?.key).toBe(
      'problem.cert.validUntilNotAfter',
    );
    expect(
      withCert({ score: 92, candidacy: { submittedOn: '2024-05-01' } })[
        'certification.candidacy.submittedOn'
      ],
    ).toEqual({
      key: 'problem.cert.candidacyBeforeRecognition',
      values: { submittedOn: '2024-05-01', recognisedOn: '2024-06-01' },
    });
  });

  it('requires ingredients of food, as content files do', () => {
    const { ingredients: _dropped, ...input } = posted();
    const problems = problemsOf(input);
    expect(byPath(problems)).toEqual({ ingredients: { key: 'problem.ingredientsRequired', values: {} } });
    expect(problemText(vi, problems[0]!)).toBe(
      'Thành phần: sản phẩm thực phẩm, đồ uống và thảo dược phải ghi thành phần bằng cả tiếng Việt và tiếng Anh.',
    );
  });

  it('asks a price above 0 and within one billion đồng', () => {
    expect(byPath(problemsOf({ ...posted(), price: 0 }))).toEqual({
      price: { key: 'problem.positive', values: {} },
    });
    expect(byPath(problemsOf({ ...posted(), price: PRICE_MAX + 1 }))).toEqual({
      price: { key: 'problem.atMost', values: { maximum: PRICE_MAX } },
    });
    expect(checkListingInput({ ...posted(), price: PRICE_MAX }).ok).toBe(true);
  });

  it('says which field is missing, empty, not a whole number or too long', () => {
    const input = posted();
    input.name = { vi: '   ' };
    input.price = 45000.5;
    input.stock = -1;
    input.summary = { vi: 'x'.repeat(LISTING_TEXT_MAX.summary + 1), en: 'ok' };
    input.netWeight = { value: 0, unit: 'g' };
    input.group = 'furniture';
    const problems = problemsOf(input);
    expect(byPath(problems)).toEqual({
      'name.vi': { key: 'problem.required', values: {} },
      'name.en': { key: 'problem.required', values: {} },
      group: { key: 'problem.chooseOption', values: {} },
      price: { key: 'problem.wholeNumber', values: {} },
      'netWeight.value': { key: 'problem.positive', values: {} },
      stock: { key: 'problem.atLeast', values: { minimum: 0 } },
    });
    // Length limits are checked once every field is well formed.
    const long = posted();
    long.summary = { vi: 'x'.repeat(LISTING_TEXT_MAX.summary + 1), en: 'ok' };
    const [tooLong] = problemsOf(long);
    expect(tooLong).toMatchObject({ path: 'summary.vi', key: 'problem.tooLong', values: { maximum: 300 } });
    expect(problemText(vi, tooLong!)).toBe('Mô tả ngắn (tiếng Việt): dài quá, tối đa 300 ký tự.');
    expect(problemText(en, problems[0]!)).toBe('Product name (Vietnamese): missing, please fill this in.');
  });

  it('needs a photo, at most eight, each a photo id, none twice', () => {
    const none = posted();
    none.photos = [];
    expect(byPath(problemsOf(none))).toEqual({ photos: { key: 'problem.atLeastOne', values: {} } });
    const many = posted();
    many.photos = Array.from({ length: 9 }, (_, i) => photo(i + 1));
    expect(byPath(problemsOf(many))).toEqual({ photos: { key: 'problem.tooMany', values: { maximum: 8 } } });
    const bad = posted();
    bad.photos = ['../../etc/passwd'];
    expect(byPath(problemsOf(bad))).toEqual({ 'photos.0': { key: 'problem.invalid', values: {} } });
    const twice = posted();
    twice.photos = [photo(1), photo(1)];
    expect(byPath(problemsOf(twice))).toEqual({ photos: { key: 'problem.invalid', values: {} } });
  });

  it('refuses fields a listing does not have, such as a content file’s featured flag', () => {
    const input = { ...posted(), featured: true };
    expect(byPath(problemsOf(input))).toEqual({
      '': { key: 'problem.unknownField', values: { keys: 'featured' } },
    });
  });

  it('labels every field path, down to list items', () => {
    expect(fieldLabel('ingredients.vi.2')).toBe('field.ingredients.vi');
    expect(fieldLabel('certification.candidacy.submittedOn')).toBe(
      'field.certification.candidacy.submittedOn',
    );
    expect(fieldLabel('photos.3')).toBe('field.photos');
    expect(fieldLabel('')).toBe('field.listing');
  });

  it('takes dates only as year-month-day, never a day/month order new Date() would misread', () => {
    const input = posted();
    input.certification = { ...(input.certification as object), recognisedOn: '10/03/2024' };
    const problems = problemsOf(input);
    expect(byPath(problems)).toEqual({ 'certification.recognisedOn': { key: 'problem.date', values: {} } });
    expect(problemText(vi, problems[0]!)).toBe(
      'Ngày công nhận: hãy nhập ngày theo dạng năm-tháng-ngày, ví dụ 2025-03-10.',
    );
  });

  it('names a whole missing group of fields, such as the story in both languages', () => {
    const { story: _dropped, ...input } = posted();
    const problems = problemsOf(input);
    expect(problems.map((p) => [p.path, p.label, p.key])).toEqual([
      ['story', 'field.story', 'problem.required'],
    ]);
    expect(problemText(vi, problems[0]!)).toBe('Câu chuyện sản phẩm: chưa nhập, hãy điền thông tin này.');
  });
});

describe('sanitising a posted listing', () => {
  it('stores Vietnamese composed (NFC), whichever way the phone typed it', () => {
    const decomposed = 'Kẹo dừa'.normalize('NFD');
    expect(decomposed).not.toBe('Kẹo dừa');
    expect(cleanText(decomposed)).toBe('Kẹo dừa');
  });

  it('drops control characters and bidirectional overrides, keeps line breaks and tabs', () => {
    expect(cleanText('Dừa\u0000 sáp\u202e\r\nTrà\tVinh\ufeff')).toBe('Dừa sáp\nTrà\tVinh');
  });

  it('copies objects as plain data, without prototype keys', () => {
    const hostile = JSON.parse('{"name":{"vi":"a","__proto__":{"polluted":true}},"constructor":1}');
    const clean = sanitizeListingInput(hostile) as Record<string, Record<string, unknown>>;
    expect(clean).toEqual({ name: { vi: 'a' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('cleans before checking, so an invisible-only name is an empty name', () => {
    const input = posted();
    input.name = { vi: '\u202e\u0007', en: 'Waxy coconut candy' };
    expect(byPath(problemsOf(input))).toEqual({ 'name.vi': { key: 'problem.required', values: {} } });
  });
});
