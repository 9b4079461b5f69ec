import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/lib/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4399);
const executablePath: string | null = findChromium();
if (!executablePath)
  throw new Error('No Chromium found: run `npm test` (it installs Debian chromium) or set CHROMIUM_PATH');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: CHROMIUM_FLAGS },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: CHROMIUM_FLAGS } },
    },
  ],
  webServer: {
    // The production build served by the real server (scripts/start.mjs builds first if dist/ is missing).
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/`,
    // Card payments go to the Stripe stand-in that tests/e2e/checkout.spec.ts starts on this port.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // A private data folder (PGlite, embedded Meilisearch): PGlite allows one process per folder.
      DATA_DIR: process.env.E2E_DATA_DIR ?? '.tmp/e2e-data',
      STRIPE_SECRET_KEY: 'sk_test_ocop_e2e',
      STRIPE_WEBHOOK_SECRET: 'whsec_ocop_e2e_standin',
      STRIPE_API_BASE: `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? 4398}`,
    },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
