// npm run bench:rush — the registration rush: V parents at once, each running the whole démarche once, on the
// production build served as `npm start` serves it (scripts/server.mjs, NODE_ENV=production: the cluster workers
// when there are), on a fresh PostgreSQL database of its own (bench/database.ts) with 3,000 families.
// Each virtual parent is a family of its own, with its own cookie jar and keep-alive connections (at most 6, as a
// browser), and sends the requests a browser sends over loopback, following the redirects:
//   GET /connexion → « Se connecter » → Mon espace → the introduction → « Commencer » → Étape 1
//   → a two-week template to the end of the school year (+ the refresh the form asks for) → « Aller à l'étape 2 »
//   → Étape 2 (the recap) → « Valider » → the confirmation.
// The forms are posted as a browser without JavaScript posts them (the multipart form with the hidden $ACTION_…
// fields React renders; the action answers 303 to the next page). The periodicity has no such form (react-hook-form,
// loaded when its panel opens): it is called as React calls it, a POST with the Next-Action header and the action's
// id, read from the flight data of Étape 1 like the browser reads it, then the page is refreshed (RSC: 1).
// A waiting room (an answer with X-Salle-Attente: <position> and Refresh: <seconds>) is honoured: the parent waits
// Refresh seconds and sends the same request again with its cookies; a parent still waiting when the level's time is
// up counts as waiting, not failed. Levels run one after the other, each with families never used before.
// The invariants are read in the database after each level; the exit code is non-zero when one breaks.
// Environment: BENCH_RUSH_LEVELS (default 50,500,2500), BENCH_RUSH_PORT (3700), BENCH_RUSH_REQUEST_TIMEOUT
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
import zlib from 'node:zlib';
import postgres from 'postgres';
import { SERVER_URL, withBenchDatabase } from './database';
import { openDatabase, rows, sql, type Db } from '@/db/client';
import { DEMO_ACCOUNTS, DEMO_YEAR, seedIfEmpty } from '@/lib/demo/seed';
import { openDates, type IsoDate, type ServiceKind } from '@/lib/planning';
import { loadServiceCalendar } from '@/lib/reservations/calendar';

// ---- configuration -------------------------------------------------------------------------------------
const PORT = Number(process.env.BENCH_RUSH_PORT ?? 3700);
const HOST = `localhost:${PORT}`;
const ORIGIN = `http://${HOST}`;
const LEVELS = (process.env.BENCH_RUSH_LEVELS ?? '50,500,2500')
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0);
/** 3,000 families, or more when the levels together need more (each level uses families never used before) */
const FAMILIES = Math.max(3000, LEVELS.reduce((a, b) => a + b, 0) + 1);
/** the end-to-end tests' clock (playwright.config.ts): Wednesdays from mid-December on are bookable */
const APP_NOW = '2026-11-29T10:00:00+01:00';
const REQUEST_TIMEOUT_MS = 1000 * Number(process.env.BENCH_RUSH_REQUEST_TIMEOUT ?? 60);
const LEVEL_TIMEOUT_MS = 1000 * Number(process.env.BENCH_RUSH_LEVEL_TIMEOUT ?? 600);
/** places per unit and day at each centre: never the limit here */
const BENCH_CAPACITY = 10_000;
/** connections per parent, as a browser opens to one host */
const CONNECTIONS = 6;
/** week 1: a full day with the classic meal on Wednesday; week 2: a morning with the meatless meal (bench/reservations.ts) */
const TEMPLATE_WEEKS: Record<string, string[]>[] = [
  { 3: ['matin', 'apres_midi', 'repas_classique'] },
  { 3: ['matin', 'repas_sans_viande'] },
];
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156 Safari/537.36';
/** the steps of the démarche, one HTTP request each, in order */
const STEPS = [
  'connexion',
  'sign-in',
  'mon-espace',
  'intro',
  'commencer',
  'etape-1',
  'template',
  'refresh',
  'to-etape-2',
  'recap',
  'valider',
  'confirmation',
] as const;
type Step = (typeof STEPS)[number];

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
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

