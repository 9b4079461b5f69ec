/**
 * The composition root: every service of the site is built here, once per process, from the environment and the
 * shared adapters (database, payments, search, catalogue collections). Pages, actions and the middleware get their
 * services from this module and nowhere else; features export factories and never build themselves.
 */
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { MAIL_DISABLED, MAIL_FROM, SMTP_URL, WORKER, getSecret } from 'astro:env/server';
import { dataDir, getDb, getDbHandle } from '~/lib/db';
import { authSecret, isProduction, once } from '~/lib/run-mode.server';
import { createJobQueue, type JobQueue } from '~/lib/jobs';
import { createMailTransport } from '~/lib/mail/transport';
import { getPayments } from '~/lib/stripe';
import { createMeiliBackend } from '~/lib/search/meili-backend';
import type { CatalogueIndex } from '~/features/accounts/accounts';
import { createAccounts, type Accounts } from '~/features/accounts/accounts.server';
import { DEMO_ACCOUNTS } from '~/features/accounts/demo-accounts';
import { allProducts, catalogueToday } from '~/features/catalog/catalog.server';
import {
  createCertificationResults,
  type CertificationResults,
} from '~/features/catalog/certification-results.server';
import type { CatalogueProduct } from '~/features/checkout/checkout';
import { createCheckout, type Checkout } from '~/features/checkout/checkout.server';
import { createPaymentWebhook, type PaymentWebhook } from '~/features/checkout/payment-webhook.server';
import { seedDemoFair } from '~/features/fairs/demo.server';
import {
  createFairs,
  type BookingTimers,
  type Fairs,
  type ProducerFacts,
} from '~/features/fairs/fairs.server';
import {
  applyBoothPaymentEvent,
  createBoothPayments,
  type BoothPayments,
} from '~/features/fairs/payments.server';
import { bestValidStars } from '~/features/fairs/subsidies';
import { createOrders, type Orders } from '~/features/orders/orders.server';
import { applyOrderPaymentEvent } from '~/features/orders/payment-outcomes.server';
import { createListings, type Listings } from '~/features/portal/listings.server';
import { createLocalPhotoStore, photoRoot, type PhotoStore } from '~/features/portal/photo-store.server';
import { createPhotos } from '~/features/portal/photos.server';
import { listingCheckoutProducts } from '~/features/portal/checkout-products.server';
import {
  createSearchDocuments,
  createSearchService,
  SEARCH_ANSWERS_TTL_MS,
  type SearchDocuments,
  type SearchService,
} from '~/features/search/search.server';
import { createMeiliDocumentStore } from '~/lib/search/meili-documents';
import { createLiveCatalogue, type LiveCatalogue } from '~/features/catalog/live-catalogue.server';
import { createLiveUpdates } from '~/features/portal/live-updates.server';
import {
  createDelivery,
  failedMessages,
  retryFailedMessage,
  type Delivery,
  type FailedMessage,
} from '~/features/notifications/delivery.server';
import { createInbox, type Inbox } from '~/features/notifications/inbox.server';
import { mailSetup } from '~/features/notifications/notifications';
import { createBookingTimers, expireSession } from '~/features/notifications/timers.server';
import { startWorker, type RunningWorker } from '~/features/notifications/worker.server';

/** The accounts service (database opened and migrated, demo accounts present in development). */
export const getAccounts: () => Promise<Accounts> = once(async () => {
  const accounts = createAccounts({
    db: await getDb(),
    secret: authSecret(),
    baseURL: import.meta.env.SITE,
    production: isProduction(),
    printMessages: !isProduction(),
  });
  if (!isProduction()) {
    const created = await accounts.seedDemoAccounts(DEMO_ACCOUNTS);
    if (created.length > 0)
      console.info(`[accounts] demo accounts created: ${created.join(', ')} (see docs/accounts.md)`);
  }
  return accounts;
});

/** Producer, product and province ids of the catalogue, for role assignment and ownership checks. */
export const catalogueIndex: () => Promise<CatalogueIndex> = once(async () => {
  const [producers, products, provinces] = await Promise.all([
    getCollection('producers'),
    getCollection('products'),
    getCollection('provinces'),
  ]);
  return {
    producers: new Map(producers.map((p) => [p.id, { provinceId: p.data.province }])),
    products: new Map(products.map((p) => [p.id, { producerId: p.data.producer }])),
    provinces: new Set(provinces.map((p) => p.id)),
  };
});

/** The catalogue's products as checkout needs them (names, producer, cover image, price to seed). */
export const commerceCatalogue: () => Promise<ReadonlyMap<string, CatalogueProduct>> = once(async () => {
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
});

/** The built URL of a content image (astro:assets metadata), or null. */
function coverPath(image: unknown): string | null {
  const src = (image as { src?: unknown } | undefined)?.src;
  return typeof src === 'string' ? src : null;
}

/** Checkout's view of database listings' products by slug (docs/portal.md, "One store of price and stock"). */
async function listingProducts(slugs: readonly string[]): Promise<ReadonlyMap<string, CatalogueProduct>> {
  const [service, producers] = await Promise.all([getListings(), getCollection('producers')]);
  const names = new Map(producers.map((p) => [p.id, p.data.name]));
  return listingCheckoutProducts(service, (id) => names.get(id), slugs);
}

