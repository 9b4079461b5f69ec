import { describe, expect, it } from 'vitest';
import { createLiveRoutes } from '../../scripts/lib/live-routes.mjs';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live routes', () => {
  it('asks for the replaced slugs only once started (after the server listens), then keeps asking', async () => {
    let asked = 0;
    const logged: string[] = [];
    const routes = createLiveRoutes({
      fetchSlugs: async () => {
        asked += 1;
        return ['keo-dua-file'];
      },
      intervalMs: 10,
      log: (line: string) => logged.push(line),
    });
    await wait(60);
    expect(asked).toBe(0);
    expect(routes.rewrite('/products/keo-dua-file')).toBe('/products/keo-dua-file');

    await routes.start();
    expect(routes.rewrite('/en/products/keo-dua-file?x=1')).toBe('/en/products/keo-dua-file/live?x=1');
    expect(routes.rewrite('/products/keo-dua-file/label')).toBe('/products/keo-dua-file/label');
    await wait(60);
    routes.stop();
    expect(asked).toBeGreaterThan(1);
    expect(logged).toEqual([]);
  });
});
