/**
 * Fairs, booths, bookings and subsidy budgets. The invariants hold in the database itself, so no code path or
 * race can break them:
 * - one active booking per booth: a partial unique index over held / pending / approved / confirmed;
 * - a programme's earmarked + committed subsidy never exceeds its budget, and its supported producers never exceed
 *   its limit: CHECKs on the programme row, which every allocation updates while holding its row lock;
 * - a producer never exceeds its caps per fair and per period, nor its number of supported fairs: CHECKs on the
 *   usage rows, which carry the cap in force.
 * Money is bigint whole đồng.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const vnd = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** A subsidy programme of a province: its rules, limits and the budget pool with what is earmarked and committed. */
export const subsidyProgrammes = pgTable(
  'subsidy_programme',
  {
    id: text('id').primaryKey(),
    provinceId: text('province_id').notNull(),
    name: text('name').notNull(),
    budget: vnd('budget').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    maxProducers: integer('max_producers'),
    capPerProducerPerFair: vnd('cap_per_producer_per_fair'),
    capPerProducerPerPeriod: vnd('cap_per_producer_per_period'),
    maxFairsPerProducer: integer('max_fairs_per_producer'),
    /** SubsidyRule[] (src/features/fairs/subsidies.ts), in the promoter's order. */
    rules: jsonb('rules').notNull(),
    disadvantagedCommunes: jsonb('disadvantaged_communes').notNull().default([]),
    /** ProgrammeTerms (src/features/fairs/terms.ts): history and area rates, participation limits, flow, VAT. */
    terms: jsonb('terms').notNull().default({}),
    /** Held by active holds and applications. */
    earmarked: vnd('earmarked').notNull().default(0),
    /** Owed for confirmed bookings. */
    committed: vnd('committed').notNull().default(0),
    producersSupported: integer('producers_supported').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('subsidy_programme_budget_positive', sql`${t.budget} > 0`),
    check('subsidy_programme_pool_nonnegative', sql`${t.earmarked} >= 0 and ${t.committed} >= 0`),
    check('subsidy_programme_pool_within_budget', sql`${t.earmarked} + ${t.committed} <= ${t.budget}`),
    check(
      'subsidy_programme_producers_within_limit',
      sql`${t.producersSupported} >= 0 and (${t.maxProducers} is null or ${t.producersSupported} <= ${t.maxProducers})`,
    ),
    check('subsidy_programme_period', sql`${t.periodEnd} >= ${t.periodStart}`),
    index('subsidy_programme_province_idx').on(t.provinceId),
  ],
);

/** A fair organised by a province's promoters. */
export const fairs = pgTable(
  'fair',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    provinceId: text('province_id').notNull(),
    status: text('status', { enum: ['draft', 'published', 'cancelled'] })
      .notNull()
      .default('draft'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    venue: text('venue').notNull(),
    city: text('city').notNull(),
    organiser: text('organiser').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    applicationDeadline: date('application_deadline', { mode: 'string' }).notNull(),
    needsApproval: boolean('needs_approval').notNull().default(false),
    holdMinutes: integer('hold_minutes').notNull().default(30),
    hallWidth: integer('hall_width').notNull(),
    hallDepth: integer('hall_depth').notNull(),
    serviceFee: vnd('service_fee').notNull().default(0),
    decorationFee: vnd('decoration_fee').notNull().default(0),
    electricityFee: vnd('electricity_fee').notNull().default(0),
    /** CancellationTier[] (src/features/fairs/fairs.ts). */
    cancellationTiers: jsonb('cancellation_tiers').notNull().default([]),
    programmeId: text('programme_id').references(() => subsidyProgrammes.id, { onDelete: 'restrict' }),
    /** Where the fair is held, as the promoter classes it (programmes may pay a rate per class). */
    areaClass: text('area_class', { enum: ['mountain', 'border', 'island', 'disadvantaged', 'other'] })
      .notNull()
      .default('other'),
    /** How many times this fair has been held, this one included (repetition rates). */
    edition: integer('edition').notNull().default(1),
    /** Whether prices are quoted without VAT (added on top), with VAT included, or the fair charges none. */
    vatMode: text('vat_mode', { enum: ['none', 'excluded', 'included'] })
      .notNull()
      .default('none'),
    vatRateBp: integer('vat_rate_bp').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('fair_status_known', sql`${t.status} in ('draft', 'published', 'cancelled')`),
    check(
      'fair_dates_ordered',
      sql`${t.endsOn} >= ${t.startsOn} and ${t.applicationDeadline} <= ${t.startsOn}`,
    ),
    check(
      'fair_area_class_known',
      sql`${t.areaClass} in ('mountain', 'border', 'island', 'disadvantaged', 'other')`,
    ),
    check('fair_edition_positive', sql`${t.edition} >= 1`),
    check(
      'fair_vat_known',
      sql`${t.vatMode} in ('none', 'excluded', 'included') and ${t.vatRateBp} in (0, 500, 800, 1000)`,
    ),
    check('fair_hold_minutes', sql`${t.holdMinutes} between 5 and 1440`),
    check('fair_hall_positive', sql`${t.hallWidth} > 0 and ${t.hallDepth} > 0`),
    check(
      'fair_fees_nonnegative',
      sql`${t.serviceFee} >= 0 and ${t.decorationFee} >= 0 and ${t.electricityFee} >= 0`,
    ),
    index('fair_province_idx').on(t.provinceId),
    index('fair_status_starts_idx').on(t.status, t.startsOn),
  ],
);

