/**
 * A worker as its own OS process, for the test that runs two against one PostgreSQL
 * (tests/integration/mail.test.ts): the site's worker (`startWorker`, the outbox delivery and the job queue) on
 * DATABASE_URL, sending to SMTP_URL. Started with `node --import tsx` (no build needed). Prints `ready` once
 * running and `sent <n>` after each pass that sent something; stops on SIGTERM.
 */
import { createDelivery } from '~/features/notifications/delivery.server';
import { startWorker } from '~/features/notifications/worker.server';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '~/lib/db/client';
import * as schema from '~/lib/db/schema';
import { createJobQueue } from '~/lib/jobs';
import { createMailTransport } from '~/lib/mail/transport';

const url = process.env.DATABASE_URL;
const smtpUrl = process.env.SMTP_URL;
if (!url || !smtpUrl) throw new Error('DATABASE_URL and SMTP_URL are needed');

// The test has migrated the database; the site's own opener reads its migrations through Vite, which tsx lacks.
const client = postgres(url, { max: 4, onnotice: () => {} });
const db = drizzle({ client, schema }) as unknown as Database;
const transport = createMailTransport({ smtpUrl, from: 'Chợ OCOP <no-reply@ocop.test>', folder: '' });
const delivery = createDelivery({ db, transport, batchSize: Number(process.env.BATCH ?? 20) });
const worker = await startWorker({
  queue: createJobQueue({ connection: { kind: 'postgres', url } }),
  delivery: {
    ...delivery,
    async deliverDue() {
      const pass = await delivery.deliverDue();
      if (pass.sent > 0) console.log(`sent ${pass.sent}`);
      return pass;
    },
  },
  expireHolds: async () => 0,
  releaseReservations: async () => 0,
  mailIntervalMs: 100,
  log: (line) => console.error(line),
});
console.log('ready');
const keepAlive = setInterval(() => {}, 1 << 30);
process.on('SIGTERM', () => {
  clearInterval(keepAlive);
  void worker
    .stop()
    .then(() => {
      transport.close();
      return client.end({ timeout: 5 });
    })
    .finally(() => process.exit(0));
});
