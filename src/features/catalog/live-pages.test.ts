import { describe, expect, it } from 'vitest';
import { createLiveRoutes } from '../../../scripts/lib/live-routes.mjs';
import { LIVE_PAGE_CACHE, liveSitemapXml, parseLivePath } from './live-pages';

describe('the live product route', () => {
  it('takes a slug, or a slug with the live suffix, and nothing else', () => {
    expect(parseLivePath('keo-dua')).toBe('keo-dua');
    expect(parseLivePath('keo-dua/live')).toBe('keo-dua');
    for (const bad of [undefined, '', 'keo-dua/label', 'keo-dua/live/x', 'Keo-Dua', '../etc', '-x', 'a b'])
      expect(parseLivePath(bad), String(bad)).toBeNull();
  });

  it('lets browsers ask again every time and shared caches keep a page only seconds', () => {
    expect(LIVE_PAGE_CACHE).toMatch(/max-age=0\b/);
    expect(LIVE_PAGE_CACHE).toMatch(/s-maxage=5\b/);
  });
});

describe('routing replaced content files to the live route', () => {
  it('rewrites product paths of replaced slugs in both languages, keeps the query, leaves the rest alone', async () => {
    const routes = createLiveRoutes({ fetchSlugs: async () => ['keo-dua'] });
    routes.stop();
    expect(routes.rewrite('/products/keo-dua')).toBe('/products/keo-dua');
    await routes.refresh();
    expect(routes.rewrite('/products/keo-dua')).toBe('/products/keo-dua/live');
    expect(routes.rewrite('/products/keo-dua/')).toBe('/products/keo-dua/live');
    expect(routes.rewrite('/en/products/keo-dua?x=1')).toBe('/en/products/keo-dua/live?x=1');
    for (const url of [
      '/products/keo-dua/label',
      '/products/other',
      '/products',
      '/fr/products/keo-dua',
      '/',
    ])
      expect(routes.rewrite(url)).toBe(url);
  });

  it('keeps the last known slugs when the app cannot answer, and says so once', async () => {
    const logged: string[] = [];
    let fail = false;
    const routes = createLiveRoutes({
      fetchSlugs: async () => {
        if (fail) throw new Error('down');
        return ['keo-dua'];
      },
      log: (line) => logged.push(line),
    });
    routes.stop();
    await routes.refresh();
    fail = true;
    await routes.refresh();
    await routes.refresh();
    expect(routes.rewrite('/products/keo-dua')).toBe('/products/keo-dua/live');
    expect(logged).toHaveLength(1);
  });
});

describe('the live sitemap part', () => {
  it('lists each path in both languages with both alternates, escaped', () => {
    const xml = liveSitemapXml(new URL('https://ocop.example'), ['/products/keo-dua', '/groups/food&x']);
    expect(xml).toContain('<loc>https://ocop.example/products/keo-dua</loc>');
    expect(xml).toContain('<loc>https://ocop.example/en/products/keo-dua</loc>');
    expect(xml).toContain('hreflang="vi-VN" href="https://ocop.example/products/keo-dua"');
    expect(xml).toContain('food&amp;x');
    expect(xml.match(/<url>/g)).toHaveLength(4);
  });
});
