import { z } from 'zod';

/** An amount of Vietnamese dong: a whole, non-negative number (VND has no minor unit). */
export const vndSchema = z
  .number({ error: 'must be a number of đồng' })
  .int({ error: 'must be a whole number of đồng (VND has no decimals), e.g. 150000' })
  .nonnegative({ error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
  .describe('Amount in Vietnamese đồng, a whole number (150000 means 150.000 ₫)');
export type Vnd = z.infer<typeof vndSchema>;

/** Formatting lives with the other Intl formatters in the language module. */
export { formatVnd } from './i18n/format.ts';
