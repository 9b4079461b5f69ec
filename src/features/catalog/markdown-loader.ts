/**
 * Build-time loader of the products' Markdown files (content/products/<slug>/index.md, en.md). Like Astro's glob
 * loader it validates each file's frontmatter with the collection's schema (bad content fails the build naming the
 * file and the field); unlike it, it renders nothing and may leave the body out (stories are read from their files
 * and rendered with their page, stories.server.ts), and it writes the store in one synchronous batch
 * once every file is read and valid: Astro saves its store 500 ms after the last write, so the store is serialised
 * once instead of on each pause of a long sync (docs/performance.md, "National scale").
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

export interface MarkdownFilesOptions {
  /** The folder with one folder per entry (the entry's id), relative to the project root. */
  base: string;
  /** The Markdown file of each entry folder, e.g. index.md. */
  file: string;
  /** Files every entry folder must also have; a missing one fails the load, naming it. */
  siblings?: readonly { file: string; why: string }[];
  /** Keep the Markdown body in the store (default); stories are read from their files instead (stories.server.ts). */
  keepBody?: boolean;
}

/** The part of Astro's Markdown entry type used here (passed to loaders, though not in the public type). */
interface EntryType {
  getEntryInfo(input: {
    contents: string;
    fileUrl: URL;
  }): Promise<{ data: Record<string, unknown>; body?: string }>;
}

interface Read {
  id: string;
  path: string;
  contents: string;
}

/** Reads at most `limit` files at a time, keeping the folder order. */
async function readAll(paths: { id: string; path: string }[], limit = 32): Promise<Read[]> {
  const out: Read[] = new Array(paths.length);
  let next = 0;
  async function worker() {
    while (next < paths.length) {
      const i = next++;
      out[i] = { ...paths[i]!, contents: await readFile(paths[i]!.path, 'utf8') };
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, paths.length) }, worker));
  return out;
}

/** The entries' files, in id order; fails on an entry folder without a required sibling. */
function entryFiles(options: MarkdownFilesOptions, root: string): { id: string; path: string }[] {
  const base = resolve(root, options.base);
  if (!existsSync(base)) return [];
  const ids = readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, options.file)))
    .map((d) => d.name)
    .sort();
  for (const id of ids) {
    for (const sibling of options.siblings ?? []) {
      if (!existsSync(join(base, id, sibling.file))) {
        const path = relative(root, join(base, id, sibling.file))
          .split(sep)
          .join('/');
        throw new Error(`${path} is missing: ${sibling.why}`);
      }
    }
  }
  return ids.map((id) => ({ id, path: join(base, id, options.file) }));
}

async function loadAll(context: LoaderContext, options: MarkdownFilesOptions): Promise<void> {
  const { store, parseData, generateDigest, config } = context;
  const root = fileURLToPath(config.root);
  const entryType = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes?.get(
    '.md',
  );
  if (!entryType) throw new Error('Astro passed no Markdown entry type to the content loader');
  const files = await readAll(entryFiles(options, root));
  const entries = [];
  for (const { id, path, contents } of files) {
    const digest = generateDigest(contents);
    const filePath = relative(root, path).split(sep).join('/');
    const existing = store.get(id);
    // An unchanged file keeps its entry (the store skips a write with the same digest).
    if (existing?.digest === digest && existing.filePath === filePath) continue;
    const { data, body } = await entryType.getEntryInfo({ contents, fileUrl: pathToFileURL(path) });
    const parsed = await parseData({ id, data, filePath: path });
    entries.push({ id, data: parsed, body: options.keepBody === false ? undefined : body, filePath, digest });
  }
  // One synchronous batch: no await between the writes, so the store's debounced save runs once after them.
  const ids = new Set(files.map((f) => f.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
}

/** A collection loader of one Markdown file per entry folder (see the top of this file). */
export function markdownFiles(options: MarkdownFilesOptions): Loader {
  return {
    name: 'ocop-markdown-files',
    async load(context) {
      await loadAll(context, options);
      const { watcher, logger } = context;
      if (!watcher) return;
      // In development, any change to an entry's file reloads the collection (the unchanged files are skipped).
      const base = resolve(fileURLToPath(context.config.root), options.base);
      watcher.add(base);
      const reload = (path: string) => {
        if (!path.startsWith(base + sep) || !path.endsWith(sep + options.file)) return;
        loadAll(context, options).catch((error: unknown) =>
          logger.error(error instanceof Error ? error.message : String(error)),
        );
      };
      for (const event of ['add', 'change', 'unlink']) watcher.on(event, reload);
    },
  };
}
