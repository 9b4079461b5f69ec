/**
 * A short in-process memory of answers by key (the site keeps identical searches for a couple of seconds): the
 * first caller's promise is shared by every caller asking the same thing while it runs and for `ttlMs` after it
 * settles, a failure is never kept, and the oldest entry goes when `maxEntries` is reached. `ttlMs` 0 keeps nothing.
 */
export interface KeptAnswers<T> {
  /** The kept answer for `key`, else `compute()`'s (kept for next time). */
  get(key: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets everything. */
  clear(): void;
}

export function keptAnswers<T>({
  ttlMs,
  maxEntries = 1000,
  now = () => Date.now(),
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): KeptAnswers<T> {
  const kept = new Map<string, { answer: Promise<T>; expires: number }>();
  return {
    get(key, compute) {
      if (ttlMs <= 0) return compute();
      const hit = kept.get(key);
      if (hit && hit.expires > now()) return hit.answer;
      kept.delete(key);
      if (kept.size >= maxEntries) kept.delete(kept.keys().next().value!);
      // Until it settles the entry never expires, so concurrent callers share one computation.
      const entry = { answer: compute(), expires: Number.POSITIVE_INFINITY };
      kept.set(key, entry);
      entry.answer.then(
        () => (entry.expires = now() + ttlMs),
        () => kept.get(key) === entry && kept.delete(key),
      );
      return entry.answer;
    },
    clear: () => kept.clear(),
  };
}
