#!/usr/bin/env node
/**
 * `npm run bench`: the project's benchmarks, in sequence, then a summary table.
 *
 * 1. Catalogue build: generates a synthetic catalogue of N products (default 10,000; `--products N` or
 *    BENCH_PRODUCTS) into a temporary folder, builds a throwaway copy of the site against it (OCOP_CONTENT_DIR),
 *    and reports wall time, pages built, pages per second and peak memory of the build's process tree
 *    (sampled from /proc, so nothing beyond Node is needed).
 * 2. Then each of scripts/bench-search.mjs, scripts/bench-checkout.mjs and scripts/bench-fairs.mjs that exists, as a
 *    child process; a missing one is listed as skipped, a failing one does not stop the others.
 *
 * Options: --products N, --only build,search,... (names: build, search, checkout, fairs), --verbose (stream the
 * build log), --heap-mib N (build as `npm run build:lean` does, heap capped at N MiB), --image-cache DIR (keep the optimised images between
 * runs), --sources HEAD (build the committed sources instead of the working tree), --on-demand (then serve the build
 * with the real server on 127.0.0.1 and measure product pages: --clients N, default 32, --requests N, default 2,000,
 * --port P, default a free one; scripts/lib/on-demand-bench.mjs). Temporary folders are always removed, also on
 * Ctrl-C. Results are also written to bench-results/catalogue-build.json (git-ignored).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  cleanTemps,
  countFiles,
  describeMachine,
  killGroup,
  machine,
  onCleanup,
  removeTemp,
  repo,
  tempDir,
  throwawayProject,
  watchMemory,
} from './lib/bench-utils.mjs';
import { leanBuildEnv, leanNodeArgs } from './lib/lean-build.mjs';
import { benchOnDemand } from './lib/on-demand-bench.mjs';
import { generateCatalogue } from './lib/synthetic-catalogue.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const products = Number(opt('products') ?? process.env.BENCH_PRODUCTS ?? 10000);
const only = (opt('only') ?? process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const verbose = args.includes('--verbose');
/** Which sources to build: the working tree (default) or a git commit such as HEAD (--sources HEAD). */
const sources = opt('sources') ?? process.env.BENCH_SOURCES ?? 'worktree';
const wanted = (name) => only.length === 0 || only.includes(name);
/**
 * --image-cache DIR keeps Astro's cache of optimised images in DIR between runs (the synthetic images are the same
 * every run), so repeated measurements of memory need not re-encode them; build times are then without encoding.
 */
const imageCache = opt('image-cache');
/**
 * --heap-mib N (or BENCH_HEAP_MIB) builds the way `npm run build:lean` does (scripts/lib/lean-build.mjs): the
 * JavaScript heap capped at N MiB and the bundler's allocator returning freed memory. Without a cap V8 lets a long
 * build's heap grow far past what it keeps alive, so the peak says more about the collector than about the build.
 */
const heapMiB = Number(opt('heap-mib') ?? process.env.BENCH_HEAP_MIB ?? 0);
/** --on-demand: after the build, product pages served by the real server at --clients clients (bounded count). */
const onDemand = args.includes('--on-demand') && {
  clients: Number(opt('clients') ?? 32),
  requests: Number(opt('requests') ?? 2000),
  port: opt('port') === undefined ? undefined : Number(opt('port')),
};

