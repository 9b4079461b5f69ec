import { describe, expect, it } from 'vitest';
import { jsonLdScript, productJsonLd } from './structured-data';

const input = {
  url: 'https://ocop.example/products/keo-dua',
  name: 'Kẹo dừa',
  description: 'Coconut candy',
  images: ['https://ocop.example/cover.jpg'],
  sku: 'keo-dua',
  brand: 'Dong A',
  producerUrl: 'https://ocop.example/producers/dong-a',
  countryOfOrigin: 'VN',
  price: 65_000,
  stars: 5 as const,
  score: 92,
  status: 'expired' as const,
  validUntil: '2027-07-14',
};

describe('productJsonLd', () => {
  it('describes the offer in whole VND', () => {
    const ld = productJsonLd(input);
    expect(ld['@type']).toBe('Product');
    expect(ld.offers).toMatchObject({ price: '65000', priceCurrency: 'VND' });
  });

  it('says when the certificate has expired', () => {
    const ld = productJsonLd(input) as { additionalProperty: { name: string; value: unknown }[] };
    expect(ld.additionalProperty.find((p) => p.name === 'OCOP certificate')!.value).toBe(
      'expired on 2027-07-14',
    );
  });

  it('names the values that are sample data, and says nothing of it for a fully sourced product', () => {
    type Ld = { additionalProperty: { name: string; value: unknown }[] };
    const sampleOf = (ld: Record<string, unknown>) =>
      (ld as Ld).additionalProperty.find((p) => p.name === 'Sample data (illustrative)')?.value;
    expect(sampleOf(productJsonLd({ ...input, sampleFields: ['price', 'certification.score'] }))).toBe(
      'price, certification.score',
    );
    expect(sampleOf(productJsonLd({ ...input, sampleFields: 'all' }))).toBe('all values');
    expect(sampleOf(productJsonLd(input))).toBeUndefined();
    expect(sampleOf(productJsonLd({ ...input, sampleFields: [] }))).toBeUndefined();
  });

  it('cannot be broken out of its script element', () => {
    const text = jsonLdScript(productJsonLd({ ...input, name: '</script><script>alert(1)</script>' }));
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});
