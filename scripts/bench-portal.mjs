#!/usr/bin/env node
/**
 * `npm run bench:portal`: the producer portal's figures, against the built site (dist/, `npm run build` first)
 * served by the real server (scripts/start.mjs) on 127.0.0.1 with a fresh data folder (PGlite, embedded Meilisearch):
 *
 * 1. approval to live: the demo producer lists and submits N products in Chromium (phone size); for each, the time
 *    from the promoter's click on "approve" until (a) the product page answers 200 and (b) the site's search API
 *    returns the product, polled every 25 ms; p50/p95 over N (default 20);
 * 2. photo processing: one 12-megapixel JPEG (4000 × 3000, made with sharp at run time from sparse noise, blurred)
 *    through the upload pipeline (photos.server.ts: inspect, decode, every size), time per photo and the peak RSS of
 *    a process doing only that;
 * 3. product page response time: M sequential GETs (default 200) of a database listing's page (rendered on demand)
 *    and of a content file's page (prerendered), p50/p95.
 *
 * Traffic stays on 127.0.0.1 and is bounded (N listings, M page requests). Options: --listings N, --requests M,
 * --port P (default 4510). Results go to bench-results/portal.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import sharp from 'sharp';
import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs';
import { describeMachine, killGroup, machine, onCleanup, repo, tempDir } from './lib/bench-utils.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return Number(i >= 0 ? args[i + 1] : fallback);
};
const LISTINGS = opt('listings', 20);
const REQUESTS = opt('requests', 200);
const PORT = opt('port', 4510);
const BASE = `http://127.0.0.1:${PORT}`;
const FILE_PRODUCT = 'keo-dua-sau-rieng-ben-tre';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(1)} ms`;

async function startSite() {
  if (!existsSync(join(repo, 'dist/server/entry.mjs'))) {
    console.error('No build in dist/: run `npm run build` first.');
    process.exit(2);
  }
  const dataDir = tempDir('ocop-bench-portal-');
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repo,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir },
  });
  onCleanup(() => killGroup(server));
  for (let i = 0; i < 1200; i += 1) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the site did not start within 10 minutes');
}

async function signedIn(browser, email, password) {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  await page.goto(`${BASE}/en/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/account$/);
  return page;
}

const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 150, b: 80 } } })
    .jpeg()
    .toBuffer();

/** Lists and submits one product in the editor, as a producer on a phone. */
async function submitListing(page, name, slug) {
  await page.goto(`${BASE}/en/producer/listings/new`);
  await page
    .getByLabel('Choose a photo')
    .setInputFiles({ name: 'p.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await page.locator('p.alert', { hasText: 'The photo was uploaded.' }).waitFor();
  const fields = [
    ['Product address', slug],
    ['Product name (Vietnamese)', `Kẹo dừa ${name}`],
    ['Product name (English)', `Coconut candy ${name}`],
    ['Short description (Vietnamese)', 'Kẹo dừa thủ công.'],
    ['Short description (English)', 'Handmade coconut candy.'],
    ['Evaluation score', '78'],
    ['Date of recognition', '2025-03-10'],
    ['Number of the recognition decision', '1234/QĐ-UBND'],
    ['Price (VND)', '85000'],
    ['Sales unit (Vietnamese)', 'hộp 400 g'],
    ['Sales unit (English)', '400 g box'],
    ['Net weight or volume', '400'],
    ['Shelf life (days)', '180'],
    ['Storage instructions (Vietnamese)', 'Nơi khô ráo.'],
    ['Storage instructions (English)', 'Keep dry.'],
    ['Ingredients (Vietnamese)', 'Nước cốt dừa'],
    ['Ingredients (English)', 'Coconut cream'],
    ['Origin story (Vietnamese)', 'Làm tại Mỏ Cày.'],
    ['Origin story (English)', 'Made in Mo Cay.'],
    ['Stock', '40'],
  ];
  for (const [label, value] of fields) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Product group').selectOption('food');
  await page.getByLabel('OCOP stars').selectOption('4');
  await page.getByLabel('Recognition level').selectOption('provincial');
  await page.getByLabel('Unit of measure').selectOption('g');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Draft saved.').waitFor();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.locator('p.alert', { hasText: 'Awaiting review' }).waitFor();
}

/** Milliseconds from `start` until `check` answers true, polled every 25 ms (gives up after 60 s). */
async function until(start, check) {
  while (performance.now() - start < 60_000) {
    if (await check()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Number.POSITIVE_INFINITY;
}

async function approvalToLive(browser) {
  const producer = await signedIn(browser, 'producer@example.com', 'ocop-producer-demo');
  const promoter = await signedIn(browser, 'promoter@example.com', 'ocop-promoter-demo');
  const run = Date.now().toString(36);
  const names = Array.from({ length: LISTINGS }, (_, i) => `Z${run}n${i}`);
  for (const name of names) await submitListing(producer, name, `keo-dua-${name.toLowerCase()}`);
  const page = [];
  const search = [];
  for (const name of names) {
    const slug = `keo-dua-${name.toLowerCase()}`;
    await promoter.goto(`${BASE}/en/promoter/listings`);
    const item = promoter
      .getByRole('listitem')
      .filter({ has: promoter.getByRole('heading', { name: `Coconut candy ${name}`, exact: true }) });
    const start = performance.now();
    await item.getByRole('button', { name: 'Approve and put on sale' }).click();
    const [toPage, toSearch] = await Promise.all([
      until(start, async () => (await fetch(`${BASE}/products/${slug}`)).status === 200),
      until(start, async () => {
        const res = await fetch(
          `${BASE}/api/search?q=${encodeURIComponent(`Coconut candy ${name}`)}&lang=en`,
        );
        return res.ok && (await res.text()).includes(slug);
      }),
    ]);
    page.push(toPage);
    search.push(toSearch);
  }
  return { page, search, slug: `keo-dua-${names[0].toLowerCase()}` };
}

/** One 12 MP JPEG through the upload pipeline in a process of its own: time and that process's peak RSS. */
function photoProcessing() {
  const script = `
    import sharp from 'sharp';
    import { createPhotos } from './src/features/portal/photos.server.ts';
    const noise = Buffer.alloc(4000 * 3000 * 3);
    for (let i = 0; i < noise.length; i += 4096) noise.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
    const jpeg = await sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } }).blur(0.6).jpeg({ quality: 90 }).toBuffer();
    const stored = new Map();
    const store = { put: async (k, b) => void stored.set(k, b.length), get: async () => null, delete: async () => {}, url: () => null };
    const photos = createPhotos({ store });
    const before = process.resourceUsage().maxRSS;
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const t = performance.now();
      const result = await photos.add(jpeg);
      if (!result.ok) throw new Error('refused: ' + JSON.stringify(result));
      times.push(performance.now() - t);
    }
    console.log(JSON.stringify({ bytes: jpeg.length, times, files: stored.size, rssBeforeKb: before, peakRssKb: process.resourceUsage().maxRSS }));
  `;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

async function pageTimes(path) {
  const times = [];
  let failures = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const t = performance.now();
    try {
      const res = await fetch(`${BASE}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      times.push(performance.now() - t);
    } catch (error) {
      // Counted and reported, not timed (e.g. a keep-alive connection the server had just closed).
      failures += 1;
      console.error(`${path}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return Object.assign(times, { failures });
}

const row = ([label, values]) =>
  `| ${label} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} |`;

const server = await startSite();
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_FLAGS });
try {
  console.log(
    `Portal bench on ${describeMachine()}: ${LISTINGS} listings, ${REQUESTS} page requests per kind`,
  );
  const live = await approvalToLive(browser);
  console.log(row(['approval → product page 200', live.page]));
  console.log(row(['approval → search returns it', live.search]));
  const dbPage = await pageTimes(`/products/${live.slug}`);
  const filePage = await pageTimes(`/products/${FILE_PRODUCT}`);
  const photoRun = photoProcessing();
  const rows = [
    ['approval → product page 200', live.page],
    ['approval → search returns it', live.search],
    ['12 MP JPEG, every size (per photo)', photoRun.times],
    ['product page, database listing (on demand)', dbPage],
    ['product page, content file (prerendered)', filePage],
  ];
  console.log('\n| measure | n | p50 | p95 |\n| --- | --- | --- | --- |');
  for (const [label, values] of rows)
    console.log(
      `| ${label} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} |`,
    );
  console.log(
    `\n12 MP JPEG (${(photoRun.bytes / 1e6).toFixed(1)} MB, ${photoRun.files} files): peak RSS of the process ` +
      `${(photoRun.peakRssKb / 1024).toFixed(0)} MB (${(photoRun.rssBeforeKb / 1024).toFixed(0)} MB before processing)`,
  );
  mkdirSync(join(repo, 'bench-results'), { recursive: true });
  writeFileSync(
    join(repo, 'bench-results/portal.json'),
    JSON.stringify({ machine: machine(), rows: Object.fromEntries(rows), photo: photoRun }, null, 2),
  );
} finally {
  await browser.close();
  killGroup(server);
}
