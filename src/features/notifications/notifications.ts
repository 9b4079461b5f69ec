/**
 * The rules of notifications, pure: which mail setup the settings give, when a failed delivery is tried again,
 * and the messages themselves (plain text plus simple HTML, in the recipient's language, user text escaped).
 */
import { escapeHtml } from '~/lib/boundary/escape';
import { localizedPath, type Locale } from '~/lib/i18n/locales';
import { useNotificationsTranslations } from './messages';

// ---------------------------------------------------------------------------------------------------------------
// Settings and retries

export type MailSetup =
  | { kind: 'smtp'; url: string }
  | { kind: 'files' }
  | { kind: 'disabled' }
  | { kind: 'refused'; reason: string };

/** What the settings mean: SMTP when SMTP_URL is set; otherwise .eml files in development, and in production only
 * an explicit MAIL_DISABLED=true lets the site start without a transport. */
export function mailSetup(settings: {
  production: boolean;
  smtpUrl?: string | undefined;
  disabled?: boolean | undefined;
}): MailSetup {
  if (settings.disabled) return { kind: 'disabled' };
  const url = settings.smtpUrl?.trim();
  if (url) {
    if (!/^smtps?:\/\//.test(url))
      return {
        kind: 'refused',
        reason: 'SMTP_URL must start with smtp:// or smtps:// (e.g. smtps://user:pass@host:465).',
      };
    return { kind: 'smtp', url };
  }
  if (settings.production)
    return {
      kind: 'refused',
      reason:
        'SMTP_URL is not set. Production refuses to start without a mail transport: set SMTP_URL, or MAIL_DISABLED=true to run without sending mail.',
    };
  return { kind: 'files' };
}

/** How many times a message is tried before it is marked failed. */
export const MAX_ATTEMPTS = 8;

/** Seconds before the next try after `attempts` failed tries: base, 2×, 4×... (30 s, 1, 2, 4 min), at most 6 hours. */
export function retryDelaySeconds(attempts: number, baseSeconds = 30): number {
  return Math.min(baseSeconds * 2 ** Math.max(attempts - 1, 0), 6 * 60 * 60);
}

/** What happens to a message after a failed try: queued again later, or failed for good. */
export function afterFailure(
  attempts: number,
  permanent: boolean,
  now: Date,
  maxAttempts: number = MAX_ATTEMPTS,
  baseSeconds?: number,
): { state: 'queued'; nextAttemptAt: Date } | { state: 'failed' } {
  if (permanent || attempts >= maxAttempts) return { state: 'failed' };
  const delay = retryDelaySeconds(attempts, baseSeconds);
  return { state: 'queued', nextAttemptAt: new Date(now.getTime() + delay * 1000) };
}

/** The only state a message can be sent again from: failed for good. */
export const RETRYABLE_STATE = 'failed';

/**
 * A failed message sent again starts over as if new: due now, a full set of attempts, no error, so the usual
 * backoff applies if it fails again.
 */
export function retried(now: Date): { state: 'queued'; attempts: 0; nextAttemptAt: Date; lastError: null } {
  return { state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Building messages

/** A message ready for the outbox. */
export interface BuiltMessage {
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

/** The content of a message before it is laid out as text and as HTML. */
interface Layout {
  locale: Locale;
  name?: string | undefined;
  paragraphs: string[];
  /** Lines of a list (order lines), each one plain sentence. */
  list?: string[];
  after?: string[];
  link?: { label: string; href: string };
  footer?: string[];
}

// Names, product names, notes: anything a person typed is escaped by the site's one HTML escape.
export { escapeHtml };

/** Lays a message out as plain text and as simple HTML (escaped), with greeting and signature. */
export function layOut(layout: Layout): { text: string; html: string } {
  const t = useNotificationsTranslations(layout.locale);
  const greeting = layout.name ? t('hello', { name: layout.name }) : t('helloAnonymous');
  const footer = [...(layout.footer ?? []), t('automatic')];
  const text = [
    greeting,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    ...(layout.list?.length ? [...layout.list.map((l) => `- ${l}`), ''] : []),
    ...(layout.after ?? []).flatMap((p) => [p, '']),
    ...(layout.link ? [`${layout.link.label}: ${layout.link.href}`, ''] : []),
    ...footer.flatMap((p) => [p, '']),
    '--',
    t('signature'),
  ].join('\n');
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${layout.locale}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;color:#1f2a1f;max-width:36rem">',
    p(greeting),
    ...layout.paragraphs.map(p),
    ...(layout.list?.length
      ? [`<ul>${layout.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`]
      : []),
    ...(layout.after ?? []).map(p),
    ...(layout.link
      ? [`<p><a href="${escapeHtml(layout.link.href)}">${escapeHtml(layout.link.label)}</a></p>`]
      : []),
    ...footer.map((s) => `<p style="color:#555;font-size:0.9em">${escapeHtml(s)}</p>`),
    `<p style="color:#555;font-size:0.9em">— ${escapeHtml(t('signature'))}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/** The absolute URL of a site page in a language (`/orders/lookup` → `https://…/en/orders/lookup`). */
export function pageUrl(site: string, path: string, locale: Locale): string {
  return new URL(localizedPath(path, locale), site).href;
}

/** The password reset message, with the single-use link (the only secret any message carries). */
export function passwordResetMessage(input: {
  email: string;
  name: string;
  locale: Locale;
  link: string;
}): BuiltMessage {
  const t = useNotificationsTranslations(input.locale);
  return {
    kind: 'password-reset',
    recipient: input.email,
    subject: t('resetSubject'),
    ...layOut({
      locale: input.locale,
      name: input.name,
      paragraphs: [t('resetIntro'), t('resetLimit')],
      link: { label: t('resetAction'), href: input.link },
      footer: [t('resetIgnore')],
    }),
  };
}