// ---- one parent's browser: a cookie jar, keep-alive connections, the waiting room --------------------------
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Why a parent stopped: the level's time ran out while it waited in the waiting room. */
class StillWaiting extends Error {}
/** Why a parent failed: a short reason, counted in the table (a timeout, a reset, HTTP 500, an unexpected page). */
class Failed extends Error {
  constructor(
    readonly reason: string,
    readonly step: Step,
    /** the page answered, for BENCH_RUSH_DUMP */
    readonly body?: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

interface Parent {
  email: string;
  childId: number;
}

interface ParentRun {
  outcome: 'completed' | 'failed' | 'waiting';
  reason?: string;
  /** got past the waiting room at least once (or met none) */
  admitted: boolean;
  /** time spent in the waiting room */
  waitedMs: number;
  /** each step's time, its last attempt only (the one the waiting room let through) */
  steps: Partial<Record<Step, number>>;
}

class Browser {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  private readonly cookies = new Map<string, string>();
  waitedMs = 0;
  admitted = false;
  waiting = false;
  readonly steps: Partial<Record<Step, number>> = {};

  constructor(
    /** aborts everything at the level's end */
    private readonly signal: AbortSignal,
    private readonly onWaiting: (delta: 1 | -1) => void,
  ) {}

  close(): void {
    this.agent.destroy();
  }

  /**
   * One request as the browser sends it, timed as `step`; the waiting room's page is waited out (Refresh seconds)
   * and the same request sent again. Redirects are not followed here: the journey follows them, step by step.
   */
  async send(
    step: Step,
    method: 'GET' | 'POST',
    target: string,
    extra: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<Answer> {
    for (;;) {
      if (this.signal.aborted) throw this.waiting ? new StillWaiting() : new Failed('level time up', step);
      const started = performance.now();
      const answer = await this.once(step, method, target, extra);
      const position = answer.headers['x-salle-attente'];
      if (position !== undefined) {
        if (!this.waiting) this.onWaiting(1);
        this.waiting = true;
        // Refresh: "5" or "5; url=…": the browser reloads after that many seconds
        const refresh = Number(String(answer.headers.refresh ?? '5').split(';')[0]) || 5;
        const waitStarted = performance.now();
        await sleep(refresh * 1000, this.signal);
        this.waitedMs += performance.now() - waitStarted + (waitStarted - started);
        continue;
      }
      if (this.waiting) this.onWaiting(-1);
      this.waiting = false;
      this.admitted = true;
      this.steps[step] = performance.now() - started;
      if (answer.status >= 500) throw new Failed(`HTTP ${answer.status}`, step);
      return answer;
    }
  }

  private once(
    step: Step,
    method: string,
    target: string,
    extra: { headers?: Record<string, string>; body?: Buffer },
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      host: HOST,
      'user-agent': USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'fr-FR,fr;q=0.9',
      'accept-encoding': 'gzip, deflate, br',
      ...extra.headers,
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method === 'POST') headers.origin = ORIGIN; // Next.js refuses a server action whose Origin is not the host
    if (extra.body) headers['content-length'] = String(extra.body.length);
    return new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: PORT, method, path: target, headers, agent: this.agent, signal: this.signal },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(failure(step, error)));
          response.on('end', () => {
            clearTimeout(timer);
            try {
              for (const cookie of response.headers['set-cookie'] ?? []) this.keep(cookie);
              const raw = Buffer.concat(chunks);
              const encoding = response.headers['content-encoding'];
              const body =
                encoding === 'gzip'
                  ? zlib.gunzipSync(raw)
                  : encoding === 'br'
                    ? zlib.brotliDecompressSync(raw)
                    : encoding === 'deflate'
                      ? zlib.inflateSync(raw)
                      : raw;
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString('utf8') });
            } catch (error) {
              reject(failure(step, error));
            }
          });
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Failed(`timeout at ${REQUEST_TIMEOUT_MS / 1000} s`, step)),
        REQUEST_TIMEOUT_MS,
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(failure(step, error));
      });
      request.end(extra.body);
    });
  }

  /** Set-Cookie, minimally: name=value, removed when it expires at once (Auth.js clears its cookies this way). */
  private keep(header: string): void {
    const [pair, ...attributes] = header.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [k, v] = a.split('=').map((s) => s.trim());
      return (
        (k?.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (k?.toLowerCase() === 'expires' && Date.parse(v ?? '') < Date.now())
      );
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

function failure(step: Step, error: unknown): Failed {
  if (error instanceof Failed) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AbortError') return new Failed('level time up', step);
  if (e.code === 'ECONNRESET') return new Failed('connection reset', step);
  if (e.code === 'ECONNREFUSED') return new Failed('connection refused', step);
  return new Failed(e.code ?? e.message ?? String(error), step);
}

// ---- the pages, read minimally ---------------------------------------------------------------------------
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (ENTITIES[name] ?? whole),
  );
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) out[name!] = decode(value ?? '');
  return out;
}

