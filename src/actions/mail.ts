/**
 * The admin's mail action, an HTML form action (works without JavaScript): sending again a message that failed for
 * good. Who is asking is checked before the input is read; the rule of what a retry does lives in
 * src/features/notifications/notifications.ts (`retried`).
 */
import { ActionError, defineAction } from 'astro:actions';
import { can } from '~/features/accounts/accounts';
import { parseNumericId } from '~/lib/ids';
import { retryFailedMail } from '~/services.server';

export const mail = {
  /** Queues a failed message again; the worker sends it on its next pass. */
  retry: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      const actor = context.locals.user;
      if (!actor) throw new ActionError({ code: 'UNAUTHORIZED', message: 'signedOut' });
      if (!can(actor, 'mail.retry', null)) throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      const id = parseNumericId(form.get('messageId'));
      if (id === null) throw new ActionError({ code: 'BAD_REQUEST', message: 'retryUnknown' });
      if (!(await retryFailedMail(id))) throw new ActionError({ code: 'NOT_FOUND', message: 'retryUnknown' });
      return { messageId: id };
    },
  }),
};
