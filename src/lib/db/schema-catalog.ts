/**
 * Catalogue facts that change after the build: the national result of a 5-star candidacy, recorded by a promoter.
 * Results are appended, never updated: a correction is a new row, and the latest one recorded counts
 * (src/features/catalog/certification-history.ts). The CHECKs keep every row consistent with its outcome, so no
 * code path can store a 5-star recognition outside the 90-100 band or away from the national level.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

export const certificationResults = pgTable(
  'certification_result',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Catalogue product slug. */
    productId: text('product_id').notNull(),
    /** recognised (5 stars) or not-recognised. */
    outcome: text('outcome').notNull(),
    /** Date of the national decision, or of the result when not recognised. */
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decisionNumber: text('decision_number'),
    score: real('score'),
    level: text('level'),
    reason: text('reason'),
    /** Account id of the promoter who recorded it. */
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'certification_result_outcome',
      sql`(${t.outcome} = 'recognised' and ${t.decisionNumber} is not null and ${t.score} between 90 and 100 and ${t.level} = 'national' and ${t.reason} is null)
        or (${t.outcome} = 'not-recognised' and ${t.reason} is not null and ${t.score} is null)`,
    ),
    index('certification_result_product_idx').on(t.productId, t.id),
  ],
);
