/**
 * Checkout rules, once: the checkout form's schema (contact, Vietnamese address, phone, payment) and its field
 * limits, which cart lines cannot be bought as asked, Stripe's amount limits for VND, the payment line items sent to
 * Stripe, and the shapes the checkout service answers with. Pricing is the cart's (~/features/cart/pricing), payment
 * statuses and reservations are the order's (~/features/orders/orders).
 * Pure: no I/O, no SDK, no astro:*. Money is whole đồng everywhere. Error messages are keys of ./messages.ts.
 */
import { z } from 'zod';
import { EMAIL_MAX, emailSchema } from '~/lib/email';
import { MAX_CART_LINES } from '~/features/cart/cart';
import { cartLinesSchema, productIdSchema } from '~/features/cart/cart-schema';
import type { LineIssue, PricedOrder, Quote } from '~/features/cart/pricing';
import { PAYMENT_METHODS } from '~/features/orders/payment';
import type { Localized } from '~/lib/i18n/translate';
import { LOCALES, type Locale } from '~/lib/i18n/locales';
import type { PaymentLineItem } from '~/lib/stripe/types';
import { useCheckoutTranslations } from './messages';

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

/** Longest text each field of the form accepts (the form's maxlength too, and the messages that say so). */
export const CHECKOUT_FIELD_LIMITS = {
  name: 100,
  email: EMAIL_MAX,
  phone: 24,
  commune: 100,
  street: 200,
  note: 500,
} as const;

const text = (required: string, max: number, tooLong: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const contactSchema = z.strictObject({
  name: text('nameRequired', CHECKOUT_FIELD_LIMITS.name, 'nameTooLong'),
  email: emailSchema,
  phone: z
    .string({ error: 'phoneRequired' })
    .trim()
    .min(1, { error: 'phoneRequired' })
    .max(CHECKOUT_FIELD_LIMITS.phone, { error: 'phoneInvalid' })
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
  commune: text('communeRequired', CHECKOUT_FIELD_LIMITS.commune, 'communeTooLong'),
  street: text('streetRequired', CHECKOUT_FIELD_LIMITS.street, 'streetTooLong'),
});
export type Address = z.infer<typeof addressSchema>;

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
  note: z
    .string({ error: 'noteTooLong' })
    .trim()
    .max(CHECKOUT_FIELD_LIMITS.note, { error: 'noteTooLong' })
    .optional()
    .default(''),
  locale: z.enum(LOCALES).optional().default('vi'),
});
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;

/** What the cart page asks to see priced: the lines only. */
export const quoteInputSchema = checkoutInputSchema.pick({ lines: true });

/** What the product page's offer asks for: live price and stock of at most a cart's worth of products. */
export const availabilityInputSchema = z.strictObject({
  productIds: z.array(productIdSchema).min(1).max(MAX_CART_LINES),
});

/** A checkout problem as a field error: where in the input, and the message key. */
export interface CheckoutIssue {
  path: (string | number)[];
  message: string;
  /** Values the message names (a withdrawn product's name, in both languages). */
  params?: { product: Localized };
}

/**
 * What the server's own quote says is wrong with an order as submitted: lines unknown, withdrawn or short of
 * stock (on the product or the quantity field), or a card total outside Stripe's limits. Empty when it can be placed.
 */
export function checkoutIssues(input: Pick<CheckoutInput, 'payment'>, quote: Quote): CheckoutIssue[] {
  if (!quote.ok) return quote.issues.map(lineIssue);
  const problem = input.payment === 'card' ? cardAmountProblem(quote.order.total) : null;
  return problem ? [{ path: ['payment'], message: problem }] : [];
}

/** A withdrawn product is named, so the shopper knows which line to remove (the form shows one lines error). */
function lineIssue(issue: LineIssue): CheckoutIssue {
  const path = lineIssuePath(issue);
  return issue.problem === 'productUnlisted' && issue.name
    ? { path, message: 'productUnlistedNamed', params: { product: issue.name } }
    : { path, message: issue.problem };
}

function lineIssuePath(issue: LineIssue): (string | number)[] {
  const field =
    issue.problem === 'productUnknown' || issue.problem === 'productUnlisted' ? 'productId' : 'quantity';
  return ['lines', issue.index, field];
}

// ---------------------------------------------------------------------------------------------------------------
// What the checkout service answers with
// ---------------------------------------------------------------------------------------------------------------

/** What the catalogue (content files) says about a product: names, maker, cover image, starting price. */
export interface CatalogueProduct {
  productId: string;
  producerId: string;
  producerName: string;
  name: Localized;
  imagePath: string | null;
  /** Price in the content file; used only to seed the database the first time. */
  price: number;
}

export type PlaceOrderResult =
  | {
      ok: true;
      orderId: string;
      number: string;
      accessKey: string;
      payment: PaymentMethod;
      redirectUrl: string | null;
    }
  | { ok: false; reason: 'lines'; issues: LineIssue[]; stock: Record<string, number> }
  | { ok: false; reason: 'cardAmountTooSmall' | 'cardAmountTooLarge'; total: number }
  | { ok: false; reason: 'cardUnavailable' | 'paymentProviderFailed' };

/** Where the shopper lands after the Stripe page (built by the caller, which knows the site's URL and locale). */
export interface ReturnUrls {
  /** Absolute URL of an order's confirmation page; `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  success: (order: { number: string; accessKey: string }) => string;
  cancel: (order: { number: string; accessKey: string }) => string;
  /** Absolute URL of a site path (product images on Stripe's page). */
  absolute: (path: string) => string;
}

// ---------------------------------------------------------------------------------------------------------------
// Card payments: Stripe's limits, line items
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

/** A priced order's Stripe line items: each product, then each producer's delivery fee when it has one. */
export function paymentLineItems(
  order: Pick<PricedOrder, 'parts'>,
  locale: Locale,
  absoluteUrl: (path: string) => string,
): PaymentLineItem[] {
  const t = useCheckoutTranslations(locale);
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
        name: t('deliveryLineItem', { producer: part.producerName }),
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
