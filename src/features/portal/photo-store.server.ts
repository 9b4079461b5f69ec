/**
 * Where listing photos are kept, behind one small interface. The default keeps them in a local folder,
 * `${DATA_DIR}/photos`: `public/` holds the sizes the site serves, `private/` the cleaned masters, which no route
 * serves. With several servers the same interface is implemented over an S3-compatible object store (see
 * docs/portal.md); nothing else changes.
 */
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parsePhotoKey, PHOTO_URL_PREFIX } from './photos.ts';

export interface PhotoStore {
  /** Stores a file under `key` (see photoKey in ./photos.ts), replacing one that is there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none (or the key is not one of ours). */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The address a browser loads a public file from; null for a private file (never served). */
  url(key: string): string | null;
}

/** The photo folder inside the data folder. */
export function photoRoot(dataDir: string): string {
  return join(dataDir, 'photos');
}

/**
 * Photos in a local folder. `urlPrefix` is where the site serves `<root>/public` (one server only: another server
 * would not have the files).
 */
export function createLocalPhotoStore(options: { root: string; urlPrefix?: string }): PhotoStore {
  const { root, urlPrefix = PHOTO_URL_PREFIX } = options;
  const pathOf = (key: string): string | null => {
    const parsed = parsePhotoKey(key);
    return parsed ? join(root, parsed.area, parsed.photoId, parsed.file) : null;
  };
  const mustPath = (key: string): string => {
    const path = pathOf(key);
    if (!path) throw new Error(`not a photo key: ${JSON.stringify(key)}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = mustPath(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      const temp = `${path}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(key) {
      const path = pathOf(key);
      if (!path) return null;
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const path = mustPath(key);
      await rm(path, { force: true });
      // The photo's folder goes with its last file.
      await rmdir(dirname(path)).catch(() => {});
    },
    url(key) {
      const parsed = parsePhotoKey(key);
      if (!parsed || parsed.area !== 'public') return null;
      return `${urlPrefix}/${parsed.photoId}/${parsed.file}`;
    },
  };
}