/**
 * The fields a browser sends for the first form of the page whose HTML matches `marker`: its inputs with a name
 * (hidden ones included: React's $ACTION_… fields and the ids), then the submit button's name and value if any.
 */
function formFields(html: string, marker: RegExp, step: Step): [string, string][] {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => marker.test(f));
  if (!form) throw new Failed(`no form matching ${marker}`, step);
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    if (!a.name || a.disabled !== undefined) continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && a.checked === undefined) continue;
    fields.push([a.name, a.value ?? '']);
  }
  for (const [tag] of form.matchAll(/<button\b[^>]*>/g)) {
    const a = attributes(tag);
    if (a.name && (a.type ?? 'submit') === 'submit') fields.push([a.name, a.value ?? '']);
  }
  return fields;
}

/** A form's fields as multipart/form-data, as a browser encodes them (the boundary from undici's FormData). */
async function multipart(fields: [string, string][]): Promise<{ body: Buffer; type: string }> {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  const encoded = new Response(data);
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}

/** The flight data's text, unescaped enough for a regex: the page's props travel in self.__next_f.push strings. */
const flight = (html: string) => html.replace(/\\"/g, '"');

function expectRedirect(answer: Answer, step: Step, to: RegExp): string {
  const location = answer.headers.location;
  if (answer.status < 300 || answer.status >= 400 || !location) {
    throw new Failed(`HTTP ${answer.status} instead of a redirect${refusal(answer.body)}`, step, answer.body);
  }
  const target = new URL(location, ORIGIN);
  if (!to.test(target.pathname)) throw new Failed(`redirected to ${target.pathname}`, step);
  return `${target.pathname}${target.search}`;
}

function expectPage(answer: Answer, step: Step, marker: RegExp): string {
  if (answer.status !== 200) throw new Failed(`HTTP ${answer.status}`, step);
  if (!marker.test(answer.body)) throw new Failed(`unexpected page${refusal(answer.body)}`, step, answer.body);
  return answer.body;
}

/** The French sentence of a refusal shown on the page (the form's error summary), for the failure's reason. */
function refusal(html: string): string {
  const alert = /role="alert"[^>]*>([\s\S]{0,400}?)<\/(?:div|p|section)>/.exec(html)?.[1];
  return alert
    ? ` (${decode(alert.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 80)})`
    : '';
}

// ---- the démarche ----------------------------------------------------------------------------------------
async function journey(browser: Browser, parent: Parent): Promise<void> {
  // Connexion, then the sign-in form (Auth.js's credentials through the loginAction server action)
  let page = expectPage(await browser.send('connexion', 'GET', '/connexion'), 'connexion', /name="password"/);
  const login = formFields(page, /name="password"/, 'sign-in').map(([k, v]): [string, string] =>
    k === 'email' ? [k, parent.email] : k === 'password' ? [k, DEMO_ACCOUNTS.parent.password] : [k, v],
  );
  let form = await multipart(login);
  let next = expectRedirect(
    await browser.send('sign-in', 'POST', '/connexion', { headers: { 'content-type': form.type }, body: form.body }),
    'sign-in',
    /^\/$/,
  );

  // Mon espace links the child's démarche; the parent follows it to the introduction
  page = expectPage(await browser.send('mon-espace', 'GET', next), 'mon-espace', /<h1/);
  const intro = `/demarches/reservations/mercredi/${parent.childId}`;
  if (!page.includes(`href="${intro}`)) throw new Failed(`no link to ${intro}`, 'mon-espace');
  page = expectPage(await browser.send('intro', 'GET', intro), 'intro', />Commencer</);

  // « Commencer »: the draft opens, the action's redirect leads to Étape 1
  form = await multipart(formFields(page, />Commencer</, 'commencer'));
  next = expectRedirect(
    await browser.send('commencer', 'POST', intro, { headers: { 'content-type': form.type }, body: form.body }),
    'commencer',
    /^\/demarches\/\d+\/etape-1$/,
  );
  const step1 = next.split('?')[0]!;
  const requestId = Number(step1.split('/')[2]);
  page = expectPage(await browser.send('etape-1', 'GET', next), 'etape-1', /Étape 1/);

  // the periodicity: the template form's action id and default period, as its props carry them in the flight data
  const props = flight(page);
  const from = /"defaultFrom":"(\d{4}-\d{2}-\d{2})"/.exec(props)?.[1];
  const to = /"defaultTo":"(\d{4}-\d{2}-\d{2})"/.exec(props)?.[1];
  const applyRef = /"apply":"\$h([0-9a-f]+)"/.exec(props)?.[1];
  const applyId = applyRef && new RegExp(`(?:\\\\n|")${applyRef}:\\{"id":"([0-9a-f]+)"`).exec(props)?.[1];
  if (!from || !to || !applyId) throw new Failed('no periodicity form in the flight data', 'template');
  const applied = await browser.send('template', 'POST', step1, {
    headers: { accept: 'text/x-component', 'next-action': applyId, 'content-type': 'text/plain;charset=UTF-8' },
    body: Buffer.from(JSON.stringify([{ requestId, weeks: TEMPLATE_WEEKS, from, to }])),
  });
  if (applied.status !== 200 || !/"ok":true/.test(applied.body)) {
    throw new Failed(`template refused (HTTP ${applied.status}: ${applied.body.slice(0, 120)})`, 'template');
  }
  // router.refresh(): the page's flight data again. The browser also sends its router's state tree, and _rsc the
  // hash of those headers; without the tree, the hash of no headers is empty (Next.js answers 307 to a wrong one)
  // and the whole page's flight data is rendered, as a refresh renders it.
  const refreshed = await browser.send('refresh', 'GET', `${step1}?_rsc=`, { headers: { rsc: '1', accept: '*/*' } });
  if (refreshed.status !== 200) throw new Failed(`HTTP ${refreshed.status}`, 'refresh');

  // « Aller à l'étape 2 » (from the refreshed page: the same form in the HTML Étape 1 was served with)
  form = await multipart(formFields(page, /tape 2/, 'to-etape-2'));
  next = expectRedirect(
    await browser.send('to-etape-2', 'POST', step1, { headers: { 'content-type': form.type }, body: form.body }),
    'to-etape-2',
    /^\/demarches\/\d+\/etape-2$/,
  );
  page = expectPage(await browser.send('recap', 'GET', next), 'recap', /Étape 2/);

  // « Valider »: the request is submitted, the action's redirect leads to the confirmation
  form = await multipart(formFields(page, />Valider</, 'valider'));
  next = expectRedirect(
    await browser.send('valider', 'POST', next, { headers: { 'content-type': form.type }, body: form.body }),
    'valider',
    /^\/demarches\/\d+\/confirmation$/,
  );
  expectPage(await browser.send('confirmation', 'GET', next), 'confirmation', /<h1/);
}

// ---- the server and what it uses --------------------------------------------------------------------------
let stopping = false;
function startServer(databaseUrl: string, mailDir: string): ChildProcess {
  const child = spawn(process.execPath, [path.join('scripts', 'server.mjs')], {
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

/** The resident memory of a process and all its descendants (cluster workers), in bytes: /proc, Linux only. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples every second: the web tier's memory and the bench database's PostgreSQL connections; keeps the peaks. */
function sampler(pid: number, monitor: postgres.Sql, database: string) {
  const peak = { rss: 0, connections: 0, waiting: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      peak.rss = Math.max(peak.rss, treeRss(pid));
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

// ---- one level ------------------------------------------------------------------------------------------
interface Level {
  parents: number;
  runs: ParentRun[];
  wallMs: number;
  peakRss: number;
  peakConnections: number;
  peakWaiting: number;
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
  const runs = await Promise.all(
    parents.map(async (parent): Promise<ParentRun> => {
      const browser = new Browser(stop.signal, onWaiting);
      try {
        await journey(browser, parent);
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
  clearTimeout(deadline);
  await sampling.stop();
  const { rss, connections, waiting } = sampling.peak;
  return { parents: parents.length, runs, wallMs, peakRss: rss, peakConnections: connections, peakWaiting: waiting };
}

function report(level: Level): void {
  const completed = level.runs.filter((r) => r.outcome === 'completed');
  const failed = level.runs.filter((r) => r.outcome === 'failed');
  const waiting = level.runs.filter((r) => r.outcome === 'waiting');
  const admitted = level.runs.filter((r) => r.admitted);
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
      `${seconds(percentile(times('recap'), 50))} | ${seconds(percentile(times('sign-in'), 95))} |`,
  );
  console.log(
    `  admitted ${admitted.length}, still waiting at the end ${waiting.length}, peak in the waiting room ${level.peakWaiting}` +
      (waited.length > 0
        ? `, waited p50 ${seconds(percentile(waited, 50))} p95 ${seconds(percentile(waited, 95))}`
        : ''),
  );
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  failed: ${n} × ${reason}`);
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

  // every reservation on an open date of its service (lib/planning, per year and site), as bench/reservations.ts
  const years = await rows<{ id: number }>(db, sql`select id from school_years order by year_start`);
  const used = await rows<{ service: ServiceKind; site_id: number; date: string; n: number }>(
    db,
    sql`select service, site_id, to_char(date, 'YYYY-MM-DD') as date, count(*)::int as n from reservations group by 1, 2, 3`,
  );
  const open = new Map<string, { from: IsoDate; to: IsoDate; dates: Set<IsoDate> }[]>();
  for (const key of new Set(used.map((u) => `${u.service}|${u.site_id}`))) {
    const [service, site] = key.split('|') as [ServiceKind, string];
    const perYear = [];
    for (const year of years) {
      const cal = await loadServiceCalendar(db, { schoolYearId: year.id, service, siteId: Number(site) });
      const { yearStart, lastDay } = cal.schoolYear;
      perYear.push({
        from: yearStart,
        to: lastDay,
        dates: new Set(openDates(service, cal.cal, yearStart, lastDay, { weekdays: cal.weekdays })),
      });
    }
    open.set(key, perYear);
  }
  const bad = used.filter((u) => {
    const year = open.get(`${u.service}|${u.site_id}`)!.find((y) => y.from <= u.date && u.date <= y.to);
    return !year || !year.dates.has(u.date);
  });
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

    const needed = LEVELS.reduce((a, b) => a + b, 0);
    if (parents.length < needed) throw new Error(`${parents.length} parents seeded, the levels need ${needed}`);

    // 2. The server, as `npm start` runs it.
    const server = startServer(bench.url, mailDir);
    bench.closeLater(() => stopServer(server));
    const monitor = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    bench.closeLater(() => monitor.end({ timeout: 5 }));
    await waitForServer(server);
    console.log(
      `[bench:rush] server on ${ORIGIN} (pid ${server.pid}, WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY ?? 'unset'}, ` +
        `APP_NOW ${APP_NOW}); levels ${LEVELS.join(', ')}; ${REQUEST_TIMEOUT_MS / 1000} s per request, ` +
        `${LEVEL_TIMEOUT_MS / 1000} s per level`,
    );

    // 3. The levels, one after the other, each with families of its own.
    let successes = 0;
    let offset = 0;
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
