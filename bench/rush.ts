// npm run bench:rush — the registration rush: V parents at once, each running the whole démarche once, on the
// production build served as `npm start` serves it (scripts/server.mjs, NODE_ENV=production: the cluster workers
// when there are), on a fresh PostgreSQL database of its own (bench/database.ts) with 3,000 families.
// Each virtual parent is a family of its own, with its own cookie jar and keep-alive connections (at most 6, as a
// browser), and sends the requests a browser sends over loopback:
//   GET /connexion → « Se connecter » → Mon espace → the introduction → « Commencer » → Étape 1
//   → a two-week template to the end of the school year (its answer carrying Étape 1 redrawn) → « Aller à l'étape 2 »
//   → Étape 2 (the recap) → « Valider » → the confirmation.
// By default (BENCH_RUSH_MODE=js) as a browser with JavaScript: the actions are called as React calls them (a POST
// with the Next-Action header and the action's id, from the build's manifest as the bundle carries it), and each
// action's redirect already carries the next page in its answer; the introduction is a link followed in the app
// (RSC: 1). BENCH_RUSH_MODE=html: as a browser without JavaScript, the forms posted with the hidden $ACTION_… fields
// React renders, the action answering 303 and the next page asked for (the periodicity, a react-hook-form without
// such a form, is called as React calls it, with its id read from Étape 1's flight data).
// A waiting room (an answer with X-Salle-Attente: <position> and Refresh: <seconds>) is honoured: the parent waits
// Refresh seconds and sends the same request again with its cookies; a parent still waiting when the level's time is
// up counts as waiting, not failed. Levels run one after the other, each with families never used before.
// The invariants are read in the database after the last level; the exit code is non-zero when one breaks.
// One parent's browser and journey are in bench/rush-parent.ts; this file seeds, serves, runs the levels, reports.
// Environment: BENCH_RUSH_LEVELS (default 50,500,2500), BENCH_RUSH_MODE (js or html), BENCH_RUSH_PORT (3700), BENCH_RUSH_REQUEST_TIMEOUT
// (seconds per request, 60), BENCH_RUSH_LEVEL_TIMEOUT (seconds per level, 600), BENCH_DATABASE_URL / DATABASE_URL
// (the PostgreSQL server, default the local one), WEB_CONCURRENCY (passed on to the server).
// Needs a production build (`npm run build`). On demand only: neither `npm test` nor the CI runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { SERVER_URL, withBenchDatabase } from './database';
import { reservationsOnClosedDates } from './invariants';
import {
  Browser,
  Failed,
  journey,
  journeyWithScripts,
  sleep,
  StillWaiting,
  STEPS,
  type ActionIds,
  type Parent,
  type ParentRun,
  type Step,
} from './rush-parent';
import { openDatabase, rows, sql, type Db } from '@/db/client';
import { DEMO_YEAR, seedIfEmpty } from '@/lib/demo/seed';

// ---- configuration -------------------------------------------------------------------------------------
const PORT = Number(process.env.BENCH_RUSH_PORT ?? 3700);
const HOST = `localhost:${PORT}`;
const ORIGIN = `http://${HOST}`;
const LEVELS = (process.env.BENCH_RUSH_LEVELS ?? '50,500,2500')
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0);
/**
 * `js` (default): a parent's browser, the actions called as React calls them, each answer carrying the next page;
 * `html`: a browser without JavaScript (the forms posted, 303, the next page asked for)
 */
