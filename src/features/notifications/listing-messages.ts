/** The producer's message when the promoter approves or rejects (with the reason) a listing on the portal. */
import { LOCALES } from '~/lib/i18n/locales';
import { useNotificationsTranslations } from './messages';
import { layOut, pageUrl, type BuiltMessage } from './notifications';
import type { ProducerRecipient } from './order-messages';

export interface ListingDecision {
  listingId: string;
  name: { vi: string; en: string };
  decision: 'approved' | 'rejected';
  reason?: string | null;
}

/** One producer account's message about the decision, in the account's language. */
export function listingDecisionMessage(
  decision: ListingDecision,
  recipient: ProducerRecipient,
  site: string,
): BuiltMessage {
  const { locale } = recipient;
  const t = useNotificationsTranslations(locale);
  // A listing may lack a name in one language: another one is better than nothing.
  const name = [locale, ...LOCALES].map((l) => decision.name[l].trim()).find(Boolean) ?? '';
  const approved = decision.decision === 'approved';
  return {
    kind: `listing-${decision.decision}`,
    recipient: recipient.email,
    subject: t(`listing.subject.${decision.decision}`, { name }),
    ...layOut({
      locale,
      name: recipient.name,
      paragraphs: approved
        ? [t('listing.approved', { name })]
        : [
            t('listing.rejected', { name, reason: decision.reason?.trim() || t('booth.noReason') }),
            t('listing.rejectedNext'),
          ],
      link: {
        label: t('listing.action'),
        href: pageUrl(site, `/producer/listings/${decision.listingId}`, locale),
      },
    }),
  };
}
