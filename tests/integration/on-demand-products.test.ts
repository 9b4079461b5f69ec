/**
 * A catalogue larger than OCOP_PRERENDER_PRODUCTS_MAX: a throwaway copy of the site is built on the fixture catalogue
 * with the limit at 0, so no product page is prerendered, and served by the real server (scripts/start.mjs), which
 * renders each product page on demand with the same page, story and images as a prerendered one.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/lib/site-server.mjs';
import { LIVE_PAGE_CACHE } from '../../src/features/catalog/live-pages';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'ocop-on-demand-'));
let server: Awaited<ReturnType<typeof startServer>> | undefined;

beforeAll(async () => {
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, f), join(dir, f));
  for (const folder of ['src', 'integrations', 'public', 'scripts'])
    if (existsSync(join(repo, folder))) cpSync(join(repo, folder), join(dir, folder), { recursive: true });
  // Each package linked on its own: Astro keeps a content cache in node_modules/.astro, private to this copy.
  mkdirSync(join(dir, 'node_modules'));
  for (const pkg of readdirSync(join(repo, 'node_modules'))) {
    if (pkg !== '.astro') symlinkSync(join(repo, 'node_modules', pkg), join(dir, 'node_modules', pkg));
  }
  cpSync(join(repo, 'tests/fixtures/content'), join(dir, 'content'), { recursive: true });
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OCOP_CONTENT_DIR: join(dir, 'content') };
  await run(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...env, OCOP_PRERENDER_PRODUCTS_MAX: '0' },
  });
  // ON_DEMAND_TEST_PORT pins the port (a shared machine's block); by default a free one.
  const port = Number(process.env.ON_DEMAND_TEST_PORT) || undefined;
  server = await startServer(dir, { OCOP_CONTENT_DIR: join(dir, 'content') }, { port });
}, 900_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('product pages of a catalogue too large to prerender', () => {
  it('builds no product page', () => {
    expect(existsSync(join(dir, 'dist/client/products/tom-kho-mau'))).toBe(false);
    expect(existsSync(join(dir, 'dist/client/en/products/tom-kho-mau'))).toBe(false);
  });

  it('renders each on demand in both languages, with its story, the original images and a short shared cache', async () => {
    const pages = [
      { path: '/products/tom-kho-mau', name: 'Tôm khô mẫu', story: 'Câu chuyện mẫu.' },
      { path: '/en/products/tom-kho-mau', name: 'Sample dried shrimp', story: 'A sample story.' },
    ];
    for (const page of pages) {
      const res = await fetch(server!.base + page.path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(LIVE_PAGE_CACHE);
      const html = await res.text();
      expect(html).toContain(page.name);
      expect(html).toMatch(new RegExp(`<section class="story prose"[^>]*>.*<p>${page.story}</p>`, 's'));
      // The build's original image, not one astro:assets would resize on every request.
      expect(html).toMatch(
        /<img src="\/_astro\/cover\.[\w-]+\.jpg"[^>]*alt="(Túi tôm khô|A bag of dried shrimp)"/,
      );
    }
  });

  it('answers 404 for a product that does not exist', async () => {
    const res = await fetch(`${server!.base}/products/khong-co-san-pham-nay`);
    expect(res.status).toBe(404);
  });

  it('lists the product pages in the sitemap of what is rendered on demand', async () => {
    const xml = await (await fetch(`${server!.base}/sitemap-live.xml`)).text();
    expect(xml).toContain('/products/tom-kho-mau</loc>');
    expect(xml).toContain('/en/products/tom-kho-mau</loc>');
  });
});
