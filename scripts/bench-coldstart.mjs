#!/usr/bin/env node
/**
 * `npm run bench:coldstart`: how long the first search takes after `npm start` answers, against a warm one, on a
 * fresh data folder and on the same folder started again (existing database and index). Each case runs with the
 * warm-up (scripts/lib/warm-up.mjs, the default) and without it (OCOP_WARM_UP=off, as before), serving the build
 * in dist/. Prints the time to ready, the first search, the median of 10 warm searches and first ÷ warm.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, repo, tempDir } from './lib/bench-utils.mjs';
import { startServer } from './lib/site-server.mjs';

if (!existsSync(join(repo, 'dist/server/entry.mjs'))) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}

// None of these is a warm-up search (scripts/lib/warm-up.mjs asks for "keo dua", "kẹo dừa"): the site keeps an identical
// search's answer for 2 s, and the first search here must be a real one.
const QUERIES = [
  'tôm khô',
  'mận',
  'chè',
  'nuoc mam',
  'ca phe',
  'mật ong',
  'bánh',
  'trà',
  'muối',
  'gạo',
  'dừa',
];

async function timed(url) {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(dataDir, warmUp) {
  const started = performance.now();
  const server = await startServer(repo, { DATA_DIR: dataDir, OCOP_WARM_UP: warmUp ? 'on' : 'off' });
  const ready = performance.now() - started;
  try {
    const search = (q) => `${server.base}/api/search?lang=vi&q=${encodeURIComponent(q)}`;
    const first = await timed(search(QUERIES[0]));
    const warm = [];
    for (const q of QUERIES.slice(1)) warm.push(await timed(search(q)));
    return { ready, first, warm: median(warm) };
  } finally {
    await server.stop();
  }
}

console.log(`First search after npm start vs warm, on ${describeMachine()}`);
const rows = {};
for (const warmUp of [false, true]) {
  const dataDir = join(tempDir('ocop-coldstart-'), 'data');
  for (const folder of ['fresh', 'existing']) {
    const r = await measure(dataDir, warmUp);
    rows[`${folder} data folder, warm-up ${warmUp ? 'on' : 'off'}`] = {
      'ready s': +(r.ready / 1000).toFixed(1),
      'first search ms': Math.round(r.first),
      'warm search ms (median of 10)': +r.warm.toFixed(1),
      'first ÷ warm': +(r.first / r.warm).toFixed(2),
    };
    console.log(`  ${folder}, warm-up ${warmUp ? 'on' : 'off'}: done`);
  }
}
console.table(rows);
const failing = Object.entries(rows).filter(([name, r]) => name.endsWith('on') && r['first ÷ warm'] > 2);
if (failing.length) {
  console.error(`First search slower than 2× warm: ${failing.map(([name]) => name).join('; ')}`);
  process.exit(1);
}
console.log('With the warm-up, the first search is within 2× of a warm one on both data folders.');
