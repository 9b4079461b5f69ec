/**
 * How the catalogue's content facts read: which values are sample data, where a producer is after the July 2025
 * reorganisation (and where it was before), the date of programme figures, and what a net quantity measures.
 */
import { formatIsoDay, useTranslations, type Locale, type Localized } from '~/lib/i18n';
import type { NetWeight, Provenance } from './content-schema';
import type { ProgrammeFigures } from './province-schema';

/** Whether a value of an entry is invented: every value of a sample entry, the listed ones of an article entry. */
export function isSample(provenance: Provenance, field: string): boolean {
  return provenance.kind === 'sample' || provenance.sampleFields.includes(field);
}

/** The invented values of an entry from an article, in the order `fields` lists them (empty for a sample entry). */
export function sampleFieldsOf<F extends string>(provenance: Provenance, fields: readonly F[]): F[] {
  if (provenance.kind === 'sample') return [];
  return fields.filter((field) => provenance.sampleFields.includes(field));
}

/** What a net quantity measures, which names its label: Khối lượng tịnh, Thể tích thực or Số lượng. */
export function netQuantityMeasure(unit: NetWeight['unit']): 'weight' | 'volume' | 'count' {
  if (unit === 'g' || unit === 'kg') return 'weight';
  if (unit === 'ml' || unit === 'l') return 'volume';
  return 'count';
}

/** The date programme figures describe: "21 tháng 10, 2025" for a day, "năm 2023" when the source gives a year. */
export function asOfText(asOf: string, locale: Locale): string {
  if (/^\d{4}$/.test(asOf)) return useTranslations(locale)('asOfYear', { year: asOf });
  return formatIsoDay(asOf, locale);
}

/** Programme figures newest first (a year sorts as its last day). */
export function newestFirst(figures: readonly ProgrammeFigures[]): ProgrammeFigures[] {
  const day = (asOf: string) => (asOf.length === 4 ? `${asOf}-12-31` : asOf);
  return [...figures].sort((a, b) => day(b.asOf).localeCompare(day(a.asOf)));
}

interface PlaceOfProducer {
  commune: string;
  formerCommune?: string | undefined;
  formerDistrict?: string | undefined;
  formerProvince?: string | undefined;
}

interface PlaceOfProvince {
  name: Localized;
  mergedInto?: Localized | undefined;
}

/** Where a producer is today and, as history, what the place was called before July 2025. */
export interface ProducerPlace {
  commune: string;
  /** The province today: the one a former province joined, else the province itself. */
  province: Localized;
  /** Former commune and district in Vietnamese ("xã Cũ, huyện Chợ Lách"), if the producer file gives them. */
  formerLocal?: string;
  /** The province before July 2025: a former province file's name, or the Vietnamese name the producer gives. */
  formerProvince?: Localized | string;
}

/**
 * A producer's place after the 2025 reorganisation: the current commune always goes with the current province
 * (never a new commune with an old province), and the former names follow as history.
 */
export function producerPlace(producer: PlaceOfProducer, province: PlaceOfProvince): ProducerPlace {
  const formerProvince = province.mergedInto ? province.name : producer.formerProvince;
  const formerLocal = [producer.formerCommune, producer.formerDistrict].filter(Boolean).join(', ');
  return {
    commune: producer.commune,
    province: province.mergedInto ?? province.name,
    ...(formerLocal ? { formerLocal } : {}),
    ...(formerProvince ? { formerProvince } : {}),
  };
}
