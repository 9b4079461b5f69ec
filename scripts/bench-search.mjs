#!/usr/bin/env node
/**
 * `npm run bench:search`: indexes a synthetic 10,000-product catalogue into a fresh Meilisearch, then measures
 * p50/p95/p99 latency and throughput of the site's /api/search (the built server) against the same Meilisearch
 * queried directly, at 1, 8 and 32 concurrent clients, and prints the overhead ratio. Then sweeps typo-tolerance
 * settings over the real catalogue (dist/client/search-documents.json) with labelled queries.
 * Loopback only; every loop is bounded. Options: --products=N, --requests=N (per client), --rounds=N (site and
 * direct alternate N times per client count, the median run by throughput is reported: on a shared machine the
 * load changes within a minute), --queries=repeated|unique|both (default both: repeated searches, which the site
 * partly answers from the answers it keeps for two seconds, and unique searches, every one a miss), --skip-typos.
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { startMeili, freePort, isHealthy } from '../src/lib/search/local-meili.ts';
import { createMeiliClient } from '../src/lib/search/client.ts';
import { reindexProducts } from '../integrations/search/reindex.ts';
import { documentsFileIn, readSearchDocuments } from '../integrations/search/documents-file.ts';
import { toSearchDocument } from '../src/features/search/documents.ts';
import { PRODUCTS_INDEX_SETTINGS } from '../src/features/search/index-settings.ts';
import { planSearch } from '../src/features/search/plan.ts';
import { parseSearchParams } from '../src/features/search/search-params.ts';
import { seededRandom } from './lib/seeded-random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const PRODUCTS = arg('products', 10_000);
const REQUESTS_PER_CLIENT = arg('requests', 0);
/** Site and direct runs alternate this many times per client count; the median run of each is reported. */
const ROUNDS = arg('rounds', 3);
const CONCURRENCY = [1, 8, 32];
/** --queries=repeated|unique|both (default both): which searches the clients send (see REPEATED, nextUnique). */
const QUERIES_ARG = process.argv.find((a) => a.startsWith('--queries='))?.split('=')[1] ?? 'both';
const MODES = QUERIES_ARG === 'both' ? ['repeated', 'unique'] : [QUERIES_ARG];
const MODE_TITLES = {
  repeated: 'Repeated searches (36 different ones; the site answers most from the answers it keeps for 2 s)',
  unique: 'Unique searches (never the same twice: every one goes to Meilisearch)',
};
const distDir = process.env.OCOP_DIST_DIR ? resolve(process.env.OCOP_DIST_DIR) : join(root, 'dist');

// ------------------------------------------------------------------ synthetic catalogue (deterministic)
const KINDS = [
  ['Kẹo dừa', 'coconut candy', 'food'],
  ['Dứa sấy dẻo', 'soft dried pineapple', 'food'],
  ['Dưa lưới', 'cantaloupe', 'food'],
  ['Tôm khô', 'dried shrimp', 'food'],
  ['Nước mắm', 'fish sauce', 'food'],
  ['Mật ong rừng', 'forest honey', 'food'],
  ['Cà phê Arabica', 'Arabica coffee', 'beverages'],
  ['Chè ô long', 'oolong tea', 'beverages'],
  ['Trà giảo cổ lam', 'jiaogulan tea', 'herbal'],
  ['Mận hậu', 'Hau plum', 'food'],
  ['Nước cốt nhàu', 'noni juice', 'herbal'],
  ['Khô cá lóc', 'dried snakehead fish', 'food'],
  ['Bánh phồng tôm', 'prawn crackers', 'food'],
  ['Yến sào', "bird's nest", 'food'],
  ['Muối hạt', 'sea salt', 'food'],
  ['Long nhãn sấy', 'dried longan', 'food'],
  ['Chiếu cói', 'sedge mat', 'souvenirs'],
  ['Lụa tơ tằm', 'silk scarf', 'textiles'],
  ['Gốm sứ', 'ceramic vase', 'souvenirs'],
  ['Homestay cộng đồng', 'community homestay', 'rural-tourism'],
];
const PROVINCES = [
  'Cà Mau',
  'Sơn La',
  'Thái Bình',
  'Bến Tre',
  'An Giang',
  'Bắc Ninh',
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
  'Huế',
  'Hưng Yên',
  'Khánh Hòa',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Nghệ An',
  'Ninh Bình',
  'Phú Thọ',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Tây Ninh',
  'Thái Nguyên',
  'Thanh Hóa',
  'TP Hồ Chí Minh',
  'Tuyên Quang',
  'Vĩnh Long',
];
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
const slug = (s) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const PRODUCER_KINDS = ['enterprise', 'cooperative', 'business-household'];

