/**
 * Checkout rules, once: the checkout form's schema (contact, Vietnamese address, phone, payment), pricing and
 * totals from the server's own product data, shipping, Stripe's amount limits for VND, stock reservation while a
 * card payment is open, how payment outcomes move an order, and the payment line items sent to Stripe.
 * Pure: no I/O, no SDK, no astro:*. Money is whole đồng everywhere. Error messages are keys of ./messages.ts.
 */
import { z } from 'zod';
import { cartLinesSchema, type CartLine } from '~/features/cart/cart';
import type { PaymentLineItem } from '~/lib/stripe/types';

// ---------------------------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------------------------

/** The 34 provinces and centrally-run cities since the merger of 1 July 2025 (Resolution 202/2025/QH15). */
export const VN_PROVINCES = [
  'An Giang',
  'Bắc Ninh',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Phòng',
  'Hồ Chí Minh',
  'Huế',
  'Hưng Yên',
  'Khánh Hòa',
  'Lai Châu',
  'Lạng Sơn',
  'Lào Cai',
  'Lâm Đồng',
  'Nghệ An',
  'Ninh Bình',
  'Phú Thọ',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sơn La',
  'Tây Ninh',
  'Thái Nguyên',
  'Thanh Hóa',
  'Tuyên Quang',
  'Vĩnh Long',
] as const;
export type VnProvince = (typeof VN_PROVINCES)[number];

/**
 * A Vietnamese phone number in E.164 (+84…), or null. Accepts spaces, dots, dashes and the 0 / 84 / +84 prefixes.
 * Mobiles are 0 + 9 digits starting 3, 5, 7, 8 or 9; landlines 02 + 9 digits.
 */
export function normalizeVnPhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('84') && compact.length >= 11) national = `0${compact.slice(2)}`;
  else national = compact;
  const mobile = /^0[35789]\d{8}$/.test(national);
  const landline = /^02\d{9}$/.test(national);
  return mobile || landline ? `+84${national.slice(1)}` : null;
}

const text = (required: string, max: number, tooLong: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const contactSchema = z.strictObject({
  name: text('nameRequired', 100, 'nameTooLong'),
  email: z
    .string({ error: 'emailRequired' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'emailRequired' })
    .max(254, { error: 'emailInvalid' })
    .pipe(z.email({ error: 'emailInvalid' })),
  phone: z
    .string({ error: 'phoneRequired' })
    .trim()
    .min(1, { error: 'phoneRequired' })
    .max(24, { error: 'phoneInvalid' })
    .transform((value, ctx) => {
      const phone = normalizeVnPhone(value);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'phoneInvalid' });
        return z.NEVER;
      }
      return phone;
    }),
});
export type Contact = z.infer<typeof contactSchema>;

/** A delivery address in Vietnam's two-level administration (province, commune; no districts since 2025). */
export const addressSchema = z.strictObject({
  province: z.enum(VN_PROVINCES, { error: 'provinceRequired' }),
  commune: text('communeRequired', 100, 'communeTooLong'),
  street: text('streetRequired', 200, 'streetTooLong'),
});
export type Address = z.infer<typeof addressSchema>;

export const PAYMENT_METHODS = ['card', 'cod'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS, { error: 'paymentRequired' });
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/**
 * What the checkout form sends. Strict at every level, so a price (or any other field) from the browser is a
 * field error, never silently used. `attemptId` is generated once per checkout attempt by the page, so a double
 * submit returns the same order instead of placing two.
 */
export const checkoutInputSchema = z.strictObject({
  attemptId: z.uuid({ error: 'attemptInvalid' }),
  lines: cartLinesSchema,
  contact: contactSchema,
  address: addressSchema,
  payment: paymentMethodSchema,
  note: z.string({ error: 'noteTooLong' }).trim().max(500, { error: 'noteTooLong' }).optional().default(''),
  locale: z.enum(['vi', 'en']).optional().default('vi'),
});
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;

/** What the cart page asks to see priced: the lines only. */
export const quoteInputSchema = checkoutInputSchema.pick({ lines: true });

// ---------------------------------------------------------------------------------------------------------------
// Pricing and totals
// ---------------------------------------------------------------------------------------------------------------

