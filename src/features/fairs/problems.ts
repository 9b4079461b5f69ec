/**
 * Field problems of the fairs feature. A problem is a message key of ./messages.ts with its parameters, encoded
 * as one string ("booth.overlaps|A3") so it travels through zod issues and ActionError field lists unchanged.
 */
export type FieldProblems = Record<string, string>;

/** Encodes a message key and its parameters as one problem string. */
export function problem(key: string, ...params: (string | number)[]): string {
  return [key, ...params.map(String)].join('|');
}

/** Splits a problem string back into its key and parameters. */
export function parseProblem(text: string): { key: string; params: string[] } {
  const [key = '', ...params] = text.split('|');
  return { key, params };
}

/** Adds a problem unless the field already has one (the first problem of a field is the one shown). */
export function addProblem(problems: FieldProblems, field: string, text: string): void {
  if (!(field in problems)) problems[field] = text;
}
