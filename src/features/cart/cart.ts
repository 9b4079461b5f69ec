/**
 * The shopping cart: which products and how many, nothing else. It lives in the browser; prices are never stored
 * here because the server prices every line from its own data. Pure: old cart in, new cart out, lines read-only.
 * Free of zod (it runs in the browser on every page); the server's schemas with their messages are ./cart-schema.ts.
 */

/** Most units of one product in one order (a household purchase, not a wholesale one). */
export const MAX_QUANTITY_PER_LINE = 99;
/** Most distinct products in one cart. */
export const MAX_CART_LINES = 50;
/** Longest catalogue product id. */
export const MAX_PRODUCT_ID_LENGTH = 120;
/** A catalogue product id (the content folder name, e.g. keo-dua-sau-rieng-ben-tre). */
export const PRODUCT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One cart line: a product and how many units. */
export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * Whether a value is a well-formed cart line: exactly a product id and a whole quantity within the limits. The
 * same rule as ./cart-schema.ts (which the server uses, with a message per fault), without zod, so the browser's
 * cart (header badge, add-to-cart) ships no schema library.
 */
export function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('productId') || !keys.includes('quantity')) return false;
  const { productId, quantity } = value as Record<string, unknown>;
  return (
    typeof productId === 'string' &&
    productId.length <= MAX_PRODUCT_ID_LENGTH &&
    PRODUCT_ID_PATTERN.test(productId) &&
    Number.isInteger(quantity) &&
    (quantity as number) >= 1 &&
    (quantity as number) <= MAX_QUANTITY_PER_LINE
  );
}

export interface Cart {
  readonly lines: readonly CartLine[];
}

export const EMPTY_CART: Cart = { lines: [] };

/** At or below this many units a product page says stock is running low. */
export const LOW_STOCK_THRESHOLD = 10;

/** How a product page describes live stock: none (null offer = not for sale), out, low or in stock. */
export function stockLevel(stock: number | null): 'not-for-sale' | 'out' | 'low' | 'in' {
  if (stock === null) return 'not-for-sale';
  if (stock <= 0) return 'out';
  return stock <= LOW_STOCK_THRESHOLD ? 'low' : 'in';
}

/** Most units of one product a cart line may hold: the per-line maximum, or fewer when fewer are in stock. */
export function quantityCap(available?: number): number {
  return Math.max(0, Math.min(MAX_QUANTITY_PER_LINE, available ?? MAX_QUANTITY_PER_LINE));
}

/** How many more units of a product the cart can take, given the units in stock. */
export function roomFor(cart: Cart, productId: string, available: number): number {
  return Math.max(0, quantityCap(available) - quantityOf(cart, productId));
}

/** Adds units of a product (merging with its line), capped at the per-line maximum and at `available` if known. */
export function addToCart(cart: Cart, productId: string, quantity: number, available?: number): Cart {
  if (!Number.isInteger(quantity) || quantity < 1) return cart;
  const current = quantityOf(cart, productId);
  return setQuantity(cart, productId, current + quantity, available);
}

/** Sets a line's quantity (0 removes it), capped like `addToCart`. */
export function setQuantity(cart: Cart, productId: string, quantity: number, available?: number): Cart {
  if (!Number.isInteger(quantity)) return cart;
  const next = Math.max(0, Math.min(quantity, quantityCap(available)));
  if (next === 0) return removeLine(cart, productId);
  if (cart.lines.some((l) => l.productId === productId)) {
    return { lines: cart.lines.map((l) => (l.productId === productId ? { productId, quantity: next } : l)) };
  }
  if (cart.lines.length >= MAX_CART_LINES) return cart;
  return { lines: [...cart.lines, { productId, quantity: next }] };
}

export function removeLine(cart: Cart, productId: string): Cart {
  return { lines: cart.lines.filter((l) => l.productId !== productId) };
}

export function quantityOf(cart: Cart, productId: string): number {
  return cart.lines.find((l) => l.productId === productId)?.quantity ?? 0;
}

/** Units in the cart, for the header badge. */
export function cartCount(cart: Cart): number {
  return cart.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** A line the live stock forced down (or out); shown to the shopper so nothing changes silently. */
export interface StockAdjustment {
  productId: string;
  requested: number;
  /** What is left in the cart: the units in stock, 0 when the product is gone or no longer sold. */
  kept: number;
}

/**
 * Fits the cart to live availability (units in stock per product; a product missing from the map is no longer
 * sold). Returns the new cart and what changed.
 */
export function fitToStock(
  cart: Cart,
  available: ReadonlyMap<string, number>,
): { cart: Cart; adjustments: StockAdjustment[] } {
  const adjustments: StockAdjustment[] = [];
  const lines: CartLine[] = [];
  for (const line of cart.lines) {
    const stock = available.get(line.productId) ?? 0;
    const kept = Math.min(line.quantity, Math.max(0, stock));
    if (kept !== line.quantity)
      adjustments.push({ productId: line.productId, requested: line.quantity, kept });
    if (kept > 0) lines.push(kept === line.quantity ? line : { productId: line.productId, quantity: kept });
  }
  return { cart: adjustments.length ? { lines } : cart, adjustments };
}

/** Reads a cart saved by an earlier visit, dropping whatever is malformed instead of failing. */
export function parseStoredCart(raw: string | null | undefined): Cart {
  if (!raw) return EMPTY_CART;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_CART;
  }
  const lines = (value as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return EMPTY_CART;
  let cart = EMPTY_CART;
  for (const candidate of lines) {
    if (isCartLine(candidate) && quantityOf(cart, candidate.productId) === 0)
      cart = setQuantity(cart, candidate.productId, candidate.quantity);
  }
  return cart;
}
