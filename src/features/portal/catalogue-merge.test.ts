import { describe, expect, it } from 'vitest';
import { mergeCatalogue, type CatalogueListing } from './catalogue-merge';
import type { ListingInput } from './listing';

const file = (slug: string, producerId = 'dua-sap-cau-ke') => ({ slug, producerId });
const listing = (
  slug: string,
  live: boolean,
  price = 50000,
  producerId = 'dua-sap-cau-ke',
): CatalogueListing => ({
  slug,
  producerId,
  live,
  listing: { price } as ListingInput,
});
const shown = (items: ReturnType<typeof mergeCatalogue<{ slug: string; producerId: string }>>) =>
  items.map((item) => `${item.source}:${item.slug}`);

describe('mergeCatalogue', () => {
  it('shows every file when the database has no listing', () => {
    expect(shown(mergeCatalogue([file('a'), file('b')], []))).toEqual(['file:a', 'file:b']);
  });

  it('shows a live listing in place of the file with its slug, at the file’s position', () => {
    const items = mergeCatalogue([file('a'), file('b'), file('c')], [listing('b', true, 61000)]);
    expect(shown(items)).toEqual(['file:a', 'listing:b', 'file:c']);
    const b = items[1]!;
    expect(b.source === 'listing' && b.listing.price).toBe(61000);
  });

  it('adds live listings without a file after the files, by slug', () => {
    const items = mergeCatalogue([file('m')], [listing('z', true), listing('b', true)]);
    expect(shown(items)).toEqual(['file:m', 'listing:b', 'listing:z']);
  });

  it('hides a file whose listing was taken off sale, so the file’s old price does not come back', () => {
    expect(shown(mergeCatalogue([file('a'), file('b')], [listing('a', false)]))).toEqual(['file:b']);
  });

  it('shows nothing for a listing off sale that overrides no file', () => {
    expect(shown(mergeCatalogue([file('a')], [listing('q', false)]))).toEqual(['file:a']);
  });

  it('never lets another producer’s listing replace or hide a file', () => {
    const theirs = [listing('a', true, 1000, 'sk-noni'), listing('b', false, 1000, 'sk-noni')];
    expect(shown(mergeCatalogue([file('a'), file('b')], theirs))).toEqual(['file:a', 'file:b']);
  });
});
