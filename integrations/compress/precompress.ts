/**
 * Writes the precompressed copies of a build's static files (see ./index.ts). Two files at a time: the build
 * machine has few cores and brotli at its best quality is the slow part.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
  brotliQualityFor,
  ENCODINGS,
  ENCODING_SUFFIX,
  keepCompressed,
  worthPrecompressing,
  type Encoding,
} from '../../src/lib/boundary/compression.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESS: Record<Encoding, (data: Buffer, quality: number) => Promise<Buffer>> = {
  br: (data, quality) =>
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

export interface PrecompressSummary {
  files: number;
  originalBytes: number;
  brotliBytes: number;
  gzipBytes: number;
  /** The brotli quality used (brotliQualityFor the bytes to compress). */
  brotliQuality: number;
}

/** Compresses one file into its copies; a stale copy that no longer saves enough is removed. */
async function precompressFile(path: string, summary: PrecompressSummary): Promise<void> {
  const data = await readFile(path);
  summary.files += 1;
  summary.originalBytes += data.length;
  for (const encoding of ENCODINGS) {
    const compressed = await COMPRESS[encoding](data, summary.brotliQuality);
    const target = path + ENCODING_SUFFIX[encoding];
    const kept = keepCompressed(data.length, compressed.length);
    if (kept) await writeFile(target, compressed);
    else await rm(target, { force: true });
    const size = kept ? compressed.length : data.length;
    if (encoding === 'br') summary.brotliBytes += size;
    else summary.gzipBytes += size;
  }
}

/** Precompresses every file of `folder` (recursively) worth it. */
export async function precompressFolder(folder: string, concurrency = 2): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = {
    files: 0,
    originalBytes: 0,
    brotliBytes: 0,
    gzipBytes: 0,
    brotliQuality: zlib.constants.BROTLI_MAX_QUALITY,
  };
  const names = (await readdir(folder, { recursive: true })).map(String);
  const queue: string[] = [];
  let queuedBytes = 0;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    if (info.isFile() && worthPrecompressing(name, info.size)) {
      queue.push(path);
      queuedBytes += info.size;
    }
  }
  summary.brotliQuality = brotliQualityFor(queuedBytes);
  const worker = async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) await precompressFile(path, summary);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summary;
}
