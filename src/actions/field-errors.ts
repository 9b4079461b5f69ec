/**
 * Field errors raised from inside an action's handler, after the guard has run (checks that need the database must
 * not run before we know who is asking, so they cannot live in the input schema). The error serialises exactly like
 * Astro's own input error (`type: 'AstroActionInputError'`, `issues`, `fields`), so forms show it under the fields.
 */
import { ActionError } from 'astro:actions';

/** One field problem in the shape of a zod issue (what Astro's input errors carry). */
interface FieldIssue {
  code: 'custom';
  path: string[];
  message: string;
}

/** A 400 with one message per field, read by the forms as they read a failed input schema. */
export class FieldErrors extends ActionError {
  override type = 'AstroActionInputError';
  readonly issues: FieldIssue[];
  readonly fields: Record<string, string[]>;

  constructor(problems: Record<string, string>) {
    super({ code: 'BAD_REQUEST', message: 'invalid' });
    this.issues = Object.entries(problems).map(([field, message]) => ({
      code: 'custom',
      path: [field],
      message,
    }));
    this.fields = Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]]));
  }
}

/** Throws the problems as field errors when there are any. */
export function throwFieldProblems(problems: Record<string, string>): void {
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems);
}
