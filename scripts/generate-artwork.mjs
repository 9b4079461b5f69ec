#!/usr/bin/env node
/**
 * Generates illustrative artwork for the catalogue: each product's cover.jpg and detail.jpg and each producer's
 * logos/<id>.png, drawn by scripts/lib/artwork.mjs and rasterised with sharp.
 *
 *   node scripts/generate-artwork.mjs [--content-dir DIR] [--force]
 *
 * Existing files newer than their source (index.md / producer .yaml) are kept unless --force; covers smaller than
 * 20 KB are always replaced (they are the flat placeholders the content authors start with).
 */
import { readdir, readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { productCoverSvg, productDetailSvg, producerLogoSvg } from './lib/artwork.mjs';

export { productCoverSvg, productDetailSvg, producerLogoSvg } from './lib/artwork.mjs';

const PLACEHOLDER_BYTES = 20 * 1024;

/** Rasterises an SVG string to a 1000x1000 (or given size) JPEG buffer. */
export async function renderJpeg(svg, size = 1000) {
  return sharp(Buffer.from(svg), { density: 72 })
    .resize(size, size, { fit: 'cover' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}

/** Rasterises an SVG string to a PNG buffer with transparency (metadata is not copied). */
export async function renderPng(svg, size = 256) {
  return sharp(Buffer.from(svg), { density: 72 })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}

/** Renders both product images; exported for the synthetic-catalogue bench. */
export async function renderProductImages(product) {
  const [cover, detail] = await Promise.all([
    renderJpeg(productCoverSvg(product)),
    renderJpeg(productDetailSvg(product)),
  ]);
  return { cover, detail };
}

export async function renderProducerLogo(producer) {
  return renderPng(producerLogoSvg(producer));
}

/** The YAML frontmatter of a Markdown file, or null. */
export function frontmatter(markdown) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown);
  return m ? (parseYaml(m[1]) ?? {}) : null;
}

async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

async function readYaml(file) {
  try {
    return parseYaml(await readFile(file, 'utf8')) ?? {};
  } catch (error) {
    console.warn(`! skipped ${file}: ${error.message}`);
    return null;
  }
}

async function listDir(dir) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Whether an output file needs (re)writing. */
async function isStale(outFile, sourceMtimeMs, { force, minBytes = 0 }) {
  if (force) return true;
  const s = await statOrNull(outFile);
  if (!s) return true;
  if (minBytes && s.size < minBytes) return true;
  return s.mtimeMs < sourceMtimeMs;
}

export async function generateArtwork({ contentDir, force = false, log = console.log } = {}) {
  const producersDir = path.join(contentDir, 'producers');
  const productsDir = path.join(contentDir, 'products');
  const provincesDir = path.join(contentDir, 'provinces');
  let written = 0;
  let skipped = 0;
  const rel = (f) => path.relative(process.cwd(), f) || f;

  const provinces = new Map();
  for (const entry of await listDir(provincesDir)) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const data = await readYaml(path.join(provincesDir, entry.name));
    if (data) provinces.set(entry.name.replace(/\.ya?ml$/, ''), data);
  }

  const producers = new Map();
  for (const entry of await listDir(producersDir)) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const id = entry.name.replace(/\.ya?ml$/, '');
    const file = path.join(producersDir, entry.name);
    const data = await readYaml(file);
    if (!data) continue;
    producers.set(id, data);
    const logoRel = typeof data.logo === 'string' ? data.logo : `./logos/${id}.png`;
    const out = path.resolve(producersDir, logoRel);
    if (!out.endsWith('.png')) {
      log(`! ${rel(file)}: logo ${logoRel} is not a .png; skipped`);
      continue;
    }
    const src = await stat(file);
    if (!(await isStale(out, src.mtimeMs, { force, minBytes: 2048 }))) {
      skipped++;
      continue;
    }
    await mkdir(path.dirname(out), { recursive: true });
    const png = await renderProducerLogo({ id, name: data.name ?? id, kind: data.kind });
    await writeFile(out, png);
    written++;
    log(`wrote ${rel(out)} (${Math.round(png.length / 1024)} KB)`);
  }

  for (const entry of await listDir(productsDir)) {
    if (!entry.isDirectory()) continue;
    const slug = entry.name;
    const dir = path.join(productsDir, slug);
    const indexFile = path.join(dir, 'index.md');
    const src = await statOrNull(indexFile);
    if (!src) continue;
    let data;
    try {
      data = frontmatter(await readFile(indexFile, 'utf8'));
    } catch (error) {
      log(`! skipped ${rel(indexFile)}: ${error.message}`);
      continue;
    }
    if (!data) {
      log(`! skipped ${rel(indexFile)}: no frontmatter`);
      continue;
    }
    const producer = producers.get(data.producer) ?? {};
    const provinceId = producer.province;
    const province = provinces.get(provinceId);
    const product = {
      slug,
      name: data.name ?? { vi: slug, en: slug },
      group: data.group ?? 'food',
      tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
      stars: data.certification?.stars ?? 3,
      province: provinceId,
      region: province?.region,
      provinceName: province?.name?.vi,
    };
    const outputs = [
      ['cover.jpg', productCoverSvg, PLACEHOLDER_BYTES],
      ['detail.jpg', productDetailSvg, PLACEHOLDER_BYTES],
    ];
    for (const [fileName, draw, minBytes] of outputs) {
      const out = path.join(dir, fileName);
      if (!(await isStale(out, src.mtimeMs, { force, minBytes }))) {
        skipped++;
        continue;
      }
      const jpg = await renderJpeg(draw(product));
      await writeFile(out, jpg);
      written++;
      log(`wrote ${rel(out)} (${Math.round(jpg.length / 1024)} KB)`);
    }
  }
  log(`artwork: ${written} file(s) written, ${skipped} up to date`);
  return { written, skipped };
}

function parseArgs(argv) {
  const opts = { contentDir: 'content', force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') opts.force = true;
    else if (a === '--content-dir') opts.contentDir = argv[++i];
    else if (a.startsWith('--content-dir=')) opts.contentDir = a.slice('--content-dir='.length);
    else if (a === '--help' || a === '-h') {
      console.log('Usage: node scripts/generate-artwork.mjs [--content-dir DIR] [--force]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (!opts.contentDir) {
    console.error('--content-dir needs a directory');
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  generateArtwork({ contentDir: path.resolve(opts.contentDir), force: opts.force }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
