/**
 * Order rules, once: readable order numbers, each producer's part moving through fulfilment, the forms that look an
 * order up or move a part, and the views pages read. How an order is paid lives beside it in ./payment.ts.
 * Pure: no I/O, no astro:*. Error messages are keys of ./messages.ts.
 */
import { z } from 'zod';
import { EMAIL_MAX, emailSchema } from '~/lib/email';
import { numericIdField, parseToken } from '~/lib/ids';
import type { Localized } from '~/lib/i18n/translate';
import type { RefundView } from '~/lib/stripe/refunds';
import type { PaymentMethod, PaymentStatus } from './payment';

// ---------------------------------------------------------------------------------------------------------------
// Order numbers: 8 characters in two groups (K7MQ-4XP9), from an alphabet without look-alikes (no 0/O, 1/I/L, U),
// so a shopper can read one over the phone. 30^8 ≈ 6.6·10^11 numbers; the database keeps them unique.
// ---------------------------------------------------------------------------------------------------------------

export const ORDER_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const NUMBER_LENGTH = 8;

/** An order number from random bytes (at least 8; the server passes crypto.randomBytes). */
export function orderNumberFrom(random: Uint8Array): string {
  if (random.length < NUMBER_LENGTH) throw new RangeError('orderNumberFrom needs 8 random bytes');
  let out = '';
  for (let i = 0; i < NUMBER_LENGTH; i++) {
    // 256 is not a multiple of 30; the slight bias (9 of 30 symbols by 1/256) does not matter for a label.
    out += ORDER_NUMBER_ALPHABET[random[i]! % ORDER_NUMBER_ALPHABET.length];
    if (i === 3) out += '-';
  }
  return out;
}

/** Canonical form of a typed order number (case, spaces and dashes forgiven), or null. */
export function normalizeOrderNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.#]/g, '');
  if (compact.length !== NUMBER_LENGTH) return null;
  for (const ch of compact) if (!ORDER_NUMBER_ALPHABET.includes(ch)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * The access key of an order's link as read from a URL, or null when absent, longer than any key we issue or not
 * made of the base64url characters we issue (so a control character never reaches a query).
 */
export function accessKeyParam(value: string | null | undefined): string | null {
  return parseToken(value, 64);
}

/** Longest order number and email the look-up form accepts (the form's maxlength too). */
export const LOOKUP_LIMITS = { number: 40, email: EMAIL_MAX } as const;

export const orderNumberSchema = z
  .string({ error: 'orderNumberRequired' })
  .trim()
  .min(1, { error: 'orderNumberRequired' })
  .max(LOOKUP_LIMITS.number, { error: 'orderNumberInvalid' })
  .transform((value, ctx) => {
    const number = normalizeOrderNumber(value);
    if (!number) {
      ctx.addIssue({ code: 'custom', message: 'orderNumberInvalid' });
      return z.NEVER;
    }
    return number;
  });

/** A guest finds an order by its number and the email it was placed with. */
export const orderLookupSchema = z.object({
  number: orderNumberSchema,
  email: emailSchema,
});
export type OrderLookup = z.infer<typeof orderLookupSchema>;

// ---------------------------------------------------------------------------------------------------------------
// A producer's part of an order
// ---------------------------------------------------------------------------------------------------------------

/**
 * awaiting_payment (card not yet paid) → placed → processing → shipped → delivered.
 * placed / processing → cancelled by the producer (with a reason; stock returns).
 * awaiting_payment → voided when the payment fails or expires (stock returns).
 */
export const PART_STATUSES = [
  'awaiting_payment',
  'placed',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'voided',
] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

/** The moves a producer makes by hand. */
export const PRODUCER_MOVES = ['processing', 'shipped', 'delivered', 'cancelled'] as const;
export type ProducerMove = (typeof PRODUCER_MOVES)[number];

const producerMoves: Record<PartStatus, readonly ProducerMove[]> = {
  awaiting_payment: [],
  placed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  voided: [],
};

/** Longest carrier name, tracking number and cancel reason a producer may type (the form's maxlength too). */
export const PART_MOVE_LIMITS = { carrier: 80, trackingNumber: 80, reason: 300 } as const;
/** What a tracking number may contain (the form's pattern too). */
export const TRACKING_NUMBER_PATTERN = '[A-Za-z0-9\\-]+';

/** The moves a producer may make from a status, in the order the page offers them. */
export function allowedMoves(status: PartStatus): readonly ProducerMove[] {
  return producerMoves[status];
}

export function canMove(from: PartStatus, to: ProducerMove): boolean {
  return producerMoves[from].includes(to);
}

/** Whether moving to this status puts the part's units back in stock. */
export function returnsStock(to: PartStatus): boolean {
  return to === 'cancelled' || to === 'voided';
}

/**
 * The status a part takes when its order's payment changes, or null when the part is not affected. A part voided
 * by an expiry or a failure is placed again when the payment turns out paid after all (if its stock can be taken
 * again; otherwise it stays voided and is refunded).
 */
export function partStatusAfterPayment(part: PartStatus, payment: PaymentStatus): PartStatus | null {
  if (part === 'voided') return payment === 'paid' ? 'placed' : null;
  if (part !== 'awaiting_payment') return null;
  if (payment === 'paid' || payment === 'cash_on_delivery') return 'placed';
  if (payment === 'failed' || payment === 'expired') return 'voided';
  return null;
}

/**
 * What goes back to a card-paying shopper for a part that will not be delivered (cancelled by its producer, or
 * paid too late for its stock): the part's goods and its delivery fee, since nothing of it is delivered; never more
 * than what is left of the payment.
 */
export function partRefundAmount(
  part: { subtotal: number; shipping: number },
  payment: { amount: number; refunded: number },
): number {
  return Math.max(0, Math.min(part.subtotal + part.shipping, payment.amount - payment.refunded));
}

/** The status a new part starts in. */
export function initialPartStatus(payment: PaymentStatus): PartStatus {
  return payment === 'cash_on_delivery' ? 'placed' : 'awaiting_payment';
}

/**
 * A producer's move of its part, as the form sends it (one flat form, so it works without JavaScript): shipping
 * needs a carrier and a tracking number, cancelling a reason; fields another move does not use are dropped.
 */
export const partMoveSchema = z
  .object({
    // Plain decimal digits only (src/lib/ids.ts): `0x10`, `1e3` or ` 16` are not part 16.
    partId: numericIdField('partUnknown'),
    to: z.enum(PRODUCER_MOVES, { error: 'moveUnknown' }),
    carrier: z.string().trim().max(PART_MOVE_LIMITS.carrier, { error: 'textTooLong' }).optional(),
    trackingNumber: z
      .string()
      .trim()
      .max(PART_MOVE_LIMITS.trackingNumber, { error: 'textTooLong' })
      .optional(),
    reason: z.string().trim().max(PART_MOVE_LIMITS.reason, { error: 'textTooLong' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'shipped') {
      if (!v.carrier) ctx.addIssue({ code: 'custom', path: ['carrier'], message: 'carrierRequired' });
      if (!v.trackingNumber)
        ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'trackingRequired' });
      else if (!new RegExp(`^${TRACKING_NUMBER_PATTERN}$`).test(v.trackingNumber))
        ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'trackingInvalid' });
    }
    if (v.to === 'cancelled' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
  })
  .transform((v): PartMove => {
    if (v.to === 'shipped')
      return { partId: v.partId, to: v.to, carrier: v.carrier!, trackingNumber: v.trackingNumber! };
    if (v.to === 'cancelled') return { partId: v.partId, to: v.to, reason: v.reason! };
    return { partId: v.partId, to: v.to };
  });
