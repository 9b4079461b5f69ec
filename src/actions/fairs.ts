/**
 * Fair and booth actions, used as HTML form actions (they work without JavaScript). Thin: the input schemas come
 * from the fairs feature, permissions from `can`, the work from the fairs service; failures become ActionErrors
 * whose message (and field errors) are problem keys of src/features/fairs/messages.ts.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'zod';
import { can, type Action, type Actor } from '~/features/accounts/accounts';
import { applyingProducer } from '~/features/fairs/booking';
import type { FairView } from '~/features/fairs/fairs';
import type { Failure } from '~/features/fairs/fairs.server';
import { fairFormSchema, floorPlanFormSchema, policyFormSchema } from '~/features/fairs/forms';
import { localeFromPath } from '~/lib/i18n';
import { optionalSlugField, uuidField } from '~/lib/ids';
import { throwFieldProblems } from './field-errors';
import { getBoothPayments, getFairs } from '~/services.server';

// Ids parsed strictly (src/lib/ids.ts): a malformed one is a 400 field error and never reaches a query.
const fairId = uuidField('fair.notFound');
const bookingId = uuidField('booking.notFound');

export const fairs = {
  saveFair: defineAction({
    accept: 'form',
    input: fairFormSchema,
    handler: async ({ fairId, fair }, context) => {
      // Who is asking first; then the date rules that read the stored fair (field errors, 400, nothing written).
      const actor = promoter(context);
      if (fairId) await organisedFair(actor, fairId, 'fair.organise');
      const service = await getFairs();
      throwFieldProblems(await service.fairFormProblems(fair, fairId));
      if (fairId) return { fairId: unwrap(await service.updateFair(fairId, fair)).id };
      return { fairId: unwrap(await service.createFair(actor.provinceId!, fair, actor.id)).id };
    },
  }),

  setFairStatus: defineAction({
    accept: 'form',
    input: z.object({ fairId, status: z.enum(['draft', 'published', 'cancelled']) }),
    handler: async ({ fairId, status }, context) => {
      await organisedFair(promoter(context), fairId, 'fair.organise');
      return { fairId: unwrap(await (await getFairs()).setFairStatus(fairId, status)).id, status };
    },
  }),

  duplicateFair: defineAction({
    accept: 'form',
    input: z.object({ fairId }),
    handler: async ({ fairId }, context) => {
      const actor = promoter(context);
      await organisedFair(actor, fairId, 'fair.organise');
      return { fairId: unwrap(await (await getFairs()).copyFair(fairId, actor.id)).id };
    },
  }),

  saveFloorPlan: defineAction({
    accept: 'form',
    input: floorPlanFormSchema,
    handler: async ({ fairId, booths }, context) => {
      await organisedFair(promoter(context), fairId, 'fair.organise');
      // Overlaps, booths outside the hall and changes to booked booths are field errors (400), nothing written.
      throwFieldProblems(await (await getFairs()).floorPlanFormProblems(fairId, booths));
      return { fairId, booths: unwrap(await (await getFairs()).saveFloorPlan(fairId, booths)).booths };
    },
  }),

  savePolicy: defineAction({
    accept: 'form',
    input: policyFormSchema,
    handler: async ({ programmeId, programme }, context) => {
      const actor = promoter(context);
      const service = await getFairs();
      if (programmeId) {
        const existing = await service.getProgramme(programmeId);
        if (!existing) throw new ActionError({ code: 'NOT_FOUND', message: 'programme.notFound' });
        if (!can(actor, 'subsidy.setPolicy', { provinceId: existing.provinceId }))
          throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
        return { programmeId: unwrap(await service.updateProgramme(programmeId, programme)).id };
      }
      if (!can(actor, 'subsidy.setPolicy', { provinceId: actor.provinceId! }))
        throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      return {
        programmeId: unwrap(await service.createProgramme(actor.provinceId!, programme, actor.id)).id,
      };
    },
  }),

  /** A producer holds a booth for itself; a promoter of the organising province may hold one for any producer. */
  holdBooth: defineAction({
    accept: 'form',
    input: z.object({
      fairId,
      boothId: uuidField('booking.boothNotInFair'),
      producerId: optionalSlugField('booking.producerUnknown'),
    }),
    handler: async ({ fairId, boothId, producerId }, context) => {
      const actor = signedIn(context);
      const service = await getFairs();
      const fair = await service.getFair(fairId);
      if (!fair) throw new ActionError({ code: 'NOT_FOUND', message: 'fair.notFound' });
      const own = applyingProducer(actor);
      const onBehalf = own === null;
      const forProducer = own ?? producerId;
      if (!forProducer || (onBehalf && !can(actor, 'fair.organise', { provinceId: fair.provinceId })))
        throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      const held = unwrap(
        await service.hold({ fairId: fair.id, boothId, producerId: forProducer, by: actor.id, onBehalf }),
      );
      return { bookingId: held.id };
    },
  }),

  /** Sends a held booth for approval, or confirms it when the subsidy covers everything. */
  submitBooking: defineAction({
    accept: 'form',
    input: z.object({ bookingId }),
    handler: async ({ bookingId }, context) => {
      await ownBooking(signedIn(context), bookingId);
      return { bookingId: unwrap(await (await getFairs()).submit(bookingId)).id };
    },
  }),

  cancelBooking: defineAction({
    accept: 'form',
    input: z.object({ bookingId }),
    handler: async ({ bookingId }, context) => {
      const user = signedIn(context);
      await ownBooking(user, bookingId, true);
      return { bookingId: unwrap(await (await getFairs()).cancel(bookingId, `user:${user.id}`)).id };
    },
  }),

  /** Starts Stripe Checkout for the producer's share; the page sends the browser to the returned URL. */
  payBooking: defineAction({
    accept: 'form',
    input: z.object({ bookingId }),
    handler: async ({ bookingId }, context) => {
      const actor = signedIn(context);
      const booking = await ownBooking(actor, bookingId);
      const result = await (
        await getBoothPayments()
      ).startBoothPayment(booking.id, new URL(context.url).origin, localeFromPath(context.url.pathname));
      if (!result.ok)
        throw new ActionError({
          code: result.code === 'unavailable' ? 'SERVICE_UNAVAILABLE' : 'CONFLICT',
          message: result.message,
        });
      return { url: result.url };
    },
  }),

  decideApplication: defineAction({
    accept: 'form',
    input: z.object({
      bookingId,
      decision: z.enum(['approve', 'refuse']),
      note: z.string().trim().max(500).optional(),
    }),
    handler: async ({ bookingId, decision, note }, context) => {
      const actor = promoter(context);
      const booking = await bookingInProvince(actor, bookingId, 'booth.approve');
      const service = await getFairs();
      const result =
        decision === 'approve'
          ? await service.approve(booking.id, note)
          : await service.refuse(booking.id, note);
      return { bookingId: unwrap(result).id };
    },
  }),

  /** Reimbursement: the producer enters the invoice of its booth (number and date). */
  recordInvoice: defineAction({
    accept: 'form',
    input: z.object({
      bookingId,
      invoiceNumber: z.string().max(200).optional(),
      invoiceDate: z.string().max(40).optional(),
    }),
    handler: async ({ bookingId, ...invoice }, context) => {
      const booking = await ownBooking(signedIn(context), bookingId);
      const result = await (await getFairs()).recordInvoice(booking.id, invoice);
      if (!result.ok && result.code === 'BAD_REQUEST') throwFieldProblems(result.fields);
      return { bookingId: unwrap(result).id };
    },
  }),

  /** Reimbursement: the promoter confirms attendance (repayment granted) or records a no-show (clawback). */
  recordAttendance: defineAction({
    accept: 'form',
    input: z.object({ bookingId, attendance: z.enum(['attended', 'noShow']) }),
    handler: async ({ bookingId, attendance }, context) => {
      const booking = await bookingInProvince(promoter(context), bookingId, 'fair.organise');
      const result = await (await getFairs()).recordAttendance(booking.id, attendance === 'attended');
      if (!result.ok && result.code === 'BAD_REQUEST') throwFieldProblems(result.fields);
      return { bookingId: unwrap(result).id };
    },
  }),

  recordTransfer: defineAction({
    accept: 'form',
    input: z.object({
      bookingId,
      reference: z.string().trim().min(1, { error: 'field.required' }).max(120),
    }),
    handler: async ({ bookingId, reference }, context) => {
      const actor = promoter(context);
      const booking = await bookingInProvince(actor, bookingId, 'fair.organise');
      return {
        bookingId: unwrap(await (await getFairs()).confirmPayment(booking.id, 'transfer', reference)).id,
      };
    },
  }),
};

