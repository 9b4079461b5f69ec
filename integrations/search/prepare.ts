/**
 * Gets search ready for a production server (`npm start`) or a manual reindex (`npm run search:index`): uses
 * MEILI_URL when set, else starts (or reuses) the embedded Meilisearch, then indexes the build's documents when
 * the index is missing or stale (always, with force).
 */
import { createMeiliClient } from '../../src/lib/search/client.ts';
import { embeddedDataDir, ensureEmbeddedMeili } from '../../src/lib/search/local-meili.ts';
import { DOCUMENTS_FILE, documentsFileIn, readSearchDocuments } from './documents-file.ts';
import { ensureIndexed, reindexProducts } from './reindex.ts';

export interface PreparedSearch {
  url: string;
  masterKey: string | undefined;
  /** Whether this process started the embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PrepareOptions {
  /** The build output folder (dist). */
  buildDir: string;
  env: Record<string, string | undefined>;
  /** Reindex even when the index is current. */
  force?: boolean;
  log: (line: string) => void;
}

/** Connects to (or starts) Meilisearch and brings the products index up to date. */
export async function prepareSearch(options: PrepareOptions): Promise<PreparedSearch> {
  const { env, log } = options;
  let prepared: PreparedSearch;
  if (env.MEILI_URL) {
    prepared = { url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, embedded: false, stop: async () => {} };
  } else {
    const dataDir = embeddedDataDir(env.DATA_DIR);
    const meili = await ensureEmbeddedMeili(dataDir);
    log(
      `[search] embedded Meilisearch ${meili.started ? 'started' : 'reused'} at ${meili.url} (data in ${dataDir})`,
    );
    prepared = { url: meili.url, masterKey: meili.masterKey, embedded: meili.started, stop: meili.stop };
  }
  try {
    const file = documentsFileIn(options.buildDir);
    if (!file)
      throw new Error(`${DOCUMENTS_FILE} is missing from ${options.buildDir}: run npm run build first`);
    const documents = readSearchDocuments(file);
    const client = createMeiliClient({ url: prepared.url, apiKey: prepared.masterKey });
    if (options.force) {
      const report = await reindexProducts(client, documents);
      log(`[search] reindexed ${report.documents} products in ${report.tookMs} ms`);
    } else {
      const { state, report } = await ensureIndexed(client, documents);
      log(
        report
          ? `[search] index was ${state}: indexed ${report.documents} products in ${report.tookMs} ms`
          : '[search] index is up to date',
      );
    }
  } catch (error) {
    // A manual reindex must fail loudly; a starting server keeps whatever index it has and says so.
    if (options.force) {
      await prepared.stop();
      throw error;
    }
    log(
      `[search] indexing failed, search serves the previous index if any: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return prepared;
}