/** Checkout: carts priced from the database, orders placed, card payments through the payment adapter. */
export const getCheckout: () => Promise<Checkout> = once(async () =>
  createCheckout({
    db: await getDb(),
    payments: getPayments(),
    catalogue: commerceCatalogue,
    listings: listingProducts,
  }),
);

/** Whether card payment can be offered (a Stripe secret key is configured). */
export function cardPaymentAvailable(): boolean {
  return getPayments() !== null;
}

/** Orders after they are placed: look-up, history, the producers' parts, open card payments settled or let go. */
export const getOrders: () => Promise<Orders> = once(async () =>
  createOrders({ db: await getDb(), payments: getPayments() }),
);

let paymentWebhook: PaymentWebhook | undefined;

/** Stripe's webhook: verified deliveries applied once, each payment kind by the handler of the room it pays. */
export function getPaymentWebhook(): PaymentWebhook {
  paymentWebhook ??= createPaymentWebhook({
    db: getDb,
    payments: getPayments(),
    handlers: { order: applyOrderPaymentEvent, booth: applyBoothPaymentEvent },
  });
  return paymentWebhook;
}

/** Every catalogue producer as the subsidy rules see it. */
export const producerDirectory: () => Promise<Map<string, ProducerFacts>> = once(async () => {
  const [producers, products] = await Promise.all([getCollection('producers'), allProducts()]);
  return new Map(
    producers.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.data.name,
        kind: p.data.kind,
        provinceId: p.data.province,
        commune: p.data.commune,
        ...(p.data.womenOwned === undefined ? {} : { womenOwned: p.data.womenOwned }),
        ...(p.data.socialEnterprise === undefined ? {} : { socialEnterprise: p.data.socialEnterprise }),
        stars: bestValidStars(
          products
            .filter((x) => x.producer.id === p.id)
            .map((x) => ({ stars: x.stars, valid: x.status === 'valid' })),
        ),
      },
    ]),
  );
});

/** Fairs, booths and subsidies; outside production a demo fair is created on first start (docs/fairs.md). */
export const getFairs: () => Promise<Fairs> = once(async () => {
  const [db, directory] = await Promise.all([getDb(), producerDirectory()]);
  const fairs = createFairs({
    db,
    producers: (id) => directory.get(id),
    payments: getPayments(),
    timers: bookingTimers,
  });
  if (!isProduction() && (await seedDemoFair(fairs)))
    console.info('[fairs] demo fair created for Bến Tre (see docs/fairs.md)');
  return fairs;
});

/** Card payment of a booth booking's producer share (Stripe Checkout), on the fairs service. */
export const getBoothPayments: () => Promise<BoothPayments> = once(async () =>
  createBoothPayments({ fairs: await getFairs(), payments: getPayments() }),
);

/** National results of 5-star candidacies: recorded by promoters, read by product pages and the console. */
export const getCertificationResults: () => Promise<CertificationResults> = once(async () =>
  createCertificationResults({
    db: await getDb(),
    today: catalogueToday,
    // The product shown under the id now: a live listing's candidacy counts as a file's does.
    candidate: async (productId) => {
      const product = await (await liveCatalogue()).shown(productId);
      const certification = product?.entry.data.certification;
      return product && certification?.candidacy
        ? { productId: product.slug, provinceId: product.province.id, certification }
        : undefined;
    },
  }),
);

/** Producers' listings and their moderation by the promoters of each producer's province (docs/portal.md). */
export const getListings: () => Promise<Listings> = once(async () => {
  const [db, index] = await Promise.all([getDb(), catalogueIndex()]);
  const listings = createListings({
    db,
    provinceOf: (producerId) => index.producers.get(producerId)?.provinceId,
    fileProducerOf: (slug) => index.products.get(slug)?.producerId,
    photos: createPhotos({ store: photoStore() }),
    onPublicChange: (slug) => liveUpdates(slug),
  });
  const catalogue = createLiveCatalogue({
    listings: () => listings.catalogueListings(),
    photoKeys: (ids) => listings.photoKeys(ids),
    filePrices: async (slugs) => (await getCheckout()).availability(slugs),
  });
  const updates = createLiveUpdates({ catalogue, search: searchDocuments() });
  liveUpdates = updates.onPublicChange;
  liveCatalogueOf = catalogue;
  // Hourly, and once at start (after npm start may have rebuilt the index from the files): unused uploads are
  // deleted after their grace period, and the listings' search documents are written again.
  const cleanup = () =>
    Promise.all([
      listings.deleteUnusedPhotos(photoStore()),
      listings.catalogueListings().then((rows) => updates.resync(rows.map((row) => row.slug))),
    ]).catch((error: unknown) =>
      console.error('[portal] upkeep failed:', error instanceof Error ? error.message : error),
    );
  setInterval(cleanup, 60 * 60 * 1000).unref();
  void cleanup();
  return listings;
});

