import { describe, expect, it } from 'vitest';
import { formSearchParams } from './search-url';

describe('formSearchParams', () => {
  it('keeps ticked filters and the sort, trims the words and starts at the first page', () => {
    const params = formSearchParams([
      ['q', '  kẹo dừa '],
      ['province', 'ben-tre'],
      ['province', 'ca-mau'],
      ['stars', '5'],
      ['valid', '1'],
      ['sort', 'price-asc'],
      ['page', '3'],
    ]);
    expect(params.toString()).toBe(
      'q=k%E1%BA%B9o+d%E1%BB%ABa&province=ben-tre&province=ca-mau&stars=5&valid=1&sort=price-asc',
    );
  });

  it('leaves out empty words and the default sort, so an empty form is the bare search page', () => {
    expect(
      formSearchParams([
        ['q', '   '],
        ['sort', 'relevance'],
      ]).toString(),
    ).toBe('');
  });
});
