/**
 * Booth bookings: their states and moves, when a producer may book, what a booth shows on the plan, and the
 * payment schedule of a booking. Pure: no I/O.
 *
 *   held ──submit (approval needed)──▶ pending ──approve──▶ approved ──pay──▶ confirmed
 *    │ └──pay / nothing to pay──────────────────────────────────────────────▶ confirmed
 *    └─ expire / cancel          pending ─refuse─▶ refused      approved ─expire─▶ expired     confirmed ─cancel─▶ cancelled
 */
import { can, type Actor } from '~/features/accounts/accounts';
import { applicationsOpen, type FairStatus } from './fairs';
import type { Booth } from './floor-plan';
import { problem, type FieldProblems } from './problems';
import type { CostItem, ExplanationLine } from './subsidies';
import type { MoneyFlow } from './terms';

export const BOOKING_STATUSES = [
  'held',
  'pending',
  'approved',
  'confirmed',
  'cancelled',
  'expired',
  'refused',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** States in which a booking occupies its booth and its subsidy (the database allows one per booth). */
export const ACTIVE_STATUSES = [
  'held',
  'pending',
  'approved',
  'confirmed',
] as const satisfies readonly BookingStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

export function isActive(status: BookingStatus): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

/** How long an approved application waits for the producer's payment before the booth is released. */
export const APPROVED_PAYMENT_HOURS = 72;

export type BookingEvent = 'submit' | 'approve' | 'refuse' | 'pay' | 'expire' | 'cancel';

/** How a producer's share was paid ('none' when the subsidy covered everything). */
export type PaidBy = 'card' | 'transfer' | 'none';

/** A booking as pages and actions see it (cost items and explanation parsed). */
export interface BookingView {
  id: string;
  fairId: string;
  boothId: string;
  producerId: string;
  status: BookingStatus;
  /** The account that placed it: the producer, or a promoter booking on its behalf. */
  bookedBy: string | null;
  onBehalf: boolean;
  programmeId: string | null;
  costItems: CostItem[];
  total: number;
  subsidy: number;
  producerPays: number;
  shortfall: number;
  /** The VAT inside `total`. */
  vat: number;
  /** Upfront: the producer pays `producerPays`; reimbursement: it pays `total` and is repaid `subsidy`. */
  flow: MoneyFlow;
  priority: number;
  /** Waiting for its grant pass (a moment after the hold). */
  queued: boolean;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  attendance: 'attended' | 'noShow' | null;
  repaid: number;
  clawedBack: number;
  /** The subsidy decision's lines, as applied when the booth was held. */
  explanation: ExplanationLine[];
  submittedAt: Date;
  /** When a hold or an approval lapses unless paid; null in every other state. */
  expiresAt: Date | null;
  confirmedAt: Date | null;
  paidBy: PaidBy | null;
  paymentRef: string | null;
  checkoutSessionId: string | null;
  endedAt: Date | null;
  cancellationFee: number | null;
  refund: number | null;
  note: string | null;
}

/** What the producer must pay to confirm: its share (upfront discount) or the total (reimbursement). */
export function amountDue(booking: { producerPays: number; total?: number; flow?: MoneyFlow }): number {
  return booking.flow === 'reimbursement' && booking.total !== undefined
    ? booking.total
    : booking.producerPays;
}

type Due = { producerPays: number; total?: number; flow?: MoneyFlow };

/** The state after `event`, or null when the move is not allowed from `from`. */
export function nextStatus(
  from: BookingStatus,
  event: BookingEvent,
  context: { needsApproval: boolean; producerPays: number },
): BookingStatus | null {
  switch (event) {
    case 'submit':
      if (from !== 'held') return null;
      if (context.needsApproval) return 'pending';
      return context.producerPays === 0 ? 'confirmed' : null;
    case 'approve':
      if (from !== 'pending') return null;
      return context.producerPays === 0 ? 'confirmed' : 'approved';
    case 'refuse':
      return from === 'pending' ? 'refused' : null;
    case 'pay':
      if (from === 'approved') return 'confirmed';
      return from === 'held' && !context.needsApproval ? 'confirmed' : null;
    case 'expire':
      return from === 'held' || from === 'approved' ? 'expired' : null;
    case 'cancel':
      return isActive(from) ? 'cancelled' : null;
  }
}

/** Whether `event` may move this booking now: the rule `nextStatus` applies, asked by pages and services alike. */
export function canMove(
  booking: { status: BookingStatus } & Due,
  fair: { needsApproval: boolean },
  event: BookingEvent,
): boolean {
  return (
    nextStatus(booking.status, event, {
      needsApproval: fair.needsApproval,
      producerPays: amountDue(booking),
    }) !== null
  );
}

/**
 * Whether the producer's share can be paid now (by card, or a transfer the promoter records): something is owed
 * and the `pay` move is allowed, so a hold that still needs approval cannot be paid.
 */
export function paymentDue(
  booking: { status: BookingStatus } & Due,
  fair: { needsApproval: boolean },
): boolean {
  return amountDue(booking) > 0 && canMove(booking, fair, 'pay');
}

/** When a hold placed at `now` lapses. */
export function holdExpiresAt(now: Date, holdMinutes: number): Date {
  return new Date(now.getTime() + holdMinutes * 60_000);
}

/** When an application approved at `now` lapses unless paid. */
export function approvedExpiresAt(now: Date): Date {
  return new Date(now.getTime() + APPROVED_PAYMENT_HOURS * 3_600_000);
}

/** Whether a hold or approval has lapsed at `now` (pending and confirmed bookings never lapse). */
export function hasLapsed(booking: { status: BookingStatus; expiresAt: Date | null }, now: Date): boolean {
  return (
    (booking.status === 'held' || booking.status === 'approved') &&
    booking.expiresAt !== null &&
    booking.expiresAt <= now
  );
}

/**
 * Why a booking request must be refused, keyed by field: the booth belongs to another fair or is blocked, the fair
 * is not open, the deadline has passed. The booth being taken is decided by the database, not here.
 */
export function bookingProblems(input: {
  fair: { id: string; status: FairStatus; applicationDeadline: string };
  booth: { fairId: string; blocked: boolean } | null;
  now: Date;
  /** A promoter booking for a producer may do so after the deadline (e.g. a provincial pavilion). */
  onBehalf?: boolean;
}): FieldProblems {
  const { fair, booth, now } = input;
  if (!booth || booth.fairId !== fair.id) return { boothId: 'booking.boothNotInFair' };
  if (booth.blocked) return { boothId: 'booking.boothBlocked' };
  if (fair.status !== 'published') return { fairId: 'booking.fairNotOpen' };
  if (!input.onBehalf && !applicationsOpen(fair, now)) {
    return { fairId: problem('booking.deadlinePassed', fair.applicationDeadline) };
  }
  return {};
}

/** The producer an account may hold booths for itself: its own, when it is a producer account; else null. */
export function applyingProducer(actor: Actor | null): string | null {
  const producerId = actor?.producerId ?? null;
  return producerId !== null && can(actor, 'booth.apply', { producerId }) ? producerId : null;
}

export type BoothState = 'available' | 'held' | 'booked' | 'blocked';

/** A booth of a fair's plan with its rent and its state now. */
export interface PlanBooth extends Booth {
  id: string;
  fairId: string;
  rent: number;
  state: BoothState;
  /** The producer holding or booking it (promoters see it; the public plan does not show it). */
  producerId: string | null;
}

/** What the floor plan shows for a booth, given its active booking (if any) at `now`. */
export function boothState(
  booth: Pick<Booth, 'blocked'>,
  booking: { status: BookingStatus; expiresAt: Date | null } | null,
  now: Date,
): BoothState {
  if (booth.blocked) return 'blocked';
  if (!booking || !isActive(booking.status) || hasLapsed(booking, now)) return 'available';
  return booking.status === 'confirmed' ? 'booked' : 'held';
}

export type ScheduleLine =
  | { key: 'producerDue'; amount: number; by: Date | null; method: 'online' | 'transfer' | 'none' }
  | { key: 'subsidySettled'; amount: number; afterDay: string }
  | { key: 'awaitApproval' };

/**
 * Who pays what, when: the producer's share before the hold (or approval window) lapses, and the subsidy, which
 * the province settles with the organiser after the fair (the settlement view lists it).
 */
export function paymentSchedule(input: {
  producerPays: number;
  subsidy: number;
  status: BookingStatus;
  expiresAt: Date | null;
  needsApproval: boolean;
  fairEndsOn: string;
  cardAvailable: boolean;
}): ScheduleLine[] {
  const lines: ScheduleLine[] = [];
  if (input.needsApproval && (input.status === 'held' || input.status === 'pending'))
    lines.push({ key: 'awaitApproval' });
  lines.push({
    key: 'producerDue',
    amount: input.producerPays,
    by: input.producerPays === 0 ? null : input.expiresAt,
    method: input.producerPays === 0 ? 'none' : input.cardAvailable ? 'online' : 'transfer',
  });
  if (input.subsidy > 0)
    lines.push({ key: 'subsidySettled', amount: input.subsidy, afterDay: input.fairEndsOn });
  return lines;
}

/**
 * What a card payment of a booking's share means for it, the same whatever order Stripe's events arrive in:
 * `confirm` a held or approved booking paid exactly its share (the move itself checks the booth is still its own);
 * `keep` when this payment confirmed it (a repeated event, or one arriving after a cancellation); `refund`
 * everything else, since the booth
 * cannot be given for it: the hold lapsed and was released, the booking ended, another payment or a transfer
 * already confirmed it, or the amount is not the share.
 */
export type BoothPaymentFate = 'confirm' | 'keep' | 'refund';

export function boothPaymentFate(
  booking: { status: BookingStatus; paymentRef: string | null } & Due,
  payment: { sessionId: string; amount: number | null; currency: string | null },
): BoothPaymentFate {
  // This payment confirmed the booking once: a later event of it changes nothing, even after a cancellation
  // (which refunded the share less the fee by itself).
  if (booking.paymentRef === payment.sessionId) return 'keep';
  if (payment.currency !== 'vnd' || payment.amount !== amountDue(booking)) return 'refund';
  return booking.status === 'held' || booking.status === 'approved' ? 'confirm' : 'refund';
}

/** What a cancelled booking paid by card gets back: the producer's share less the fee, as the cancellation set. */
export function cancellationRefund(booking: {
  status: BookingStatus;
  paidBy: PaidBy | null;
  refund: number | null;
}): number {
  return booking.status === 'cancelled' && booking.paidBy === 'card' ? Math.max(0, booking.refund ?? 0) : 0;
}