/** A product as the database sells it right now. */
export interface ProductOffer {
  productId: string;
  producerId: string;
  producerName: string;
  name: { vi: string; en: string };
  /** Unit price in đồng. */
  price: number;
  /** Units in stock (not reserved by an open card payment). */
  stock: number;
  /** false = withdrawn from sale by its producer or the catalogue. */
  listed: boolean;
  /** Root-relative URL of the cover image, for the order summary and Stripe's page. */
  imagePath: string | null;
}

/** Flat delivery fee each producer's parcel costs (each producer ships its own part). */
export const SHIPPING_FEE_PER_PRODUCER = 30_000;
/** A producer's part from this subtotal on ships free. */
export const FREE_SHIPPING_FROM = 500_000;

/** Delivery fee of one producer's part. */
export function shippingFor(partSubtotal: number): number {
  return partSubtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE_PER_PRODUCER;
}

export interface PricedLine {
  productId: string;
  name: { vi: string; en: string };
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  imagePath: string | null;
}

/** One producer's part of an order: what it ships, and what it is paid for. */
export interface PricedPart {
  producerId: string;
  producerName: string;
  lines: PricedLine[];
  subtotal: number;
  shipping: number;
}

export interface PricedOrder {
  parts: PricedPart[];
  subtotal: number;
  shipping: number;
  total: number;
  /** Units in stock per product at pricing time, so the cart can fit itself to them. */
  stock: Record<string, number>;
}

export type LineProblem = 'productUnknown' | 'productUnlisted' | 'outOfStock' | 'notEnoughStock';

/** A line that cannot be bought as asked, with the index of the line (for field errors) and the units left. */
export interface LineIssue {
  index: number;
  productId: string;
  problem: LineProblem;
  available: number;
}

/**
 * Prices cart lines from the server's offers: parts per producer (in order of first appearance), line totals,
 * shipping per part, and the order total. Any line that is unknown, withdrawn or short of stock is an issue;
 * the order is priced only when there are none.
 */
export function priceOrder(
  lines: readonly CartLine[],
  offers: ReadonlyMap<string, ProductOffer>,
): { ok: true; order: PricedOrder } | { ok: false; issues: LineIssue[]; stock: Record<string, number> } {
  const issues: LineIssue[] = [];
  const parts = new Map<string, PricedPart>();
  const stock: Record<string, number> = {};
  lines.forEach((line, index) => {
    const offer = offers.get(line.productId);
    if (!offer) {
      issues.push({ index, productId: line.productId, problem: 'productUnknown', available: 0 });
      return;
    }
    stock[offer.productId] = offer.listed ? offer.stock : 0;
    if (!offer.listed) {
      issues.push({ index, productId: line.productId, problem: 'productUnlisted', available: 0 });
      return;
    }
    if (offer.stock < line.quantity) {
      issues.push({
        index,
        productId: line.productId,
        problem: offer.stock <= 0 ? 'outOfStock' : 'notEnoughStock',
        available: Math.max(0, offer.stock),
      });
      return;
    }
    let part = parts.get(offer.producerId);
    if (!part) {
      part = {
        producerId: offer.producerId,
        producerName: offer.producerName,
        lines: [],
        subtotal: 0,
        shipping: 0,
      };
      parts.set(offer.producerId, part);
    }
    const lineTotal = offer.price * line.quantity;
    part.lines.push({
      productId: offer.productId,
      name: offer.name,
      unitPrice: offer.price,
      quantity: line.quantity,
      lineTotal,
      imagePath: offer.imagePath,
    });
    part.subtotal += lineTotal;
  });
  if (issues.length) return { ok: false, issues, stock };
  const priced = [...parts.values()].map((p) => ({ ...p, shipping: shippingFor(p.subtotal) }));
  const subtotal = priced.reduce((s, p) => s + p.subtotal, 0);
  const shipping = priced.reduce((s, p) => s + p.shipping, 0);
  const total = subtotal + shipping;
  if (!Number.isSafeInteger(total)) throw new RangeError('order total exceeds safe integer range');
  return { ok: true, order: { parts: priced, subtotal, shipping, total, stock } };
}

// ---------------------------------------------------------------------------------------------------------------
// Card payments: Stripe's limits, reservation, line items
// ---------------------------------------------------------------------------------------------------------------

