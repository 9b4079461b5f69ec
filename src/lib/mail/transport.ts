/**
 * The mail adapter: Nodemailer over SMTP (`SMTP_URL`), or, without SMTP settings in development, each message
 * written as an `.eml` file in a folder (its path printed). Nodemailer's errors stay here: callers get a
 * `MailDeliveryError` that says whether trying again may help.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One message to one recipient, as the outbox stores it. */
export interface MailMessage {
  /** The outbox id, for the file name and the Message-ID. */
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface MailTransport {
  /** Where messages go, for the start-up log (never the password of an SMTP URL). */
  readonly describe: string;
  /** Sends one message; throws a MailDeliveryError when it could not be handed over. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A delivery that failed; `permanent` when the server refused it for good (a 5xx reply: unknown mailbox...). */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export interface MailTransportOptions {
  /** smtp:// or smtps:// URL with credentials; unset = write .eml files to `folder`. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. `Chợ OCOP <no-reply@ocop.example>`. */
  from: string;
  /** Folder for .eml files when there is no SMTP URL. */
  folder: string;
  /** Seconds to wait for the SMTP server to connect and answer (default 10). */
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl, options) : fileTransport(options);
}

function smtpTransport(url: string, options: MailTransportOptions): MailTransport {
  const ms = (options.timeoutSeconds ?? 10) * 1000;
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms * 3,
  });
  const where = new URL(url);
  return {
    describe: `SMTP ${where.protocol}//${where.host}`,
    async send(message) {
      try {
        await transporter.sendMail(envelope(message, options.from));
      } catch (error) {
        throw deliveryError(error);
      }
    },
    close: () => transporter.close(),
  };
}

function fileTransport(options: MailTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `.eml files in ${options.folder}`,
    async send(message) {
      const info = await transporter.sendMail(envelope(message, options.from));
      mkdirSync(options.folder, { recursive: true });
      const file = join(
        options.folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.id}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      options.log?.(`[mail] ${message.subject} → ${message.to}: ${file}`);
    },
    close: () => transporter.close(),
  };
}

function envelope(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
  };
}

/** Nodemailer's error as a MailDeliveryError: SMTP 5xx replies are permanent, everything else may pass later. */
export function deliveryError(error: unknown): MailDeliveryError {
  const { responseCode, code, message } = (error ?? {}) as {
    responseCode?: number;
    code?: string;
    message?: string;
  };
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  const text = [code, responseCode, message].filter((x) => x !== undefined && x !== '').join(' ');
  return new MailDeliveryError(text.slice(0, 500) || 'unknown mail error', permanent);
}
