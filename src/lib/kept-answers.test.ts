import { describe, expect, it } from 'vitest';
import { keptAnswers } from './kept-answers';

describe('keptAnswers', () => {
  it('answers the same key from memory until ttlMs after the answer, then asks again', async () => {
    let clock = 0;
    let asked = 0;
    const kept = keptAnswers<number>({ ttlMs: 2000, now: () => clock });
    const ask = () => kept.get('q=keo', async () => ++asked);
    expect(await ask()).toBe(1);
    clock = 1999;
    expect(await ask()).toBe(1);
    clock = 2000;
    expect(await ask()).toBe(2);
    expect(await kept.get('q=dua', async () => ++asked)).toBe(3);
  });

  it('shares one computation between callers while it runs', async () => {
    let asked = 0;
    const kept = keptAnswers<number>({ ttlMs: 1000 });
    const answers = await Promise.all(
      [1, 2, 3].map(() => kept.get('same', () => new Promise((done) => setTimeout(() => done(++asked), 10)))),
    );
    expect(answers).toEqual([1, 1, 1]);
  });

  it('never keeps a failure', async () => {
    const kept = keptAnswers<string>({ ttlMs: 60_000 });
    await expect(kept.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.get('k', async () => 'up')).toBe('up');
  });

  it('drops the oldest entry when full, and keeps nothing with ttlMs 0', async () => {
    let asked = 0;
    const kept = keptAnswers<number>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await kept.get(key, async () => ++asked);
    expect(await kept.get('a', async () => ++asked)).toBe(4);
    expect(await kept.get('c', async () => ++asked)).toBe(3);
    const none = keptAnswers<number>({ ttlMs: 0 });
    expect(await none.get('x', async () => ++asked)).toBe(5);
    expect(await none.get('x', async () => ++asked)).toBe(6);
  });
});
