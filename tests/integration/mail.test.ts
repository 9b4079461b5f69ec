/**
 * Mail delivered through a real SMTP server started here (smtp-server), each message parsed as it arrived
 * (mailparser): the reset link works once; an order's confirmation reaches the shopper and each producer with only
 * its lines; Vietnamese by default, English for an English-speaking account; a server stopped mid-batch loses and
 * doubles nothing; a refused address ends failed (listed for the admin) and holds up nothing; two workers with their
 * own connections to one PostgreSQL deliver every message once. On PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAccounts, type Accounts } from '../../src/features/accounts/accounts.server';
import {
  createDelivery,
  retryFailedMessage,
  type Delivery,
} from '../../src/features/notifications/delivery.server';
import { outboxMessages, users } from '../../src/lib/db/schema';
import { createMailTransport, enqueueMessage, type MailTransport } from '../../src/lib/mail';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { workerProcess } from '../support/worker-processes';
import { commerceFixture, checkoutInput, URLS, type CommerceFixture } from './commerce-harness';
import { databaseTargets } from './db-harness';

const SECRET = 'test-secret-at-least-32-characters-long!!';
const RESET_PAGE = 'http://127.0.0.1:4321/reset-password';

/** Runs passes until `done` holds (a bounded wait, no timing asserted). */
async function deliverUntil(delivery: Delivery, done: () => boolean, seconds = 30): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!done()) {
    if (Date.now() > end) throw new Error('messages did not arrive in time');
    await delivery.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '';

describe.each(databaseTargets())('mail delivery on $name', (target) => {
  let fixture: CommerceFixture;
  let sink: SmtpSink;
  let transport: MailTransport;
  let delivery: Delivery;
  let accounts: Accounts;

  beforeAll(async () => {
    fixture = await commerceFixture(target);
    sink = await startSmtpSink();
    transport = createMailTransport({ smtpUrl: sink.url, from: 'Chợ OCOP <no-reply@ocop.test>', folder: '' });
    delivery = createDelivery({ db: fixture.database.db, transport, retryBaseSeconds: 1, maxAttempts: 5 });
    accounts = createAccounts({
      db: fixture.database.db,
      secret: SECRET,
      baseURL: 'http://127.0.0.1:4321',
      production: false,
    });
  });
  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await fixture?.dispose();
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.onAccepted = undefined;
  });

  it('a reset link arrives in Vietnamese by default and works once', async () => {
    await accounts.signUp(
      { name: 'Thu', email: 'thu@example.com', password: 'mật-khẩu-dài-10', next: undefined },
      '203.0.113.1',
    );
    await accounts.requestPasswordReset({ email: 'thu@example.com' }, RESET_PAGE, '203.0.113.1');
    await deliverUntil(delivery, () => sink.received.length === 1);
    const [mail] = sink.received;
    expect(to(mail!)).toBe('thu@example.com');
    expect(mail!.subject).toBe('Chợ OCOP: đặt lại mật khẩu');
    expect(mail!.html).toContain('Đặt mật khẩu mới');
    const link = /https?:\/\/\S+/.exec(mail!.text ?? '')![0];
    const token = new URL(link).searchParams.get('token')!;
    const input = { token, password: 'brand-new-password', confirm: 'brand-new-password' };
    expect((await accounts.resetPassword(input, '203.0.113.1')).ok).toBe(true);
    expect(await accounts.resetPassword(input, '203.0.113.1')).toEqual({
      ok: false,
      reason: 'token-invalid',
    });
  });

  it('an account that signed up in English gets its messages in English', async () => {
    await accounts.signUp(
      {
        name: 'Anna',
        email: 'anna@example.com',
        password: 'long-password-10',
        next: undefined,
        locale: 'en',
      },
      '203.0.113.2',
    );
    await accounts.requestPasswordReset({ email: 'anna@example.com' }, RESET_PAGE, '203.0.113.2');
    await deliverUntil(delivery, () => sink.received.length === 1);
    expect(sink.received[0]!.subject).toBe('OCOP Market: reset your password');
    expect(sink.received[0]!.text).toContain(
      'Choose a new password: http://127.0.0.1:4321/reset-password?token=',
    );
  });

  it('an order reaches the shopper with every line and each producer with only its own', async () => {
    const db = fixture.database.db;
    await db.insert(users).values([
      { id: 'u-dong-a', name: 'Đông Á', email: 'dong-a@example.com', role: 'producer', producerId: 'dong-a' },
      {
        id: 'u-muoi',
        name: 'Salt co-op',
        email: 'muoi@example.com',
        role: 'producer',
        producerId: 'muoi-bac-lieu',
        locale: 'en',
      },
    ]);
    const input = checkoutInput({
      lines: [
        { productId: 'keo-dua-sau-rieng-ben-tre', quantity: 2 },
        { productId: 'muoi-hat-bac-lieu', quantity: 3 },
      ],
      contact: { name: 'Lan <b>Nguyễn</b>', email: 'lan@example.com', phone: '+84912345678' },
    });
    const placed = await fixture.checkout.placeOrder(input, { customerId: null, urls: URLS });
    expect(placed.ok).toBe(true);
    await deliverUntil(delivery, () => sink.received.length === 3);
    const byRecipient = new Map(sink.received.map((mail) => [to(mail), mail]));
    const shopper = byRecipient.get('lan@example.com')!;
    expect(shopper.subject).toMatch(/^Chợ OCOP: đơn hàng \S+ đã được xác nhận$/);
    expect(shopper.text).toContain('2 × Kẹo dừa sầu riêng');
    expect(shopper.text).toContain('3 × Muối hạt Bạc Liêu');
    // The shopper's own text is escaped in the HTML part.
    expect(shopper.html).toContain('Lan &lt;b&gt;Nguyễn&lt;/b&gt;');
    const dongA = byRecipient.get('dong-a@example.com')!;
    expect(dongA.text).toContain('2 × Kẹo dừa sầu riêng');
    expect(dongA.text).not.toContain('Muối');
    expect(dongA.text).toContain('/producer/orders');
    const salt = byRecipient.get('muoi@example.com')!;
    expect(salt.subject).toMatch(/^OCOP Market: new order \S+ to prepare$/);
    expect(salt.text).toContain('3 × Bac Lieu sea salt');
    expect(salt.text).not.toContain('coconut');
    expect(salt.text).toContain('/en/producer/orders');
  });

  it('a server stopped mid-batch: the rest retry and arrive once; a refused address fails and blocks nothing', async () => {
    const db = fixture.database.db;
    sink.refused.add('gone@example.com');
    const subjects = Array.from({ length: 6 }, (_, i) => `batch ${i}`);
    await enqueueMessage(
      db,
      ...subjects.map((subject, i) => ({
        kind: 'test',
        recipient: i === 1 ? 'gone@example.com' : `r${i}@example.com`,
        subject,
        text: subject,
        html: `<p>${subject}</p>`,
      })),
    );
    // The second accepted message takes the server down.
    sink.onAccepted = (count) => {
      if (count === 2) void sink.stop();
    };
    const first = await delivery.deliverDue();
    expect(first.retrying).toBeGreaterThan(0);
    sink.onAccepted = undefined;
    await sink.start();
    await deliverUntil(delivery, () => sink.received.length >= 5);
    await delivery.deliverDue();
    const arrived = sink.received.map((mail) => mail.subject).sort();
    expect(arrived).toEqual(subjects.filter((_, i) => i !== 1).sort());
    const [gone] = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, 'gone@example.com'));
    expect(gone).toMatchObject({ state: 'failed', sentAt: null });
    expect(gone!.lastError).toMatch(/550/);
    const failed = await delivery.failedMessages();
    expect(failed.map((m) => m.recipient)).toEqual(['gone@example.com']);

    // The mailbox is back: the admin sends the message again, it arrives once and leaves the failed list.
    sink.refused.delete('gone@example.com');
    sink.received.length = 0;
    expect(await retryFailedMessage(db, gone!.id)).toBe(true);
    expect(await retryFailedMessage(db, gone!.id)).toBe(false); // a second click queues nothing more
    await deliverUntil(delivery, () => sink.received.length >= 1);
    await delivery.deliverDue();
    expect(sink.received.map((mail) => [to(mail), mail.subject])).toEqual([['gone@example.com', 'batch 1']]);
    expect(await delivery.failedMessages()).toEqual([]);
    expect(await retryFailedMessage(db, gone!.id)).toBe(false); // sent: nothing to send again
  });

  // Several servers share a database only on PostgreSQL (PGlite belongs to one process): this runs with
  // TEST_DATABASE_URL only.
  if (target.name === 'postgres')
    it('two worker processes against one PostgreSQL deliver each message once (PostgreSQL only)', async () => {
      const { native } = fixture.database;
      if (native.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const children = [0, 1].map(() => workerProcess(native.url, sink.url));
      try {
        await Promise.all(children.map((child) => child.ready));
        const subjects = Array.from({ length: 60 }, (_, i) => `once ${i}`);
        await enqueueMessage(
          fixture.database.db,
          ...subjects.map((subject, i) => ({
            kind: 'test',
            recipient: `o${i}@example.com`,
            subject,
            text: subject,
            html: '',
          })),
        );
        const end = Date.now() + 60_000;
        while (sink.received.length < subjects.length && Date.now() < end)
          await new Promise((resolve) => setTimeout(resolve, 100));
        // Passes keep running a while longer: a message taken twice would show up now.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(sink.received.map((mail) => mail.subject).sort()).toEqual([...subjects].sort());
        // Both processes took part.
        expect(children.map((child) => child.sent() > 0)).toEqual([true, true]);
        const states = await fixture.database.db
          .select({ state: outboxMessages.state })
          .from(outboxMessages)
          .where(inArray(outboxMessages.subject, subjects));
        expect(states.map((row) => row.state)).toEqual(subjects.map(() => 'sent'));
      } finally {
        await Promise.all(children.map((child) => child.stop()));
      }
    });
});