const MODE = process.env.BENCH_RUSH_MODE === 'html' ? 'html' : 'js';
/** parents driven: one to warm the server up, then each level's own */
const NEEDED = 1 + LEVELS.reduce((a, b) => a + b, 0);
/** 3,000 families, or more when the parents driven need more (the Martin family is not one of them) */
const FAMILIES = Math.max(3000, NEEDED + 1);
/** the end-to-end tests' clock (playwright.config.ts): Wednesdays from mid-December on are bookable */
const APP_NOW = '2026-11-29T10:00:00+01:00';
const REQUEST_TIMEOUT_MS = 1000 * Number(process.env.BENCH_RUSH_REQUEST_TIMEOUT ?? 60);
const LEVEL_TIMEOUT_MS = 1000 * Number(process.env.BENCH_RUSH_LEVEL_TIMEOUT ?? 600);
/** places per unit and day at each centre: never the limit here */
const BENCH_CAPACITY = 10_000;
const failures: string[] = [];
function check(label: string, ok: boolean, detail = ''): void {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(label);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest-rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
const seconds = (ms: number) =>
  Number.isNaN(ms) ? '–' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

// ---- the server and what it uses --------------------------------------------------------------------------
let stopping = false;
function startServer(databaseUrl: string, mailDir: string): ChildProcess {
  // BENCH_RUSH_PROFILE=<dir>: the server and its workers run under `node --cpu-prof` (summed by bench/profile.ts)
  const profile = process.env.BENCH_RUSH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_RUSH_PROFILE)}`]
    : [];
  const child = spawn(process.execPath, [...profile, path.join('scripts', 'server.mjs')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      APP_NOW,
      APP_URL: ORIGIN,
      AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789abcdef',
      MAIL_DEV_DIR: mailDir,
      SKIP_DEMO_SEED: '1',
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[bench:rush] the server stopped (${code ?? signal}):\n${log.join('')}`);
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function waitForServer(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await new Promise<boolean>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: PORT, path: '/connexion', headers: { host: HOST } }, (r) => {
        r.resume();
        resolve(r.statusCode === 200);
      });
      request.on('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`no answer from ${ORIGIN}/connexion after 120 s`);
}

/**
 * A process's parent and CPU time so far (seconds, user + system), from /proc/<pid>/stat; throws when it has gone.
 * After "pid (name) ": state, ppid, … utime and stime are the 12th and 13th fields, in clock ticks (1/100 s).
 */
function processStat(pid: string): { ppid: number; cpu: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/**
 * The resident memory (bytes) and CPU time so far (seconds, user + system) of a process and all its descendants (the
 * cluster workers): /proc, Linux only. The CPU time of a descendant that has exited is not counted.
 */
function treeUsage(root: number): { rss: number; cpu: number } {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = processStat(entry);
      children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
      cpu.set(Number(entry), stat.cpu);
    } catch {
      // gone meanwhile
    }
  }
  const total = { rss: 0, cpu: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total.rss += Number(kb ?? 0) * 1024;
      total.cpu += cpu.get(pid) ?? 0;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * CPU time so far (seconds, user + system) of each PostgreSQL backend connected to `database`, by pid: their process
 * title names the database ("postgres: 15/main: postgres <database> 127.0.0.1(…) idle"). Linux only; empty elsewhere,
 * or when PostgreSQL runs as another user whose processes this one cannot read.
 */
function backendsCpu(database: string): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue;
      found.set(Number(entry), processStat(entry).cpu);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The CPU the backends of `database` spent between two readings (a backend that closed meanwhile is not counted). */
function backendsCpuSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of backendsCpu(database)) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/**
 * The CPU time (seconds) every core of the machine has spent busy since boot, from /proc/stat: what the web tier and
 * the bench's parents leave of it is PostgreSQL's share (and whatever else runs). Linux only; 0 elsewhere.
 */
function machineBusy(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal guest guest_nice, in clock ticks (1/100 s); guest time is
    // already counted in user and nice
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return 0;
  }
}

