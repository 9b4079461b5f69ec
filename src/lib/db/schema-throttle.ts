/**
 * Throttle counters: one row per throttle and key (an email, a client address), counting the attempts since its
 * window opened. Kept in the database, not in memory, so a limit holds across server instances; the row is
 * counted up by one atomic upsert, so parallel attempts are counted one by one (the rule is in
 * src/features/accounts/accounts.ts, the counter in src/features/accounts/throttle.server.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const throttleCounters = pgTable(
  'throttle_counter',
  {
    /** Which throttle (`signInAccount`, `resetEmail`, `checkoutAddress`, ...). */
    name: text('name').notNull(),
    /** What is counted: a lower-cased email or a client address. */
    key: text('key').notNull(),
    count: integer('count').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.name, t.key] }),
    check('throttle_counter_count_check', sql`${t.count} >= 0`),
    // Closed windows are pruned by age.
    index('throttle_counter_window_idx').on(t.windowStart),
  ],
);
