/**
 * A real Meilisearch for tests: a fresh temporary data folder, a free port on 127.0.0.1, a random master key.
 * stop() ends the process and deletes the folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../src/lib/search/client';
import { startMeili } from '../../src/lib/search/local-meili';

export interface TestMeili {
  url: string;
  masterKey: string;
  client: Meilisearch;
  stop(): Promise<void>;
}

/** Starts a throwaway Meilisearch and waits until it is healthy. */
export async function startTestMeili(): Promise<TestMeili> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-meili-test-'));
  const masterKey = randomBytes(24).toString('base64url');
  try {
    const meili = await startMeili({ dataDir, masterKey, maxIndexingThreads: 1 });
    return {
      url: meili.url,
      masterKey,
      client: createMeiliClient({ url: meili.url, apiKey: masterKey }),
      stop: async () => {
        await meili.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