/** Samples every second: the web tier's memory and the bench database's PostgreSQL connections; keeps the peaks. */
function sampler(pid: number, monitor: postgres.Sql, database: string) {
  const peak = { rss: 0, connections: 0, waiting: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      peak.rss = Math.max(peak.rss, treeUsage(pid).rss);
      const [row] = await monitor<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${database}`.catch(() => [{ n: 0 }]);
      peak.connections = Math.max(peak.connections, row?.n ?? 0);
      await sleep(1000);
    }
  })();
  return {
    peak,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** The ids of the parent's actions in this build (its server-reference manifest names each one's export). */
function actionIds(): ActionIds {
  const manifest = JSON.parse(
    fs.readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const find = (filename: string, exportedName: string) => {
    const id = Object.entries(manifest.node).find(
      ([, a]) => a.filename === filename && a.exportedName === exportedName,
    )?.[0];
    if (!id) throw new Error(`${exportedName} of ${filename} is not in the build's server-reference manifest`);
    return id;
  };
  const demarche = 'app/(famille)/demarches/actions.ts';
  return {
    login: find('app/(public)/connexion/actions.ts', 'loginAction'),
    start: find(demarche, 'startReservationAction'),
    apply: find(demarche, 'applyTemplateAction'),
    goToRecap: find(demarche, 'goToRecapAction'),
    submit: find(demarche, 'submitAction'),
    signOut: find('app/actions.ts', 'signOutAction'),
  };
}

// ---- one level ------------------------------------------------------------------------------------------
interface Level {
  parents: number;
  runs: ParentRun[];
  wallMs: number;
  peakRss: number;
  peakConnections: number;
  peakWaiting: number;
  /** CPU seconds over the level: the web tier (server and workers), this bench's own parents */
  serverCpu: number;
  clientCpu: number;
  /** CPU seconds every core of the machine spent busy during the level (PostgreSQL included) */
  machineCpu: number;
  /**
   * CPU seconds of the PostgreSQL backends serving the bench database: PostgreSQL's own share, which two benches run
   * at once on one machine (to compare two builds under the same conditions) can tell apart, unlike the machine's
   */
  databaseCpu: number;
}

async function runLevel(
  server: ChildProcess,
  monitor: postgres.Sql,
  database: string,
  parents: Parent[],
): Promise<Level> {
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every request and every wait listens to it
  const deadline = setTimeout(() => stop.abort(), LEVEL_TIMEOUT_MS);
  const sampling = sampler(server.pid!, monitor, database);
  let waitingNow = 0;
  const onWaiting = (delta: 1 | -1) => {
    waitingNow += delta;
    sampling.peak.waiting = Math.max(sampling.peak.waiting, waitingNow);
  };
  const started = performance.now();
  const serverCpu = treeUsage(server.pid!).cpu;
  const clientCpu = process.cpuUsage();
  const machineCpu = machineBusy();
  const databaseCpu = backendsCpu(database);
  const ids = MODE === 'js' ? actionIds() : undefined;
  const runs = await Promise.all(
    parents.map(async (parent): Promise<ParentRun> => {
      const browser = new Browser({
        port: PORT,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        signal: stop.signal,
        onWaiting,
      });
      try {
        await (ids ? journeyWithScripts(browser, parent, ids) : journey(browser, parent));
        return { outcome: 'completed', admitted: true, waitedMs: browser.waitedMs, steps: browser.steps };
      } catch (error) {
        const base = { admitted: browser.admitted, waitedMs: browser.waitedMs, steps: browser.steps };
        if (error instanceof StillWaiting) return { outcome: 'waiting', ...base };
        const reason = error instanceof Failed ? error.message : `bench error: ${String(error)}`;
        // BENCH_RUSH_DUMP=<folder>: the page of the first failure of each kind, to read what the parent saw
        if (process.env.BENCH_RUSH_DUMP && error instanceof Failed && error.body) {
          const file = path.join(process.env.BENCH_RUSH_DUMP, `${error.step}.html`);
          fs.mkdirSync(process.env.BENCH_RUSH_DUMP, { recursive: true });
          if (!fs.existsSync(file)) fs.writeFileSync(file, error.body);
        }
        return { outcome: 'failed', reason, ...base };
      } finally {
        browser.close();
      }
    }),
  );
  const wallMs = performance.now() - started;
  const serverCpuUsed = treeUsage(server.pid!).cpu - serverCpu;
  const { user, system } = process.cpuUsage(clientCpu);
  const machineCpuUsed = machineBusy() - machineCpu;
  const databaseCpuUsed = backendsCpuSince(database, databaseCpu);
  clearTimeout(deadline);
  await sampling.stop();
  const { rss, connections, waiting } = sampling.peak;
  return {
    parents: parents.length,
    runs,
    wallMs,
    peakRss: rss,
    peakConnections: connections,
    peakWaiting: waiting,
    serverCpu: serverCpuUsed,
    clientCpu: (user + system) / 1e6,
    machineCpu: machineCpuUsed,
    databaseCpu: databaseCpuUsed,
  };
}

