/**
 * How a large catalogue is built with less memory (docs/performance.md, "National scale"): the same `astro build`,
 * with the JavaScript heap capped and the bundler's allocator returning freed memory at once.
 * Used by `npm run build:lean` and by the build bench (`npm run bench -- --heap-mib N`).
 */

/**
 * The heap cap when none is given: 5,000 products kept at most 420 MB alive (while prerendering); 20,000 ran out of
 * it while prerendering (docs/performance.md).
 */
export const DEFAULT_HEAP_MIB = 1536;

/** Node's arguments for a build whose heap is capped at `heapMiB`. */
export function leanNodeArgs(heapMiB = DEFAULT_HEAP_MIB) {
  return [`--max-old-space-size=${heapMiB}`];
}

/**
 * The environment of a lean build. Rolldown (Vite's bundler, native code) allocates with mimalloc, which by
 * default keeps freed pages for later: after bundling, ~0.5 GB of a 5,000-product build stayed resident through
 * prerendering. A purge delay of 0 returns them to the system as they are freed.
 */
export function leanBuildEnv(env = process.env) {
  return { ...env, MIMALLOC_PURGE_DELAY: '0' };
}
