/**
 * What a cart costs, priced from the server's own offers: each producer's part with its lines, the delivery fee of
 * each part, and the order total. Shared by the cart page's quote and the order checkout writes; the browser never
 * prices anything. Pure: no I/O. Money is whole đồng everywhere.
 */
import type { Localized } from '~/lib/i18n/translate';
import type { CartLine } from './cart';

/** A product as the database sells it right now. */
export interface ProductOffer {
  productId: string;
  producerId: string;
  producerName: string;
  name: Localized;
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
  name: Localized;
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
  /** The product's name when the server knows it (withdrawn or short lines), so a message can name it. */
  name?: Localized;
}

/** A priced cart, or why it cannot be bought as it is (with the stock left, so the cart can fit itself). */
export type Quote =
  { ok: true; order: PricedOrder } | { ok: false; issues: LineIssue[]; stock: Record<string, number> };

/** Why a line cannot be bought as asked from this offer, or null when it can. */
function lineProblem(line: CartLine, offer: ProductOffer | undefined): LineProblem | null {
  if (!offer) return 'productUnknown';
  if (!offer.listed) return 'productUnlisted';
  if (offer.stock < line.quantity) return offer.stock <= 0 ? 'outOfStock' : 'notEnoughStock';
  return null;
}

/** The part of `offer`'s producer in `parts`, added (empty) on first use so parts keep their first-seen order. */
function partOf(parts: Map<string, PricedPart>, offer: ProductOffer): PricedPart {
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
  return part;
}

/**
 * Prices cart lines from the server's offers: parts per producer (in order of first appearance), line totals,
 * shipping per part, and the order total. Any line that is unknown, withdrawn or short of stock is an issue;
 * the order is priced only when there are none.
 */
export function priceOrder(lines: readonly CartLine[], offers: ReadonlyMap<string, ProductOffer>): Quote {
  const issues: LineIssue[] = [];
  const parts = new Map<string, PricedPart>();
  const stock: Record<string, number> = {};
  lines.forEach((line, index) => {
    const offer = offers.get(line.productId);
    if (offer) stock[offer.productId] = offer.listed ? offer.stock : 0;
    const problem = lineProblem(line, offer);
    if (problem || !offer) {
      const available = problem === 'notEnoughStock' ? Math.max(0, offer!.stock) : 0;
      issues.push({
        index,
        productId: line.productId,
        problem: problem ?? 'productUnknown',
        available,
        ...(offer ? { name: offer.name } : {}),
      });
      return;
    }
    const part = partOf(parts, offer);
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
