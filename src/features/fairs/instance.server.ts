/**
 * The site's fairs service, built once per process on the shared database, with the catalogue's producers
 * (kind, province, commune and their best valid star level) as the applicants the subsidy rules read. Outside
 * production a demo fair is created on first start (see demo.server.ts).
 */
import { getCollection } from 'astro:content';
import { getDb } from '../../lib/db';
import { allProducts } from '../catalog/catalog.server';
import { isProduction } from '../accounts/instance.server';
import { seedDemoFair } from './demo.server';
import { createFairs, type Fairs, type ProducerFacts } from './fairs.server';
import { bestValidStars } from './subsidies';

let building: Promise<Fairs> | undefined;

/** The fairs service (database opened and migrated). */
export function getFairs(): Promise<Fairs> {
  building ??= (async () => {
    const [db, directory] = await Promise.all([getDb(), producerDirectory()]);
    const fairs = createFairs({ db, producers: (id) => directory.get(id) });
    if (!isProduction() && (await seedDemoFair(fairs)))
      console.info('[fairs] demo fair created for Bến Tre (see docs/fairs.md)');
    return fairs;
  })().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

let directoryCache: Promise<Map<string, ProducerFacts>> | undefined;

/** Every catalogue producer as the subsidy rules see it. */
export function producerDirectory(): Promise<Map<string, ProducerFacts>> {
  directoryCache ??= (async () => {
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
          stars: bestValidStars(
            products
              .filter((x) => x.producer.id === p.id)
              .map((x) => ({ stars: x.stars, valid: x.status === 'valid' })),
          ),
        },
      ]),
    );
  })();
  return directoryCache;
}
