#!/usr/bin/env node
/**
 * `npm run search:index`: rebuilds the products index from the last build's search-documents.json and swaps it
 * in (searches keep answering from the old index meanwhile). Uses MEILI_URL/MEILI_MASTER_KEY, else the embedded
 * Meilisearch (started for the run if `npm start` is not already running it). `--if-stale` skips a current index.
 */
import { fileURLToPath } from 'node:url';
import { prepareSearch } from '../integrations/search/prepare.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  const search = await prepareSearch({
    buildDir: `${root}dist`,
    env: process.env,
    force: !process.argv.includes('--if-stale'),
    log: (line) => console.log(line),
  });
  await search.stop();
} catch (error) {
  console.error(`[search] indexing failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