function report(level: Level): void {
  const completed = level.runs.filter((r) => r.outcome === 'completed');
  const failed = level.runs.filter((r) => r.outcome === 'failed');
  const waiting = level.runs.filter((r) => r.outcome === 'waiting');
  const admitted = level.runs.filter((r) => r.admitted);
  // with scripts, the recap comes with « Aller à l'étape 2 »'s answer
  const times = (step: Step) =>
    admitted
      .map((r) => r.steps[step])
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
  const reasons = new Map<string, number>();
  for (const r of failed) reasons.set(r.reason!, (reasons.get(r.reason!) ?? 0) + 1);
  const perMinute = completed.length / (level.wallMs / 60_000);
  const waited = level.runs
    .map((r) => r.waitedMs)
    .filter((t) => t > 0)
    .sort((a, b) => a - b);

  console.log(
    `\n${level.parents.toLocaleString('en')} parents at once — ${seconds(level.wallMs)}, load average ${loadAverage()}`,
  );
  console.log(
    `| parents at once | completed | failed | démarches/min | recap p50 | sign-in p95 |\n|---:|---:|---:|---:|---:|---:|\n` +
      `| ${level.parents.toLocaleString('en')} | ${completed.length} | ${failed.length} | ${perMinute.toFixed(0)} | ` +
      `${seconds(percentile(times(MODE === 'js' ? 'to-etape-2' : 'recap'), 50))} | ${seconds(percentile(times('sign-in'), 95))} |`,
  );
  console.log(
    `  admitted ${admitted.length}, still waiting at the end ${waiting.length}, peak in the waiting room ${level.peakWaiting}` +
      (waited.length > 0
        ? `, waited p50 ${seconds(percentile(waited, 50))} p95 ${seconds(percentile(waited, 95))}`
        : ''),
  );
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  failed: ${n} × ${reason}`);
  const cores = (cpu: number) => (cpu / (level.wallMs / 1000)).toFixed(2);
  console.log(
    `  CPU: the web tier ${level.serverCpu.toFixed(0)} s (${cores(level.serverCpu)} cores busy on average), ` +
      `this bench's parents ${level.clientCpu.toFixed(0)} s (${cores(level.clientCpu)} cores), ${os.cpus().length} CPUs`,
  );
  if (level.machineCpu > 0) {
    const rest = Math.max(0, level.machineCpu - level.serverCpu - level.clientCpu);
    const perDemarche = (cpu: number) => (completed.length > 0 ? (1000 * cpu) / completed.length : 0).toFixed(0);
    console.log(
      `  the whole machine ${level.machineCpu.toFixed(0)} s (${cores(level.machineCpu)} cores busy), PostgreSQL and ` +
        `the rest ${rest.toFixed(0)} s (${cores(rest)} cores); per completed démarche: the web tier ` +
        `${perDemarche(level.serverCpu)} ms, the machine ${perDemarche(level.machineCpu)} ms`,
    );
    if (level.databaseCpu > 0)
      console.log(
        `  PostgreSQL's backends on the bench database ${level.databaseCpu.toFixed(0)} s ` +
          `(${cores(level.databaseCpu)} cores), ${perDemarche(level.databaseCpu)} ms per completed démarche`,
      );
  }
  console.log(
    `  web tier peak RSS ${(level.peakRss / 2 ** 20).toFixed(0)} MB; PostgreSQL peak connections on the bench database ${level.peakConnections}`,
  );
  console.log('  step            n      p50      p95      p99      max   (admitted parents, the attempt let through)');
  for (const step of STEPS) {
    const t = times(step);
    console.log(
      `  ${step.padEnd(12)} ${String(t.length).padStart(5)} ${[50, 95, 99, 100]
        .map((p) => seconds(percentile(t, p)).padStart(8))
        .join(' ')}`,
    );
  }
}

