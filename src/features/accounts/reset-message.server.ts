/**
 * The password reset message, queued in the outbox (the delivery worker sends it) in the account's language, with a
 * single-use link to the site's own reset page in the language the visitor asked from.
 */
import type { Database } from '~/lib/db/client';
import { isLocale } from '~/lib/i18n/locales';
import { enqueueMessage } from '~/lib/mail/outbox';
import { passwordResetMessage } from '~/features/notifications/notifications';

export interface Outbox {
  db: Database;
  /** Print queued reset links to the console, for development. */
  printMessages: boolean;
}

/** Queues the reset message better-auth asks for (its `sendResetPassword`). */
export async function sendResetMessage(
  outbox: Outbox,
  reset: { user: { email: string; name: string; locale?: unknown }; url: string; token: string },
): Promise<void> {
  const link = resetLink(reset.url, reset.token);
  const { email, name, locale } = reset.user;
  const message = passwordResetMessage({ email, name, locale: isLocale(locale) ? locale : 'vi', link });
  await enqueueMessage(outbox.db, message);
  if (outbox.printMessages) console.info(`\n[outbox] ${message.kind} to ${email}: ${link}\n`);
}

/** The link in a reset message: the site's own reset page (better-auth's callbackURL) with the token. */
function resetLink(betterAuthUrl: string, token: string): string {
  const callback = new URL(betterAuthUrl).searchParams.get('callbackURL');
  if (!callback) return betterAuthUrl;
  const page = new URL(callback);
  page.searchParams.set('token', token);
  return page.href;
}
