/**
 * Card payments taken through Stripe and the refunds sent back, for every payment kind (orders, booths). Money is
 * whole đồng. The database itself refuses refunding more than a payment took: `refunded` is raised by one atomic
 * UPDATE per refund and a CHECK keeps it within `amount`; a refund's idempotency key is unique, so a retried
 * request never records (or sends) it twice.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const vnd = (name: string) => bigint(name, { mode: 'number' });

/** A payment Stripe took (one PaymentIntent), what it paid for, and how much of it was refunded so far. */
export const cardPayments = pgTable(
  'card_payment',
  {
    paymentIntentId: text('payment_intent_id').primaryKey(),
    /** 'order' or 'booth', as the Checkout Session's metadata.kind. */
    kind: text('kind').notNull(),
    /** The order id or booking id paid for. */
    reference: text('reference').notNull(),
    sessionId: text('session_id'),
    amount: vnd('amount').notNull(),
    refunded: vnd('refunded').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('card_payment_amount_positive', sql`${t.amount} > 0`),
    check('card_payment_refund_within', sql`${t.refunded} >= 0 and ${t.refunded} <= ${t.amount}`),
    index('card_payment_reference_idx').on(t.kind, t.reference),
  ],
);

/** A refund: of which payment, for what (an order part, a whole order, a booth), how much, why, and Stripe's answer. */
export const refunds = pgTable(
  'refund',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paymentIntentId: text('payment_intent_id')
      .notNull()
      .references(() => cardPayments.paymentIntentId, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    /** The order part refunded, when the refund is for one part. */
    partId: bigint('part_id', { mode: 'number' }),
    amount: vnd('amount').notNull(),
    reason: text('reason', {
      enum: ['part_cancelled', 'order_unfulfillable', 'booth_unavailable', 'booth_cancelled'],
    }).notNull(),
    /** Who caused it: user:<id>, stripe:<event id>, or system. */
    actor: text('actor').notNull(),
    /** Derived from what is refunded, sent to Stripe as Idempotency-Key. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** requested = recorded, not yet accepted by Stripe; then Stripe's own status. */
    status: text('status', { enum: ['requested', 'pending', 'succeeded', 'failed', 'canceled'] })
      .notNull()
      .default('requested'),
    stripeRefundId: text('stripe_refund_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    check('refund_amount_positive', sql`${t.amount} > 0`),
    check(
      'refund_status_known',
      sql`${t.status} in ('requested', 'pending', 'succeeded', 'failed', 'canceled')`,
    ),
    check(
      'refund_reason_known',
      sql`${t.reason} in ('part_cancelled', 'order_unfulfillable', 'booth_unavailable', 'booth_cancelled')`,
    ),
    index('refund_reference_idx').on(t.kind, t.reference),
    index('refund_open_idx')
      .on(t.id)
      .where(sql`${t.status} = 'requested'`),
  ],
);
