import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

// One id per run, shared by the workers (they inherit the environment): names the run's own database.
process.env.E2E_RUN_ID ??= String(Date.now());
// Each project (desktop, mobile) has its own server and database, so journeys never share a family's planning.
// E2E_PORT_BASE moves both servers (a second checkout can run its own journeys beside this one).
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const ports = { desktop: base, mobile: base + 1 } as const;
// The waiting room's journey needs a portal of its own, limited to one active parent (WAITING_ROOM_LIMIT=1): on a
// shared server it would hold every other journey in the queue.
const waitingRoomPort = base + 2;
const WAITING_ROOM_SPEC = '**/waiting-room.spec.ts';
// Léa and Hugo in one démarche (issue 13): Hugo enrols at Léa's Wednesday centre, then both are booked together. Their
// Wednesday plannings are the ones the desktop journeys change day by day (a draft is per child and service), so this
// journey has a portal of its own, as the demo is on a fresh clone. (base + 3 and base + 4 are cluster.spec.ts'.)
const siblingsPort = base + 5;
const SIBLINGS_SPEC = '**/siblings.spec.ts';
// « Signaler une absence » (issue 15): Léa's canteen Thursday declared absent changes that day's kitchen order and
// Léa's days, which the desktop journeys read (the agenda, the back office): a portal of its own.
const absencesPort = base + 7;
const ABSENCES_SPEC = '**/absences.spec.ts';
// « Liste d'attente » (issue 15): the Bernards take and give back the last morning of 8 February that services.spec.ts
// counts on, and the Petits wait for it: a portal of its own.
const waitingListPort = base + 6;
const WAITING_LIST_SPEC = '**/waiting-list.spec.ts';
// « Pointage » (issue 16): the animateur of Les Tilleuls marks children offline on a phone, on a Wednesday of the demo
// (Les Tilleuls' Wednesday centre has its bookings): a portal of its own, with its own clock.
const pointagePort = base + 8;
const POINTAGE_SPEC = '**/pointage.spec.ts';
const POINTAGE_NOW = '2026-12-02T10:00:00+01:00';
// The reflow journey sets its own 320 px viewport: once is enough.
const REFLOW_SPEC = '**/reflow.spec.ts';
// Where a phone adds something: signing in, the démarche's grid and steps, the enrolment, the navigation and the
// reflow at 320 px, Connexion right to left in Arabic (languages-phone). The back office, the account settings and
// the HTTP-level checks run on the desktop only.
const PHONE_SPECS = ['connexion', 'reservations', 'steps', 'services', 'shell', 'reflow', 'languages-phone'].map(
  (name) => `**/${name}.spec.ts`,
);

export const E2E = {
  // The demo clock: a Sunday of late November 2026, so December is greyed (hors délai) and January open.
  now: '2026-11-29T10:00:00+01:00',
};

// The browser the pre-step of `npm test` found or installed (PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, the usual
// paths); with none, Playwright's own download, if `npx playwright install` was run.
const launchOptions = {
  executablePath: findChromium() ?? undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  globalTeardown: './tests/e2e/teardown.ts',
  // a journey takes 10–30 s alone; with the servers and two workers sharing 2 cores it can take three times that
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: { locale: 'fr-FR', timezoneId: 'Europe/Paris', trace: 'retain-on-failure', launchOptions },
  projects: [
    {
      name: 'desktop',
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${ports.desktop}`,
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
      testIgnore: [
        WAITING_ROOM_SPEC,
        SIBLINGS_SPEC,
        ABSENCES_SPEC,
        WAITING_LIST_SPEC,
        POINTAGE_SPEC,
        REFLOW_SPEC,
        '**/languages-phone.spec.ts',
      ],
    },
    {
      name: 'mobile',
      testMatch: PHONE_SPECS,
      use: {
        baseURL: `http://localhost:${ports.mobile}`,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions,
      },
    },
    {
      name: 'siblings',
      testMatch: [SIBLINGS_SPEC],
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${siblingsPort}`,
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      name: 'absences',
      testMatch: [ABSENCES_SPEC],
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${absencesPort}`,
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      name: 'waiting-list',
      testMatch: [WAITING_LIST_SPEC],
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${waitingListPort}`,
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      name: 'pointage',
      testMatch: [POINTAGE_SPEC],
      use: {
        baseURL: `http://localhost:${pointagePort}`,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        // the default, said here: « Pointage » works offline through its service worker
        serviceWorkers: 'allow',
        launchOptions,
      },
    },
    {
      name: 'waiting-room',
      testMatch: [WAITING_ROOM_SPEC],
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${waitingRoomPort}`, launchOptions },
    },
  ],
  webServer: [...Object.values(ports), waitingRoomPort, siblingsPort, absencesPort, waitingListPort, pointagePort].map(
    (port) => ({
      command: 'node scripts/e2e-server.mjs',
      // the waiting room's server is polled on a page it never gates: a poll must not take its only slot
      url: `http://localhost:${port}${port === waitingRoomPort ? '/mentions-legales' : '/connexion'}`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe' as const,
      env: {
        E2E_PORT: String(port),
        APP_NOW: port === pointagePort ? POINTAGE_NOW : E2E.now,
        APP_URL: `http://localhost:${port}`,
        AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
        // one web worker per journey server: two servers already share the 2 cores (cluster.spec.ts runs 2 workers)
        WEB_CONCURRENCY: '1',
        ...(port === waitingRoomPort ? { WAITING_ROOM_LIMIT: '1' } : {}),
      },
    }),
  ),
});
