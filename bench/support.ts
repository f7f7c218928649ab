// What the benches share. The browser benches (bench:pages, bench:web): the end-to-end tests' server on the production
// build (scripts/e2e-server.mjs, a fresh database of its own that it drops when stopped), and the demo parent's first
// steps in Playwright's Chromium: signing in, and starting a draft with one change so that the démarche's pages
// have content. The query benches (bench:admin, bench:attendance): a page's use-case timed, then its statements
// explained as the page sent them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserContext } from '@playwright/test';
import type { Logger } from 'drizzle-orm';
import postgres from 'postgres';
import { findChromium } from '../scripts/chromium.mjs';
import type { BenchDatabase } from './database';

/** the end-to-end tests' clock (playwright.config.ts): December is past the deadline, January open */
export const APP_NOW = '2026-11-29T10:00:00+01:00';

/** The Chromium to drive, once the production build is there too; undefined (exit code 1) when either is missing. */
export function findPrerequisites(tag: string): string | undefined {
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error(`[${tag}] no production build: run \`npm run build\` first.`);
    process.exitCode = 1;
    return undefined;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(`[${tag}] no Chromium or Chrome found: install one, or set CHROMIUM_PATH.`);
    process.exitCode = 1;
  }
  return executablePath ?? undefined;
}

export interface BenchServer {
  base: string;
  /** the server's output, shown when the bench fails */
  log: string[];
  /** resolves once /connexion answers (at most 120 s) */
  ready(): Promise<void>;
  /** stops Next.js (which writes its profile on exit) and drops the database; at most 20 s */
  stop(): Promise<void>;
}

/**
 * Starts the server on `port`, on the demo clock. `env` is the environment it starts from (process.env unless the
 * bench changes DATABASE_URL or adds E2E_NODE_ARGS). A server that stops before `stop()` ends the bench; Ctrl-C stops
 * the server first.
 */
export function startE2eServer(p: { tag: string; port: number; env?: NodeJS.ProcessEnv }): BenchServer {
  const base = `http://localhost:${p.port}`;
  const child = spawn(process.execPath, [path.join('scripts', 'e2e-server.mjs')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...(p.env ?? process.env),
      E2E_RUN_ID: `${p.tag.replace(/\W/g, '')}${Date.now()}`,
      E2E_PORT: String(p.port),
      APP_NOW,
      APP_URL: base,
      AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789abcdef',
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let stopping = false;
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[${p.tag}] the server stopped (${code}):\n${log.join('')}`);
      process.exit(1);
    }
  });

  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM'); // e2e-server.mjs stops Next.js, then drops its database
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const ready = async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/connexion`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no answer from ${base}/connexion after 120 s`);
  };
  return { base, log, ready, stop };
}

/** Signs `account` in through Connexion; the context keeps the session, and the Cookie header is returned. */
export async function signIn(
  context: BrowserContext,
  base: string,
  account: { email: string; password: string },
): Promise<string> {
  const page = await context.newPage();
  await page.goto('/connexion');
  await page.getByLabel('Identifiant').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.close();
  return (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * From a démarche's introduction: Commencer (or straight on to a draft's Étape 1), then one change, the first free
 * half-day of a modifiable day in the view Étape 1 opens on or the next ones (up to 4). Returns the Étape 1 path.
 */
export async function startDraft(context: BrowserContext, intro: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(intro);
  if (!/\/etape-1/.test(page.url())) await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForURL(/\/demarches\/\d+\/etape-1/);
  const step1 = new URL(page.url()).pathname;
  const freeHalfDay = page
    .getByRole('checkbox', { name: /^(Matin|Après-midi) – /, checked: false, disabled: false })
    .first();
  for (let i = 0; i < 4 && (await freeHalfDay.count()) === 0; i += 1) {
    await page
      .getByRole('link', { name: /suivante?\b/i })
      .first()
      .click();
    await page.waitForLoadState('networkidle');
  }
  // the grid saves each change at once (a server action's POST): the change counts once it has answered
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/etape-1')),
    freeHalfDay.check(),
  ]);
  await page.close();
  return step1;
}

// ---- the query benches ----------------------------------------------------------------------------------------

/** A statement as the database driver received it. */
export interface SentStatement {
  query: string;
  params: unknown[];
}

/** A query to measure: what it is, and the call of the page (it may return a short description of what it found). */
export interface BenchQuery {
  label: string;
  /** ms, the timer's unless said */
  target?: number;
  run: () => Promise<string | void>;
}

export interface Timed {
  label: string;
  target: number;
  median: number;
  runs: number[];
  statements: SentStatement[];
  size: string | void;
}

export interface QueryTimer {
  /** for openDatabase: it captures the statements of the run that `time` explains */
  logger: Logger;
  /**
   * Each query in turn: once to warm plan caches and buffers, once to capture its statements, then timed `runs` times
   * (the median).
   */
  time(queries: readonly BenchQuery[]): Promise<Timed[]>;
  /**
   * Each result against its target (a `check` each) with the EXPLAIN (ANALYZE, BUFFERS) of its statements, on a
   * connection of its own, then a summary table under `title`.
   */
  report(title: string, results: Timed[], check: (label: string, ok: boolean, detail: string) => void): Promise<void>;
}

/** The timer of a query bench on `bench`'s database; its connection is closed before the database is dropped. */
export function queryTimer(bench: BenchDatabase, p: { runs: number; target: number }): QueryTimer {
  let captured: SentStatement[] | null = null;
  const explainer = postgres(bench.url, { max: 1, onnotice: () => {} });
  bench.closeLater(() => explainer.end({ timeout: 5 }));

  const timeOne = async (q: BenchQuery): Promise<Timed> => {
    await q.run(); // warm-up: plan caches, buffers
    captured = [];
    const size = await q.run();
    const statements = captured;
    captured = null;
    const runs: number[] = [];
    for (let i = 0; i < p.runs; i += 1) {
      const t0 = performance.now();
      await q.run();
      runs.push(performance.now() - t0);
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return { label: q.label, target: q.target ?? p.target, median, runs, statements, size };
  };

  const time = async (queries: readonly BenchQuery[]) => {
    const results: Timed[] = [];
    for (const q of queries) results.push(await timeOne(q));
    return results;
  };

  const report: QueryTimer['report'] = async (title, results, check) => {
    for (const r of results) {
      console.log(`\n${r.label}${r.size ? ` (${r.size})` : ''}`);
      console.log(
        `  median ${r.median.toFixed(1)} ms over ${p.runs} runs (${r.runs.map((n) => n.toFixed(1)).join(', ')}), target < ${r.target} ms`,
      );
      check(`${r.label}: median under ${r.target} ms`, r.median < r.target, `${r.median.toFixed(1)} ms`);
      for (const s of r.statements) {
        const plan = (await explainer.unsafe(
          `explain (analyze, buffers) ${s.query}`,
          s.params as never[],
        )) as unknown as { 'QUERY PLAN': string }[];
        console.log(plan.map((line) => `    ${line['QUERY PLAN']}`).join('\n'));
      }
    }
    console.log(`\n${title}`);
    console.log(`| query | median ms | target | |`);
    console.log(`|---|---:|---:|---|`);
    for (const r of results)
      console.log(`| ${r.label} | ${r.median.toFixed(1)} | < ${r.target} | ${r.median < r.target ? 'PASS' : 'FAIL'} |`);
  };

  return {
    logger: {
      logQuery: (query, params) => {
        captured?.push({ query, params });
      },
    },
    time,
    report,
  };
}
