/**
 * Precision and recall of search results against the judged set (tests/fixtures/search/relevance.ts), per query
 * and per category, for the whole result set and for the first page. Shared by the relevance test and its report.
 */
import type { JudgedQuery, RelevanceCategory } from '../fixtures/search/relevance';

export interface QueryOutcome {
  query: JudgedQuery;
  /** Every slug the search returned, in order. */
  found: readonly string[];
  /** How many results the first page shows. */
  pageSize: number;
}

export interface Scores {
  precision: number;
  recall: number;
  pagePrecision: number;
  pageRecall: number;
}

/** Share of `shown` that is relevant; 1 when nothing is shown (no noise), whatever was missed (recall says so). */
function precisionOf(shown: readonly string[], relevant: ReadonlySet<string>): number {
  if (shown.length === 0) return 1;
  return shown.filter((s) => relevant.has(s)).length / shown.length;
}

/** Share of the relevant products that are in `shown`; 1 when nothing is relevant. */
function recallOf(shown: readonly string[], relevant: ReadonlySet<string>, cap = relevant.size): number {
  if (relevant.size === 0) return 1;
  return shown.filter((s) => relevant.has(s)).length / Math.min(relevant.size, cap);
}

/** The scores of one query: the whole set, and the first page (whose recall counts what fits on it). */
export function scoreQuery({ query, found, pageSize }: QueryOutcome): Scores {
  const relevant = new Set(query.relevant);
  const page = found.slice(0, pageSize);
  return {
    precision: precisionOf(found, relevant),
    recall: recallOf(found, relevant),
    pagePrecision: precisionOf(page, relevant),
    pageRecall: recallOf(page, relevant, pageSize),
  };
}

export interface CategoryReport extends Scores {
  category: RelevanceCategory;
  queries: number;
  /** Queries that returned nothing (for queries without an answer: the ones that said so). */
  empty: number;
  /** Mean number of results per query. */
  meanResults: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** Mean scores per category, in the order categories first appear. */
export function reportByCategory(outcomes: readonly QueryOutcome[]): CategoryReport[] {
  const categories = [...new Set(outcomes.map((o) => o.query.category))];
  return categories.map((category) => {
    const mine = outcomes.filter((o) => o.query.category === category);
    const scores = mine.map(scoreQuery);
    return {
      category,
      queries: mine.length,
      empty: mine.filter((o) => o.found.length === 0).length,
      meanResults: mean(mine.map((o) => o.found.length)),
      precision: mean(scores.map((s) => s.precision)),
      recall: mean(scores.map((s) => s.recall)),
      pagePrecision: mean(scores.map((s) => s.pagePrecision)),
      pageRecall: mean(scores.map((s) => s.pageRecall)),
    };
  });
}

/** The report as a Markdown table (for docs/search.md and the bench output). */
export function formatReport(rows: readonly CategoryReport[]): string {
  const f = (n: number) => n.toFixed(2);
  return [
    '| category | queries | mean results | precision | recall | first-page precision | first-page recall | empty |',
    '| -------- | ------- | ------------ | --------- | ------ | -------------------- | ----------------- | ----- |',
    ...rows.map(
      (r) =>
        `| ${r.category} | ${r.queries} | ${r.meanResults.toFixed(1)} | ${f(r.precision)} | ${f(r.recall)} | ` +
        `${f(r.pagePrecision)} | ${f(r.pageRecall)} | ${r.empty} |`,
    ),
  ].join('\n');
}
