import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  escapeHtml,
  layOut,
  mailSetup,
  MAX_ATTEMPTS,
  pageUrl,
  passwordResetMessage,
  retried,
  retryDelaySeconds,
} from './notifications';
import { orderPlacedMessages, type PlacedOrder } from './order-messages';

describe('mail setup', () => {
  it('uses SMTP when SMTP_URL is set, .eml files in development, and refuses production without either', () => {
    expect(mailSetup({ production: true, smtpUrl: 'smtps://u:p@mail.example:465' })).toEqual({
      kind: 'smtp',
      url: 'smtps://u:p@mail.example:465',
    });
    expect(mailSetup({ production: false })).toEqual({ kind: 'files' });
    expect(mailSetup({ production: true, smtpUrl: '  ' })).toMatchObject({ kind: 'refused' });
    expect(mailSetup({ production: true, disabled: true })).toEqual({ kind: 'disabled' });
  });

  it('names the setting when SMTP_URL is not an SMTP URL', () => {
    const setup = mailSetup({ production: false, smtpUrl: 'mail.example.com' });
    expect(setup.kind).toBe('refused');
    expect(setup.kind === 'refused' && setup.reason).toMatch(/^SMTP_URL must start with smtp:\/\//);
  });
});

describe('retries', () => {
  it('waits 30 s, then twice as long after each failure, at most 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30)).toBe(6 * 60 * 60);
    expect(retryDelaySeconds(2, 1)).toBe(2);
  });

  it('queues again until the last attempt, and fails at once when the server refused for good', () => {
    const now = new Date('2026-11-21T03:00:00Z');
    expect(afterFailure(1, false, now)).toEqual({
      state: 'queued',
      nextAttemptAt: new Date('2026-11-21T03:00:30Z'),
    });
    expect(afterFailure(MAX_ATTEMPTS, false, now)).toEqual({ state: 'failed' });
    expect(afterFailure(1, true, now)).toEqual({ state: 'failed' });
  });

  it('sends a failed message again as if new: due now, every attempt left, its old error cleared', () => {
    const now = new Date('2026-11-21T03:00:00Z');
    const again = retried(now);
    expect(again).toEqual({ state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null });
    // A first failure after it waits the first backoff again, not the last one.
    expect(afterFailure(again.attempts + 1, false, now)).toEqual({
      state: 'queued',
      nextAttemptAt: new Date('2026-11-21T03:00:30Z'),
    });
  });
});

describe('layout', () => {
  it('escapes what people typed in the HTML part and keeps the text part plain', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
    const { text, html } = layOut({ locale: 'vi', name: '<script>', paragraphs: ['a < b'] });
    expect(text).toContain('Xin chào <script>,');
    expect(html).toContain('Xin chào &lt;script&gt;,');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<html lang="vi">');
  });

  it('links to a page in the recipient language', () => {
    expect(pageUrl('https://ocop.example', '/orders/lookup', 'vi')).toBe(
      'https://ocop.example/orders/lookup',
    );
    expect(pageUrl('https://ocop.example', '/orders/lookup', 'en')).toBe(
      'https://ocop.example/en/orders/lookup',
    );
  });
});

describe('messages', () => {
  it('a reset message carries the link, in the account language', () => {
    const link = 'https://ocop.example/reset-password?token=abc';
    const vi = passwordResetMessage({ email: 'a@example.com', name: 'An', locale: 'vi', link });
    expect(vi).toMatchObject({ kind: 'password-reset', recipient: 'a@example.com' });
    expect(vi.subject).toBe('Chợ OCOP: đặt lại mật khẩu');
    expect(vi.text).toContain(`Đặt mật khẩu mới: ${link}`);
    const en = passwordResetMessage({ email: 'a@example.com', name: 'An', locale: 'en', link });
    expect(en.subject).toBe('OCOP Market: reset your password');
    expect(en.html).toContain(`<a href="${link}">Choose a new password</a>`);
  });

  const order: PlacedOrder = {
    number: 'OC-1234',
    email: 'lan@example.com',
    contactName: 'Lan',
    locale: 'en',
    paymentMethod: 'cod',
    shipping: 30_000,
    total: 195_000,
    parts: [
      {
        producerId: 'dong-a',
        producerName: 'Công ty Đông Á',
        lines: [{ name: { vi: 'Kẹo dừa', en: 'Coconut candy' }, unitPrice: 45_000, quantity: 2 }],
      },
      {
        producerId: 'muoi',
        producerName: 'HTX Muối',
        lines: [{ name: { vi: 'Muối hạt', en: 'Sea salt' }, unitPrice: 25_000, quantity: 3 }],
      },
    ],
  };

  it('an order gives the shopper every line and each producer account only its own, each in its language', () => {
    const accounts = (id: string) =>
      id === 'dong-a'
        ? [{ email: 'dong-a@example.com', name: 'Đông Á', locale: 'vi' as const }]
        : [{ email: 'muoi@example.com', name: 'Muối', locale: 'en' as const }];
    const [shopper, dongA, muoi] = orderPlacedMessages(order, accounts, 'https://ocop.example');
    expect(shopper!.recipient).toBe('lan@example.com');
    expect(shopper!.text).toContain('2 × Coconut candy');
    expect(shopper!.text).toContain('3 × Sea salt');
    expect(shopper!.text).toContain('https://ocop.example/en/orders/lookup');
    expect(dongA!.subject).toBe('Chợ OCOP: đơn hàng mới OC-1234 cần chuẩn bị');
    expect(dongA!.text).toContain('2 × Kẹo dừa');
    expect(dongA!.text).not.toContain('Muối hạt');
    expect(dongA!.text).toContain('https://ocop.example/producer/orders');
    expect(muoi!.text).toContain('3 × Sea salt');
    expect(muoi!.text).not.toContain('Coconut');
  });

  it('a producer without an account gets no message', () => {
    expect(orderPlacedMessages(order, () => [], 'https://ocop.example')).toHaveLength(1);
  });
});
