/**
 * Fairs: what a promoter writes about a fair (names, venue, dates, deadline, hall, per-booth charges,
 * cancellation tiers) and the date rules around it. Calendar days are Vietnam days (UTC+7, no daylight saving).
 * Pure: no I/O.
 */
import { z } from 'zod';
import { vietnamDay, type Localized } from '~/lib/i18n';
import { MAX_HALL_METRES } from './floor-plan';
import { addProblem, problem, type FieldProblems } from './problems';
import type { CostItem } from './subsidies';
import { AREA_CLASSES, VAT_MODES, VAT_RATES } from './terms';

export const FAIR_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

/** Whether a YYYY-MM-DD string names a real calendar day (no 30 February). */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const day = z.string().trim().refine(isRealDay, { error: 'field.date' });
const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { error: 'field.required' })
    .max(max, { error: problem('field.maxLength', max) });
const money = z
  .number({ error: 'field.number' })
  .int({ error: 'field.wholeDong' })
  .nonnegative({ error: 'field.negative' })
  .max(10_000_000_000, { error: 'field.tooLarge' });

/** A cancellation tier: from this day on, cancelling costs this share of what the producer paid. */
export const cancellationTierSchema = z.object({
  from: day,
  feePercent: z
    .number({ error: 'field.number' })
    .int({ error: 'field.whole' })
    .min(0, { error: 'tier.percentRange' })
    .max(100, { error: 'tier.percentRange' }),
});
export type CancellationTier = z.infer<typeof cancellationTierSchema>;

/** Everything a promoter writes about a fair. */
export const fairSchema = z.object({
  nameVi: text(160),
  nameEn: text(160),
  venue: text(160),
  city: text(80),
  organiser: text(160),
  // A blank textarea reaches the schema as null (Astro's form parsing); it means no description.
  descriptionVi: text(4000, 0)
    .nullish()
    .transform((v) => v ?? ''),
  descriptionEn: text(4000, 0)
    .nullish()
    .transform((v) => v ?? ''),
  startsOn: day,
  endsOn: day,
  /** Last Vietnam day on which producers may apply. */
  applicationDeadline: day,
  needsApproval: z.boolean().default(false),
  /** How long a booth stays held while the producer reviews the cost and pays. */
  holdMinutes: z
    .number({ error: 'field.number' })
    .int({ error: 'field.whole' })
    .min(5, { error: problem('field.min', 5) })
    .max(1440, { error: problem('field.max', 1440) })
    .default(30),
  hallWidth: z
    .number({ error: 'field.number' })
    .int({ error: 'field.wholeMetres' })
    .min(1, { error: problem('field.min', 1) })
    .max(MAX_HALL_METRES, { error: problem('field.max', MAX_HALL_METRES) }),
  hallDepth: z
    .number({ error: 'field.number' })
    .int({ error: 'field.wholeMetres' })
    .min(1, { error: problem('field.min', 1) })
    .max(MAX_HALL_METRES, { error: problem('field.max', MAX_HALL_METRES) }),
  /** Charged per booth on top of rent; whether a subsidy covers them is up to each rule's eligible items. */
  serviceFee: money.default(0),
  decorationFee: money.default(0),
  electricityFee: money.default(0),
  cancellationTiers: z
    .array(cancellationTierSchema)
    .max(6, { error: problem('field.maxItems', 6) })
    .default([]),
  /** The subsidy programme that pays part of the booths; null = no subsidy at this fair. */
  programmeId: z.string().min(1).nullable().default(null),
  /** Where the fair is held (a programme may pay a rate per area class). */
  areaClass: z.enum(AREA_CLASSES, { error: 'terms.area' }).default('other'),
  /** How many times the fair has been held, this one included (a programme may lower the rate for repeats). */
  edition: z
    .number({ error: 'field.number' })
    .int({ error: 'field.whole' })
    .min(1, { error: problem('field.min', 1) })
    .max(999, { error: problem('field.max', 999) })
    .default(1),
  /** Whether booth prices are quoted without VAT (added on top) or with VAT included, and at what rate. */
  vatMode: z.enum(VAT_MODES, { error: 'fair.vatMode' }).default('none'),
  vatRateBp: z.coerce
    .number({ error: 'field.number' })
    .refine((rate) => (VAT_RATES as readonly number[]).includes(rate), { error: 'fair.vatRate' })
    .default(0),
});
export type Fair = z.infer<typeof fairSchema>;
export type FairInput = z.input<typeof fairSchema>;

/** A stored fair as pages see it: name and description in both languages as one value each. */
export interface FairView extends Omit<Fair, 'nameVi' | 'nameEn' | 'descriptionVi' | 'descriptionEn'> {
  id: string;
  slug: string;
  provinceId: string;
  status: FairStatus;
  name: Localized;
  description: Localized;
}