if (!Number.isInteger(products) || products < 1) {
  console.error(
    `--products must be a positive whole number, got ${opt('products') ?? process.env.BENCH_PRODUCTS}`,
  );
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Bench 1: the catalogue build
// ---------------------------------------------------------------------------------------------------------------

async function benchBuild() {
  const root = tempDir('ocop-bench-');
  const content = join(root, 'content');
  const project = join(root, 'project');
  // Output stays inside the throwaway project: the prerender bundle imports packages from its node_modules.
  const outDir = join(project, 'dist');

  console.log(
    `\n▶ catalogue build: generating ${products.toLocaleString('en')} synthetic products in ${content}`,
  );
  let t0 = performance.now();
  const catalogue = await generateCatalogue({ dir: content, products });
  const generateSeconds = (performance.now() - t0) / 1000;
  const contentSize = countFiles(content, () => true);
  console.log(
    `  ${catalogue.products} products, ${catalogue.producers} producers, ${catalogue.provinces} provinces, ${catalogue.images} shared images ` +
      `(${contentSize.n} files, ${(contentSize.bytes / 2 ** 20).toFixed(1)} MiB) in ${generateSeconds.toFixed(1)} s`,
  );

  const loadBefore = machine().load1m;
  throwawayProject(project, { withContent: false, sources });
  if (sources !== 'worktree') console.log(`  site sources from git ${sources} (not the working tree)`);
  const projectImageCache = join(project, 'node_modules/.astro/assets');
  if (imageCache && existsSync(imageCache)) {
    cpSync(imageCache, projectImageCache, { recursive: true });
    console.log(`  optimised images from the cache in ${imageCache} (build time without encoding them)`);
  }
  console.log('  building (astro build) …');
  const log = [];
  t0 = performance.now();
  if (heapMiB) console.log(`  lean build (npm run build:lean): heap capped at ${heapMiB} MiB`);
  const child = spawn(
    process.execPath,
    [
      ...(heapMiB ? leanNodeArgs(heapMiB) : []),
      join(repo, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--outDir',
      outDir,
    ],
    {
      cwd: project,
      env: {
        ...(heapMiB ? leanBuildEnv() : process.env),
        ASTRO_TELEMETRY_DISABLED: '1',
        OCOP_CONTENT_DIR: content,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so Ctrl-C can stop the whole tree
    },
  );
  const unregister = onCleanup(() => killGroup(child));
  const memory = watchMemory(child.pid);
  let lastProgress = performance.now();
  // The last lines for error reports, and every line that is not one page or one image (phase headings and
  // timings) for the phase figures; a 10,000-product build logs ~50,000 lines.
  const phases = [];
  let routes = 0;
  let imageLines = 0;
  const elapsed = () => ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
  // A chunk of output can end in the middle of a line: the rest waits for the next chunk, so that a page's line
  // is not counted as a phase line (the phase list would fill with halves of page lines on a large build).
  const partial = { stdout: '', stderr: '' };
  const onData = (stream) => (chunk) => {
    const text = chunk.toString();
    if (verbose) process.stdout.write(text);
    const lines = (partial[stream] + text).split('\n');
    partial[stream] = lines.pop() ?? '';
    for (const raw of lines) {
      const line = stripVTControlCharacters(raw).trim();
      if (!line) continue;
      log.push(line);
      if (log.length > 400) log.shift();
      const phase = BUILD_PHASES.find(([, pattern]) => pattern.test(line));
      if (phase) memory.phase(phase[0]);
      if (/├─|└─/.test(line)) routes += 1;
      else if (/▶ \/_astro\//.test(line)) imageLines += 1;
      else if (phases.length < 5000) phases.push(line);
      if (verbose) continue;
      // Enough output to show a long run is alive: phase lines, and a count every 30 s.
      const now = performance.now();
      const phaseLine =
        !/├─|└─|▶/.test(line) &&
        /\[(build|content|vite)\]|Completed in|page\(s\) built|prerendering|generating|Complete!/i.test(line);
      if (phaseLine || now - lastProgress > 30000) {
        console.log(
          `    ${elapsed()} s  ${phaseLine ? line.slice(0, 110) : `… ${routes} routes, ${imageLines} images so far`}`,
        );
        lastProgress = now;
      }
    }
  };
  child.stdout.on('data', onData('stdout'));
  child.stderr.on('data', onData('stderr'));
  const code = await new Promise((res) => child.on('close', (c) => res(c ?? 1)));
  unregister();
  const buildSeconds = (performance.now() - t0) / 1000;
  const mem = memory.stop();

  if (code !== 0) {
    console.error(
      `  astro build failed (exit ${code}); last lines of its log:\n${log.slice(-60).join('\n')}`,
    );
    return { name: 'catalogue build', ok: false, detail: `astro build exited ${code}` };
  }

  if (imageCache && existsSync(projectImageCache)) cpSync(projectImageCache, imageCache, { recursive: true });
  const html = countFiles(join(outDir, 'client'), (f) => f.endsWith('.html'));
  const images = countFiles(join(outDir, 'client/_astro'), (f) => /\.(avif|webp|jpe?g|png)$/.test(f));
  const js = countFiles(join(outDir, 'client/_astro'), (f) => f.endsWith('.js'));
  const plain = phases;
  const astroLine = plain.find((l) => /page\(s\) built in/.test(l));
  const renderSeconds = phaseSeconds(plain, /prerendering static routes|generating static routes/);
  const imageSeconds = phaseSeconds(plain, /generating optimized images/);
  const result = {
    machine: machine(),
    loadBefore: loadBefore,
    products: catalogue.products,
    producers: catalogue.producers,
    generateSeconds: +generateSeconds.toFixed(1),
    buildSeconds: +buildSeconds.toFixed(1),
    pages: html.n,
    pagesPerSecond: +(html.n / buildSeconds).toFixed(1),
    renderSeconds,
    renderPagesPerSecond: renderSeconds ? +(html.n / renderSeconds).toFixed(1) : null,
    imageSeconds,
    htmlMiB: +(html.bytes / 2 ** 20).toFixed(1),
    imageFiles: images.n,
    jsFiles: js.n,
    heapCapMiB: heapMiB || null,
    peakTreeRssMiB: Math.round(mem.treeRss / 2 ** 20),
    peakProcessHwmMiB: Math.round(mem.maxHwm / 2 ** 20),
    peakTreeRssMiBByPhase: Object.fromEntries(
      Object.entries(mem.phases).map(([name, bytes]) => [name, Math.round(bytes / 2 ** 20)]),
    ),
    memorySamples: mem.samples,
    astroReports: astroLine?.trim() ?? null,
    at: new Date().toISOString(),
  };
  try {
    mkdirSync(join(repo, 'bench-results'), { recursive: true });
    writeFileSync(join(repo, 'bench-results/catalogue-build.json'), `${JSON.stringify(result, null, 2)}\n`);
  } catch {
    // results file is a convenience only
  }

  console.log(`  ${astroLine ? `astro: ${astroLine.trim()}` : ''}`);
  console.table({
    products: { value: result.products.toLocaleString('en') },
    'pages built (.html)': { value: result.pages.toLocaleString('en') },
    'build wall time': { value: `${result.buildSeconds} s` },
    'pages per second (whole build)': { value: result.pagesPerSecond },
    'prerendering pages (astro phase)': {
      value: renderSeconds === null ? 'n/a' : `${renderSeconds} s = ${result.renderPagesPerSecond} pages/s`,
    },
    'optimising images (astro phase)': { value: imageSeconds === null ? 'n/a' : `${imageSeconds} s` },
    'peak RSS, build process tree': {
      value: `${result.peakTreeRssMiB} MiB${heapMiB ? ` (heap capped at ${heapMiB} MiB)` : ''}`,
    },
    'peak RSS (VmHWM), largest process': { value: `${result.peakProcessHwmMiB} MiB` },
    ...Object.fromEntries(
      Object.entries(result.peakTreeRssMiBByPhase).map(([name, mib]) => [
        `  peak RSS while ${name}`,
        { value: `${mib} MiB` },
      ]),
    ),
    'HTML output': { value: `${result.htmlMiB} MiB` },
    'optimised image files': { value: result.imageFiles },
    'load average before → after': {
      value: `${result.loadBefore} → ${result.machine.load1m} (${result.machine.cores} cores)`,
    },
    'catalogue generation': { value: `${result.generateSeconds} s (not in build time)` },
  });
  if (onDemand) await serveBuild(result, project, content);
  removeTemp(root);
  return {
    name: 'catalogue build',
    ok: true,
    detail: `${result.products} products → ${result.pages} pages in ${result.buildSeconds} s = ${result.pagesPerSecond} pages/s (prerender phase ${result.renderPagesPerSecond ?? 'n/a'} pages/s); peak RSS ${result.peakTreeRssMiB} MiB`,
  };
}

/** The on-demand part: product pages of the build served at `onDemand.clients` clients, added to the results. */
async function serveBuild(result, project, content) {
  console.log(
    `\n  serving the build: ${onDemand.requests} product pages at ${onDemand.clients} clients (load ${machine().load1m})`,
  );
  const served = await benchOnDemand({ project, content, ...onDemand });
  result.onDemand = { ...served, loadAfter: machine().load1m, at: new Date().toISOString() };
  writeFileSync(join(repo, 'bench-results/catalogue-build.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.table({
    'server ready after': { value: `${served.readySeconds} s` },
    'product pages p50 / p95 / p99': { value: `${served.p50Ms} / ${served.p95Ms} / ${served.p99Ms} ms` },
    'pages per second': { value: served.pagesPerSecond },
    'answers not 200': { value: `${served.failures} ${served.firstFailures.join(', ')}` },
    'peak RSS, server process tree': { value: `${served.serverPeakTreeRssMiB} MiB` },
    ...Object.fromEntries(
      Object.entries(served.serverPeakTreeRssMiBByPhase).map(([name, mib]) => [
        `  peak RSS while ${name}`,
        { value: `${mib} MiB` },
      ]),
    ),
    'RSS by process when ready (MiB)': { value: JSON.stringify(served.rssMiBWhenReady) },
    'RSS by process after serving (MiB)': { value: JSON.stringify(served.rssMiBAfterServing) },
    'load average after': { value: result.onDemand.loadAfter },
  });
}

/** The build's phases as its log announces them, for the peak memory of each. */
const BUILD_PHASES = [
  ['syncing content', /\[content\] Syncing content/],
  ['building bundles', /\[build\] Building server entrypoints/],
  ['prerendering pages', /prerendering static routes|generating static routes/],
  ['optimising images', /generating optimized images/],
  ['finishing (integrations)', /\[build\] Rearranging server assets|\[@astrojs\/sitemap\]|\[ocop-search\]/],
];

/** Seconds of an Astro build phase: the first "✓ Completed in …" after the phase's heading line. */
function phaseSeconds(lines, heading) {
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return null;
  for (const line of lines.slice(start + 1)) {
    const m = /✓ Completed in (?:(\d+)m\s*)?(?:([\d.]+)s|(\d+)ms)/.exec(line);
    if (m) return +(Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 1000).toFixed(1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Other benches, each its own script
// ---------------------------------------------------------------------------------------------------------------

function benchScript(name) {
  const script = join(repo, `scripts/bench-${name}.mjs`);
  if (!existsSync(script)) {
    console.log(`\n▶ ${name}: scripts/bench-${name}.mjs does not exist; skipped`);
    return { name, ok: true, skipped: true, detail: 'skipped (no script)' };
  }
  console.log(`\n▶ ${name}: node scripts/bench-${name}.mjs`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [script], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_PRODUCTS: String(products) },
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const ok = run.status === 0;
  return {
    name,
    ok,
    detail: ok
      ? `passed in ${seconds} s (figures above)`
      : `FAILED (exit ${run.status ?? run.signal}) after ${seconds} s`,
  };
}

// ---------------------------------------------------------------------------------------------------------------

const m = machine();
console.log(`OCOP Market benchmarks on ${describeMachine(m)}`);

const results = [];
if (wanted('build')) {
  try {
    results.push(await benchBuild());
  } catch (error) {
    console.error(error);
    results.push({ name: 'catalogue build', ok: false, detail: `error: ${error.message}` });
  }
}
for (const name of ['search', 'checkout', 'fairs']) if (wanted(name)) results.push(benchScript(name));

cleanTemps();
console.log(`\nSummary (${m.cores} cores, ${m.ramGiB} GiB, ${m.cpu}, Node ${m.node})`);
console.table(
  Object.fromEntries(
    results.map((r) => [
      r.name,
      { result: r.ok ? (r.skipped ? 'skipped' : 'ok') : 'FAILED', detail: r.detail },
    ]),
  ),
);
process.exit(results.every((r) => r.ok) ? 0 : 1);
