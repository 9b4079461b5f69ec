/** Build-time access to the source articles (content/sources/) that content entries cite. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type SourceEntry = CollectionEntry<'sources'>;

let sources: Promise<Map<string, SourceEntry>> | undefined;

/** The source articles with the given ids, in that order; the schema has already checked that each exists. */
export async function sourcesById(ids: readonly string[]): Promise<SourceEntry[]> {
  sources ??= getCollection('sources').then((entries) => new Map(entries.map((e) => [e.id, e])));
  const byId = await sources;
  return ids.map((id) => {
    const source = byId.get(id);
    if (!source) throw new Error(`content/sources/${id}.yaml is missing: a content entry cites it`);
    return source;
  });
}
