/**
 * The producer portal's actions, used as HTML form actions (they work without JavaScript): saving a listing from
 * the editor, the moderation moves of the producer and of the promoters of its province, and price and stock in
 * place. Thin: who is asking first, ids parsed strictly, then the listings service, which checks every rule with
 * `can()` and ./features/portal/moderation.ts and writes nothing on a refusal. Field problems come back in the
 * visitor's language (the page's path says which); other refusals as keys of src/features/portal/messages.ts.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'zod';
import { can, type Actor } from '~/features/accounts/accounts';
import { problemText, type ListingProblem } from '~/features/portal/listing';
import { formFieldOf, listingFromForm, typedAmount } from '~/features/portal/listing-form';
import { usePortalTranslations } from '~/features/portal/messages';
import type { ListingsResult } from '~/features/portal/listings.server';
import { localeFromPath } from '~/lib/i18n';
import { parseUuid, uuidField } from '~/lib/ids';
import { getListings } from '~/services.server';
import { FieldErrors } from './field-errors';

const listingId = uuidField('refusal.not-found');
/** The version the visitor saw, sent back with every change (a change made since is refused, not overwritten). */
const version = z
  .string({ error: 'refusal.stale-version' })
  .regex(/^\d{1,9}$/, { error: 'refusal.stale-version' })
  .transform(Number);
const reason = z.string().max(20_000, { error: 'refusal.reason-too-long' }).nullish();

export const portal = {
  /** Starts a listing (no `listingId`) or saves a change to one; the form's fields as the editor names them. */
  saveListing: defineAction({
    accept: 'form',
    handler: async (form, context) => {
      const actor = signedIn(context);
      const service = await getListings();
      const raw = listingFromForm(form);
      const posted = form.get('listingId');
      if (posted !== null && posted !== '') {
        const id = parseUuid(posted);
        if (id === null) throw new ActionError({ code: 'NOT_FOUND', message: 'refusal.not-found' });
        const seen = version.safeParse(form.get('version'));
        if (!seen.success) throw new ActionError({ code: 'CONFLICT', message: 'refusal.stale-version' });
        // The stock the editor showed: a count left as shown keeps what orders have left since.
        const stockSeen = typedAmount(String(form.get('stockSeen') ?? ''));
        const shown = typeof stockSeen === 'number' && Number.isSafeInteger(stockSeen) ? stockSeen : null;
        const saved = unwrap(context, await service.edit(actor, id, seen.data, raw, shown));
        return { listingId: saved.id, state: saved.state };
      }
      // A producer lists for itself; a promoter drafts for a producer of its province (the service checks which).
      const producerId = actor.role === 'producer' ? actor.producerId : form.get('producerId');
      const started = unwrap(
        context,
        await service.start(actor, { producerId, slug: form.get('slug'), listing: raw }),
      );
      return { listingId: started.id, state: started.state };
    },
  }),

  /** The producer's moves: submit for review, withdraw, take off sale, accept or decline a promoter's draft. */
  moveListing: defineAction({
    accept: 'form',
    input: z.object({
      listingId,
      version,
      move: z.enum(['submit', 'withdraw', 'unpublish', 'accept', 'decline'], {
        error: 'refusal.wrong-state',
      }),
      reason,
    }),
    handler: async (input, context) => {
      const actor = signedIn(context);
      const move =
        input.move === 'decline' ? { kind: input.move, reason: input.reason ?? null } : { kind: input.move };
      const moved = unwrap(
        context,
        await (await getListings()).move(actor, input.listingId, input.version, move),
      );
      return { listingId: moved.id, state: moved.state };
    },
  }),

  /** A promoter's decision on the version it reviewed: approve, or reject with a reason the producer reads. */
  reviewListing: defineAction({
    accept: 'form',
    input: z.object({
      listingId,
      version,
      decision: z.enum(['approve', 'reject'], { error: 'refusal.wrong-state' }),
      reason,
    }),
    handler: async (input, context) => {
      const actor = signedIn(context);
      if (!can(actor, 'promoter.console', null))
        throw new ActionError({ code: 'FORBIDDEN', message: 'refusal.forbidden' });
      const move =
        input.decision === 'approve'
          ? { kind: 'approve' as const }
          : { kind: 'reject' as const, reason: input.reason ?? '' };
      const service = await getListings();
      const result = await service.move(actor, input.listingId, input.version, move);
      // A missing or overlong reason is the reason field's problem.
      if (!result.ok && result.message.startsWith('refusal.reason-')) {
        const t = translatorOf(context);
        throw new FieldErrors({ reason: t(result.message, { maximum: 1000 }) });
      }
      const decided = unwrap(context, result);
      return { listingId: decided.id, state: decided.state };
    },
  }),

  /** Price and stock in place: on sale at once, not moderated. A blank field leaves its value as it is. */
  setPriceStock: defineAction({
    accept: 'form',
    input: z.object({ listingId, price: z.string().max(40).nullish(), stock: z.string().max(40).nullish() }),
    handler: async (input, context) => {
      const actor = signedIn(context);
      const change = {
        price: typedAmount(input.price ?? '') ?? null,
        stock: typedAmount(input.stock ?? '') ?? null,
      };
      const saved = unwrap(
        context,
        await (await getListings()).setPriceStock(actor, input.listingId, change),
      );
      return { listingId: saved.id, price: saved.price, stock: saved.stock };
    },
  }),
};

function signedIn(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'refusal.signed-out' });
  return user;
}

function translatorOf(context: ActionAPIContext) {
  return usePortalTranslations(localeFromPath(context.url.pathname));
}

const CODES = {
  SIGNED_OUT: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  BAD_REQUEST: 'BAD_REQUEST',
} as const;

/** Each field's first problem, in the visitor's language, keyed by the form field that shows it. */
function fieldProblems(
  context: ActionAPIContext,
  problems: readonly ListingProblem[],
): Record<string, string> {
  const t = translatorOf(context);
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    const field = formFieldOf(problem.path) || 'listing';
    fields[field] ??= problemText(t, problem);
  }
  return fields;
}

/** The value of a service answer, or its failure as field errors (400) or an ActionError whose message is a key. */
function unwrap<T>(context: ActionAPIContext, result: ListingsResult<T>): T {
  if (result.ok) return result.value;
  if (result.problems.length > 0) throw new FieldErrors(fieldProblems(context, result.problems));
  throw new ActionError({ code: CODES[result.code], message: result.message });
}
