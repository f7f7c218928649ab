// The virtual parent of npm run bench:rush against a stand-in server: it honours the waiting room (waits Refresh
// seconds, sends the same request again with the cookie it was given), counts as waiting when the level ends there,
// and fails on a request that is not answered in time. The portal's own gate is tested with the portal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Browser, Failed, StillWaiting } from '@/bench/rush-parent';

interface Seen {
  method: string;
  cookie: string | undefined;
  body: string;
}

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server whose answer to each request is `answer(request number, what it saw)`; undefined: never answers. */
async function serve(answer: (n: number, seen: Seen, res: http.ServerResponse) => boolean): Promise<{
  port: number;
  seen: Seen[];
}> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, cookie: req.headers.cookie, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      if (!answer(seen.length, s, res)) return; // left unanswered
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server!.address() as AddressInfo).port, seen };
}

/** The waiting room's page, as the portal's gate answers it: HTTP 200, the position, when to come back, a ticket. */
function waitingRoom(res: http.ServerResponse, position: number): true {
  res.writeHead(200, {
    'x-salle-attente': String(position),
    refresh: '1',
    'set-cookie': 'salle_attente=ticket-1; Path=/; HttpOnly; SameSite=Lax',
    'content-type': 'text/html; charset=utf-8',
  });
  res.end("<h1>Salle d'attente</h1>");
  return true;
}

describe('bench:rush, a virtual parent', () => {
  it('waits Refresh seconds in the waiting room, then sends the same request with its ticket', async () => {
    const { port, seen } = await serve((n, _seen, res) => {
      if (n === 1) return waitingRoom(res, 3);
      res.writeHead(303, { location: '/' });
      res.end();
      return true;
    });
    const moves: number[] = [];
    const browser = new Browser({
      port,
      requestTimeoutMs: 5_000,
      signal: new AbortController().signal,
      onWaiting: (d) => moves.push(d),
    });
    try {
      const answer = await browser.send('sign-in', 'POST', '/connexion', { body: Buffer.from('email=a@b.fr') });
      expect(answer.status).toBe(303);
      expect(seen).toEqual([
        { method: 'POST', cookie: undefined, body: 'email=a@b.fr' },
        { method: 'POST', cookie: 'salle_attente=ticket-1', body: 'email=a@b.fr' },
      ]);
      expect(browser.waitedMs).toBeGreaterThanOrEqual(950);
      expect(browser.admitted).toBe(true);
      expect(moves).toEqual([1, -1]);
      // the step's time is the attempt let through, not the wait
      expect(browser.steps['sign-in']).toBeLessThan(900);
    } finally {
      browser.close();
    }
  });

  it('is still waiting, not failed, when the level ends while it waits', async () => {
    const { port } = await serve((_n, _seen, res) => waitingRoom(res, 40));
    const level = new AbortController();
    const browser = new Browser({ port, requestTimeoutMs: 5_000, signal: level.signal });
    setTimeout(() => level.abort(), 300);
    try {
      await expect(browser.send('connexion', 'GET', '/connexion')).rejects.toBeInstanceOf(StillWaiting);
      expect(browser.admitted).toBe(false);
    } finally {
      browser.close();
    }
  });

  it('fails with a timeout when the server does not answer in time', async () => {
    const { port } = await serve(() => false);
    const browser = new Browser({ port, requestTimeoutMs: 300, signal: new AbortController().signal });
    try {
      const error = await browser.send('recap', 'GET', '/demarches/1/etape-2').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Failed);
      expect((error as Failed).reason).toBe('timeout at 0.3 s');
    } finally {
      browser.close();
    }
  });
});
