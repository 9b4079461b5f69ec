/**
 * The server's warm-up (scripts/lib/warm-up.mjs): it sends its requests through the real listener, one after the
 * other, and a slow or failing backend costs at most the deadline, never the start.
 */
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { warmUp, WARM_UP_PATHS } from '../../scripts/lib/warm-up.mjs';

describe('warmUp', () => {
  it('sends each warm-up request through the listener and reports its status', async () => {
    const seen: string[] = [];
    const listener: http.RequestListener = (req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(req.url === '/account' ? 302 : 200, { Location: '/sign-in' });
      res.end('ok');
    };
    const results = await warmUp(listener);
    expect(seen).toEqual(WARM_UP_PATHS);
    expect(WARM_UP_PATHS.some((p) => p.startsWith('/api/search'))).toBe(true);
    expect(results.map((r) => r.status)).toEqual(WARM_UP_PATHS.map((p) => (p === '/account' ? 302 : 200)));
  });

  it('gives up on a request that hangs at the deadline, logs it, and goes on', async () => {
    const lines: string[] = [];
    const listener: http.RequestListener = (req, res) => {
      if (req.url === '/hang') return; // never answers
      res.end('ok');
    };
    const results = await warmUp(listener, {
      paths: ['/hang', '/after'],
      timeoutMs: 300,
      log: (l: string) => lines.push(l),
    });
    expect(typeof results[0]?.status).toBe('string');
    expect(lines[0]).toMatch(/^\[warm-up\] \/hang: /);
    expect(results[1]?.path).toBe('/after');
  });
});
