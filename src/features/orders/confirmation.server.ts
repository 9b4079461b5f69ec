/** The order-confirmation e-mail, queued in the outbox in the transaction that confirms the order. */
import type { Database } from '~/lib/db/client';
import { outboxMessages } from '~/lib/db/schema-accounts';
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import { useOrdersTranslations } from './messages';

/** What the confirmation says: the order's number and total, in the language it was placed in. */
export interface ConfirmedOrder {
  number: string;
  email: string;
  total: number;
  locale: Locale;
}

/** Queues the confirmation of a cash order when placed, or of a card order when paid. Call inside a transaction. */
export async function queueOrderConfirmation(tx: Database, order: ConfirmedOrder): Promise<void> {
  const t = useOrdersTranslations(order.locale);
  const values = { number: order.number, amount: formatVnd(order.total, order.locale) };
  await tx.insert(outboxMessages).values({
    kind: 'order-confirmed',
    recipient: order.email,
    subject: t('confirmationSubject', values),
    body: t('confirmationBody', values),
  });
}
