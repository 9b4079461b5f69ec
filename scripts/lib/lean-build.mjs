/**
 * How a large catalogue is built with less memory (docs/performance.md, "National scale"): the same `astro build`,
 * with the JavaScript heap capped and the bundler's allocator returning freed memory at once.
 * Used by `npm run build:lean` and by the build bench (`npm run bench -- --heap-mib N`).
 */

/**
 * The heap cap when none is given: 5,000 prerendered products built in it (peak 1,447 MiB), and 20,000 with product
 * pages on demand peaked at 2,015 MiB with it against 2,127+ MiB with 1,536 (docs/performance.md).
 */
export const DEFAULT_HEAP_MIB = 1024;

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