// ---- invariants -----------------------------------------------------------------------------------------
async function checkInvariants(db: Db, successes: number): Promise<void> {
  console.log('\nInvariants (whole database, after the last level)');
  const [counts] = await rows<{ submitted: number; outbox_wrong: number; outbox_rows: number; half: number }>(
    db,
    sql`
    select
      (select count(*)::int from requests where status = 'submitted') as submitted,
      (select count(*)::int from requests r where r.status = 'submitted'
         and (select count(*) from email_outbox o where o.request_id = r.id) <> 1) as outbox_wrong,
      (select count(*)::int from email_outbox o where o.request_id is not null) as outbox_rows,
      (select count(*)::int from requests where status = 'submitted' and (reference is null or diff is null or submitted_at is null)) as half`,
  );
  check(
    'submitted requests = successes the clients saw (the confirmation page)',
    counts!.submitted === successes,
    `${counts!.submitted} in the database, ${successes} confirmations`,
  );
  check(
    'one outbox row per submitted request',
    counts!.outbox_wrong === 0 && counts!.outbox_rows === counts!.submitted,
    `${counts!.outbox_rows} rows for ${counts!.submitted} requests, ${counts!.outbox_wrong} requests without exactly one`,
  );
  check('no request half-written', counts!.half === 0, `${counts!.half} submitted without reference, diff or date`);

  // every reservation on an open date of its service (lib/planning, per year and site), as bench/reservations.ts checks
  const { used, bad } = await reservationsOnClosedDates(db);
  check(
    'no reservation on a closed date',
    bad.length === 0,
    bad.length === 0
      ? `${used.reduce((n, u) => n + u.n, 0)} reservations checked`
      : `${bad.reduce((n, b) => n + b.n, 0)} on ${bad.length} closed dates, e.g. ${bad
          .slice(0, 3)
          .map((b) => `${b.service} ${b.date}`)
          .join(', ')}`,
  );
}

