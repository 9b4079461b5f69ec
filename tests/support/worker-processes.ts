/** Starts tests/support/worker-process.ts as a child OS process (node --import tsx), and stops it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface WorkerProcess {
  /** Resolves once the worker runs (rejects if the process ends first). */
  ready: Promise<void>;
  /** Messages this process has sent so far. */
  sent(): number;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function workerProcess(databaseUrl: string, smtpUrl: string, batch = 3): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/worker-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, BATCH: String(batch) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sent = 0;
  let errors = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line === 'ready') resolve();
        const match = /^sent (\d+)$/.exec(line);
        if (match) sent += Number(match[1]);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    void exited.then(() => reject(new Error(`worker process ended before it ran: ${errors.slice(-2000)}`)));
  });
  return {
    ready,
    sent: () => sent,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
