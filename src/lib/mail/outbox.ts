/** Writing a message to the outbox, inside the caller's transaction; the delivery worker sends it. */
import type { Database } from '~/lib/db/client';
import { outboxMessages } from '~/lib/db/schema-accounts';

export interface OutboxEntry {
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

/** Queues messages for delivery; call with the transaction that records the event they tell about. */
export async function enqueueMessage(tx: Database, ...entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(outboxMessages).values(
    entries.map((entry) => ({
      kind: entry.kind,
      recipient: entry.recipient,
      subject: entry.subject,
      body: entry.text,
      html: entry.html,
    })),
  );
}
