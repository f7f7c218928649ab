// Every core serves: the production build on PostgreSQL with two workers behind one port (scripts/server.mjs and
// scripts/cluster.mjs). Both answer /api/health; a rolling restart (SIGHUP) never leaves a request unanswered; a
// worker that dies is replaced; SIGTERM stops everything and exits 0. No browser: plain HTTP, a new connection per
// request, since the primary hands out connections, not requests.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { E2E } from '../../playwright.config';

// the journeys' servers take base and base + 1, the waiting room's base + 2, the siblings' base + 5
// (playwright.config.ts); these tests take base + 3 and base + 4
const port = Number(process.env.E2E_PORT_BASE ?? 3100) + 3;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Answer {
  status: number;
  worker: string | undefined;
  cacheControl: string | undefined;
  body: string;
}

/** GET on a connection of its own (no keep-alive): the primary gives each new connection to the next worker. */
function get(pathname: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathname, agent: false, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          worker: res.headers['x-portail-worker'] as string | undefined,
          cacheControl: res.headers['cache-control'],
          body,
        }),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

/** The server's log, read as it comes, with a way to wait for a line. */
class Log {
  lines: string[] = [];
  constructor(child: ChildProcess) {
    let rest = '';
    const read = (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      this.lines.push(...parts);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  }
  /** the matches of `pattern` in lines logged from `from` on */
  matches(pattern: RegExp, from = 0): RegExpExecArray[] {
    return this.lines
      .slice(from)
      .map((line) => pattern.exec(line))
      .filter((m) => m !== null);
  }
  async waitFor(pattern: RegExp, count = 1, from = 0, timeoutMs = 90_000): Promise<RegExpExecArray[]> {
    const until = Date.now() + timeoutMs;
    while (this.matches(pattern, from).length < count) {
      if (Date.now() > until) throw new Error(`no ${pattern} in the server's log:\n${this.lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.matches(pattern, from);
  }
}

const WORKER_STARTED = /\[server\] worker (\d) started \(pid (\d+)\)/;

// runs in the desktop project only (playwright.config.ts): no page, no viewport, one server of its own is enough.
// PostgreSQL is part of the machine (README): without it this fails, rather than skip and pass for nothing
test.beforeEach(async () => {
  const probe = postgres(databaseUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const reachable = await probe`select 1`.then(
    () => true,
    () => false,
  );
  await probe.end();
  expect(reachable, `several workers need PostgreSQL (${databaseUrl} does not answer)`).toBe(true);
});

test('two workers serve one port, restart one at a time without a failed request, and stop cleanly', async () => {
  test.setTimeout(240_000);
  // scripts/e2e-server.mjs makes the fresh database (named after the run: the teardown drops it if we cannot)
  const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'e2e-server.mjs')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      E2E_PORT: String(port),
      WEB_CONCURRENCY: '2',
      APP_NOW: E2E.now,
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = new Log(child);
  try {
    const [primary] = await log.waitFor(/\[server\] .* 2 workers \(primary pid (\d+)\)/);
    const primaryPid = Number(primary![1]);
    const started = await log.waitFor(WORKER_STARTED, 2);
    const firstPids = new Map(started.map((m) => [m[1]!, Number(m[2])]));
    expect([...firstPids.keys()].sort()).toEqual(['1', '2']);
    // the two workers started on an empty database together: it was migrated and seeded once, without a clash
    expect(log.matches(/\[seed\] demo town loaded/)).toHaveLength(1);
    expect(log.matches(/\[start\] database ready \(postgres\)/)).toHaveLength(2);

    // /api/health answers from both workers, without a session and without being cached
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const answer = await get('/api/health');
      expect(answer).toMatchObject({ status: 200, cacheControl: 'no-store' });
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok', database: 'ok' });
      seen.add(answer.worker ?? '?');
    }
    expect([...seen].sort()).toEqual(['1', '2']);

    // SIGHUP: a rolling restart while a client keeps asking; every request is answered
    const before = log.lines.length;
    let polling = true;
    const answers: (Answer | Error)[] = [];
    const poller = (async () => {
      while (polling) {
        answers.push(await get(answers.length % 2 ? '/api/health' : '/connexion').catch((error: Error) => error));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    process.kill(primaryPid, 'SIGHUP');
    await log.waitFor(/\[server\] rolling restart done/, 1, before, 120_000);
    polling = false;
    await poller;
    const failed = answers.filter((a) => a instanceof Error || a.status !== 200);
    expect(failed, 'requests that failed during the rolling restart').toEqual([]);
    expect(answers.length).toBeGreaterThan(20);
    const restarted = log.matches(WORKER_STARTED, before);
    expect(restarted.map((m) => m[1]).sort()).toEqual(['1', '2']);
    for (const m of restarted) expect(Number(m[2])).not.toBe(firstPids.get(m[1]!));

    // a worker killed outright is replaced, under the same number
    const victim = Number(restarted.find((m) => m[1] === '1')![2]);
    const beforeKill = log.lines.length;
    process.kill(victim, 'SIGKILL');
    const [replacement] = await log.waitFor(/\[server\] worker 1 started \(pid (\d+)\)/, 1, beforeKill);
    expect(Number(replacement![1])).not.toBe(victim);
    expect(
      log.matches(/\[server\] worker 1 \(pid \d+\) died \(SIGKILL\); a new one in 1000 ms/, beforeKill),
    ).toHaveLength(1);
    // dying again soon after starting looks like a crash loop: the next replacement waits twice as long
    const beforeSecondKill = log.lines.length;
    process.kill(Number(replacement![1]), 'SIGKILL');
    await log.waitFor(/\[server\] worker 1 started/, 1, beforeSecondKill);
    expect(
      log.matches(/\[server\] worker 1 \(pid \d+\) died \(SIGKILL\); a new one in 2000 ms/, beforeSecondKill),
    ).toHaveLength(1);
    const after = new Set<string>();
    for (let i = 0; i < 10; i++) after.add((await get('/api/health')).worker ?? '?');
    expect([...after].sort()).toEqual(['1', '2']);

    // SIGTERM: the workers finish and the whole server exits 0 (e2e-server.mjs passes the code on)
    process.kill(primaryPid, 'SIGTERM');
    expect(await exited).toBe(0);
    await expect(get('/api/health')).rejects.toThrow();
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }
});

test('a server whose workers cannot start stops with code 1 instead of restarting them forever', async () => {
  test.setTimeout(120_000);
  const missing = new URL(databaseUrl);
  missing.pathname = `/portail_missing_${Date.now()}`;
  const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: missing.toString(),
      PORT: String(port + 1),
      WEB_CONCURRENCY: '2',
      AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = new Log(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  expect(code, log.lines.join('\n')).toBe(1);
  expect(log.matches(/\[server\] worker \d exited before listening \(code 1\): stopping/)).toHaveLength(1);
  expect(log.matches(/\[server\] worker \d started/)).toHaveLength(0);
});