function syntheticDocuments(count) {
  const rand = seededRandom(148);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const docs = [];
  for (let i = 0; i < count; i++) {
    const [vi, en, group] = pick(KINDS);
    const province = pick(PROVINCES);
    const stars = pick([3, 3, 4, 4, 4, 5]);
    const score =
      stars === 5
        ? 90 + Math.floor(rand() * 11)
        : stars === 4
          ? 70 + Math.floor(rand() * 20)
          : 50 + Math.floor(rand() * 20);
    const producerNo = Math.floor(rand() * 400);
    docs.push(
      toSearchDocument({
        slug: `${slug(vi)}-${slug(province)}-${i}`,
        name: { vi: `${vi} ${province} số ${i}`, en: `${province} ${en} no. ${i}` },
        summary: {
          vi: `${vi} đặc sản ${province}, sản phẩm OCOP ${stars} sao.`,
          en: `${en} from ${fold(province)}, a ${stars}-star OCOP product.`,
        },
        unit: { vi: 'hộp 500 g', en: '500 g box' },
        group,
        stars,
        score,
        price: (5 + Math.floor(rand() * 300)) * 5_000,
        certificateValid: rand() > 0.15,
        tags: [vi.toLowerCase(), en],
        ingredients: { vi: [vi.toLowerCase()], en: [en] },
        exportMarkets: rand() > 0.7 ? ['US'] : [],
        story: {
          vi: `Câu chuyện của ${vi.toLowerCase()} ${province}: làm thủ công theo cách truyền thống của làng nghề.`,
          en: `The story of ${en} from ${fold(province)}: handmade the traditional way of the craft village.`,
        },
        producer: {
          id: `producer-${producerNo}`,
          name: {
            vi: `Hợp tác xã ${province} ${producerNo}`,
            en: `${fold(province)} Cooperative ${producerNo}`,
          },
          kind: PRODUCER_KINDS[producerNo % 3],
          commune: `Xã ${producerNo}`,
        },
        province: { id: slug(province), name: { vi: province, en: fold(province) } },
        image: null,
      }),
    );
  }
  return docs;
}

// ------------------------------------------------------------------ measurement helpers
const WORDS = [
  'keo dua',
  'kẹo dừa',
  'coconut candy',
  'dứa',
  'dua',
  'tom kho',
  'dried shrimp',
  'nuoc mam',
  'fish sauce',
  'mật ong',
  'honey',
  'ca phe arabica',
  'oolong',
  'tra giao co lam',
  'man hau',
  'plum',
  'noni',
  'yến sào',
  'muoi',
  'chieu coi',
  'silk',
  'homestay',
  'Cà Mau',
  'son la',
  'ben tre kẹo',
  'arabika',
  '',
];
/** The search of WORDS[i]: a third carry filters, as on a real search page; `page` and `sort` pick the page. */
function searchOf(i, page, sort) {
  const base = `q=${encodeURIComponent(WORDS[i % WORDS.length])}`;
  const filters = ['', '&stars=5', '&province=ca-mau&province=son-la&valid=1'][i % 3];
  return `${base}${filters}${sort === 'relevance' ? '' : `&sort=${sort}`}${page === 1 ? '' : `&page=${page}`}`;
}
/** Repeated searches: the 36 searches of the first page (and a second, by price), over and over. */
const REPEATED = WORDS.flatMap((_, i) =>
  i % 3 === 0 ? [searchOf(i, 1, 'relevance'), searchOf(i, 2, 'price-asc')] : [searchOf(i, 1, 'relevance')],
);
const SORT_ORDERS = ['relevance', 'price-asc', 'price-desc', 'stars'];
let uniqueCount = 0;
/**
 * Unique searches: the same words and filters, each time another page and sort (2,700 combinations before one
 * repeats, minutes apart), so no answer the site keeps for a few seconds is ever reused: every search is a miss.
 */
