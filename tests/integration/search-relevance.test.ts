/**
 * Search relevance on the real catalogue (tests/fixtures/search/real-catalogue.json) against a real Meilisearch,
 * through the site's search service: precision and recall of the whole result set and of the first page, per
 * category of the judged set (tests/fixtures/search/relevance.ts). Prints the table (`npm run bench:relevance`).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUDGED_QUERIES, SINGLE_CONCEPT } from '../fixtures/search/relevance';
import { formatReport, reportByCategory, scoreQuery, type QueryOutcome } from '../support/relevance';
import { startTestMeili, type TestMeili } from '../support/meili';
import { accentCodes, searchDocumentSchema } from '../../src/features/search/documents';
import { RESULTS_PER_PAGE } from '../../src/features/search/plan';
import { createSearchService } from '../../src/features/search/search.server';
import { EMPTY_QUERY } from '../../src/features/search/search-url';
import { createMeiliBackend } from '../../src/lib/search/meili-backend';
import { reindexProducts } from '../../integrations/search/reindex';

const snapshot = JSON.parse(
  readFileSync(new URL('../fixtures/search/real-catalogue.json', import.meta.url), 'utf8'),
) as { documents: unknown[] };
const documents = snapshot.documents.map((d) =>
  // The snapshot holds the catalogue's text; the accent-coded copies are derived from it.
  searchDocumentSchema.parse({ ...(d as object), ...accentCodes(d as Record<string, unknown>) }),
);

let meili: TestMeili;
const outcomes: QueryOutcome[] = [];

beforeAll(async () => {
  meili = await startTestMeili();
  await reindexProducts(meili.client, documents);
  const search = createSearchService({
    backend: createMeiliBackend({ url: meili.url, apiKey: meili.masterKey }),
  });
  for (const query of JUDGED_QUERIES) {
    const found: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const results = await search.search({ ...EMPTY_QUERY, q: query.q, page }, 'vi');
      found.push(...results.hits.map((h) => h.slug));
      if (found.length >= results.total || results.hits.length === 0) break;
    }
    outcomes.push({ query, found, pageSize: RESULTS_PER_PAGE });
  }
  console.log(`\nSearch relevance, ${documents.length} products, ${JUDGED_QUERIES.length} judged queries\n`);
  console.log(formatReport(reportByCategory(outcomes)));
  const misses = outcomes
    .map((o) => ({ o, s: scoreQuery(o) }))
    .filter(({ s }) => s.precision < 1 || s.recall < 1)
    .map(
      ({ o, s }) =>
        `  ${o.query.q}: ${o.found.length} found, P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}; ` +
        `also ${o.found.filter((slug) => !o.query.relevant.includes(slug)).join(' ') || '-'}; ` +
        `missed ${o.query.relevant.filter((slug) => !o.found.includes(slug)).join(' ') || '-'}`,
    );
  console.log(`\nQueries below 1.00:\n${misses.join('\n')}\n`);
});

afterAll(async () => {
  await meili?.stop();
});

describe('the judged set', () => {
  it('names only products of the catalogue, and at least 60 queries', () => {
    const slugs = new Set(documents.map((d) => d.id));
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(60);
    for (const { q, relevant } of JUDGED_QUERIES) {
      for (const slug of relevant) expect(slugs.has(slug), `${q}: ${slug}`).toBe(true);
    }
  });
});

describe('relevance per category', () => {
  it('single-concept queries: precision ≥ 0.8 and recall 1.0 in every category', () => {
    const rows = reportByCategory(outcomes).filter((r) => SINGLE_CONCEPT.includes(r.category));
    expect(rows.map((r) => r.category).sort()).toEqual([...SINGLE_CONCEPT].sort());
    for (const row of rows) {
      expect(row.precision, row.category).toBeGreaterThanOrEqual(0.8);
      expect(row.recall, row.category).toBe(1);
    }
  });

  it('multi-concept queries find every relevant product', () => {
    const row = reportByCategory(outcomes).find((r) => r.category === 'multi-concept')!;
    expect(row.recall).toBe(1);
    expect(row.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('misspelt queries still find most of what was meant', () => {
    const row = reportByCategory(outcomes).find((r) => r.category === 'misspelling')!;
    expect(row.recall).toBeGreaterThanOrEqual(0.8);
    expect(row.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('queries with no answer in the catalogue find nothing rather than padding', () => {
    const row = reportByCategory(outcomes).find((r) => r.category === 'no-answer')!;
    expect(row.empty).toBe(row.queries);
  });
});