/**
 * What Stripe accepts for one VND charge. VND is zero-decimal (150000 = 150.000 ₫). The minimum is Stripe's
 * US$0.50 floor converted and rounded up to a round figure; the maximum is the eight-digit amount limit.
 */
export const STRIPE_VND_LIMITS = { min: 13_000, max: 99_999_999 } as const;

/** Why a total cannot be paid by card, or null when it can. */
export function cardAmountProblem(
  total: number,
  limits = STRIPE_VND_LIMITS,
): 'cardAmountTooSmall' | 'cardAmountTooLarge' | null {
  if (total < limits.min) return 'cardAmountTooSmall';
  if (total > limits.max) return 'cardAmountTooLarge';
  return null;
}

/**
 * How long stock stays reserved for an open card payment. Stripe Checkout sessions must expire between 30
 * minutes and 24 hours after creation; the shortest keeps scarce stock from being held by abandoned carts.
 */
export const RESERVATION_MINUTES = 30;
/** After the session expires, how long to wait for Stripe's own `expired` event before releasing by ourselves. */
export const RESERVATION_GRACE_MINUTES = 10;

/** When a reservation made at `now` ends (also the Checkout Session's expires_at). */
export function reservationEnds(now: Date): Date {
  return new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
}

/** Whether an unpaid reservation may be released without waiting any longer for Stripe. */
export function reservationLapsed(reservedUntil: Date, now: Date): boolean {
  return now.getTime() >= reservedUntil.getTime() + RESERVATION_GRACE_MINUTES * 60_000;
}

/**
 * Payment state of an order. Card: awaiting_payment → paid, or payment_processing (bank debits settle later)
 * → paid / failed; awaiting_payment → expired. Cash on delivery starts as cash_on_delivery.
 */
export const PAYMENT_STATUSES = [
  'awaiting_payment',
  'payment_processing',
  'paid',
  'failed',
  'expired',
  'cash_on_delivery',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What a Stripe event (or the success page's look-up) says about a payment. */
export type PaymentOutcome = 'paid' | 'processing' | 'failed' | 'expired';

/** Whether a status still holds reserved stock for an open payment. */
export function holdsReservation(status: PaymentStatus): boolean {
  return status === 'awaiting_payment' || status === 'payment_processing';
}

/**
 * The payment status after an outcome arrives, whatever order outcomes arrive in. Final states never change
 * (a late `expired` after `paid` is ignored; a repeated event is a no-op), `processing` only ever moves forward.
 * Returns the current status when the outcome changes nothing.
 */
export function nextPaymentStatus(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus {
  if (current === 'awaiting_payment') {
    return outcome === 'processing' ? 'payment_processing' : outcome;
  }
  if (current === 'payment_processing') {
    // A session that was completed cannot expire any more; its debit settles as paid or failed.
    if (outcome === 'paid' || outcome === 'failed') return outcome;
    return current;
  }
  return current;
}

/** Maps a Checkout Session's `payment_status` on completion to an outcome. */
export function outcomeOfCompletedSession(
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required',
): PaymentOutcome {
  return paymentStatus === 'unpaid' ? 'processing' : 'paid';
}

/** A priced order's Stripe line items: each product, then each producer's delivery fee when it has one. */
export function paymentLineItems(
  order: Pick<PricedOrder, 'parts'>,
  locale: 'vi' | 'en',
  absoluteUrl: (path: string) => string,
): PaymentLineItem[] {
  const items: PaymentLineItem[] = [];
  for (const part of order.parts) {
    for (const line of part.lines) {
      items.push({
        name: line.name[locale],
        unitAmount: line.unitPrice,
        quantity: line.quantity,
        images: line.imagePath ? [absoluteUrl(line.imagePath)] : [],
      });
    }
  }
  for (const part of order.parts) {
    if (part.shipping > 0) {
      items.push({
        name: `${locale === 'vi' ? 'Phí giao hàng' : 'Delivery'} · ${part.producerName}`,
        unitAmount: part.shipping,
        quantity: 1,
        images: [],
      });
    }
  }
  return items;
}

/** Sum of line items, to check that what Stripe is asked for equals the order total. */
export function lineItemsTotal(items: readonly PaymentLineItem[]): number {
  return items.reduce((s, i) => s + i.unitAmount * i.quantity, 0);
}
