/**
 * Highlights, pure: Meilisearch marks matches with two private-use characters (never HTML), which become plain
 * text segments here. Relative imports carry their .ts extension so Node can load the search room directly.
 */
import { escapeHtml } from '../../lib/boundary/escape.ts';

/** Opens a highlighted match in Meilisearch's formatted text. */
export const MARK_OPEN = '\uE000';
/** Closes a highlighted match. */
export const MARK_CLOSE = '\uE001';

/** The text without highlight marks: indexed text is stripped so no document can forge a highlight. */
export function stripMarks(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}

/** A piece of highlighted text; rendered as text nodes (with <mark> for matches), never as HTML. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Splits Meilisearch's highlighted text (marked with private-use characters) into plain segments. */
export function highlightSegments(formatted: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current) segments.push({ text: current, match });
    current = '';
  };
  for (const ch of formatted) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      match = ch === MARK_OPEN;
    } else current += ch;
  }
  flush();
  return segments;
}

/** Highlighted text as an HTML string with <mark>, every piece escaped. */
export function highlightToHtml(formatted: string): string {
  return highlightSegments(formatted)
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}
