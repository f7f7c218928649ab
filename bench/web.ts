// npm run bench:web — what a parent's phone loads and how fast, measured by Lighthouse 12 (mobile preset: a
// mid-range phone, simulated slow 4G and 4× CPU slowdown), on the production build.
// The server is the end-to-end tests' (scripts/e2e-server.mjs): the build on a fresh database of its own (a new
// PostgreSQL database when DATABASE_URL is set, else a PGlite folder in the temp dir), seeded with the demo, on the
// demo clock, compressing its answers as in production; it drops its database when stopped. The demo parent signs in
// (Playwright's Chromium) and starts a Wednesday draft with one change, so that Étape 1 and Étape 2 have content.
// Each page is then measured 3 times with the session cookie; the table shows the median of each figure.
// On demand only: neither `npm test` nor the CI runs it. The exit code is 0 even when a target is missed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { APP_NOW, findPrerequisites, signIn, startDraft, startE2eServer } from './support';

// Lighthouse and chrome-launcher are ES modules that read import.meta.url: loaded by import(), not by tsx's require.
const loadLighthouse = async () => (await import('lighthouse')).default;
const loadChromeLauncher = () => import('chrome-launcher');

// ---- configuration -------------------------------------------------------------------------------------
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3600);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const TARGET_SCORE = 95;
const TARGET_JS_KB = 150;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

interface Page {
  name: string;
  url: string;
  /** a parent page: behind the session cookie, held to the JS budget */
  parent: boolean;
}

interface Run {
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** gzipped JS: the transfer sizes of the page's scripts, in KB (1,024 bytes) */
  jsKb: number;
  /** the document's transfer size (the HTML with its inline RSC payload), in KB */
  htmlKb: number;
  /** Lighthouse's measure of this machine's speed (BenchmarkIndex): under ~1,000 the figures are a loaded machine's */
  benchmarkIndex: number;
  /** each script's path and transfer size in KB, for BENCH_WEB_VERBOSE=1 */
  scripts: [string, number][];
}

// ---- the server ----------------------------------------------------------------------------------------
/** The first script of /connexion, asked for as a browser does: the server must compress it. */
async function checkCompression(): Promise<string> {
  const html = await (await fetch(`${BASE}/connexion`)).text();
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  if (!script) return 'no script found on /connexion';
  const response = await fetch(new URL(script, BASE), { headers: { 'accept-encoding': 'gzip' } });
  await response.arrayBuffer();
  return response.headers.get('content-encoding') ?? 'none';
}

// ---- the build's own figures ----------------------------------------------------------------------------
/**
 * The first-load JS of each page of the build (Next's .next/diagnostics/route-bundle-stats.json), gzipped here:
 * no server needed, no HTTP headers counted (Lighthouse's figure is about 0.5 KB per script more).
 */
