#!/usr/bin/env node
/**
 * Screenshots pages at phone (360 px) and desktop (1280 px) widths for a visual review:
 *   node scripts/screenshot.mjs http://127.0.0.1:4321 /path/one /en/path/two [--out DIR]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : '/tmp/shots';
const [base, ...paths] = args;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 } });
  for (const path of paths) {
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
    const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
