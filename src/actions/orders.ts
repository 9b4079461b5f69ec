/**
 * Order actions, used as HTML form actions (they work without JavaScript): a guest's look-up by number and email,
 * and a producer moving its part of an order. Thin: schemas from the orders feature, work from its service,
 * permissions from accounts' `can` inside the service.
 */
import { ActionError, defineAction } from 'astro:actions';
import { orderLookupSchema, partMoveSchema } from '~/features/orders/orders';
import { failureStatus } from '~/lib/boundary/boundary';
import { getOrders } from '~/services.server';

export const orders = {
  /** Finds an order by number and email; answers with the number and key for the confirmation link. */
  lookup: defineAction({
    accept: 'form',
    input: orderLookupSchema,
    handler: async (input) => {
      // A database that is down or restarting is "busy, try again" (503), not "no such order".
      const found = await (await service()).lookup(input.number, input.email).catch((error: unknown) => {
        if (failureStatus(error) !== 503) throw error;
        console.error('[orders] look-up failed:', error instanceof Error ? error.message : error);
        throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: 'serviceUnavailable' });
      });
      if (!found) throw new ActionError({ code: 'NOT_FOUND', message: 'orderNotFound' });
      return found;
    },
  }),

  /** A producer moves its part: processing, shipped (carrier, tracking), delivered, or cancelled (reason). */
  movePart: defineAction({
    accept: 'form',
    input: partMoveSchema,
    handler: async (input, context) => {
      const actor = context.locals.user;
      if (!actor) throw new ActionError({ code: 'UNAUTHORIZED', message: 'signedOut' });
      const result = await (await service()).movePart(actor, input);
      if (result.ok) return { partId: input.partId, status: result.status };
      const codes = { 'not-found': 'NOT_FOUND', forbidden: 'FORBIDDEN', 'not-allowed': 'CONFLICT' } as const;
      const messages = {
        'not-found': 'partUnknown',
        forbidden: 'forbidden',
        'not-allowed': 'notAllowed',
      } as const;
      throw new ActionError({ code: codes[result.reason], message: messages[result.reason] });
    },
  }),
};

/** The service, or a 503 the page can explain (database unreachable) instead of a 500. */
async function service() {
  try {
    return await getOrders();
  } catch {
    throw new ActionError({ code: 'SERVICE_UNAVAILABLE', message: 'serviceUnavailable' });
  }
}
