/**
 * Helpers shared by the bench scripts: temporary folders that are always removed, a throwaway copy of the site
 * (so a bench build never touches the real dist/ or Astro's cache), machine facts, and process-tree memory from /proc.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Temporary folders, removed on exit and on Ctrl-C
// ---------------------------------------------------------------------------------------------------------------

const temps = new Set();
const cleanups = new Set();

export function tempDir(prefix) {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  temps.add(dir);
  return dir;
}

export function removeTemp(dir) {
  rmSync(dir, { recursive: true, force: true });
  temps.delete(dir);
}

export function cleanTemps() {
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  temps.clear();
}

/** Runs `fn` synchronously on exit or signal (e.g. to kill a child process group). Returns an unregister function. */
export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

process.on('exit', cleanTemps);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanTemps();
    process.exit(130);
  });
}

/** Kills a detached child's whole process group (falls back to the child alone). */
export function killGroup(child, signal = 'SIGTERM') {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------------------------

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    /** 1-minute load average when measured: other work on the machine slows a bench down. */
    load1m: +os.loadavg()[0].toFixed(2),
  };
}

export function describeMachine(m = machine()) {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os} (load average ${m.load1m})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Throwaway project
// ---------------------------------------------------------------------------------------------------------------

const NOT_COPIED = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  '.data',
  'tests',
  'test-results',
  'playwright-report',
  'bench-results',
  '.tmp',
  'docs',
]);

/**
 * Copies the site's sources into `dir` (content too unless `withContent` is false) and links each package of
 * node_modules one by one: Astro and Vite keep caches in node_modules/.astro and node_modules/.vite, which must
 * stay private to the copy (other builds may run in the real checkout at the same time).
 * `reuseImageCache` copies the real project's cache of optimised images (speeds up a build of the real catalogue).
 * `sources: 'HEAD'` (or any commit) takes the files from git instead of the working tree (read-only `git archive`),
 * for when the working tree is in the middle of an edit that does not build.
 */
export function throwawayProject(
  dir,
  { withContent = true, sources = 'worktree', reuseImageCache = false } = {},
) {
  mkdirSync(dir, { recursive: true });
  if (sources && sources !== 'worktree') {
    const tar = execFileSync('git', ['-C', repo, 'archive', '--format=tar', sources], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    for (const entry of readdirSync(dir)) {
      if (NOT_COPIED.has(entry) || (!withContent && entry === 'content'))
        rmSync(join(dir, entry), { recursive: true, force: true });
    }
  } else {
    for (const entry of readdirSync(repo)) {
      if (NOT_COPIED.has(entry) || entry.endsWith('.log') || (!withContent && entry === 'content')) continue;
      cpSync(join(repo, entry), join(dir, entry), { recursive: true });
    }
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const pkg of readdirSync(join(repo, 'node_modules'))) {
    if (pkg === '.astro' || pkg === '.vite' || pkg === '.cache') continue;
    symlinkSync(join(repo, 'node_modules', pkg), join(dir, 'node_modules', pkg));
  }
  // A copy (never a link) of Astro's cache of optimised images, so a build of the real catalogue does not
  // re-encode every AVIF/WebP; the data store is left out so content is always loaded afresh.
  const imageCache = join(repo, 'node_modules/.astro/assets');
  if (reuseImageCache && existsSync(imageCache)) {
    cpSync(imageCache, join(dir, 'node_modules/.astro/assets'), { recursive: true });
  }
  return dir;
}

export function countFiles(dir, test) {
  let n = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (test(entry.name)) {
        n += 1;
        bytes += statSync(p).size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { n, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Memory of a process tree, sampled from /proc (Linux; no extra package such as GNU time needed)
// ---------------------------------------------------------------------------------------------------------------

function readStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return null;
  }
}

/** Pids of `root` and all its descendants. */
export function processTree(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/**
 * Samples the memory of `rootPid` and its descendants every `ms`. stop() returns the peak of the summed RSS of the
 * tree, the largest VmHWM (kernel-recorded peak RSS) of any one process, and the tree's peak in each phase named
 * with phase(), in bytes.
 */
/** The resident memory of each process of `rootPid`'s tree now, in MiB, by command name (summed per name). */
export function treeRssByCommand(rootPid) {
  const byName = {};
  for (const pid of processTree(rootPid)) {
    const status = readStatus(pid);
    if (!status) continue;
    let name = String(pid);
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // ended while we looked
    }
    byName[name] = (byName[name] ?? 0) + Math.round(status.rss / 2 ** 20);
  }
  return byName;
}

export function watchMemory(rootPid, ms = 200) {
  const hwm = new Map();
  let treeRss = 0;
  let samples = 0;
  // Peak tree RSS per build phase, so a report can say where the memory goes (phase() names the current one).
  let phase = 'start';
  const phases = new Map();
  const sample = () => {
    if (!existsSync('/proc/self/status')) return;
    let sum = 0;
    for (const pid of processTree(rootPid)) {
      const s = readStatus(pid);
      if (!s) continue;
      sum += s.rss;
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, s.hwm));
    }
    treeRss = Math.max(treeRss, sum);
    phases.set(phase, Math.max(phases.get(phase) ?? 0, sum));
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, ms);
  return {
    /** Starts a new phase: later samples count towards its peak. */
    phase(name) {
      if (!phases.has(name)) phases.set(name, 0);
      phase = name;
    },
    stop() {
      clearInterval(timer);
      return { treeRss, maxHwm: Math.max(0, ...hwm.values()), samples, phases: Object.fromEntries(phases) };
    },
  };
}