function printBuildTable(): void {
  const file = path.join('.next', 'diagnostics', 'route-bundle-stats.json');
  if (!fs.existsSync(file)) {
    console.log(`[bench:web] ${file} not found: no build table`);
    return;
  }
  const stats = JSON.parse(fs.readFileSync(file, 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, number>();
  const size = (chunk: string) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, zlib.gzipSync(fs.readFileSync(chunk)).length);
    return gzipped.get(chunk)!;
  };
  console.log('\nFirst-load JS of the build, gzipped (the pages of parents and visitors)\n');
  for (const { route, firstLoadChunkPaths } of stats
    .filter((s) => !s.route.startsWith('/admin') && !s.route.startsWith('/_'))
    .sort((a, b) => a.route.localeCompare(b.route))) {
    const kb = firstLoadChunkPaths.reduce((sum, chunk) => sum + size(chunk), 0) / 1024;
    console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${route}`);
  }
  console.log('');
}

// ---- the parent's session and draft --------------------------------------------------------------------
/** Signs the demo parent in, starts a Wednesday draft for Léa with one change; the pages and the cookie. */
async function prepareParent(executablePath: string): Promise<{ cookie: string; step1: string; step2: string }> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ baseURL: BASE, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const cookie = await signIn(context, BASE, DEMO_ACCOUNTS.parent);

    // Léa's planning link names her child id; the démarche starts at its introduction (or goes straight on)
    const page = await context.newPage();
    await page.goto('/');
    const childHref = await page
      .getByRole('link', { name: /Léa/ })
      .and(page.locator('a[href^="/enfants/"]'))
      .first()
      .getAttribute('href');
    const childId = childHref?.split('/')[2];
    if (!childId) throw new Error("Léa's page is not linked from Mon espace");
    const step1 = await startDraft(context, `/demarches/reservations/mercredi/${childId}`);
    const step2 = step1.replace(/etape-1$/, 'etape-2');
    await page.goto(step2);
    await page.getByRole('heading', { name: /^Étape 2/ }).waitFor();
    if ((await page.getByText(/mercredi/).count()) === 0) throw new Error('Étape 2 shows no change');

    return { cookie, step1, step2 };
  } finally {
    await browser.close();
  }
}

// ---- Lighthouse ----------------------------------------------------------------------------------------
/**
 * One Lighthouse run in a Chromium of its own (a fresh profile): a cookie a page set in an earlier run (Connexion's
 * CSRF token) would make Chromium send its own Cookie header instead of the session's.
 */
async function measure(chromePath: string, page: Page, cookie: string): Promise<Run> {
  const chrome = await (await loadChromeLauncher()).launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    return await measureIn(chrome.port, page, cookie);
  } finally {
    chrome.kill();
  }
}

async function measureIn(port: number, page: Page, cookie: string): Promise<Run> {
  const lighthouse = await loadLighthouse();
  const result = await lighthouse(page.url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: page.parent ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
  const { lhr } = result;
  if (process.env.BENCH_WEB_DUMP) {
    // the whole report, for a closer look at the main thread (bootup-time, long-tasks, …)
    fs.mkdirSync(process.env.BENCH_WEB_DUMP, { recursive: true });
    const file = `${page.name.replace(/\W+/g, '-')}-${Date.now()}.json`;
    fs.writeFileSync(path.join(process.env.BENCH_WEB_DUMP, file), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.url}: ${lhr.runtimeError.message}`);
  // a parent page that answered Connexion would be measuring the wrong page
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname) {
    throw new Error(`${page.url} ended on ${lhr.finalDisplayedUrl}`);
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = (lhr.audits['network-requests']?.details as { items?: Record<string, unknown>[] } | undefined)
    ?.items;
  const scripts = (requests ?? []).filter((r) => r.resourceType === 'Script');
  const scriptBytes = scripts.reduce((sum, r) => sum + (Number(r.transferSize) || 0), 0);
  const documentBytes = Number((requests ?? []).find((r) => r.resourceType === 'Document')?.transferSize) || 0;
  return {
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    jsKb: scriptBytes / 1024,
    htmlKb: documentBytes / 1024,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    scripts: scripts.map((r) => [new URL(String(r.url)).pathname, (Number(r.transferSize) || 0) / 1024]),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// ---- main ----------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const chromePath = findPrerequisites('bench:web');
  if (!chromePath) return;

  printBuildTable();
  console.log(
    `[bench:web] server on ${BASE} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, APP_NOW ${APP_NOW})`,
  );
  const server = startE2eServer({ tag: 'bench:web', port: PORT });
  try {
    await server.ready();
    console.log(`[bench:web] scripts served with content-encoding: ${await checkCompression()}`);
    const { cookie, step1, step2 } = await prepareParent(chromePath);
    const pages: Page[] = [
      { name: 'Connexion', url: `${BASE}/connexion`, parent: false },
      { name: 'Mon espace', url: `${BASE}/`, parent: true },
      { name: 'Étape 1', url: `${BASE}${step1}`, parent: true },
      { name: 'Étape 2', url: `${BASE}${step2}`, parent: true },
    ];

    const rows: { page: Page; runs: Run[] }[] = [];
    for (const page of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        runs.push(await measure(chromePath, page, cookie));
      }
      const scores = runs.map((r) => r.score).join(', ');
      console.log(`[bench:web] ${page.name}: ${RUNS} runs, scores ${scores}`);
      if (process.env.BENCH_WEB_VERBOSE) {
        for (const [script, kb] of runs[0]!.scripts) console.log(`    ${kb.toFixed(1).padStart(6)} KB  ${script}`);
      }
      rows.push({ page, runs });
    }

    const table = rows.map(({ page, runs }) => {
      const pick = (key: Exclude<keyof Run, 'scripts'>) => median(runs.map((r) => r[key]));
      return {
        page,
        score: pick('score'),
        lcp: pick('lcp'),
        tbt: pick('tbt'),
        cls: pick('cls'),
        jsKb: pick('jsKb'),
        htmlKb: pick('htmlKb'),
      };
    });
    const load = os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
    const benchmarkIndex = median(rows.flatMap((r) => r.runs.map((run) => run.benchmarkIndex))).toFixed(0);
    console.log(
      `\nLighthouse ${RUNS}× per page, mobile preset, median of each figure ` +
        `(load average ${load}, Lighthouse's BenchmarkIndex ${benchmarkIndex})\n`,
    );
    const header = ['page', 'score', 'LCP ms', 'TBT ms', 'CLS', 'JS KB gz', 'HTML KB gz'];
    const lines = table.map((r) => [
      `${r.page.name} (${new URL(r.page.url).pathname})`,
      String(r.score),
      r.lcp.toFixed(0),
      r.tbt.toFixed(0),
      r.cls.toFixed(3),
      r.jsKb.toFixed(1),
      r.htmlKb.toFixed(1),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const format = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(format(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const line of lines) console.log(format(line));

    const missed: string[] = [];
    for (const r of table) {
      if (r.score < TARGET_SCORE) missed.push(`${r.page.name}: performance ${r.score} < ${TARGET_SCORE}`);
      if (r.page.parent && r.jsKb > TARGET_JS_KB)
        missed.push(`${r.page.name}: ${r.jsKb.toFixed(1)} KB of gzipped JS > ${TARGET_JS_KB} KB`);
    }
    console.log('');
    if (missed.length === 0)
      console.log(`targets met: performance ≥ ${TARGET_SCORE}, parent pages ≤ ${TARGET_JS_KB} KB`);
    for (const line of missed) console.log(`target missed — ${line}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error('[bench:web] failed:', error);
  process.exitCode = 1;
});
