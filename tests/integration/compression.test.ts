/**
 * The server's compression over real HTTP, wired as scripts/serve.mjs wires it: a client folder precompressed by the
 * build's integration and served by scripts/lib/static-files.mjs, and an on-demand handler behind the streaming
 * compression of scripts/lib/compress.mjs. Every body is decompressed and compared with the original.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../integrations/compress/precompress';
import { createCompression } from '../../scripts/lib/compress.mjs';
import { createStaticFiles } from '../../scripts/lib/static-files.mjs';

const page = `<!doctype html><html><body>${'<p>Kẹo dừa Bến Tre, tôm khô Cà Mau. </p>'.repeat(200)}</body></html>`;
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `từ-${i % 37}`))};`;
const json = JSON.stringify({
  hits: Array.from({ length: 100 }, (_, i) => ({ id: i, name: 'Mận hậu Sơn La' })),
});
const png = Buffer.alloc(4096, 7);

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocop-compress-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', 'index.html'), page);
  writeFileSync(join(dir, '_astro', 'page.Ab1.js'), script);
  writeFileSync(join(dir, '_astro', 'tiny.Cd2.js'), 'export {};');
  writeFileSync(join(dir, '_astro', 'cover.Ef3.png'), png);
  const summary = await precompressFolder(dir);
  expect(summary.files).toBe(2);

  const serveStatic = createStaticFiles(dir);
  const compress = createCompression();
  // Stands in for the app: on-demand pages and JSON written in pieces.
  const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(json);
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write(page.slice(0, 1000));
    setTimeout(() => res.end(page.slice(1000)), 5);
    return undefined;
  };
  server = http.createServer((req, res) => {
    if (!serveStatic(req, res)) compress(req, res, () => next(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject)
      .end();
  });
}

function decoded({ headers, body }: Answer): string {
  if (headers['content-encoding'] === 'br') return zlib.brotliDecompressSync(body).toString();
  if (headers['content-encoding'] === 'gzip') return zlib.gunzipSync(body).toString();
  expect(headers['content-encoding']).toBeUndefined();
  return body.toString();
}

describe('precompressed static files', () => {
  it('sends brotli, gzip or the original as the request allows, with Vary and the same bytes', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['', undefined],
    ] as const) {
      const answer = await get('/_astro/page.Ab1.js', accept ? { 'Accept-Encoding': accept } : {});
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decoded(answer)).toBe(script);
      if (encoding) {
        expect(answer.body.length).toBeLessThan(script.length / 3);
        expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
        expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      }
    }
  });
  it('marks hashed assets immutable and pages as revalidated', async () => {
    const asset = await get('/_astro/page.Ab1.js', { 'Accept-Encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/en', '/en/', '/en/index.html']) {
      const html = await get(path, { 'Accept-Encoding': 'br' });
      expect(html.headers['content-encoding']).toBe('br');
      expect(html.headers['cache-control']).toBe('public, max-age=0');
      expect(decoded(html)).toBe(page);
    }
  });
  it('answers a revalidation with 304 and a HEAD without a body', async () => {
    const first = await get('/_astro/page.Ab1.js', { 'Accept-Encoding': 'br' });
    const again = await get('/_astro/page.Ab1.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const gz = await get('/_astro/page.Ab1.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': first.headers.etag!,
    });
    expect(gz.status).toBe(200);
    const head = await get('/_astro/page.Ab1.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.body.length).toBe(0);
  });
  it('leaves images and tiny files as they are', async () => {
    const image = await get('/_astro/cover.Ef3.png', { 'Accept-Encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
    const tiny = await get('/_astro/tiny.Cd2.js', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};');
  });
});

describe('on-demand responses', () => {
  it('streams brotli or gzip for pages and JSON, and nothing without Accept-Encoding', async () => {
    for (const path of ['/account', '/api/search?q=mận']) {
      const original = path === '/account' ? page : json;
      for (const [accept, encoding] of [
        ['br, gzip', 'br'],
        ['gzip', 'gzip'],
        ['', undefined],
      ] as const) {
        const answer = await get(encodeURI(path), accept ? { 'Accept-Encoding': accept } : {});
        expect(answer.headers['content-encoding']).toBe(encoding);
        expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
        expect(decoded(answer)).toBe(original);
        if (encoding) expect(answer.body.length).toBeLessThan(original.length / 3);
      }
    }
  });
});
