/**
 * A hostile story in a content file renders inert: a throwaway copy of the site is built with Astro on the fixture
 * catalogue whose product story carries a <script>, an onerror attribute, an <iframe> and javascript: links (in
 * Markdown and in raw HTML); the built product pages carry none of them as markup, keep the story's real formatting,
 * and run no script when Chromium opens them.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/lib/chromium.mjs';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'ocop-hostile-'));

/** The site's sources with the fixture catalogue, its product story replaced by the hostile one. */
function project(): void {
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, f), join(dir, f));
  for (const folder of ['src', 'integrations', 'public'])
    if (existsSync(join(repo, folder))) cpSync(join(repo, folder), join(dir, folder), { recursive: true });
  // Each package linked on its own: Astro keeps a content cache in node_modules/.astro, private to this copy.
  mkdirSync(join(dir, 'node_modules'));
  for (const pkg of readdirSync(join(repo, 'node_modules'))) {
    if (pkg !== '.astro') symlinkSync(join(repo, 'node_modules', pkg), join(dir, 'node_modules', pkg));
  }
  cpSync(join(repo, 'tests/fixtures/content'), join(dir, 'content'), { recursive: true });
  cpSync(join(repo, 'tests/fixtures/hostile-story'), join(dir, 'content'), { recursive: true });
}

/** Every built HTML file under `folder` whose path ends with `suffix`. */
function builtPages(folder: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.html') && path.endsWith(suffix)) found.push(path);
  }
  return found;
}

let pages: string[] = [];

beforeAll(async () => {
  project();
  await run(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OCOP_CONTENT_DIR: join(dir, 'content') },
  });
  pages = builtPages(join(dir, 'dist'), join('products', 'tom-kho-mau', 'index.html'));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a hostile product story', () => {
  it('builds both product pages with the story formatting kept and no live markup from it', () => {
    // The Vietnamese page and the English one.
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html).toMatch(/<strong>(chữ đậm|bold)<\/strong>/);
      expect(html).toMatch(/<a href="https:\/\/example\.com\/(bai-bao|article)">/);
      expect(html).not.toContain('__pwned');
      expect(html).not.toMatch(/<iframe/i);
      expect(html).not.toMatch(/\sonerror=/i);
      expect(html).not.toMatch(/\sonload=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toContain('evil.example');
    }
  });

  it('runs no script from the story when Chromium opens the pages', async () => {
    const browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: CHROMIUM_FLAGS,
    });
    try {
      for (const page of pages) {
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        // The javascript: link is left as plain text: no longer a link, and clicking it runs nothing.
        const name = /Nhấn vào đây|Click here/;
        expect(await tab.getByRole('link', { name }).count()).toBe(0);
        await tab.getByText(name).click();
        expect(await tab.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await tab.locator('iframe').count()).toBe(0);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  });
});
