#!/usr/bin/env node
/**
 * `npm run build:lean [-- astro build options]`: `astro build` for a large catalogue, with less memory
 * (scripts/lib/lean-build.mjs). OCOP_BUILD_HEAP_MIB sets the heap cap (default 1024).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HEAP_MIB, leanBuildEnv, leanNodeArgs } from './lib/lean-build.mjs';

const heapMiB = Number(process.env.OCOP_BUILD_HEAP_MIB ?? DEFAULT_HEAP_MIB);
if (!Number.isInteger(heapMiB) || heapMiB < 256) {
  console.error(
    `OCOP_BUILD_HEAP_MIB must be a whole number of MiB, at least 256; got ${process.env.OCOP_BUILD_HEAP_MIB}`,
  );
  process.exit(2);
}
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const child = spawn(process.execPath, [...leanNodeArgs(heapMiB), astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: leanBuildEnv(),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
