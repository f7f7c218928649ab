// npm run bench:pages — what each page of a démarche costs the server: N sequential requests per page on the
// production build, the server time (median, p95) and the HTML bytes. Sequential on purpose: one request at a time
// measures the page's own cost, not the queue in front of it (npm run bench:rush measures the rush).
// The server is the end-to-end tests' (scripts/e2e-server.mjs): the build on a fresh database of its own (PostgreSQL
// by default, as the figures were; BENCH_PAGES_PGLITE=1 for PGlite), seeded with the demo, on the demo clock;
// it drops its database when stopped. The demo parent and the demo admin sign in through Playwright's Chromium; the
// parent then goes through one démarche (Commencer, one change, Valider) and starts a second one, so that the
// confirmation, Étape 1 and Étape 2 have content.
// BENCH_PAGES_PROFILE=<dir>: the server runs under `node --cpu-prof`, the bench requests BENCH_PAGES_PROFILE_PAGE
// (default: every page) in a loop, and prints the top self-time functions and modules of the profile.
// BENCH_PAGES_DUMP=<dir>: each page's HTML is written there.
// On demand only: neither `npm test` nor the CI runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { SERVER_URL } from './database';
import { summariseProfile } from './profile';
import { APP_NOW, findPrerequisites, signIn, startDraft, startE2eServer, type BenchServer } from './support';

const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3700);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 30);
const WARM_UP = 3;
const PROFILE_DIR = process.env.BENCH_PAGES_PROFILE;
const DUMP_DIR = process.env.BENCH_PAGES_DUMP;
const PROFILE_LOOPS = Number(process.env.BENCH_PAGES_PROFILE_LOOPS ?? 40);

interface Page {
  name: string;
  path: string;
  cookie: 'parent' | 'admin' | null;
}

// ---- the démarche ----------------------------------------------------------------------------------------
async function submitDraft(context: BrowserContext, step1: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(step1.replace(/etape-1$/, 'etape-2'));
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('heading', { name: 'Votre demande est validée' }).waitFor();
  const confirmation = new URL(page.url()).pathname;
  await page.close();
  return confirmation;
}

// ---- timing ------------------------------------------------------------------------------------------------
interface Sample {
  ms: number;
  bytes: number;
  status: number;
}

async function request(page: Page, cookies: Record<'parent' | 'admin', string>): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(`${BASE}${page.path}`, {
    redirect: 'manual',
    headers: page.cookie ? { cookie: cookies[page.cookie] } : {},
  });
  const body = await response.arrayBuffer(); // the whole page: a streamed page's last chunk counts
  if (DUMP_DIR) {
    // each page's HTML, for a closer look at what it carries (the inline RSC payload, repeated props)
    fs.mkdirSync(DUMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(DUMP_DIR, `${page.name.replace(/\W+/g, '-')}.html`), Buffer.from(body));
  }
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(pages: Page[], cookies: Record<'parent' | 'admin', string>) {
  const rows: { page: Page; median: number; p95: number; bytes: number; status: number }[] = [];
  for (const page of pages) {
    for (let i = 0; i < WARM_UP; i += 1) await request(page, cookies);
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await request(page, cookies));
    const ms = samples.map((s) => s.ms);
    rows.push({
      page,
      median: percentile(ms, 50),
      p95: percentile(ms, 95),
      bytes: samples.at(-1)!.bytes,
      status: samples.at(-1)!.status,
    });
  }
  return rows;
}

