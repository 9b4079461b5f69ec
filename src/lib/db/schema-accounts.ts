/**
 * Accounts tables (better-auth's user, session, account, verification, with the site's role and scope), the role
 * audit trail, the mail outbox and better-auth's request limiter (the site's own throttles are in schema-throttle.ts). Other schema files reference `users` from here.
 *
 * The first four tables are the ones better-auth's Drizzle adapter expects (model names user, session, account,
 * verification; property names are better-auth's field names, columns are snake_case).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * People with an account. `role` with its scope lives on the row so one CHECK keeps them consistent:
 * a producer is linked to exactly one catalogue producer, a promoter to exactly one province, nobody else to either.
 */
export const users = pgTable(
  'user',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role', { enum: ['shopper', 'producer', 'promoter', 'admin'] })
      .notNull()
      .default('shopper'),
    /** Catalogue producer id (content/producers/<id>.yaml) when role = producer. */
    producerId: text('producer_id'),
    /** Catalogue province id (content/provinces/<id>.yaml) when role = promoter. */
    provinceId: text('province_id'),
    /** The language of the messages the site sends this person; set at sign-up from the page's language. */
    locale: text('locale', { enum: ['vi', 'en'] })
      .notNull()
      .default('vi'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('user_locale_known', sql`${t.locale} in ('vi', 'en')`),
    check('user_role_known', sql`${t.role} in ('shopper', 'producer', 'promoter', 'admin')`),
    check('user_producer_link', sql`(${t.role} = 'producer') = (${t.producerId} is not null)`),
    check('user_promoter_province', sql`(${t.role} = 'promoter') = (${t.provinceId} is not null)`),
    index('user_producer_idx').on(t.producerId),
    index('user_province_idx').on(t.provinceId),
  ],
);

/** Signed-in sessions (better-auth keeps them in the database, not in a signed cookie). */
export const sessions = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Credentials per sign-in method; for email + password, `password` holds the library's scrypt hash. */
export const accounts = pgTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

/** One-time tokens (password reset); better-auth deletes a token when it is used. */
export const verifications = pgTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/** Who gave whom which role, and when: promoters spend public money, so changes are kept for audit. */
export const roleChanges = pgTable(
  'role_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['shopper', 'producer', 'promoter', 'admin'] }).notNull(),
    producerId: text('producer_id'),
    provinceId: text('province_id'),
    changedBy: text('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_change_user_idx').on(t.userId)],
);

/**
 * Messages to send (password reset links, order and booking notices), written in the same transaction as the event.
 * The delivery worker (src/features/notifications/delivery.server.ts) claims due rows (queued, or sending for too
 * long after a crash), sends them, and marks them sent, or queued again with a later next_attempt_at, or failed
 * after the last attempt. `body` is the plain text, `html` the same message as simple HTML.
 */
export const outboxMessages = pgTable(
  'outbox_message',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    html: text('html'),
    state: text('state', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    check('outbox_state_known', sql`${t.state} in ('queued', 'sending', 'sent', 'failed')`),
    check('outbox_sent_at', sql`(${t.state} = 'sent') = (${t.sentAt} is not null)`),
    check('outbox_attempts', sql`${t.attempts} >= 0`),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} in ('queued', 'sending')`),
    index('outbox_failed_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'failed'`),
  ],
);

/** better-auth's request limiter for its HTTP endpoints (/api/auth/*), kept in the database so it holds across instances. */
export const rateLimits = pgTable('rate_limit', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  /** Epoch milliseconds, as better-auth stores it. */
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});
