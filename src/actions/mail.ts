/**
 * The admin's mail action, an HTML form action (works without JavaScript): sending again a message that failed for
 * good. Who is asking is checked before the input is read; the rule of what a retry does lives in
 * src/features/notifications/notifications.ts (`retried`).
 */
import { ActionError, defineAction } from 'astro:actions';
import { can } from '~/features/accounts/accounts';
import { retryFailedMail } from '~/services.server';

/** An outbox message id as the form posts it: a positive whole number within the database's integer range. */
function messageIdOf(raw: FormDataEntryValue | null): number | null {
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}

export const mail = {
  /** Queues a failed message again; the worker sends it on its next pass. */
  retry: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      const actor = context.locals.user;
      if (!actor) throw new ActionError({ code: 'UNAUTHORIZED', message: 'signedOut' });
      if (!can(actor, 'mail.retry', null)) throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      const id = messageIdOf(form.get('messageId'));
      if (id === null) throw new ActionError({ code: 'BAD_REQUEST', message: 'retryUnknown' });
      if (!(await retryFailedMail(id))) throw new ActionError({ code: 'NOT_FOUND', message: 'retryUnknown' });
      return { messageId: id };
    },
  }),
};
