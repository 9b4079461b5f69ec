import { describe, expect, it } from 'vitest';
import { checkListingInput } from './listing.ts';
import { formFieldOf, formValuesOf, listingFromForm, typedAmount, typedNumber } from './listing-form.ts';

const PHOTO = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0b9c7d13';

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}

const FILLED = {
  'name.vi': 'Kẹo dừa sáp',
  'name.en': 'Soft coconut candy',
  'summary.vi': 'Kẹo dừa thủ công',
  'summary.en': 'Handmade coconut candy',
  'story.vi': 'Làm từ dừa sáp Cầu Kè.',
  'story.en': 'Made from waxy coconuts of Cầu Kè.',
  group: 'food',
  'certification.stars': '4',
  'certification.score': '78',
  'certification.recognisedOn': '2025-03-10',
  'certification.level': 'provincial',
  'certification.decisionNumber': '1234/QĐ-UBND',
  'certification.validUntil': '',
  'certification.candidacy.submittedOn': '',
  'certification.candidacy.dossierNumber': '',
  price: '150.000',
  stock: '40',
  'unit.vi': 'hộp 500 g',
  'unit.en': '500 g box',
  'netWeight.value': '0,5',
  'netWeight.unit': 'kg',
  shelfLifeDays: '180',
  'storage.vi': 'Nơi khô mát',
  'storage.en': 'Cool, dry place',
  'ingredients.vi': 'Dừa\nĐường\n\n',
  'ingredients.en': 'Coconut\nSugar',
  allergens: [],
  photos: [PHOTO],
};

describe('listingFromForm', () => {
  it('reads a filled editor into a listing the schema accepts', () => {
    const checked = checkListingInput(listingFromForm(form(FILLED)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.listing.price).toBe(150_000);
    expect(checked.listing.netWeight).toEqual({ value: 0.5, unit: 'kg' });
    expect(checked.listing.ingredients).toEqual({ vi: ['Dừa', 'Đường'], en: ['Coconut', 'Sugar'] });
    expect(checked.listing.certification.validUntil).toBeUndefined();
  });

  it('names the fields a producer left wrong, at the form field that shows them', () => {
    const checked = checkListingInput(
      listingFromForm(form({ ...FILLED, price: 'abc', 'certification.stars': '5', 'ingredients.vi': '' })),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const fields = checked.problems.map((p) => formFieldOf(p.path));
    expect(fields).toEqual(expect.arrayContaining(['price', 'certification.stars']));
    expect(checked.problems.find((p) => p.path === 'price')?.key).toBe('problem.number');
  });

  it('writes a stored listing back as the same form values', () => {
    const checked = checkListingInput(listingFromForm(form(FILLED)));
    if (!checked.ok) throw new Error('expected a listing');
    const values = formValuesOf(checked.listing);
    expect(values['price']).toBe('150000');
    expect(values['certification.recognisedOn']).toBe('2025-03-10');
    expect(values['ingredients.vi']).toBe('Dừa\nĐường');
  });
});

describe('typed numbers', () => {
  it('reads grouped đồng and decimal commas, and leaves words as text', () => {
    expect(typedAmount('1.250.000')).toBe(1_250_000);
    expect(typedAmount('150 000')).toBe(150_000);
    expect(typedNumber('0,5')).toBe(0.5);
    expect(typedNumber('')).toBeUndefined();
    expect(typedNumber('1e3')).toBe('1e3');
  });
});

describe('formFieldOf', () => {
  it('maps a problem to the field that shows it', () => {
    expect(formFieldOf('ingredients.vi.2')).toBe('ingredients.vi');
    expect(formFieldOf('certification.candidacy')).toBe('certification.candidacy.submittedOn');
    expect(formFieldOf('')).toBe('');
  });
});