let liveUpdates: (slug: string) => Promise<void> = async () => undefined;
let liveCatalogueOf: LiveCatalogue | undefined;

/** The catalogue as shown now: content files merged with live database listings (docs/portal.md, live pages). */
export async function liveCatalogue(): Promise<LiveCatalogue> {
  await getListings();
  return liveCatalogueOf!;
}

let documents: SearchDocuments | undefined;

/** One-document writes to the search index, for listings approved, repriced or taken off sale. */
export function searchDocuments(): SearchDocuments {
  documents ??= createSearchDocuments({
    store: createMeiliDocumentStore({ url: getSecret('MEILI_URL'), apiKey: getSecret('MEILI_MASTER_KEY') }),
  });
  return documents;
}

let photos: PhotoStore | undefined;

/** Where listing photos are kept (a local folder under DATA_DIR; docs/portal.md says how to use object storage). */
export function photoStore(): PhotoStore {
  photos ??= createLocalPhotoStore({ root: photoRoot(dataDir) });
  return photos;
}

let search: SearchService | undefined;

/** The site's search, configured from MEILI_URL and MEILI_MASTER_KEY (set by npm start when embedded). */
export function siteSearch(): SearchService {
  // Read at run time: astro:env inlines public server variables at build, but npm start picks the URL at start.
  search ??= createSearchService({
    backend: createMeiliBackend({ url: getSecret('MEILI_URL'), apiKey: getSecret('MEILI_MASTER_KEY') }),
    answersTtlMs: SEARCH_ANSWERS_TTL_MS,
  });
  return search;
}

/** The mail setup from SMTP_URL / MAIL_DISABLED; production without either is refused (docs/notifications.md). */
export function mailSettings() {
  const setup = mailSetup({ production: isProduction(), smtpUrl: SMTP_URL, disabled: MAIL_DISABLED });
  if (setup.kind === 'refused') throw new Error(setup.reason);
  return setup;
}

/** Delivery of the outbox through SMTP, or .eml files under DATA_DIR/mail in development; null when disabled. */
export const getDelivery: () => Promise<Delivery | null> = once(async () => {
  const setup = mailSettings();
  if (setup.kind === 'disabled') return null;
  const transport = createMailTransport({
    smtpUrl: setup.kind === 'smtp' ? setup.url : undefined,
    from: MAIL_FROM,
    folder: join(dataDir, 'mail'),
    log: (line) => console.info(line),
  });
  console.info(`[mail] messages go to ${transport.describe}`);
  return createDelivery({ db: await getDb(), transport });
});

/** Messages that failed for good, newest first (the admin page lists them). */
export async function failedMail(limit = 20): Promise<FailedMessage[]> {
  return failedMessages(await getDb(), limit);
}

/** Queues a failed message again; false when it is no longer failed. Callers check `mail.retry` first. */
export async function retryFailedMail(id: number): Promise<boolean> {
  return retryFailedMessage(await getDb(), id);
}

/** What waits for a producer's or a promoter's action (the dashboard's and the console's inbox). */
export const getInbox: () => Promise<Inbox> = once(async () => createInbox({ db: await getDb() }));

let worker: Promise<RunningWorker> | undefined;

/** The job queue of this process: the worker's, or on a web-only server (WORKER=off) one that only adds jobs. */
const getJobQueue: () => Promise<JobQueue> = once(async () =>
  createJobQueue({
    connection: (await getDbHandle()).native,
    log: console.error,
    sendOnly: WORKER === 'off',
  }),
);
const getTimers = once(async () =>
  createBookingTimers({ queue: await getJobQueue(), now: () => new Date() }),
);

/** Booking timers when this process may add jobs (it runs the worker, or is a web-only server on PostgreSQL). */
async function timers() {
  if (worker) await worker;
  else if (WORKER !== 'off' || (await getDbHandle()).native.kind === 'pglite') return null;
  return getTimers();
}
const bookingTimers: BookingTimers = {
  expiryScheduled: async (booking) => (await timers())?.expiryScheduled(booking),
  sessionLapsed: async (id) => (await timers())?.sessionLapsed(id),
};

/**
 * Starts the background worker in this process (mail delivery, booth hold expiry, card reservations), once.
 * scripts/serve.mjs and scripts/worker.mjs ask for it at start; WORKER=off leaves it to other processes.
 */
export function startBackgroundWork(): Promise<RunningWorker> | undefined {
  if (WORKER === 'off') return undefined;
  worker ??= (async () => {
    const [delivery, fairs, orders] = await Promise.all([getDelivery(), getFairs(), getOrders()]);
    const payments = getPayments();
    return startWorker({
      queue: await getJobQueue(),
      delivery,
      expireHolds: () => fairs.expireLapsed(),
      releaseReservations: () => orders.releaseLapsedReservations(),
      timed: {
        expireDue: (id) => fairs.expireDue(id),
        remindHold: (id, expiresAt) => fairs.remindHold(id, expiresAt),
        expireSession: (id) => expireSession(payments, id),
      },
    });
  })();
  return worker;
}