function nextUnique() {
  const n = uniqueCount++;
  const page = 1 + (Math.floor(n / WORDS.length) % 25);
  const sort = SORT_ORDERS[Math.floor(n / (WORDS.length * 25)) % SORT_ORDERS.length];
  return searchOf(n, page, sort);
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux): on a shared machine the CPU each
 * search costs is steadier than wall-clock throughput, which depends on what else runs.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** A load run with the CPU each watched process used per request. */
async function measured(pids, concurrency, perClient, request, unique) {
  const before = pids.map(cpuMs);
  const result = await load(concurrency, perClient, request, unique);
  const cpu = pids.map((pid, i) => (cpuMs(pid) - before[i]) / result.requests);
  return { ...result, cpu };
}

/** The run with the median throughput. */
function medianRun(runs) {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `unique`: every request a search not asked before in the run (see nextUnique), else REPEATED in turn. */
async function load(concurrency, perClient, request, unique = false) {
  const latencies = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const params = unique ? nextUnique() : REPEATED[(client * 7 + i) % REPEATED.length];
        const t0 = performance.now();
        const ok = await request(params);
        latencies.push(performance.now() - t0);
        if (!ok) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
  };
}

// One HTTP client for both targets (keep-alive, request written in one piece), so only the server side differs.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((done) => {
    const req = httpRequest(
      url,
      { method, agent, headers: body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => done(res.statusCode === 200));
      },
    );
    req.on('error', () => done(false));
    req.end(body);
  });
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

/** Alternating runs of the site and Meilisearch direct at each client count; prints them, returns the medians. */
async function compare(mode, pids, viaSite, viaMeili) {
  const unique = mode === 'unique';
  console.log(`\n${MODE_TITLES[mode]}: median of ${ROUNDS} alternating runs per target and client count`);
  console.log('clients | target               | requests | p50 ms | p95 ms | p99 ms |  req/s | failures');
  const summary = [];
  for (const c of CONCURRENCY) {
    const perClient = REQUESTS_PER_CLIENT || Math.max(20, Math.round(400 / c));
    const siteRuns = [];
    const directRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      siteRuns.push(await measured(pids, c, perClient, viaSite, unique));
      directRuns.push(await measured(pids, c, perClient, viaMeili, unique));
    }
    const s = medianRun(siteRuns);
    const d = medianRun(directRuns);
    for (const [name, r] of [
      ['site /api/search', s],
      ['Meilisearch direct', d],
    ]) {
      console.log(
        `${String(c).padStart(7)} | ${name.padEnd(20)} | ${String(r.requests).padStart(8)} | ${fmt(r.p50).padStart(6)} | ${fmt(r.p95).padStart(6)} | ${fmt(r.p99).padStart(6)} | ${fmt(r.rps).padStart(6)} | ${r.failures}`,
      );
    }
    summary.push({
      c,
      p50: s.p50 / d.p50,
      p95: s.p95 / d.p95,
      rps: s.rps / d.rps,
      // CPU per search, median over the rounds: the site's Node process, and Meilisearch in each target.
      siteNode: median(siteRuns.map((r) => r.cpu[0])),
      siteMeili: median(siteRuns.map((r) => r.cpu[1])),
      directMeili: median(directRuns.map((r) => r.cpu[1])),
    });
  }
  return summary;
}

