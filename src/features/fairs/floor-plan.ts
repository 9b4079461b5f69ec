/**
 * Floor plans: booths on a metre grid inside a rectangular hall, their validation (inside the hall, no overlap,
 * unique codes) and their rent. Pure: no I/O.
 */
import { z } from 'zod';
import { addProblem, problem, type FieldProblems } from './problems';

export const BOOTH_TYPES = ['shell', 'raw', 'premium'] as const;
export type BoothType = (typeof BOOTH_TYPES)[number];

export const PRICING_MODES = ['fixed', 'perM2'] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

/** The largest hall side and price accepted, so rent arithmetic stays exact in whole đồng. */
export const MAX_HALL_METRES = 1_000;
export const MAX_PRICE = 100_000_000_000;

const wholeMetres = (min: number, max: number) =>
  z
    .number({ error: 'field.number' })
    .int({ error: 'field.wholeMetres' })
    .min(min, { error: problem('field.min', min) })
    .max(max, { error: problem('field.max', max) });
const priceVnd = z
  .number({ error: 'field.number' })
  .int({ error: 'field.wholeDong' })
  .nonnegative({ error: 'field.negative' })
  .max(MAX_PRICE, { error: 'field.tooLarge' });

/** One booth as the promoter draws it: grid position and size in metres, open sides, type, zone and price. */
export const boothSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/, { error: 'booth.codeFormat' })
    .transform((code) => code.toUpperCase())
    .describe('Booth code shown on the plan, e.g. A-01'),
  x: wholeMetres(0, MAX_HALL_METRES).describe('Metres from the hall’s left wall'),
  y: wholeMetres(0, MAX_HALL_METRES).describe('Metres from the hall’s front wall'),
  width: wholeMetres(1, MAX_HALL_METRES),
  depth: wholeMetres(1, MAX_HALL_METRES),
  openSides: z
    .number({ error: 'field.number' })
    .int({ error: 'booth.openSides' })
    .min(1, { error: 'booth.openSides' })
    .max(4, { error: 'booth.openSides' })
    .describe('1 inline, 2 corner, 3 peninsula, 4 island'),
  type: z.enum(BOOTH_TYPES, { error: 'booth.type' }),
  zone: z
    .string()
    .trim()
    .max(60, { error: problem('field.maxLength', 60) })
    .default(''),
  pricing: z.enum(PRICING_MODES, { error: 'booth.pricing' }),
  /** Fixed rent, or rent per m² when pricing = perM2. */
  price: priceVnd,
  /** Added once per open side beyond the first (corner +1, island +3). */
  openSidePremium: priceVnd.default(0),
  /** Not for sale (a pillar, the organiser's desk, a reserved pavilion). */
  blocked: z.boolean().default(false),
});
export type Booth = z.infer<typeof boothSchema>;
export type BoothInput = z.input<typeof boothSchema>;

export interface Hall {
  width: number;
  depth: number;
}

/** The booth's floor area in m². */
export function boothArea(booth: Pick<Booth, 'width' | 'depth'>): number {
  return booth.width * booth.depth;
}

/** Rent of a booth in whole đồng: fixed or area × rate, plus the premium for each open side beyond the first. */
export function boothRent(
  booth: Pick<Booth, 'pricing' | 'price' | 'width' | 'depth' | 'openSides' | 'openSidePremium'>,
): number {
  const base = booth.pricing === 'fixed' ? booth.price : booth.price * boothArea(booth);
  const rent = base + booth.openSidePremium * (booth.openSides - 1);
  if (!Number.isSafeInteger(rent)) throw new RangeError(`booth rent ${rent} is not a whole number of đồng`);
  return rent;
}

function overlaps(a: Booth, b: Booth): boolean {
  // Touching edges share a wall, they do not overlap.
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.depth && b.y < a.y + a.depth;
}

/**
 * Problems of a floor plan, keyed `booths.<index>.<field>`: codes used twice, booths reaching outside the hall,
 * booths overlapping another (named by its code). Empty when the plan can be saved.
 */
export function floorPlanProblems(hall: Hall, booths: readonly Booth[]): FieldProblems {
  const problems: FieldProblems = {};
  const firstByCode = new Map<string, number>();
  booths.forEach((booth, i) => {
    const seen = firstByCode.get(booth.code);
    if (seen !== undefined) addProblem(problems, `booths.${i}.code`, problem('booth.codeTaken', booth.code));
    else firstByCode.set(booth.code, i);
    if (booth.x + booth.width > hall.width) {
      addProblem(problems, `booths.${i}.x`, problem('booth.outsideWidth', booth.code, hall.width));
    }
    if (booth.y + booth.depth > hall.depth) {
      addProblem(problems, `booths.${i}.y`, problem('booth.outsideDepth', booth.code, hall.depth));
    }
    for (let j = 0; j < i; j++) {
      const other = booths[j]!;
      if (overlaps(booth, other)) {
        addProblem(problems, `booths.${i}.x`, problem('booth.overlaps', booth.code, other.code));
        break;
      }
    }
  });
  return problems;
}

/** The font size (in metres) that fits a booth's code inside its rectangle on the drawn plan. */
export function labelSize(booth: Pick<Booth, 'code' | 'width' | 'depth'>): number {
  const byWidth = (booth.width - 0.4) / (Math.max(1, booth.code.length) * 0.62);
  const byDepth = booth.depth / 2.2;
  return Math.floor(Math.max(0.3, Math.min(1.2, byWidth, byDepth)) * 100) / 100;
}
