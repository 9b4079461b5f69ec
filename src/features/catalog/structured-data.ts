/** schema.org structured data for catalogue pages, built from plain values so it can be unit-tested. */
import type { CertificationStatus, Stars } from './catalog';

export interface ProductJsonLdInput {
  url: string;
  name: string;
  description: string;
  images: string[];
  sku: string;
  brand: string;
  producerUrl: string;
  countryOfOrigin: string;
  price: number;
  stars: Stars;
  score: number;
  status: CertificationStatus;
  validUntil: string;
  /** Invented values, named as the content file names them; 'all' for a sample product. */
  sampleFields?: readonly string[] | 'all';
}

/** A schema.org Product with its VND offer, the OCOP rating, and which values are sample data, as properties. */
export function productJsonLd(p: ProductJsonLdInput): Record<string, unknown> {
  const sample = p.sampleFields === 'all' ? ['all values'] : (p.sampleFields ?? []);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    image: p.images,
    sku: p.sku,
    url: p.url,
    brand: { '@type': 'Brand', name: p.brand },
    manufacturer: { '@type': 'Organization', name: p.brand, url: p.producerUrl },
    countryOfOrigin: p.countryOfOrigin,
    offers: {
      '@type': 'Offer',
      url: p.url,
      price: String(p.price),
      priceCurrency: 'VND',
      availability: 'https://schema.org/InStock',
    },
    additionalProperty: [
      { '@type': 'PropertyValue', name: 'OCOP stars', value: p.stars },
      { '@type': 'PropertyValue', name: 'OCOP score', value: p.score },
      {
        '@type': 'PropertyValue',
        name: 'OCOP certificate',
        value: p.status === 'valid' ? `valid until ${p.validUntil}` : `expired on ${p.validUntil}`,
      },
      ...(sample.length > 0
        ? [{ '@type': 'PropertyValue', name: 'Sample data (illustrative)', value: sample.join(', ') }]
        : []),
    ],
  };
}

/** Serialises JSON-LD for a <script> element; `<` is escaped so text can never close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
