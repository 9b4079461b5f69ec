/**
 * The password reset message, queued in the outbox (the mail worker sends it) in both languages, with a link to
 * the site's own reset page in the visitor's language.
 */
import type { Database } from '~/lib/db/client';
import { outboxMessages } from '~/lib/db/schema';

export interface Outbox {
  db: Database;
  /** Print queued messages (reset links) to the console, for development. */
  printMessages: boolean;
}

/** Stores a message for the mail worker; in development also prints it. */
export async function queueMessage(
  outbox: Outbox,
  message: { kind: string; recipient: string; subject: string; body: string },
): Promise<void> {
  await outbox.db.insert(outboxMessages).values(message);
  if (outbox.printMessages) {
    console.info(`\n[outbox] ${message.kind} to ${message.recipient}: ${message.subject}\n${message.body}\n`);
  }
}

/** Queues the reset message better-auth asks for (its `sendResetPassword`). */
export async function sendResetMessage(
  outbox: Outbox,
  reset: { user: { email: string; name: string }; url: string; token: string },
): Promise<void> {
  const link = resetLink(reset.url, reset.token);
  const { name } = reset.user;
  await queueMessage(outbox, {
    kind: 'password-reset',
    recipient: reset.user.email,
    subject: 'Đặt lại mật khẩu Chợ OCOP / Reset your OCOP Market password',
    body: [
      `Xin chào ${name},`,
      `Mở liên kết sau trong vòng 1 giờ để đặt mật khẩu mới: ${link}`,
      '',
      `Hello ${name},`,
      `Open this link within 1 hour to choose a new password: ${link}`,
      '',
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này. / If you did not ask for this, ignore this message.',
    ].join('\n'),
  });
}

/** The link in a reset message: the site's own reset page (better-auth's callbackURL) with the token. */
function resetLink(betterAuthUrl: string, token: string): string {
  const callback = new URL(betterAuthUrl).searchParams.get('callbackURL');
  if (!callback) return betterAuthUrl;
  const page = new URL(callback);
  page.searchParams.set('token', token);
  return page.href;
}
