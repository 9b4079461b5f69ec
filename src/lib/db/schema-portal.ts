/**
 * The producer portal's listings: one row per product a producer sells through the site, its moderation log, and
 * its photos. A listing keeps two versions of its moderated fields as jsonb (checked by the listing schema of
 * src/features/portal/listing.ts on the way in and out): the approved one on sale and the working one a producer
 * edits. Price and stock are columns: they change without moderation and are on sale at once.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';

export const LISTING_STATE_SQL = sql.raw(
  `'draft', 'pending', 'published', 'rejected', 'withdrawn', 'awaiting-producer'`,
);

export const listings = pgTable(
  'listing',
  {
    id: uuid('id').primaryKey(),
    /** Catalogue producer id. */
    producerId: text('producer_id').notNull(),
    /** The producer's province when the listing was started: whose promoters moderate it. */
    provinceId: text('province_id').notNull(),
    /** Product slug on the site; equal to a content file's slug when the listing overrides that file. */
    slug: text('slug').notNull(),
    state: text('state').notNull(),
    live: boolean('live').notNull().default(false),
    /** The approved version's moderated fields (what is on sale), null until first approved or accepted. */
    approvedFields: jsonb('approved_fields'),
    /** The working version's moderated fields (what the producer edits and a promoter reviews). */
    workingFields: jsonb('working_fields').notNull(),
    /** Whole VND. */
    price: integer('price').notNull(),
    stock: integer('stock').notNull(),
    /** Bumped by every moderated edit and move: a promoter approves exactly the version it reviewed. */
    version: integer('version').notNull().default(1),
    /** Account id of whoever started it (the producer, or the promoter who drafted it). */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('listing_slug_unique').on(t.slug),
    index('listing_producer_idx').on(t.producerId),
    index('listing_province_state_idx').on(t.provinceId, t.state),
    check('listing_state', sql`${t.state} in (${LISTING_STATE_SQL})`),
    check('listing_price_positive', sql`${t.price} > 0`),
    check('listing_stock_not_negative', sql`${t.stock} >= 0`),
    check('listing_version_positive', sql`${t.version} > 0`),
    // Only a listing with an approved version can be on sale.
    check('listing_live_approved', sql`not ${t.live} or ${t.approvedFields} is not null`),
  ],
);

export const listingLog = pgTable(
  'listing_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    /** create, edit, or a move of src/features/portal/moderation.ts. */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    /** The field-by-field diff: [{ field, before, after }]. */
    changes: jsonb('changes').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('listing_log_listing_idx').on(t.listingId, t.id),
    check(
      'listing_log_action',
      sql`${t.action} in ('create', 'edit', 'submit', 'withdraw', 'unpublish', 'approve', 'reject', 'accept', 'decline')`,
    ),
    check('listing_log_to_state', sql`${t.toState} in (${LISTING_STATE_SQL})`),
    check('listing_log_reject_reason', sql`${t.action} <> 'reject' or ${t.reason} is not null`),
  ],
);

export const listingPhotos = pgTable(
  'listing_photo',
  {
    id: uuid('id').primaryKey(),
    /** The producer the photo was uploaded for; only that producer's listings may show it. */
    producerId: text('producer_id').notNull(),
    /** Null until a listing's working version shows it. */
    listingId: uuid('listing_id').references(() => listings.id, { onDelete: 'cascade' }),
    /** Place in the working version's gallery (0 = cover); null when the working version does not show it. */
    position: smallint('position'),
    /** Storage keys of every stored file (public sizes and the private master). */
    keys: jsonb('keys').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // At most 8 photos in a listing's gallery: eight places, each taken once.
    uniqueIndex('listing_photo_position_unique').on(t.listingId, t.position),
    check('listing_photo_position_range', sql`${t.position} is null or ${t.position} between 0 and 7`),
    check('listing_photo_position_listed', sql`${t.position} is null or ${t.listingId} is not null`),
    index('listing_photo_producer_idx').on(t.producerId),
  ],
);
