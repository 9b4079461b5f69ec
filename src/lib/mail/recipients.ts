/** Who hears about a producer's orders and bookings: every account linked to that producer, in its language. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '~/lib/db/client';
import { users } from '~/lib/db/schema-accounts';
import { isLocale, type Locale } from '~/lib/i18n/locales';

export interface AccountRecipient {
  email: string;
  name: string;
  locale: Locale;
}

/** The producer accounts of each producer id (none for a producer nobody has an account for). */
export async function producerRecipients(
  db: Database,
  producerIds: readonly string[],
): Promise<Map<string, AccountRecipient[]>> {
  const byProducer = new Map<string, AccountRecipient[]>();
  if (producerIds.length === 0) return byProducer;
  const rows = await db
    .select({ email: users.email, name: users.name, locale: users.locale, producerId: users.producerId })
    .from(users)
    .where(and(eq(users.role, 'producer'), inArray(users.producerId, [...producerIds])));
  for (const row of rows) {
    const list = byProducer.get(row.producerId!) ?? [];
    list.push({ email: row.email, name: row.name, locale: isLocale(row.locale) ? row.locale : 'vi' });
    byProducer.set(row.producerId!, list);
  }
  return byProducer;
}
