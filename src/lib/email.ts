/** E-mail addresses as every form takes them: trimmed, lower-cased, at most 254 characters (RFC 5321), valid. */
import { z } from 'zod';

/** The longest e-mail address (RFC 5321). */
export const EMAIL_MAX = 254;

/** An e-mail field; its error codes (`emailRequired`, `emailInvalid`) are keys of each room's dictionary. */
export const emailSchema = z
  .string({ error: 'emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'emailRequired' })
  .max(EMAIL_MAX, { error: 'emailInvalid' })
  .pipe(z.email({ error: 'emailInvalid' }));