function printSummary(mode, summary) {
  console.log(`\n${MODE_TITLES[mode]}: the site against Meilisearch direct (same multi-search)`);
  for (const o of summary) {
    console.log(
      `  ${String(o.c).padStart(2)} clients: throughput ×${o.rps.toFixed(2)} of direct, p50 ×${o.p50.toFixed(2)}, p95 ×${o.p95.toFixed(2)}`,
    );
  }
  console.log(
    'CPU per search (ms, median of the rounds; when the cores are the limit, throughput follows the total):',
  );
  console.log(
    'clients | site: Node | site: Meilisearch | site total | direct: Meilisearch | direct ÷ site total',
  );
  for (const o of summary) {
    const total = o.siteNode + o.siteMeili;
    console.log(
      `${String(o.c).padStart(7)} | ${fmt(o.siteNode).padStart(10)} | ${fmt(o.siteMeili).padStart(17)} | ${fmt(total).padStart(10)} | ${fmt(o.directMeili).padStart(19)} | ${(o.directMeili / total).toFixed(2).padStart(19)}`,
    );
  }
}

// ------------------------------------------------------------------ typo tolerance sweep (real catalogue)
/** Labelled queries: [query, slug that must be in the top 3] for typos; [query, slug that must NOT be in the top 5]. */
const TYPO_FINDS = [
  ['hony', 'mat-ong-u-minh'],
  ['sakt', 'muoi-hat-bac-lieu'],
  ['cofee', 'ca-phe-arabica-mai-son'],
  ['honney', 'mat-ong-u-minh'],
  ['arabika', 'ca-phe-arabica-mai-son'],
  ['pineaple', 'dua-say-deo-xu-dua'],
  ['pinaple', 'dua-say-deo-xu-dua'],
  ['jiaogulam', 'tra-giao-co-lam-moc-chau'],
  ['duriam', 'sau-rieng-nguyen-trai-dong-lanh-durivy'],
  ['longam', 'long-nhan-dat-thuy'],
  ['banannas', 'chuoi-kho-tran-van-thoi'],
  ['noni juise', 'nuoc-cot-nhau-sk-noni'],
];
const TYPO_FALSE_FRIENDS = [
  ['dia', 'keo-dua-ca-cao-ben-tre'],
  ['mat', 'man-hau-noong-pieu'],
  ['man', 'mat-ong-u-minh'],
  ['che', 'cha-ca-dinh-manh'],
  ['cha', 'che-o-long-moc-chau'],
  ['keo', 'kho-ca-loc-u-minh'],
  ['tom', 'mat-ong-u-minh'],
  ['lac', 'long-nhan-dat-thuy'],
];

