import { describe, expect, it } from 'vitest';
import { resolveOptions } from './schema';

describe('search integration options', () => {
  it('has pinned defaults', () => {
    expect(resolveOptions(undefined)).toEqual({
      indexOnBuild: 'auto',
      devServer: true,
      batchSize: 5000,
      taskTimeoutMs: 300_000,
    });
  });

  it('names the bad option and says what it must be', () => {
    expect(() => resolveOptions({ indexOnBuild: 'sometimes' as 'auto' })).toThrow(
      'ocop-search: option "indexOnBuild" must be "auto", "always" or "never"',
    );
    expect(() => resolveOptions({ batchSize: 0 })).toThrow(/option "batchSize"/);
    expect(() => resolveOptions({ indexName: 'x' } as never)).toThrow(
      'ocop-search: unknown option(s) "indexName"',
    );
  });
});
