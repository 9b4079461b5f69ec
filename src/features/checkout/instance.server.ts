/**
 * The site's checkout and orders services, built once per process from the shared database, the payment adapter
 * (null without STRIPE_SECRET_KEY) and the catalogue collections.
 */
import { getCollection } from 'astro:content';
import { getDb } from '../../lib/db';
import { getPayments } from '../../lib/stripe';
import { createOrders, type Orders } from '../orders/orders.server';
import { createCheckout, type CatalogueProduct, type Checkout } from './checkout.server';

let catalogue: Promise<ReadonlyMap<string, CatalogueProduct>> | undefined;

/** The catalogue's products as checkout needs them (names, producer, cover image, price to seed). */
export function commerceCatalogue(): Promise<ReadonlyMap<string, CatalogueProduct>> {
  catalogue ??= (async () => {
    const [products, producers] = await Promise.all([getCollection('products'), getCollection('producers')]);
    const producerName = new Map(producers.map((p) => [p.id, p.data.name]));
    return new Map(
      products.map((p): [string, CatalogueProduct] => [
        p.id,
        {
          productId: p.id,
          producerId: p.data.producer,
          producerName: producerName.get(p.data.producer) ?? p.data.producer,
          name: p.data.name,
          imagePath: coverPath(p.data.images[0]?.src),
          price: p.data.price,
        },
      ]),
    );
  })().catch((error: unknown) => {
    catalogue = undefined;
    throw error;
  });
  return catalogue;
}

/** The built URL of a content image (astro:assets metadata), or null. */
function coverPath(image: unknown): string | null {
  const src = (image as { src?: unknown } | undefined)?.src;
  return typeof src === 'string' ? src : null;
}

let checkout: Promise<Checkout> | undefined;

export function getCheckout(): Promise<Checkout> {
  checkout ??= getDb()
    .then((db) => createCheckout({ db, payments: getPayments(), catalogue: commerceCatalogue }))
    .catch((error: unknown) => {
      checkout = undefined;
      throw error;
    });
  return checkout;
}

let orders: Promise<Orders> | undefined;

export function getOrders(): Promise<Orders> {
  orders ??= getDb()
    .then((db) => createOrders({ db }))
    .catch((error: unknown) => {
      orders = undefined;
      throw error;
    });
  return orders;
}

/** Whether card payment can be offered (a Stripe secret key is configured). */
export function cardPaymentAvailable(): boolean {
  return getPayments() !== null;
}
