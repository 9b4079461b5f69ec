/**
 * A real SMTP server for tests (the `smtp-server` package) that parses every message it accepts with `mailparser`.
 * It can be stopped and started again on the same port, and refuses chosen recipients for good (550).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  readonly port: number;
  readonly url: string;
  /** Every message accepted, parsed, in the order they arrived. */
  readonly received: ParsedMail[];
  /** Recipients refused with 550 (mailbox unavailable). */
  readonly refused: Set<string>;
  /** Called after each message is accepted (e.g. to stop the server mid-batch). */
  onAccepted?: (count: number) => void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let server: SMTPServer | null = null;
  let port = 0;
  const sink: SmtpSink = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received: [],
    refused: new Set(),
    async stop() {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        closeTimeout: 100,
        onRcptTo(address, _session, callback) {
          if (sink.refused.has(address.address)) {
            const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
            callback(error);
            return;
          }
          callback();
        },
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              sink.received.push(mail);
              callback();
              sink.onAccepted?.(sink.received.length);
            })
            .catch((error: Error) => callback(error));
        },
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      port = (listening.server.address() as AddressInfo).port;
    },
  };
  await sink.start();
  return sink;
}
