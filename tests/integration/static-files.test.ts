/**
 * The build's file server (scripts/lib/static-files.mjs) over real HTTP, with an app behind it as scripts/serve.mjs
 * has: which path names which file, what it refuses, validators, HEAD, and each page's own headers.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticFiles } from '../../scripts/lib/static-files.mjs';

const page = '<!doctype html><title>Sản phẩm</title>';
const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc'";
const APP = 'rendered by the app';

let root: string;
let server: http.Server;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ocop-static-'));
  const dir = join(root, 'client');
  for (const folder of ['_astro', 'en/products/keo-dua', '.well-known', '.git'])
    mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the client folder');
  writeFileSync(join(dir, '.env'), 'AUTH_SECRET=x');
  writeFileSync(join(dir, '.git', 'config'), '[core]');
  writeFileSync(join(dir, '.well-known', 'security.txt'), 'Contact: mailto:security@example.com');
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'en', 'products', 'keo-dua', 'index.html'), page);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
  writeFileSync(join(dir, 'favicon.svg'), svg);
  writeFileSync(join(dir, '_astro', 'cover.Ef3.avif'), Buffer.alloc(2048, 1));
  const pageHeaders = new Map([
    ['/en/products/keo-dua', [{ key: 'Content-Security-Policy', value: POLICY }]],
  ]);
  const serveStatic = createStaticFiles(dir, { pageHeaders });
  server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', 'baseline');
    if (serveStatic(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(APP);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent exactly as written (no client-side normalising of `..`). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on('error', reject)
      .end();
  });
}

describe('which path names which file', () => {
  it('serves a page folder with or without its slash or index.html, with the page’s own policy', async () => {
    for (const path of [
      '/en/products/keo-dua',
      '/en/products/keo-dua/',
      '/en/products/keo-dua/index.html?x=1',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.body).toBe(page);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe(POLICY);
      expect(answer.headers['cache-control']).toBe('public, max-age=0');
    }
    const home = await get('/');
    expect(home.body).toBe(page);
    expect(home.headers['content-security-policy']).toBe('baseline');
  });
  it('serves files by type, hashed assets immutable, .well-known but no other hidden name', async () => {
    const icon = await get('/favicon.svg?v=2');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.body).toBe(svg);
    const image = await get('/_astro/cover.Ef3.avif');
    expect(image.headers['content-type']).toBe('image/avif');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.headers['content-length']).toBe('2048');
    expect((await get('/.well-known/security.txt')).status).toBe(200);
  });
  it('leaves to the app what names no file, and never serves outside the folder or a hidden file', async () => {
    for (const path of [
      '/api/search?q=keo',
      '/en/products/other',
      '/_astro',
      '/_astro/',
      '/robots.txt/',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/en/..%2f..%2fsecret.txt',
      '/.env',
      '/.git/config',
      '/%2Eenv',
      '/%E0%A4%A',
    ]) {
      const answer = await get(path);
      expect(answer.body, path).toBe(APP);
      expect(answer.status, path).toBe(404);
    }
  });
  it('serves GET and HEAD only: other methods go to the app', async () => {
    expect((await get('/robots.txt', {}, 'POST')).body).toBe(APP);
    const head = await get('/robots.txt', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('13');
    expect(head.body).toBe('');
  });
});

describe('validators', () => {
  it('answers 304 to a matching ETag or a date not before the file’s', async () => {
    const first = await get('/robots.txt');
    expect(first.headers.etag).toMatch(/^W\/"d-[0-9a-f]+"$/);
    expect(first.headers['last-modified']).toBe(
      statSync(join(root, 'client', 'robots.txt')).mtime.toUTCString(),
    );
    const byTag = await get('/robots.txt', { 'If-None-Match': first.headers.etag! });
    expect(byTag.status).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(first.headers.etag);
    const byDate = await get('/robots.txt', { 'If-Modified-Since': first.headers['last-modified']! });
    expect(byDate.status).toBe(304);
    const changed = await get('/robots.txt', { 'If-None-Match': 'W/"d-1"' });
    expect(changed.status).toBe(200);
    expect(changed.body).toBe('User-agent: *');
  });
  it('sends the whole file for a Range request, without advertising ranges', async () => {
    const answer = await get('/robots.txt', { Range: 'bytes=0-3' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('User-agent: *');
    expect(answer.headers['accept-ranges']).toBeUndefined();
  });
});
