/**
 * ocop-search: keeps Meilisearch in step with the catalogue. After `astro build` it indexes the documents the
 * build wrote (search-documents.json) into MEILI_URL; in `astro dev` without MEILI_URL it runs the embedded
 * Meilisearch and indexes from the dev server. `npm start` and `npm run search:index` use the same workers.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createMeiliClient } from '../../src/lib/search/client.ts';
import { embeddedDataDir, ensureEmbeddedMeili, type LocalMeili } from '../../src/lib/search/local-meili.ts';
import { searchDocumentsFileSchema } from '../../src/features/search/documents.ts';
import { documentsFileIn, readSearchDocuments, DOCUMENTS_FILE } from './documents-file.ts';
import { ensureIndexed, reindexProducts } from './reindex.ts';
import { resolveOptions, type SearchIntegrationOptions } from './schema.ts';

export default function ocopSearch(userOptions?: SearchIntegrationOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  let embedded: LocalMeili | null = null;

  const fail = (logger: AstroIntegrationLogger, message: string) => {
    if (options.indexOnBuild === 'always') throw new Error(`ocop-search: ${message}`);
    logger.warn(`${message} Search keeps its previous index until \`npm run search:index\` succeeds.`);
  };

  return {
    name: 'ocop-search',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        // Vitest loads the Astro config as a dev server too (getViteConfig) but never ends it, so it must not start one.
        if (command !== 'dev' || !options.devServer || process.env.MEILI_URL || process.env.VITEST) return;
        const dataDir = options.dataDir ?? embeddedDataDir();
        embedded = await ensureEmbeddedMeili(dataDir);
        // astro:env reads the process environment: the dev server's pages find the embedded server this way.
        process.env.MEILI_URL = embedded.url;
        process.env.MEILI_MASTER_KEY = embedded.masterKey;
        logger.info(`embedded Meilisearch at ${embedded.url} (data in ${dataDir})`);
      },
      'astro:server:start': ({ address, logger }) => {
        if (!embedded) return;
        const meili = embedded;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        // Indexing waits for the first request the dev server can answer; it must not block startup.
        void (async () => {
          try {
            const res = await fetch(`http://${host}:${address.port}/${DOCUMENTS_FILE}`);
            const documents = searchDocumentsFileSchema.parse(await res.json()).documents;
            const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
            const { state, report } = await ensureIndexed(client, documents, options);
            logger.info(
              report
                ? `indexed ${report.documents} products in ${report.tookMs} ms (${state})`
                : 'search index is up to date',
            );
          } catch (error) {
            logger.warn(
              `could not index the dev catalogue: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        })();
      },
      'astro:server:done': async () => {
        await embedded?.stop();
        embedded = null;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (options.indexOnBuild === 'never') return;
        const file = documentsFileIn(dir);
        if (!file)
          return fail(logger, `${DOCUMENTS_FILE} is missing from the build, so nothing was indexed.`);
        const url = process.env.MEILI_URL;
        if (!url) {
          if (options.indexOnBuild === 'always')
            return fail(logger, 'MEILI_URL is not set, so nothing was indexed.');
          logger.info(
            'MEILI_URL is unset: npm start indexes the embedded Meilisearch when the catalogue changed.',
          );
          return;
        }
        try {
          const documents = readSearchDocuments(file);
          const client = createMeiliClient({ url, apiKey: process.env.MEILI_MASTER_KEY });
          const report = await reindexProducts(client, documents, options);
          logger.info(`indexed ${report.documents} products into ${url} in ${report.tookMs} ms`);
        } catch (error) {
          fail(
            logger,
            `indexing into ${url} failed: ${error instanceof Error ? error.message : String(error)}.`,
          );
        }
      },
    },
  };
}