// Wiring helpers.

function signedIn(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'signedOut' });
  return user;
}

function promoter(context: ActionAPIContext): Actor {
  const user = signedIn(context);
  if (!can(user, 'promoter.console', null))
    throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
  return user;
}

async function organisedFair(
  actor: Actor,
  fairId: string,
  action: Extract<Action, 'fair.organise' | 'report.view'>,
): Promise<FairView> {
  const fair = await (await getFairs()).getFair(fairId);
  if (!fair) throw new ActionError({ code: 'NOT_FOUND', message: 'fair.notFound' });
  if (!can(actor, action, { provinceId: fair.provinceId }))
    throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
  return fair;
}

async function bookingInProvince(
  actor: Actor,
  bookingId: string,
  action: Extract<Action, 'fair.organise' | 'booth.approve'>,
) {
  const service = await getFairs();
  const booking = await service.getBooking(bookingId);
  if (!booking) throw new ActionError({ code: 'NOT_FOUND', message: 'booking.notFound' });
  const fair = await service.getFair(booking.fairId);
  if (!fair || !can(actor, action, { provinceId: fair.provinceId }))
    throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
  return booking;
}

/** The booking, when `actor` is its producer (or, with `promoterToo`, a promoter of the organising province). */
async function ownBooking(actor: Actor, bookingId: string, promoterToo = false) {
  const service = await getFairs();
  const booking = await service.getBooking(bookingId);
  if (!booking) throw new ActionError({ code: 'NOT_FOUND', message: 'booking.notFound' });
  if (can(actor, 'booth.apply', { producerId: booking.producerId })) return booking;
  if (promoterToo || booking.onBehalf) {
    const fair = await service.getFair(booking.fairId);
    if (fair && can(actor, 'fair.organise', { provinceId: fair.provinceId })) return booking;
  }
  throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
}

/** The value of a service result, or the ActionError its failure maps to (its first field problem is the message). */
function unwrap<T>(result: { ok: true; value: T } | Failure): T {
  if (result.ok) return result.value;
  throw new ActionError({ code: result.code, message: Object.values(result.fields)[0] ?? result.message });
}