function printTable(rows: Awaited<ReturnType<typeof measure>>): void {
  const header = ['page', 'status', 'median ms', 'p95 ms', 'HTML KB'];
  const lines = rows.map((r) => [
    `${r.page.name} (${r.page.path})`,
    String(r.status),
    r.median.toFixed(1),
    r.p95.toFixed(1),
    (r.bytes / 1024).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

// ---- main ----------------------------------------------------------------------------------------------
let server: BenchServer | undefined;
async function main(): Promise<void> {
  const executablePath = findPrerequisites('bench:pages');
  if (!executablePath) return;
  const engine = process.env.BENCH_PAGES_PGLITE ? 'PGlite' : 'PostgreSQL';
  console.log(`[bench:pages] server on ${BASE} (${engine}, APP_NOW ${APP_NOW}${PROFILE_DIR ? ', --cpu-prof' : ''})`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (process.env.BENCH_PAGES_PGLITE) delete env.DATABASE_URL;
  else env.DATABASE_URL ??= SERVER_URL;
  if (PROFILE_DIR) {
    // the profiler goes on the web server's process only (--cpu-prof is not allowed in NODE_OPTIONS)
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    env.E2E_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${path.resolve(PROFILE_DIR)}`;
  }
  server = startE2eServer({ tag: 'bench:pages', port: PORT, env });
  let window: { from: number; to: number } | undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await server.ready();
    const options = { baseURL: BASE, locale: 'fr-FR', timezoneId: 'Europe/Paris' };
    const parent = await browser.newContext(options);
    const admin = await browser.newContext(options);
    const cookies = {
      parent: await signIn(parent, BASE, DEMO_ACCOUNTS.parent),
      admin: await signIn(admin, BASE, DEMO_ACCOUNTS.admin),
    };

    // Léa's page is linked from Mon espace; her Wednesday démarche starts at its introduction
    const home = await (await fetch(`${BASE}/`, { headers: { cookie: cookies.parent } })).text();
    const childId = /href="\/enfants\/(\d+)"/.exec(home)?.[1];
    if (!childId) throw new Error('no child linked from Mon espace');
    const intro = `/demarches/reservations/mercredi/${childId}`;
    // the introduction is measured before any draft exists (a draft sends it straight to Étape 1)
    const before: Page[] = [
      { name: 'Connexion', path: '/connexion', cookie: null },
      { name: 'Mon espace', path: '/', cookie: 'parent' },
      { name: 'Introduction', path: intro, cookie: 'parent' },
      { name: "L'enfant", path: `/enfants/${childId}`, cookie: 'parent' },
      { name: 'Tableau de bord', path: '/admin', cookie: 'admin' },
    ];
    const beforeRows = PROFILE_DIR ? [] : await measure(before, cookies);
    const confirmation = await submitDraft(parent, await startDraft(parent, intro));
    const step1 = await startDraft(parent, intro);
    const after: Page[] = [
      { name: 'Étape 1', path: step1, cookie: 'parent' },
      { name: 'Étape 2', path: step1.replace(/etape-1$/, 'etape-2'), cookie: 'parent' },
      { name: 'Confirmation', path: confirmation, cookie: 'parent' },
      { name: 'Mes demandes', path: '/mes-demandes', cookie: 'parent' },
    ];

    if (PROFILE_DIR) {
      const only = process.env.BENCH_PAGES_PROFILE_PAGE;
      const pages = [...before, ...after].filter((p) => !only || p.name === only || p.path === only);
      console.log(`[bench:pages] profiling: ${PROFILE_LOOPS} × ${pages.map((p) => p.name).join(', ')}`);
      for (const page of pages) await request(page, cookies); // warm-up: compiled code, not the first request's
      const from = Number(process.hrtime.bigint() / 1000n);
      for (let i = 0; i < PROFILE_LOOPS; i += 1) for (const page of pages) await request(page, cookies);
      window = { from, to: Number(process.hrtime.bigint() / 1000n) };
    } else {
      const rows = [...beforeRows, ...(await measure(after, cookies))];
      const load = os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ');
      console.log(`\n${RUNS} sequential requests per page after ${WARM_UP} (load average ${load})\n`);
      printTable(rows);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (PROFILE_DIR) {
    // the web server's profile is the largest one written (e2e-server.mjs writes a small one of its own)
    const files = fs
      .readdirSync(PROFILE_DIR)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(PROFILE_DIR, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    if (files.length === 0) console.log('[bench:pages] no profile written');
    else summariseProfile(files[0]!, window);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:pages] failed: the server said:\n${(server?.log ?? []).join('').slice(-4000)}\n`, error);
  process.exitCode = 1;
});
