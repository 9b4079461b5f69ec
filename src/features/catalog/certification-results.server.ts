/**
 * The national results of 5-star candidacies in the database: appended by a promoter, read by the product page's
 * certification island and the promoter console. Rows are never updated; a correction is a new row.
 * Who may record what is decided before this service is called (the action checks `can`), and the result is
 * checked by `nationalResultProblems` first; the table's CHECK holds the same band and level as a last guard.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { certificationResults } from '~/lib/db/schema-catalog';
import { can, type Actor } from '~/features/accounts/accounts';
import { isoDay, type Certification } from './catalog';
import {
  nationalResultProblems,
  type NationalResult,
  type NationalResultForm,
  type NationalResultInput,
  type NationalResultProblems,
} from './certification-history';

/** A 5-star candidate as the service needs it: its province and its file certificate (with its candidacy). */
export interface Candidate {
  productId: string;
  provinceId: string;
  certification: Certification;
}

/** What recording a result came to: stored, refused (not this promoter's province), or problems per field. */
export type RecordOutcome =
  | { kind: 'recorded'; result: NationalResult }
  | { kind: 'refused' }
  | { kind: 'not-candidate' }
  | { kind: 'problems'; problems: NationalResultProblems };

type Row = typeof certificationResults.$inferSelect;

function toResult(row: Row): NationalResult {
  const base = {
    id: row.id,
    productId: row.productId,
    decidedOn: new Date(`${row.decidedOn}T00:00:00Z`),
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
  if (row.outcome === 'recognised') {
    return {
      ...base,
      outcome: 'recognised',
      decisionNumber: row.decisionNumber ?? '',
      score: row.score ?? 0,
      // The table's CHECK allows a recognition at national level only.
      level: 'national',
    };
  }
  return { ...base, outcome: 'not-recognised', reason: row.reason ?? '' };
}

export interface CertificationResults {
  /**
   * A promoter records the national result of a candidate of its province: permission first (`can`, nothing read
   * or written on refusal), then the rules of `nationalResultProblems`, then one appended row.
   */
  recordFor(actor: Actor | null, form: NationalResultForm): Promise<RecordOutcome>;
  /** Appends a checked result for a product, recorded by `recordedBy` now. */
  record(productId: string, result: NationalResultInput, recordedBy: string): Promise<NationalResult>;
  /** Every result of the given products, per product, in the order they were recorded. */
  resultsOf(productIds: readonly string[]): Promise<Map<string, NationalResult[]>>;
}

export interface CertificationResultsDeps {
  db: Database;
  /** The catalogue's 5-star candidates by product id (undefined for any other product). */
  candidate: (productId: string) => Promise<Candidate | undefined>;
  /** The catalogue's day (Vietnam's, or the pinned OCOP_TODAY). */
  today: () => Date;
}

export function createCertificationResults({
  db,
  candidate,
  today,
}: CertificationResultsDeps): CertificationResults {
  const service: CertificationResults = {
    async recordFor(actor, form) {
      if (!actor || !can(actor, 'promoter.console', null)) return { kind: 'refused' };
      const found = await candidate(form.productId);
      if (!found) return { kind: 'not-candidate' };
      // Who is asking before anything is checked or written: only a promoter of the candidate's province.
      if (!can(actor, 'listing.verify', { provinceId: found.provinceId })) return { kind: 'refused' };
      const submittedOn = found.certification.candidacy?.submittedOn;
      if (!submittedOn) return { kind: 'not-candidate' };
      const checked = nationalResultProblems(form, { submittedOn, today: today() });
      if (checked.problems) return { kind: 'problems', problems: checked.problems };
      return { kind: 'recorded', result: await service.record(found.productId, checked.result, actor.id) };
    },

    async record(productId, result, recordedBy) {
      const [row] = await db
        .insert(certificationResults)
        .values({
          productId,
          outcome: result.outcome,
          decidedOn: isoDay(result.decidedOn),
          decisionNumber: result.outcome === 'recognised' ? result.decisionNumber : null,
          score: result.outcome === 'recognised' ? result.score : null,
          level: result.outcome === 'recognised' ? result.level : null,
          reason: result.outcome === 'not-recognised' ? result.reason : null,
          recordedBy,
        })
        .returning();
      return toResult(row!);
    },

    async resultsOf(productIds) {
      const byProduct = new Map<string, NationalResult[]>(productIds.map((id) => [id, []]));
      if (productIds.length === 0) return byProduct;
      const rows = await db
        .select()
        .from(certificationResults)
        .where(inArray(certificationResults.productId, [...productIds]))
        .orderBy(asc(certificationResults.recordedAt), asc(certificationResults.id));
      for (const row of rows) byProduct.get(row.productId)?.push(toResult(row));
      return byProduct;
    },
  };
  return service;
}
