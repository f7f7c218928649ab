// The door of a web worker (scripts/request-gate.mjs), on a real HTTP server of Node: at most N requests are
// worked on at once, the next ones wait first come first served, a request queued too long gets a 503 in French,
// and no work starts for a client that has gone.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRequestGate,
  gateOptionsFromEnv,
  type GateOptions,
  type RequestGate,
} from '../../scripts/request-gate.mjs';

interface Harness {
  gate: RequestGate;
  url: string;
  /** paths whose work started, in order */
  started: string[];
  /** ends the work of the request for `path` (answers 200 with the path) */
  finish(path: string): void;
  close(): Promise<void>;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A server whose every request waits, once let through the gate, until the test finishes it. */
async function serve(options: GateOptions): Promise<Harness> {
  const gate = createRequestGate(options);
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  const server = http.createServer((req, res) => {
    gate(req, res, () => {
      started.push(req.url!);
      return new Promise<void>((resolve) => {
        pending.set(req.url!, () => {
          if (!res.destroyed) res.end(req.url);
          resolve();
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    gate,
    url: `http://127.0.0.1:${port}`,
    started,
    finish(path) {
      const done = pending.get(path);
      if (!done) throw new Error(`no work in flight for ${path}`);
      pending.delete(path);
      done();
    },
    async close() {
      for (const done of pending.values()) done();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A GET that resolves with the status and body, or 'aborted' when the test aborts it. */
function get(url: string, signal?: AbortSignal) {
  return fetch(url, { signal }).then(
    async (response) => ({ status: response.status, body: await response.text(), headers: response.headers }),
    () => 'aborted' as const,
  );
}

const waitFor = async (check: () => boolean, timeoutMs = 3_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the request gate of a web worker', () => {
  it('works on two requests at once and lets the others in first come, first served', async () => {
    harness = await serve({ maxInFlight: 2, queueTimeoutMs: 5_000, maxQueue: 10 });
    const h = harness;
    const answers = ['/a', '/b', '/c', '/d'].map((path) => get(h.url + path));
    await waitFor(() => h.gate.stats().queued === 2);
    expect(h.started).toEqual(['/a', '/b']);
    expect(h.gate.stats().inFlight).toBe(2);

    h.finish('/b');
    await waitFor(() => h.started.length === 3);
    h.finish('/a');
    await waitFor(() => h.started.length === 4);
    expect(h.started).toEqual(['/a', '/b', '/c', '/d']);
    h.finish('/c');
    h.finish('/d');
    expect((await Promise.all(answers)).map((a) => a !== 'aborted' && a.status)).toEqual([200, 200, 200, 200]);
    expect(h.gate.stats()).toMatchObject({ inFlight: 0, queued: 0, started: 4, dropped: 0, refused: 0 });
  });

  it('answers 503 with Retry-After and a French page to a request queued longer than the limit', async () => {
    harness = await serve({ maxInFlight: 1, queueTimeoutMs: 200, maxQueue: 10 });
    const h = harness;
    const first = get(`${h.url}/first`);
    await waitFor(() => h.started.length === 1);
    const late = await get(`${h.url}/late`);
    if (late === 'aborted') throw new Error('the queued request was cut instead of answered');
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(late.headers.get('cache-control')).toBe('no-store');
    expect(late.body).toContain('Le portail est très sollicité');
    expect(late.body).toContain("Votre demande n'a pas été traitée");
    // the late request never reached the app, and the first one is still served
    expect(h.started).toEqual(['/first']);
    h.finish('/first');
    expect(await first).toMatchObject({ status: 200, body: '/first' });
    expect(h.gate.stats()).toMatchObject({ refused: 1, started: 1 });
  });

  it('refuses at once when the queue is full', async () => {
    harness = await serve({ maxInFlight: 1, queueTimeoutMs: 5_000, maxQueue: 1 });
    const h = harness;
    const first = get(`${h.url}/first`);
    await waitFor(() => h.started.length === 1);
    const queued = get(`${h.url}/queued`);
    await waitFor(() => h.gate.stats().queued === 1);
    const startedAt = Date.now();
    const refused = await get(`${h.url}/refused`);
    expect(refused).toMatchObject({ status: 503 });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    h.finish('/first');
    await waitFor(() => h.started.length === 2);
    h.finish('/queued');
    expect(await first).toMatchObject({ status: 200 });
    expect(await queued).toMatchObject({ status: 200, body: '/queued' });
  });

  it('drops a queued request whose client has gone: its work never starts, and the next client takes its turn', async () => {
    harness = await serve({ maxInFlight: 1, queueTimeoutMs: 5_000, maxQueue: 10 });
    const h = harness;
    const first = get(`${h.url}/first`);
    await waitFor(() => h.started.length === 1);
    const impatient = new AbortController();
    const gone = get(`${h.url}/gone`, impatient.signal);
    await waitFor(() => h.gate.stats().queued === 1);
    const patient = get(`${h.url}/patient`);
    await waitFor(() => h.gate.stats().queued === 2);

    impatient.abort();
    expect(await gone).toBe('aborted');
    await waitFor(() => h.gate.stats().queued === 1);
    h.finish('/first');
    await waitFor(() => h.started.length === 2);
    h.finish('/patient');
    expect(await patient).toMatchObject({ status: 200, body: '/patient' });
    expect(await first).toMatchObject({ status: 200 });
    expect(h.started).toEqual(['/first', '/patient']);
    expect(h.gate.stats()).toMatchObject({ dropped: 1, started: 2 });
  });

  it('holds a slot until the work is done, even when its client left earlier', async () => {
    harness = await serve({ maxInFlight: 1, queueTimeoutMs: 5_000, maxQueue: 10 });
    const h = harness;
    const leaving = new AbortController();
    const first = get(`${h.url}/first`, leaving.signal);
    await waitFor(() => h.started.length === 1);
    const second = get(`${h.url}/second`);
    await waitFor(() => h.gate.stats().queued === 1);
    leaving.abort();
    expect(await first).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Next.js would still be rendering /first: /second waits for that work, not for the client
    expect(h.started).toEqual(['/first']);
    h.finish('/first');
    await waitFor(() => h.started.length === 2);
    h.finish('/second');
    expect(await second).toMatchObject({ status: 200, body: '/second' });
  });

  it('reads its limits from the environment and refuses a typo', () => {
    expect(gateOptionsFromEnv({})).toEqual({ maxInFlight: 64, queueTimeoutMs: 10_000, maxQueue: 256 });
    expect(gateOptionsFromEnv({ WEB_MAX_IN_FLIGHT: '8', WEB_QUEUE_TIMEOUT_MS: '2500', WEB_MAX_QUEUE: '20' })).toEqual({
      maxInFlight: 8,
      queueTimeoutMs: 2_500,
      maxQueue: 20,
    });
    expect(() => gateOptionsFromEnv({ WEB_MAX_IN_FLIGHT: '0' })).toThrow(/WEB_MAX_IN_FLIGHT/);
    expect(() => gateOptionsFromEnv({ WEB_QUEUE_TIMEOUT_MS: '10s' })).toThrow(/WEB_QUEUE_TIMEOUT_MS/);
  });
});
