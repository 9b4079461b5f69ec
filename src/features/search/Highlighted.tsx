/** Highlighted text: matches in <mark>, every piece rendered as React text (escaped), never as HTML. */
import type { TextSegment } from './highlights';

export function Highlighted({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>
  );
}
