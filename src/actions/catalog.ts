/**
 * Catalogue actions: a promoter records the national result of a 5-star candidate of its province. Thin: the input
 * schema and rules come from the catalog room, the permission from `can` (checked first, in the service too), the
 * work from the certification results service. Messages are keys of src/features/catalog/messages.ts.
 */
import { ActionError, defineAction } from 'astro:actions';
import { can } from '~/features/accounts/accounts';
import { nationalResultFormSchema } from '~/features/catalog/certification-history';
import { FieldErrors } from './field-errors';
import { getCertificationResults } from '~/services.server';

export const catalog = {
  recordNationalResult: defineAction({
    accept: 'form',
    input: nationalResultFormSchema,
    handler: async (form, context) => {
      const user = context.locals.user;
      if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'forbidden' });
      if (!can(user, 'promoter.console', null))
        throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
      const outcome = await (await getCertificationResults()).recordFor(user, form);
      switch (outcome.kind) {
        case 'refused':
          throw new ActionError({ code: 'FORBIDDEN', message: 'forbidden' });
        case 'not-candidate':
          throw new FieldErrors({ productId: 'productNotCandidate' });
        case 'problems':
          throw new FieldErrors(outcome.problems as Record<string, string>);
        case 'recorded':
          return { productId: outcome.result.productId, resultId: outcome.result.id };
      }
    },
  }),
};
