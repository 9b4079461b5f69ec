import { describe, expect, it } from 'vitest';
import { boothCheckoutRequest } from './payment-request';

const now = new Date('2026-11-21T03:00:00Z');
const base = { fairName: 'Ben Tre OCOP Fair', boothCode: 'A1', origin: 'https://ocop.example', now };

describe('booth checkout request', () => {
  it('charges exactly the producer’s share in whole VND, tagged as a booth payment', () => {
    const request = boothCheckoutRequest({
      ...base,
      locale: 'en',
      booking: { id: 'b1', producerPays: 43_000_000, expiresAt: new Date('2026-11-21T03:30:00Z') },
    });
    expect(request).toMatchObject({
      kind: 'booth',
      reference: 'b1',
      currency: 'vnd',
      idempotencyKey: 'booth-b1-43000000',
      locale: 'en',
    });
    expect(request.lineItems).toEqual([
      {
        name: "Booth A1 · Ben Tre OCOP Fair (producer's share)",
        unitAmount: 43_000_000,
        quantity: 1,
        images: [],
      },
    ]);
    expect(request.successUrl).toBe('https://ocop.example/en/fairs/bookings/b1?paid=1');
    expect(request.cancelUrl).toBe('https://ocop.example/en/fairs/bookings/b1');
  });
  it('keeps the session open at least the 30 minutes Stripe requires, longer when the hold is longer', () => {
    const short = boothCheckoutRequest({
      ...base,
      locale: 'vi',
      booking: { id: 'b1', producerPays: 1, expiresAt: new Date('2026-11-21T03:10:00Z') },
    });
    expect(short.expiresAt.toISOString()).toBe('2026-11-21T03:31:00.000Z');
    const long = boothCheckoutRequest({
      ...base,
      locale: 'vi',
      booking: { id: 'b1', producerPays: 1, expiresAt: new Date('2026-11-21T05:00:00Z') },
    });
    expect(long.expiresAt.toISOString()).toBe('2026-11-21T05:00:00.000Z');
    expect(long.successUrl).toBe('https://ocop.example/fairs/bookings/b1?paid=1');
  });
});