/** A booth on a fair's floor plan (metre grid). */
export const booths = pgTable(
  'booth',
  {
    id: text('id').primaryKey(),
    fairId: text('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    x: integer('x').notNull(),
    y: integer('y').notNull(),
    width: integer('width').notNull(),
    depth: integer('depth').notNull(),
    openSides: integer('open_sides').notNull().default(1),
    type: text('type', { enum: ['shell', 'raw', 'premium'] }).notNull(),
    zone: text('zone').notNull().default(''),
    pricing: text('pricing', { enum: ['fixed', 'perM2'] }).notNull(),
    price: vnd('price').notNull(),
    openSidePremium: vnd('open_side_premium').notNull().default(0),
    blocked: boolean('blocked').notNull().default(false),
  },
  (t) => [
    uniqueIndex('booth_fair_code_idx').on(t.fairId, t.code),
    check('booth_geometry', sql`${t.x} >= 0 and ${t.y} >= 0 and ${t.width} > 0 and ${t.depth} > 0`),
    check('booth_open_sides', sql`${t.openSides} between 1 and 4`),
    check('booth_price_nonnegative', sql`${t.price} >= 0 and ${t.openSidePremium} >= 0`),
  ],
);

/** A producer's hold, application or booking of a booth, with the subsidy decided when it was placed. */
export const boothBookings = pgTable(
  'booth_booking',
  {
    id: text('id').primaryKey(),
    fairId: text('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    boothId: text('booth_id')
      .notNull()
      .references(() => booths.id, { onDelete: 'cascade' }),
    producerId: text('producer_id').notNull(),
    status: text('status', {
      enum: ['held', 'pending', 'approved', 'confirmed', 'cancelled', 'expired', 'refused'],
    }).notNull(),
    /** The account that placed it: the producer, or a promoter booking on its behalf. */
    bookedBy: text('booked_by'),
    onBehalf: boolean('on_behalf').notNull().default(false),
    programmeId: text('programme_id').references(() => subsidyProgrammes.id, { onDelete: 'restrict' }),
    /** CostItem[] at the time of booking. */
    costItems: jsonb('cost_items').notNull(),
    total: vnd('total').notNull(),
    subsidy: vnd('subsidy').notNull().default(0),
    producerPays: vnd('producer_pays').notNull(),
    shortfall: vnd('shortfall').notNull().default(0),
    /** The VAT inside `total` (0 when the fair charges none). */
    vat: vnd('vat').notNull().default(0),
    /** Upfront: the producer pays `producer_pays`; reimbursement: it pays `total` and is repaid the subsidy. */
    flow: text('flow', { enum: ['upfront', 'reimbursement'] })
      .notNull()
      .default('upfront'),
    /** Waiting in the programme's grant queue: its subsidy is decided in submission order (grant-queue.server.ts). */
    queued: boolean('queued').notNull().default(false),
    /** Priority on a tie of submission instants (women-owned, social enterprise): 0, 1 or 2. */
    priority: integer('priority').notNull().default(0),
    /** Reimbursement documents: the producer's invoice, and the promoter's attendance finding. */
    invoiceNumber: text('invoice_number'),
    invoiceDate: date('invoice_date', { mode: 'string' }),
    attendance: text('attendance', { enum: ['attended', 'noShow'] }),
    /** Subsidy repaid to the producer (reimbursement, attended) or clawed back (no-show). */
    repaid: vnd('repaid').notNull().default(0),
    clawedBack: vnd('clawed_back').notNull().default(0),
    /** SubsidyDecision lines, so the explanation shown later is the one that was applied. */
    explanation: jsonb('explanation').notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** The expiry the producer was reminded of (one reminder per hold or approval: docs/notifications.md). */
    remindedFor: timestamp('reminded_for', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    paidBy: text('paid_by', { enum: ['card', 'transfer', 'none'] }),
    paymentRef: text('payment_ref'),
    checkoutSessionId: text('checkout_session_id'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    cancellationFee: vnd('cancellation_fee'),
    refund: vnd('refund'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('booth_booking_one_active_idx')
      .on(t.boothId)
      .where(sql`${t.status} in ('held', 'pending', 'approved', 'confirmed')`),
    check(
      'booth_booking_status_known',
      sql`${t.status} in ('held', 'pending', 'approved', 'confirmed', 'cancelled', 'expired', 'refused')`,
    ),
    check(
      'booth_booking_amounts',
      sql`${t.subsidy} >= 0 and ${t.producerPays} >= 0 and ${t.shortfall} >= 0 and ${t.subsidy} + ${t.producerPays} = ${t.total}`,
    ),
    check('booth_booking_flow_known', sql`${t.flow} in ('upfront', 'reimbursement')`),
    check(
      'booth_booking_repayment',
      sql`${t.repaid} >= 0 and ${t.clawedBack} >= 0 and ${t.repaid} + ${t.clawedBack} <= ${t.subsidy}`,
    ),
    index('booth_booking_queue_idx')
      .on(t.programmeId, t.submittedAt)
      .where(sql`${t.queued}`),
    index('booth_booking_fair_status_idx').on(t.fairId, t.status),
    index('booth_booking_producer_idx').on(t.producerId),
    index('booth_booking_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} in ('held', 'approved')`),
  ],
);

/** A producer's earmarked + committed subsidy in a programme, with the period cap and fair limit in force. */
export const subsidyProducerUsage = pgTable(
  'subsidy_producer_usage',
  {
    programmeId: text('programme_id')
      .notNull()
      .references(() => subsidyProgrammes.id, { onDelete: 'cascade' }),
    producerId: text('producer_id').notNull(),
    amount: vnd('amount').notNull().default(0),
    fairs: integer('fairs').notNull().default(0),
    cap: vnd('cap'),
    maxFairs: integer('max_fairs'),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.producerId] }),
    check(
      'subsidy_producer_usage_within_cap',
      sql`${t.amount} >= 0 and (${t.cap} is null or ${t.amount} <= ${t.cap})`,
    ),
    check(
      'subsidy_producer_usage_fairs',
      sql`${t.fairs} >= 0 and (${t.maxFairs} is null or ${t.fairs} <= ${t.maxFairs})`,
    ),
  ],
);

/** A producer's earmarked + committed subsidy at one fair, with the per-fair cap in force. */
export const subsidyFairUsage = pgTable(
  'subsidy_fair_usage',
  {
    programmeId: text('programme_id')
      .notNull()
      .references(() => subsidyProgrammes.id, { onDelete: 'cascade' }),
    producerId: text('producer_id').notNull(),
    fairId: text('fair_id')
      .notNull()
      .references(() => fairs.id, { onDelete: 'cascade' }),
    amount: vnd('amount').notNull().default(0),
    cap: vnd('cap'),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.producerId, t.fairId] }),
    check(
      'subsidy_fair_usage_within_cap',
      sql`${t.amount} >= 0 and (${t.cap} is null or ${t.amount} <= ${t.cap})`,
    ),
  ],
);

/** Every movement of subsidy money: earmark on hold, commit on confirmation, release on cancel / expiry / refusal. */
export const subsidyLedger = pgTable(
  'subsidy_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => subsidyProgrammes.id, { onDelete: 'cascade' }),
    producerId: text('producer_id').notNull(),
    fairId: text('fair_id').notNull(),
    bookingId: text('booking_id').notNull(),
    /** commit = granted (upfront: on payment; reimbursement: the repayment, on invoice and attendance). */
    entry: text('entry', { enum: ['earmark', 'commit', 'release'] }).notNull(),
    /** From which state money was released: earmarked or committed. */
    releasedFrom: text('released_from', { enum: ['earmarked', 'committed'] }),
    amount: vnd('amount').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('subsidy_ledger_amount_positive', sql`${t.amount} > 0`),
    index('subsidy_ledger_programme_idx').on(t.programmeId, t.producerId),
    index('subsidy_ledger_booking_idx').on(t.bookingId),
  ],
);
