/**
 * When Meilisearch is stopped or too slow, search fails with a named error and the server logs one line; the
 * page then says search is unavailable (never a 500).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DOCUMENTS } from '../fixtures/search/catalogue';
import { startTestMeili } from '../support/meili';
import { createSearchService, SearchUnavailableError } from '../../src/features/search/search.server';
import { EMPTY_QUERY } from '../../src/features/search/search-url';
import { createMeiliBackend } from '../../src/lib/search/meili-backend';
import { reindexProducts } from '../../integrations/search/reindex';

const sockets: Socket[] = [];
let silent: Server | undefined;

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((done) => (silent ? silent.close(() => done()) : done()));
});

describe('search when Meilisearch is unavailable', () => {
  it('gives a named "unreachable" error and one log line once the server has stopped', async () => {
    const meili = await startTestMeili();
    await reindexProducts(meili.client, FIXTURE_DOCUMENTS);
    const lines: string[] = [];
    const search = createSearchService({
      backend: createMeiliBackend({ url: meili.url, apiKey: meili.masterKey }),
      log: (l) => lines.push(l),
    });
    expect((await search.search(EMPTY_QUERY, 'vi')).total).toBe(FIXTURE_DOCUMENTS.length);
    await meili.stop();

    const failure = await search.search(EMPTY_QUERY, 'vi').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SearchUnavailableError);
    expect((failure as SearchUnavailableError).reason).toBe('unreachable');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[search\] search failed: Meilisearch unreachable at http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(lines[0]).not.toContain(meili.masterKey);
  });

  it('gives up after the time-out when Meilisearch accepts but does not answer', async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent!.listen(0, '127.0.0.1', () => done()));
    const { port } = silent.address() as { port: number };
    const lines: string[] = [];
    const search = createSearchService({
      backend: createMeiliBackend({ url: `http://127.0.0.1:${port}`, timeoutMs: 300 }),
      log: (l) => lines.push(l),
    });
    const failure = await search.suggest('keo dua', 'vi').catch((e: unknown) => e);
    expect((failure as SearchUnavailableError).reason).toBe('timeout');
    expect(lines[0]).toContain('no answer within 300 ms');
  });

  it('says "not configured" when there is no MEILI_URL', async () => {
    const lines: string[] = [];
    const search = createSearchService({
      backend: createMeiliBackend({ url: undefined }),
      log: (l) => lines.push(l),
    });
    const failure = await search.search(EMPTY_QUERY, 'en').catch((e: unknown) => e);
    expect((failure as SearchUnavailableError).reason).toBe('not-configured');
    expect(lines).toHaveLength(1);
  });

  it('says "not indexed" when the products index does not exist', async () => {
    const meili = await startTestMeili();
    try {
      const search = createSearchService({
        backend: createMeiliBackend({ url: meili.url, apiKey: meili.masterKey }),
        log: () => {},
      });
      const failure = await search.search(EMPTY_QUERY, 'vi').catch((e: unknown) => e);
      expect((failure as SearchUnavailableError).reason).toBe('not-indexed');
    } finally {
      await meili.stop();
    }
  });
});
