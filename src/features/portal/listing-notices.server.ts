/**
 * The producer's message when the promoter approves or rejects a listing, queued in the outbox in the move's own
 * transaction (docs/notifications.md). Other moves tell nobody: the producer made them, or sees them on the page.
 */
import type { Database } from '~/lib/db/client';
import { enqueueMessage } from '~/lib/mail/outbox';
import { producerRecipients } from '~/lib/mail/recipients';
import { listingDecisionMessage } from '~/features/notifications/listing-messages';
import { readFields, type ListingRow } from './listings-store.server.ts';
import type { Move } from './moderation.ts';

/** The site's address for links in messages (the `site` of astro.config.mjs). */
const SITE = import.meta.env.SITE ?? 'http://127.0.0.1:4321';

/** Queues the decision's message to each account of the listing's producer. Call inside the move's transaction. */
export async function queueListingNotice(tx: Database, row: ListingRow, move: Move): Promise<void> {
  if (move.kind !== 'approve' && move.kind !== 'reject') return;
  const { name } = readFields(row.workingFields, row);
  const accounts = (await producerRecipients(tx, [row.producerId])).get(row.producerId) ?? [];
  const decision = {
    listingId: row.id,
    name,
    decision: move.kind === 'approve' ? ('approved' as const) : ('rejected' as const),
    reason: move.kind === 'reject' ? move.reason : null,
  };
  await enqueueMessage(tx, ...accounts.map((account) => listingDecisionMessage(decision, account, SITE)));
}
