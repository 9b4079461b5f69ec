/**
 * Catalogue facts as text in a locale: star bands and their committees, net weights. The numbers come from the
 * rules in ./catalog.ts, the words from the site dictionary.
 */
import { formatNumber, labels, localize, useTranslations, type Locale } from '~/lib/i18n';
import { allowedLevels, scoreBand, STAR_LEVELS, type Stars } from './catalog';
import type { NetWeight } from './content-schema';

function bandValues(stars: Stars, locale: Locale) {
  const t = useTranslations(locale);
  const band = scoreBand(stars);
  const max = t(band.maxInclusive ? 'scoreUpTo' : 'scoreBelow', { max: band.max });
  return { n: stars, min: band.min, max };
}

/** "A hoặc B" / "A or B" (a star level has one or two committees). */
function eitherOf(items: readonly string[], locale: Locale): string {
  if (items.length < 2) return items.join('');
  return useTranslations(locale)('eitherOr', { first: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

/** "4 sao: tổng điểm từ 70 đến dưới 90, công nhận cấp tỉnh hoặc cấp huyện." */
export function starBandText(stars: Stars, locale: Locale): string {
  const levels = allowedLevels(stars).map((level) => localize(labels.levelShort[level], locale));
  return useTranslations(locale)('starBand', {
    ...bandValues(stars, locale),
    levels: eitherOf(levels, locale),
  });
}

/** Every star level's band in one line: "3 sao: 50 đến dưới 70 điểm · … · 5 sao: 90 đến 100 điểm, cấp quốc gia." */
export function starBandsSummary(locale: Locale): string {
  const t = useTranslations(locale);
  const parts = STAR_LEVELS.map((stars) => {
    const band = t('starBandShort', bandValues(stars, locale));
    const [only, ...others] = allowedLevels(stars);
    return only && others.length === 0 ? `${band}, ${localize(labels.levelShort[only], locale)}` : band;
  });
  return `${parts.join(' · ')}.`;
}

/** "500 g", "1,5 kg", "6 cái" / "6 pieces". */
export function netWeightText(weight: NetWeight, locale: Locale): string {
  return useTranslations(locale)(`netWeight.${weight.unit}`, {
    n: weight.value,
    amount: formatNumber(weight.value, locale, 3),
  });
}
