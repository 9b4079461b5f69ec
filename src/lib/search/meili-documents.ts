/**
 * One-document writes to a Meilisearch index (a product approved, repriced or taken off sale): add-or-replace and
 * delete by id. A write returns once Meilisearch has accepted the task (it is durable in Meilisearch's queue and
 * applied in order); with `waitForTasks` it returns once the task is applied (tests, scripts). Without waiting, the
 * task's outcome is still followed in the background and a failure reported to `onLateFailure`, so a slow index (one
 * small update can take seconds on a busy machine) never holds up the request that changed the product.
 * Meilisearch's client and task types stay in this file.
 */
import type { EnqueuedTaskPromise } from 'meilisearch';
import { createMeiliClient } from './client.ts';

export interface DocumentStore {
  /** Adds or replaces one document (by its `id`). */
  put(indexUid: string, document: { id: string }): Promise<void>;
  /** Deletes one document by id (nothing to delete is fine). */
  remove(indexUid: string, id: string): Promise<void>;
}

export interface MeiliDocumentsConfig {
  url?: string | undefined;
  apiKey?: string | undefined;
  /** Return only once each task is applied (default: once Meilisearch accepted it). */
  waitForTasks?: boolean | undefined;
  /** How long to follow each task. */
  taskTimeoutMs?: number | undefined;
  /** Where a task that failed after it was accepted is reported (console.error by default). */
  onLateFailure?: ((line: string) => void) | undefined;
}

/** A document store over one Meilisearch server; without a URL every write fails with a plain message. */
export function createMeiliDocumentStore(config: MeiliDocumentsConfig): DocumentStore {
  const client = config.url ? createMeiliClient({ url: config.url, apiKey: config.apiKey }) : null;
  const timeout = config.taskTimeoutMs ?? 60_000;
  const late = config.onLateFailure ?? ((line: string) => console.error(line));
  async function settle(what: string, task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout, interval: 50 });
    if (done.status !== 'succeeded')
      throw new Error(
        `${what} ${done.status}: ${done.error?.message ?? 'no error message from Meilisearch'}`,
      );
  }
  async function write(what: string, enqueue: () => EnqueuedTaskPromise): Promise<void> {
    if (!client) throw new Error(`Meilisearch not configured (MEILI_URL unset): ${what}`);
    const task = enqueue();
    await task; // accepted by Meilisearch (or rejected now, which throws here)
    const applied = settle(what, task);
    if (config.waitForTasks) return applied;
    applied.catch((error: unknown) =>
      late(`[search] ${what} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return {
    put: (indexUid, document) =>
      write(`Indexing ${document.id}`, () =>
        client!.index(indexUid).addDocuments([document], { primaryKey: 'id' }),
      ),
    remove: (indexUid, id) => write(`Removing ${id}`, () => client!.index(indexUid).deleteDocument(id)),
  };
}
