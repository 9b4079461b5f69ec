/**
 * The cart as the server accepts it (orders, quotes): zod schemas with a message code per fault, built on the
 * limits of ./cart.ts. Kept apart from ./cart.ts so that browser code using the cart does not ship zod.
 */
import { z } from 'zod';
import { MAX_CART_LINES, MAX_PRODUCT_ID_LENGTH, MAX_QUANTITY_PER_LINE, PRODUCT_ID_PATTERN } from './cart';

/** A catalogue product id (the content folder name, e.g. keo-dua-sau-rieng-ben-tre). */
export const productIdSchema = z
  .string({ error: 'productRequired' })
  .trim()
  .min(1, { error: 'productRequired' })
  .max(MAX_PRODUCT_ID_LENGTH, { error: 'productUnknown' })
  .regex(PRODUCT_ID_PATTERN, { error: 'productUnknown' });

export const quantitySchema = z
  .number({ error: 'quantityWhole' })
  .int({ error: 'quantityWhole' })
  .min(1, { error: 'quantityTooSmall' })
  .max(MAX_QUANTITY_PER_LINE, { error: 'quantityTooLarge' });

/** One cart line. Strict: a line that carries a price (or anything else) from the browser is refused. */
export const cartLineSchema = z.strictObject(
  { productId: productIdSchema, quantity: quantitySchema },
  { error: 'lineInvalid' },
);

/** The lines of a cart as the server accepts them: at least one, each product once. */
export const cartLinesSchema = z
  .array(cartLineSchema, { error: 'cartEmpty' })
  .min(1, { error: 'cartEmpty' })
  .max(MAX_CART_LINES, { error: 'cartTooLarge' })
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.productId))
        ctx.addIssue({ code: 'custom', path: [index, 'productId'], message: 'productRepeated' });
      seen.add(line.productId);
    });
  });
