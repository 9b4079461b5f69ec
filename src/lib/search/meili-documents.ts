/**
 * One-document writes to a Meilisearch index (a product approved, repriced or taken off sale): add-or-replace and
 * delete by id, each waiting for its task so the caller knows the document is searchable (or gone) when it returns.
 * Meilisearch's client and task types stay in this file.
 */
import type { EnqueuedTaskPromise } from 'meilisearch';
import { createMeiliClient } from './client.ts';

export interface DocumentStore {
  /** Adds or replaces one document (by its `id`) and waits until Meilisearch applied it. */
  put(indexUid: string, document: { id: string }): Promise<void>;
  /** Deletes one document by id (nothing to delete is fine) and waits until Meilisearch applied it. */
  remove(indexUid: string, id: string): Promise<void>;
}

export interface MeiliDocumentsConfig {
  url?: string | undefined;
  apiKey?: string | undefined;
  /** How long to wait for each task. */
  taskTimeoutMs?: number | undefined;
}

/** A document store over one Meilisearch server; without a URL every write fails with a plain message. */
export function createMeiliDocumentStore(config: MeiliDocumentsConfig): DocumentStore {
  const client = config.url ? createMeiliClient({ url: config.url, apiKey: config.apiKey }) : null;
  const timeout = config.taskTimeoutMs ?? 10_000;
  async function settle(what: string, task: () => EnqueuedTaskPromise): Promise<void> {
    if (!client) throw new Error(`Meilisearch not configured (MEILI_URL unset): ${what}`);
    const done = await task().waitTask({ timeout, interval: 20 });
    if (done.status !== 'succeeded')
      throw new Error(
        `${what} ${done.status}: ${done.error?.message ?? 'no error message from Meilisearch'}`,
      );
  }
  return {
    put: (indexUid, document) =>
      settle(`Indexing ${document.id}`, () =>
        client!.index(indexUid).addDocuments([document], { primaryKey: 'id' }),
      ),
    remove: (indexUid, id) => settle(`Removing ${id}`, () => client!.index(indexUid).deleteDocument(id)),
  };
}
