/**
 * The last units of a product under real concurrency: 50 shoppers check out at the same moment for the last 5
 * units. Exactly 5 orders are placed, everyone else is told the stock ran out, and stock never goes below zero.
 * On PostgreSQL (TEST_DATABASE_URL) the 50 checkouts run on a pool of 20 connections at once; on PGlite they
 * queue on its single connection, which checks the same rules without parallelism.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/lib/db/client';
import { databaseTargets } from './db-harness';
import {
  checkoutInput,
  commerceFixture,
  setStock,
  stockOf,
  URLS,
  type CommerceFixture,
} from './commerce-harness';

const HONEY = 'mat-ong-u-minh';
const CANDY = 'keo-dua-sau-rieng-ben-tre';
const SHOPPERS = 50;
const LAST_UNITS = 5;

describe.each(databaseTargets())('stock under concurrent checkouts on $name', (target) => {
  let f: CommerceFixture;

  beforeAll(async () => {
    f = await commerceFixture(target);
  });
  afterAll(async () => {
    await f?.dispose();
  });

  async function unitsSold(productId: string): Promise<number> {
    const result = await f.database.db.execute(
      `select coalesce(sum(l.quantity), 0)::int as n from order_line l join order_part p on p.id = l.part_id where l.product_id = '${productId}' and p.status not in ('voided', 'cancelled')`,
    );
    return rowsOf<{ n: number }>(result)[0]!.n;
  }

  it(`${SHOPPERS} simultaneous cash-on-delivery checkouts for the last ${LAST_UNITS} units: exactly ${LAST_UNITS} succeed`, async () => {
    await setStock(f, HONEY, LAST_UNITS);
    const results = await Promise.all(
      Array.from({ length: SHOPPERS }, (_, i) =>
        f.checkout.placeOrder(
          checkoutInput({
            lines: [{ productId: HONEY, quantity: 1 }],
            contact: { name: `Khách ${i}`, email: `khach${i}@example.com`, phone: '+84912345678' },
          }),
          { customerId: null, urls: URLS },
        ),
      ),
    );
    const placed = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(placed).toHaveLength(LAST_UNITS);
    expect(refused).toHaveLength(SHOPPERS - LAST_UNITS);
    for (const r of refused)
      expect(r).toMatchObject({
        ok: false,
        reason: 'lines',
        issues: [{ productId: HONEY, problem: 'outOfStock', available: 0 }],
      });
    expect(new Set(placed.map((r) => (r.ok ? r.number : ''))).size).toBe(LAST_UNITS);
    expect(await stockOf(f, HONEY)).toBe(0);
    expect(await unitsSold(HONEY)).toBe(LAST_UNITS);
  });

  it('mixed card and cash checkouts of several units each never oversell', async () => {
    await setStock(f, CANDY, 7);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        f.checkout.placeOrder(
          checkoutInput({
            payment: i % 2 ? 'card' : 'cod',
            lines: [{ productId: CANDY, quantity: 1 + (i % 3) }],
          }),
          { customerId: null, urls: URLS },
        ),
      ),
    );
    const soldNow = results.reduce((sum, r, i) => sum + (r.ok ? 1 + (i % 3) : 0), 0);
    expect(soldNow).toBeLessThanOrEqual(7);
    expect(await stockOf(f, CANDY)).toBe(7 - soldNow);
    expect(await stockOf(f, CANDY)).toBeGreaterThanOrEqual(0);
    // Every refusal reports what was left when it was refused, and none of them wrote an order.
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ reason: 'lines' });
  });
});