// ---- main -----------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error('[bench:rush] no production build: run `npm run build` first.');
    process.exitCode = 1;
    return;
  }
  if (LEVELS.length === 0) {
    console.error('[bench:rush] BENCH_RUSH_LEVELS names no level (e.g. "50,500").');
    process.exitCode = 1;
    return;
  }
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rush-mail-'));
  await withBenchDatabase({ tag: 'bench:rush', prefix: 'portail_rush', failures }, async (bench) => {
    bench.closeLater(async () => fs.rmSync(mailDir, { recursive: true, force: true }));
    console.log(
      `[bench:rush] PostgreSQL ${bench.version}, database ${bench.name}; ${os.cpus().length} CPUs, ` +
        `load average ${loadAverage()} (other work on the machine skews the figures)`,
    );

    // 1. Migrations and the demo town with FAMILIES families, loaded here so the server finds them at start.
    const database = await openDatabase({ url: bench.url }, { max: 4 });
    bench.closeLater(() => database.close());
    const db = database.db;
    const seedStarted = performance.now();
    await seedIfEmpty(db, () => {}, { families: FAMILIES });
    // Every generated family gets a child enrolled at its sector's Wednesday centre (the seed enrols about 40 % of
    // the children): the first child of each family with none enrolled there yet.
    await db.execute(sql`
      insert into enrolments (child_id, service, site_id, school_year_id)
      select distinct on (c.family_id) c.id, 'mercredi', s.leisure_centre_id, y.id
      from children c
      join families f on f.id = c.family_id
      join sectors s on s.id = f.sector_id
      join school_years y on y.label = ${DEMO_YEAR}
      where not exists (
        select 1 from enrolments e join children c2 on c2.id = e.child_id
        where c2.family_id = c.family_id and e.service = 'mercredi' and e.school_year_id = y.id)
      order by c.family_id, c.id`);
    // Places are not what this bench measures: with 3,000 families the seed's Wednesdays are full (80 places per
    // unit and centre), so every centre gets room for everyone, as bench/reservations.ts does.
    await db.execute(sql`update site_capacities set capacity = ${BENCH_CAPACITY}`);
    // What autovacuum does after a bulk load, done before the server starts, as bench/reservations.ts does: the
    // visibility map, and the statistics of the rows written since the seed's own ANALYZE (the enrolments above).
    // Étape 1's count of a month of a centre's bookings, an index-only scan, took 13-16 ms unanalysed, 3 ms analysed,
    // 1 ms vacuumed. A town's database is vacuumed and analysed by autovacuum; a fresh bench database is not, and
    // autovacuum is off on these machines.
    await db.execute(sql`vacuum (analyze)`);
    // One parent account per generated family (their e-mails end in .<n>@example.fr; the demo's own stay out), and
    // the child enrolled in mercredi, the first one.
    const parents: Parent[] = (
      await rows<{ email: string; child_id: number }>(
        db,
        sql`
        select distinct on (f.id) a.email, c.id as child_id
        from families f
        join parents p on p.family_id = f.id
        join accounts a on a.id = p.account_id
        join children c on c.family_id = f.id
        join enrolments e on e.child_id = c.id and e.service = 'mercredi'
        join school_years y on y.id = e.school_year_id and y.label = ${DEMO_YEAR}
        where a.email ~ '\\.[0-9]+@example\\.fr$'
        order by f.id, c.id`,
      )
    ).map((r) => ({ email: r.email, childId: r.child_id }));
    const [seeded] = await rows<{ families: number; reservations: number }>(
      db,
      sql`select (select count(*)::int from families) as families, (select count(*)::int from reservations) as reservations`,
    );
    console.log(
      `[bench:rush] seeded ${seeded!.families} families (${parents.length} parents to drive), ` +
        `${seeded!.reservations} reservations in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    if (parents.length < NEEDED) throw new Error(`${parents.length} parents seeded, the bench needs ${NEEDED}`);

    // 2. The server, as `npm start` runs it.
    const server = startServer(bench.url, mailDir);
    bench.closeLater(() => stopServer(server));
    const monitor = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    bench.closeLater(() => monitor.end({ timeout: 5 }));
    await waitForServer(server);
    console.log(
      `[bench:rush] server on ${ORIGIN} (pid ${server.pid}, WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY ?? 'unset'}, ` +
        `APP_NOW ${APP_NOW}); ${MODE === 'js' ? 'actions called as React calls them' : 'forms posted without JavaScript'}; levels ${LEVELS.join(', ')}; ${REQUEST_TIMEOUT_MS / 1000} s per request, ` +
        `${LEVEL_TIMEOUT_MS / 1000} s per level`,
    );

    // 3. One démarche alone first, so that the first level does not pay for the server's first renders; then the
    // levels, one after the other, each with families of its own.
    const warmUp = await runLevel(server, monitor, bench.name, parents.slice(0, 1));
    const [warm] = warmUp.runs;
    if (warm!.outcome !== 'completed') throw new Error(`the warm-up démarche did not complete: ${warm!.reason}`);
    console.log(`[bench:rush] warm-up: one démarche alone in ${seconds(warmUp.wallMs)}`);
    let successes = 1;
    let offset = 1;
    for (const v of LEVELS) {
      const level = await runLevel(server, monitor, bench.name, parents.slice(offset, offset + v));
      offset += v;
      successes += level.runs.filter((r) => r.outcome === 'completed').length;
      report(level);
      if (server.exitCode !== null || server.signalCode !== null)
        throw new Error('the server stopped during the level');
    }

    // 4. The invariants.
    await checkInvariants(db, successes);
  });
}

main().catch((error: unknown) => {
  console.error('[bench:rush] failed:', error);
  process.exitCode = 1;
});