/** A stored fair as the fields a promoter writes (to edit it in the form, or to copy it). */
export function fairFields(fair: FairView): Fair {
  const { id: _id, slug: _slug, provinceId: _province, status: _status, name, description, ...rest } = fair;
  return {
    ...rest,
    nameVi: name.vi,
    nameEn: name.en,
    descriptionVi: description.vi,
    descriptionEn: description.en,
  };
}

/**
 * Date problems of a fair on `today` (a Vietnam day): start in the past, end before start, deadline after the
 * start or already past, cancellation tiers out of order or after the fair. `previous` is the stored fair when
 * editing: unchanged dates of a fair already under way are not refused again.
 */
export function fairProblems(
  fair: Fair,
  today: string,
  previous?: Pick<Fair, 'startsOn' | 'applicationDeadline'>,
): FieldProblems {
  const problems: FieldProblems = {};
  const startChanged = previous === undefined || previous.startsOn !== fair.startsOn;
  const deadlineChanged = previous === undefined || previous.applicationDeadline !== fair.applicationDeadline;
  if (startChanged && fair.startsOn < today)
    addProblem(problems, 'startsOn', problem('fair.startsPast', today));
  if (fair.endsOn < fair.startsOn) addProblem(problems, 'endsOn', 'fair.endsBeforeStart');
  if (fair.applicationDeadline > fair.startsOn)
    addProblem(problems, 'applicationDeadline', 'fair.deadlineAfterStart');
  else if (deadlineChanged && fair.applicationDeadline < today) {
    addProblem(problems, 'applicationDeadline', problem('fair.deadlinePast', today));
  }
  fair.cancellationTiers.forEach((tier, i) => {
    const before = fair.cancellationTiers[i - 1];
    if (before && tier.from <= before.from) addProblem(problems, `cancellationTiers.${i}.from`, 'tier.order');
    if (before && tier.feePercent < before.feePercent)
      addProblem(problems, `cancellationTiers.${i}.feePercent`, 'tier.decreasing');
    if (tier.from > fair.endsOn) addProblem(problems, `cancellationTiers.${i}.from`, 'tier.afterFair');
  });
  return problems;
}

/** Whether producers may still apply at `now`: the fair is published and the deadline day has not passed. */
export function applicationsOpen(
  fair: Pick<Fair, 'applicationDeadline'> & { status: FairStatus },
  now: Date,
): boolean {
  return fair.status === 'published' && vietnamDay(now) <= fair.applicationDeadline;
}

/** Whether the fair's last day (a Vietnam day) is behind us at `now`. */
export function fairOver(fair: Pick<Fair, 'endsOn'>, now: Date): boolean {
  return fair.endsOn < vietnamDay(now);
}

/** The charges of a fair that come with every booth, as cost items (zero amounts left out). */
export function fairCharges(fair: Pick<Fair, 'serviceFee' | 'decorationFee' | 'electricityFee'>): CostItem[] {
  const items: CostItem[] = [
    { kind: 'service', amount: fair.serviceFee },
    { kind: 'decoration', amount: fair.decorationFee },
    { kind: 'electricity', amount: fair.electricityFee },
  ];
  return items.filter((item) => item.amount > 0);
}

/**
 * What cancelling costs on `day`: the fee percent of the last tier that has started, applied to what the producer
 * paid (rounded down, in the producer's favour). The subsidy is never charged a fee: it is released in full.
 */
export function cancellationFee(
  tiers: readonly CancellationTier[],
  paid: number,
  day: string,
): { feePercent: number; fee: number; refund: number } {
  let feePercent = 0;
  for (const tier of tiers) if (tier.from <= day) feePercent = tier.feePercent;
  const fee = Math.floor((paid * feePercent) / 100);
  return { feePercent, fee, refund: paid - fee };
}

/** A copy of a fair to start the next edition from: same hall, charges and tiers, marked as a copy. */
export function duplicateFair(fair: Fair): Fair {
  return {
    ...fair,
    nameVi: `${fair.nameVi} (bản sao)`.slice(0, 160),
    nameEn: `${fair.nameEn} (copy)`.slice(0, 160),
    // A copy is usually the fair held again: its next edition (repetition rates), which the promoter may change.
    edition: Math.min(999, fair.edition + 1),
    cancellationTiers: fair.cancellationTiers.map((tier) => ({ ...tier })),
  };
}

/** URL-safe slug of a fair's name with a short suffix that keeps it unique. */
export function fairSlug(name: string, suffix: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${base || 'fair'}-${suffix}`;
}
