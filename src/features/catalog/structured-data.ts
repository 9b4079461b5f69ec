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
}

/** A schema.org Product with its VND offer and the OCOP rating as additional properties. */
export function productJsonLd(p: ProductJsonLdInput): Record<string, unknown> {
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
    ],
  };
}

/** Serialises JSON-LD for a <script> element; `<` is escaped so text can never close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