async function typoSweep(documents) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-meili-typos-'));
  const key = randomBytes(24).toString('base64url');
  const meili = await startMeili({ dataDir, masterKey: key });
  const client = createMeiliClient({ url: meili.url, apiKey: key });
  const rows = [];
  try {
    for (const [oneTypo, twoTypos] of [
      [3, 7],
      [4, 8],
      [5, 9],
      [6, 10],
      [5, 12],
    ]) {
      const uid = `typos_${oneTypo}_${twoTypos}`;
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 120_000 });
      const settings = JSON.parse(JSON.stringify(PRODUCTS_INDEX_SETTINGS));
      settings.typoTolerance.minWordSizeForTypos = { oneTypo, twoTypos };
      await client.index(uid).updateSettings(settings).waitTask({ timeout: 120_000 });
      await client.index(uid).addDocuments(documents).waitTask({ timeout: 120_000 });
      let found = 0;
      let noise = 0;
      for (const [q, want] of TYPO_FINDS) {
        const { hits } = await client.index(uid).search(q, { limit: 3, attributesToRetrieve: ['id'] });
        if (hits.some((h) => h.id === want)) found += 1;
      }
      for (const [q, unwanted] of TYPO_FALSE_FRIENDS) {
        const { hits } = await client.index(uid).search(q, { limit: 5, attributesToRetrieve: ['id'] });
        if (hits.some((h) => h.id === unwanted)) noise += 1;
      }
      rows.push({ oneTypo, twoTypos, found, noise });
    }
  } finally {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

// ------------------------------------------------------------------ main
async function main() {
  console.log(
    `Search bench · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}) · Node ${process.version}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-meili-bench-'));
  const masterKey = randomBytes(24).toString('base64url');
  const stops = [];
  try {
    const meili = await startMeili({ dataDir, masterKey });
    stops.push(() => meili.stop());
    const client = createMeiliClient({ url: meili.url, apiKey: masterKey });

    const documents = syntheticDocuments(PRODUCTS);
    const report = await reindexProducts(client, documents);
    console.log(
      `\nIndex ${report.documents.toLocaleString('en')} synthetic products: ${(report.tookMs / 1000).toFixed(2)} s (new index + settings + documents + swap, every task awaited)`,
    );

    const entry = join(distDir, 'server', 'entry.mjs');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
    const port = await freePort();
    // Its own working folder: the server keeps local data (.data/) relative to it, apart from any running site.
    // Served as npm start serves it (scripts/serve.mjs: headers, compression); no background worker, no start-up
    // warm-up (the bench warms up with searches of its own).
    const site = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), entry], {
      cwd: dataDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: masterKey,
        WORKER: 'off',
        OCOP_WARM_UP: 'off',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stops.unshift(async () => {
      site.kill('SIGTERM');
      await new Promise((done) => (site.exitCode !== null ? done() : site.once('exit', done)));
    });
    const siteUrl = `http://127.0.0.1:${port}`;
    const pids = [site.pid, meili.pid];
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`${siteUrl}/api/search?q=keo`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline)
        throw new Error(`the site at ${siteUrl} did not answer /api/search with 200 within 120 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!(await isHealthy(meili.url))) throw new Error('Meilisearch is not healthy');
    // The server reads the live product routes from its database every 2 s: let it open (and, fresh, migrate) the
    // database before measuring, or that one-off work lands in the first runs.
    while (
      !(await fetch(`${siteUrl}/api/portal/replaced-slugs`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline + 180_000) throw new Error('the site did not open its database within 300 s');
      await new Promise((r) => setTimeout(r, 500));
    }

    const headers = { Authorization: `Bearer ${masterKey}`, 'Content-Type': 'application/json' };
    const viaSite = (params) => send(`${siteUrl}/api/search?${params}&lang=vi`);
    // The same multi-search the site sends for these parameters, straight to Meilisearch.
    const viaMeili = (params) => {
      const parsed = parseSearchParams(new URLSearchParams(params));
      const plan = planSearch(parsed.value);
      const body = JSON.stringify({ queries: [plan.main, ...plan.disjunctive.map((d) => d.request)] });
      return send(`${meili.url}/multi-search`, { method: 'POST', headers, body });
    };

    // Warm-up: JIT, connection pools, Meilisearch caches.
    for (const unique of [false, true]) {
      await load(4, 25, viaSite, unique);
      await load(4, 25, viaMeili, unique);
    }
    const summaries = [];
    for (const mode of MODES) summaries.push([mode, await compare(mode, pids, viaSite, viaMeili)]);
    for (const [mode, summary] of summaries) printSummary(mode, summary);
  } finally {
    agent.destroy();
    for (const stop of stops) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (process.argv.includes('--skip-typos')) return;
  const file = documentsFileIn(distDir);
  if (!file) {
    console.log('\nTypo sweep skipped: no search-documents.json in the build.');
    return;
  }
  const rows = await typoSweep(readSearchDocuments(file));
  console.log(
    `\nTypo tolerance over the real catalogue: ${TYPO_FINDS.length} misspelt queries (want the product in the top 3), ${TYPO_FALSE_FRIENDS.length} short syllables (the unrelated product must stay out of the top 5)`,
  );
  console.log('oneTypo | twoTypos | misspellings found | false friends shown');
  for (const r of rows) {
    const chosen =
      r.oneTypo === PRODUCTS_INDEX_SETTINGS.typoTolerance.minWordSizeForTypos.oneTypo &&
      r.twoTypos === PRODUCTS_INDEX_SETTINGS.typoTolerance.minWordSizeForTypos.twoTypos;
    console.log(
      `${String(r.oneTypo).padStart(7)} | ${String(r.twoTypos).padStart(8)} | ${String(`${r.found}/${TYPO_FINDS.length}`).padStart(18)} | ${String(`${r.noise}/${TYPO_FALSE_FRIENDS.length}`).padStart(19)}${chosen ? '  ← chosen' : ''}`,
    );
  }
}

main().catch((error) => {
  console.error(`bench:search failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
