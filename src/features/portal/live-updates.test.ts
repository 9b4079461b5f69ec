import { describe, expect, it } from 'vitest';
import type { LiveCatalogue } from '../catalog/live-catalogue.server';
import type { ProductCard } from '../catalog/catalog.server';
import type { SearchDocuments } from '../search/search.server';
import { createLiveUpdates } from './live-updates.server';

/** A search index that records the one-document writes it is asked for. */
function recordingSearch() {
  const writes: string[] = [];
  const search = {
    upsert: async (document: { id: string }) => (writes.push(`upsert ${document.id}`), true),
    remove: async (slug: string) => (writes.push(`remove ${slug}`), true),
  } as unknown as SearchDocuments;
  return { writes, search };
}

function catalogueShowing(cards: Partial<ProductCard>[]): LiveCatalogue {
  return { products: async () => cards as ProductCard[] } as unknown as LiveCatalogue;
}

describe('search documents written again after a full reindex', () => {
  it('removes each product nothing shows any more, once, and leaves a content file shown as built alone', async () => {
    const { writes, search } = recordingSearch();
    const updates = createLiveUpdates({
      catalogue: catalogueShowing([{ slug: 'keo-dua-ca-cao-ben-tre' }]),
      search,
    });
    await updates.resync(['mat-ong-u-minh', 'keo-dua-ca-cao-ben-tre', 'mat-ong-u-minh']);
    expect(writes).toEqual(['remove mat-ong-u-minh']);
  });
});
