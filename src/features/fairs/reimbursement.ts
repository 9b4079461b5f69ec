/**
 * Reimbursement on documents: under a programme whose money flow is reimbursement the producer pays the booth in
 * full; after the fair opens it enters its invoice (number and date) and the promoter confirms attendance, which
 * grants the repayment; a no-show's subsidy is clawed back (its earmark released). Pure: no I/O.
 */
import { z } from 'zod';
import { problem, type FieldProblems } from './problems';

/** The invoice a producer enters: the number as printed (letters, digits, / - .) and its date. */
export const invoiceSchema = z.object({
  invoiceNumber: z
    .string({ error: 'field.required' })
    .trim()
    .min(1, { error: 'field.required' })
    .max(40, { error: problem('field.maxLength', 40) })
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}/.\- ]*$/u, { error: 'reimbursement.invoiceNumber' }),
  invoiceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' }),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export type ReimbursementState = 'awaitingInvoice' | 'awaitingAttendance' | 'repaid' | 'clawedBack';

interface ReimbursedBooking {
  flow: 'upfront' | 'reimbursement';
  status: string;
  subsidy: number;
  invoiceNumber: string | null;
  attendance: 'attended' | 'noShow' | null;
}

/** Where a reimbursed booking stands; null when nothing is to be repaid (upfront, unconfirmed, no subsidy). */
export function reimbursementState(booking: ReimbursedBooking): ReimbursementState | null {
  if (booking.flow !== 'reimbursement' || booking.subsidy === 0) return null;
  if (booking.attendance === 'attended') return 'repaid';
  if (booking.attendance === 'noShow') return 'clawedBack';
  if (booking.status !== 'confirmed') return null;
  return booking.invoiceNumber === null ? 'awaitingInvoice' : 'awaitingAttendance';
}

/**
 * Problems with an invoice for this booking on Vietnam day `today`: the booking must await its documents, the
 * invoice may not be dated after today nor before the application could be made (a year before the fair).
 */
export function invoiceProblems(
  booking: ReimbursedBooking,
  invoice: Invoice,
  fair: { startsOn: string },
  today: string,
): FieldProblems {
  const state = reimbursementState(booking);
  if (state !== 'awaitingInvoice' && state !== 'awaitingAttendance')
    return { bookingId: 'reimbursement.notOpen' };
  if (invoice.invoiceDate > today) return { invoiceDate: 'reimbursement.invoiceFuture' };
  const yearBefore = `${Number(fair.startsOn.slice(0, 4)) - 1}${fair.startsOn.slice(4)}`;
  if (invoice.invoiceDate < yearBefore) return { invoiceDate: 'reimbursement.invoiceTooOld' };
  return {};
}

/**
 * Problems with recording attendance on Vietnam day `today`: only once the fair has opened, only for a booking
 * awaiting its documents, and a repayment needs the invoice first (a no-show needs none).
 */
export function attendanceProblems(
  booking: ReimbursedBooking,
  attended: boolean,
  fair: { startsOn: string },
  today: string,
): FieldProblems {
  const state = reimbursementState(booking);
  if (state !== 'awaitingInvoice' && state !== 'awaitingAttendance')
    return { bookingId: 'reimbursement.notOpen' };
  if (today < fair.startsOn) return { attendance: problem('reimbursement.beforeFair', fair.startsOn) };
  if (attended && state === 'awaitingInvoice') return { invoiceNumber: 'reimbursement.invoiceMissing' };
  return {};
}
