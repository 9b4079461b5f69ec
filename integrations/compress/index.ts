/**
 * ocop-compress: after `astro build`, writes a brotli (`.br`, best quality; faster above 32 MB in all) and a gzip (`.gz`, level 9) copy next
 * to every static file that compresses (HTML, JS, CSS, SVG, JSON, XML, text) and is not tiny, keeping a copy only
 * when it saves enough. scripts/serve.mjs sends them to browsers that accept them (scripts/lib/compress.mjs).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { precompressFolder } from './precompress.ts';

export default function ocopCompress(): AstroIntegration {
  return {
    name: 'ocop-compress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await precompressFolder(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${summary.files} files precompressed in ${seconds} s: ${Math.round(summary.originalBytes / 1024)} KB → ` +
            `${Math.round(summary.brotliBytes / 1024)} KB brotli (quality ${summary.brotliQuality}), ` +
            `${Math.round(summary.gzipBytes / 1024)} KB gzip`,
        );
      },
    },
  };
}