export type PartMove =
  | { partId: number; to: 'processing' | 'delivered' }
  | { partId: number; to: 'shipped'; carrier: string; trackingNumber: string }
  | { partId: number; to: 'cancelled'; reason: string };

/** Which label to show for an order as a whole, from its payment and its parts. */
export function orderHeadline(
  payment: PaymentStatus,
  parts: readonly PartStatus[],
): PaymentStatus | 'cancelled' | 'delivered' | 'shipped' {
  const live = parts.filter((p) => p !== 'cancelled' && p !== 'voided');
  if (parts.length > 0 && live.length === 0 && payment !== 'failed' && payment !== 'expired')
    return 'cancelled';
  if (live.length > 0 && live.every((p) => p === 'delivered')) return 'delivered';
  if (live.length > 0 && live.every((p) => p === 'shipped' || p === 'delivered')) return 'shipped';
  return payment;
}

// ---------------------------------------------------------------------------------------------------------------
// Views: what pages read of an order (built by the service from its rows)
// ---------------------------------------------------------------------------------------------------------------

export interface OrderLineView {
  productId: string;
  /** The product's name when it was bought (a snapshot). */
  name: Localized;
  imagePath: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface OrderPartView {
  id: number;
  producerId: string;
  producerName: string;
  status: PartStatus;
  subtotal: number;
  shipping: number;
  carrier: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  lines: OrderLineView[];
}

/**
 * Notes the site itself writes into an order's history. Stored as written (the history is an audit log) and shown
 * to people in their language; any other note the system or Stripe leaves (a provider's error, an amount mismatch)
 * is for staff and stays out of the views.
 */
export const SYSTEM_NOTES = {
  reservationLapsed: 'reservation lapsed',
  cancelledByShopper: 'payment cancelled by the shopper',
} as const;
export type SystemNote = keyof typeof SYSTEM_NOTES;

/** Which of the site's own notes a stored note is, or null. */
export function systemNoteOf(note: string | null): SystemNote | null {
  const found = Object.entries(SYSTEM_NOTES).find(([, text]) => text === note);
  return found ? (found[0] as SystemNote) : null;
}

/** One change of the order's payment status or of one part's status. */
export interface OrderHistoryEntry {
  at: Date;
  partId: number | null;
  from: string | null;
  to: string;
  /** What a person wrote with the change (a producer's carrier and tracking number, or cancel reason). */
  note: string | null;
  /** A note of the site's own, shown translated. */
  systemNote: SystemNote | null;
}

export interface OrderView {
  id: string;
  number: string;
  accessKey: string;
  createdAt: Date;
  email: string;
  contactName: string;
  phone: string;
  address: { province: string; commune: string; street: string };
  note: string;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  subtotal: number;
  shipping: number;
  total: number;
  customerId: string | null;
  parts: OrderPartView[];
  history: OrderHistoryEntry[];
  /** Money sent back to the card, oldest first. */
  refunds: RefundView[];
}
