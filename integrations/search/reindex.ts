/**
 * Indexing worker: builds a complete new products index next to the live one and swaps it in, so searchers never
 * see a half-built index. Every write waits for its Meilisearch task. Loadable by plain Node (npm start).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EnqueuedTaskPromise, Meilisearch, Settings } from 'meilisearch';
import type { SearchDocument } from '../../src/features/search/documents.ts';
import {
  PRODUCTS_INDEX,
  PRODUCTS_INDEX_SETTINGS,
  PRODUCTS_META_INDEX,
} from '../../src/features/search/index-settings.ts';

/** A step of indexing that Meilisearch refused or did not finish. */
export class IndexingError extends Error {
  override name = 'IndexingError';
}

export interface ReindexOptions {
  indexUid?: string;
  /** Documents per addDocuments task. */
  batchSize?: number;
  /** How long to wait for each task. */
  taskTimeoutMs?: number;
}

export interface ReindexReport {
  indexUid: string;
  documents: number;
  fingerprint: string;
  tookMs: number;
}

interface MetaDocument {
  id: string;
  fingerprint: string;
  documents: number;
  indexedAt: string;
}

/** Identifies what an index was built from: the documents and the settings, so a settings change reindexes too. */
export function indexFingerprint(documents: readonly SearchDocument[]): string {
  return createHash('sha256')
    .update(JSON.stringify(PRODUCTS_INDEX_SETTINGS))
    .update(JSON.stringify(documents))
    .digest('hex');
}

async function settle(what: string, task: EnqueuedTaskPromise, timeoutMs: number): Promise<void> {
  const done = await task.waitTask({ timeout: timeoutMs, interval: 25 });
  if (done.status !== 'succeeded') {
    throw new IndexingError(
      `${what} ${done.status}: ${done.error?.message ?? 'no error message from Meilisearch'}`,
    );
  }
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
    throw error;
  }
}

/** Builds `<uid>_<stamp>` with the settings and documents, checks the count, swaps it in and drops the old one. */
export async function reindexProducts(
  client: Meilisearch,
  documents: readonly SearchDocument[],
  options: ReindexOptions = {},
): Promise<ReindexReport> {
  const started = performance.now();
  const uid = options.indexUid ?? PRODUCTS_INDEX;
  const batchSize = options.batchSize ?? 5000;
  const timeout = options.taskTimeoutMs ?? 300_000;
  const fingerprint = indexFingerprint(documents);
  const building = `${uid}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  try {
    await settle(`Creating index ${building}`, client.createIndex(building, { primaryKey: 'id' }), timeout);
    const index = client.index(building);
    // The settings are readonly constants; Meilisearch's type wants mutable arrays.
    const settings = JSON.parse(JSON.stringify(PRODUCTS_INDEX_SETTINGS)) as Settings;
    await settle(`Settings of ${building}`, index.updateSettings(settings), timeout);
    for (let start = 0; start < documents.length; start += batchSize) {
      const batch = documents.slice(start, start + batchSize);
      await settle(
        `Documents ${start + 1}–${start + batch.length}`,
        index.addDocuments(batch, { primaryKey: 'id' }),
        timeout,
      );
    }
    const stats = await index.getStats();
    if (stats.numberOfDocuments !== documents.length) {
      throw new IndexingError(
        `${building} holds ${stats.numberOfDocuments} documents, expected ${documents.length}`,
      );
    }
    if (await indexExists(client, uid)) {
      await settle(
        `Swapping ${building} into ${uid}`,
        client.swapIndexes([{ indexes: [uid, building], rename: false }]),
        timeout,
      );
      // After the swap `building` holds the previous documents.
      await settle(`Deleting the previous ${uid}`, client.deleteIndex(building), timeout);
    } else {
      await settle(
        `Renaming ${building} to ${uid}`,
        client.swapIndexes([{ indexes: [building, uid], rename: true }]),
        timeout,
      );
    }
  } catch (error) {
    // Wait for the drop itself (deleteIndexIfExists only enqueues it); a build that never got an index fails here too.
    await settle(`Dropping the failed ${building}`, client.deleteIndex(building), timeout).catch(
      () => undefined,
    );
    throw error;
  }
  const meta: MetaDocument = {
    id: uid,
    fingerprint,
    documents: documents.length,
    indexedAt: new Date().toISOString(),
  };
  await settle(
    'Recording the index fingerprint',
    client.index(PRODUCTS_META_INDEX).addDocuments([meta], { primaryKey: 'id' }),
    timeout,
  );
  return {
    indexUid: uid,
    documents: documents.length,
    fingerprint,
    tookMs: Math.round(performance.now() - started),
  };
}

export type IndexState = 'missing' | 'stale' | 'current';

/** Whether the live index was built from exactly these documents and settings. */
export async function indexState(
  client: Meilisearch,
  documents: readonly SearchDocument[],
  indexUid = PRODUCTS_INDEX,
): Promise<IndexState> {
  if (!(await indexExists(client, indexUid))) return 'missing';
  if (!(await indexExists(client, PRODUCTS_META_INDEX))) return 'stale';
  const meta = await client
    .index<MetaDocument>(PRODUCTS_META_INDEX)
    .getDocument(indexUid)
    .catch(() => null);
  return meta?.fingerprint === indexFingerprint(documents) ? 'current' : 'stale';
}

/** Reindexes only when the index is missing or was built from other documents or settings. */
export async function ensureIndexed(
  client: Meilisearch,
  documents: readonly SearchDocument[],
  options: ReindexOptions = {},
): Promise<{ state: IndexState; report: ReindexReport | null }> {
  const state = await indexState(client, documents, options.indexUid);
  if (state === 'current') return { state, report: null };
  return { state, report: await reindexProducts(client, documents, options) };
}
