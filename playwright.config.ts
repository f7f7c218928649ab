import { defineConfig, devices } from '@playwright/test';

// One id per run, shared by the workers (they inherit the environment): names the run's own database.
process.env.E2E_RUN_ID ??= String(Date.now());
const port = process.env.E2E_PORT ?? '3100';

export const E2E = {
  baseURL: `http://localhost:${port}`,
  // The demo clock: a Sunday of late November 2026, so December is greyed (hors délai) and January open.
  now: '2026-11-29T10:00:00+01:00',
};

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL: E2E.baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', trace: 'retain-on-failure', launchOptions },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions } },
    { name: 'mobile', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions } },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${E2E.baseURL}/connexion`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      E2E_PORT: port,
      APP_NOW: E2E.now,
      AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
    },
  },
});
