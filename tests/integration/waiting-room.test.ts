// The waiting room (lib/waiting-room) on a real database, with two instances that share it as two app servers do:
// the order of admission and the limit, a refresh that keeps a place, a silent ticket that loses it, an idle slot
// reused, the pre-queue of a booking opening, and the portal without a limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, rows, sql, type Database } from '@/db/client';
import { accounts, auditLog, bookingOpenings, schoolYears, waitingRoomSettings } from '@/db/schema';
import { UserError } from '@/lib/errors';
import { WaitingRoom, type Verdict, type WaitingRoomConfig } from '@/lib/waiting-room/admission';
import { createGate } from '@/lib/waiting-room/gate';
import { loadWaitingMessages } from '@/lib/waiting-room/page';
import { setActiveLimit, staffLimit } from '@/lib/waiting-room/settings';
import { createTestDatabase, type TestDatabase } from '../support/db';

let queries = 0;
let passes = 0;
const counter: Logger = {
  logQuery: (query) => {
    queries += 1;
    if (query.includes('pg_advisory_xact_lock')) passes += 1;
  },
};

let database: TestDatabase;
let second: Database | null = null; // the second instance's own connections, on PostgreSQL

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  if (database.url) second = await openDatabase({ url: database.url }, { max: 2 });
});

afterAll(async () => {
  await second?.close();
  await database?.close();
});

beforeEach(async () => {
  await database.db.execute(sql`delete from waiting_room_tickets`);
  await database.db.delete(waitingRoomSettings);
  await database.db.delete(bookingOpenings);
});

/** A clock both instances read, moved by the test: the business clock, real time and their caches' clock at once. */
function clock(start: string) {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    wallNow: () => new Date(at),
    wallMs: () => at,
    advance: (seconds: number) => void (at += seconds * 1000),
  };
}

function twoInstances(config: Partial<WaitingRoomConfig>) {
  const a = new WaitingRoom(database.db, config);
  const b = new WaitingRoom(second?.db ?? database.db, config);
  return { a, b };
}

const position = (v: Verdict) => (v.admitted ? 'admitted' : v.position);

/** The places of those still waiting when each of `verdicts`' tickets refreshes in turn on `room`, in order. */
async function placesOnRefresh(room: WaitingRoom, verdicts: Verdict[]): Promise<number[]> {
  const places: number[] = [];
  for (const v of verdicts) {
    const again = await room.check(v.ticketId);
    if (!again.admitted) places.push(again.position);
  }
  return places.sort((x, y) => x - y);
}

describe('admission', () => {
  it('admits first come, first served up to the limit, counted across both instances', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 2, ...t });
    const first = await a.check(null);
    t.advance(1);
    const second_ = await b.check(null);
    t.advance(1);
    const third = await a.check(null);
    t.advance(1);
    const fourth = await b.check(null);
    expect([first, second_, third, fourth].map(position)).toEqual(['admitted', 'admitted', 1, 2]);
    expect(first.isNew && first.ticketId).toBeTruthy();
    expect(await b.counts()).toEqual({ limit: 2, active: 2, waiting: 2 });

    // the first parent signs out: the next one in line gets the slot, on whichever instance asks
    await a.release(first.ticketId!);
    t.advance(1);
    // the pass that b runs for the fourth parent gives the free slot to the head of the queue, the third
    expect(position(await b.check(fourth.ticketId))).toBe(1);
    expect(position(await a.check(third.ticketId))).toBe('admitted');
  });

  it('never admits more than the limit when arrivals race on both instances', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 5, ...t });
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).check(null)));
    expect(verdicts.filter((v) => v.admitted)).toHaveLength(5);
    // and each of the others holds a place of its own
    expect(await placesOnRefresh(a, verdicts)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it('lets a burst of arrivals at free slots share the admission passes, in order, within the limit', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const room = new WaitingRoom(database.db, { envLimit: 5, ...t });
    passes = 0;
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => room.check(null)));
    // one pass runs while the others' callers gather for the next: a handful of transactions, not thirty
    expect(passes).toBeGreaterThan(0);
    expect(passes).toBeLessThanOrEqual(3);
    expect(verdicts.filter((v) => v.admitted)).toHaveLength(5);
    const places = verdicts.flatMap((v) => (v.admitted ? [] : [v.position]));
    expect(places).toHaveLength(25);
    expect(Math.min(...places)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...places)).toBeLessThanOrEqual(25);
    // during the burst two arrivals may be told the same place: an arrival's count, without the lock, does not see
    // another arrival not committed yet. The next refresh (a few seconds later in a browser) tells each its own.
    expect(await placesOnRefresh(room, verdicts)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('orders arrivals by real time even when the business clock is fixed (APP_NOW of a demo)', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const fixed = new Date('2026-11-29T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 1, ...t, now: () => fixed });
    await a.check(null);
    const arrivals: Verdict[] = [];
    for (let i = 0; i < 6; i += 1) {
      t.advance(1);
      arrivals.push(await (i % 2 ? a : b).check(null));
    }
    expect(arrivals.map(position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps a parent's place across refreshes (same cookie), whoever arrives meanwhile", async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 1, ...t });
    await a.check(null);
    t.advance(1);
    const waiting = await a.check(null);
    for (let i = 0; i < 5; i += 1) {
      t.advance(30);
      await b.check(null); // a later arrival each time
      const again = await (i % 2 ? a : b).check(waiting.ticketId);
      expect(again).toMatchObject({ admitted: false, ticketId: waiting.ticketId, isNew: false, position: 1 });
    }
  });

  it('answers the refreshes and arrivals that reach an instance together in one statement, each with its own place', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const room = new WaitingRoom(database.db, { envLimit: 1, settingsCacheSeconds: 600, ...t });
    await room.check(null);
    const waiting: Verdict[] = [];
    for (let i = 0; i < 4; i += 1) {
      t.advance(1);
      waiting.push(await room.check(null));
    }
    t.advance(1);
    queries = 0;
    const together = await Promise.all([
      ...waiting.map((v) => room.check(v.ticketId)),
      room.check(null),
      room.check(null),
    ]);
    // the limit and the next opening are cached: one statement touched four tickets and inserted two
    expect(queries).toBe(1);
    expect(together.slice(0, 4).map(position)).toEqual([1, 2, 3, 4]);
    // the two arrivals of one statement see each other: 5 and 6, not 5 twice
    expect(together.slice(4).map(position).sort()).toEqual([5, 6]);
    expect(together.slice(4).every((v) => v.isNew && !waiting.some((w) => w.ticketId === v.ticketId))).toBe(true);
    expect(await placesOnRefresh(room, together)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops a waiting ticket silent for longer than the queue allows: its bearer starts again at the back', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 1, queueSeconds: 120, ...t });
    await a.check(null);
    t.advance(1);
    const sleeper = await a.check(null);
    t.advance(1);
    const awake = await b.check(null);
    expect(position(awake)).toBe(2);
    t.advance(100);
    expect(position(await b.check(awake.ticketId))).toBe(2);
    t.advance(30); // the sleeper has been silent 131 s
    expect(position(await b.check(awake.ticketId))).toBe(1);
    expect(await a.check(sleeper.ticketId)).toMatchObject({ admitted: false, ticketId: sleeper.ticketId, position: 2 });
  });

  it('reuses the slot of an idle parent, even one that an instance still remembers as admitted (a crash)', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({
      envLimit: 1,
      idleSeconds: 600,
      touchSeconds: 20,
      settingsCacheSeconds: 3600,
      ...t,
    });
    const idle = await a.check(null);
    expect(idle.admitted).toBe(true);
    // within touchSeconds the instance answers from memory: even a ticket gone from the database is let through
    await database.db.execute(sql`delete from waiting_room_tickets`);
    t.advance(10);
    const before = queries;
    expect((await a.check(idle.ticketId)).admitted).toBe(true);
    expect(queries - before).toBe(0);
    // then it confirms with the database, and an expired slot is a new place in the queue
    t.advance(11);
    expect((await a.check(idle.ticketId)).admitted).toBe(true); // alone: re-admitted at once
    const waiting = await b.check(null);
    expect(position(waiting)).toBe(1);
    // the admitted parent goes quiet (instance a is gone); 10 minutes later b gives the slot to the next parent
    for (let i = 0; i < 20; i += 1) {
      t.advance(30);
      expect(position(await b.check(waiting.ticketId))).toBe(1);
    }
    t.advance(30);
    expect(position(await b.check(waiting.ticketId))).toBe('admitted');
    expect(await b.counts()).toEqual({ limit: 1, active: 1, waiting: 0 });
  });

  it("staff's limit replaces the environment's, within a few seconds on every instance", async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 1, settingsCacheSeconds: 5, ...t });
    await a.check(null);
    expect(position(await b.check(null))).toBe(1);
    await database.db.insert(waitingRoomSettings).values({ id: 1, activeLimit: 3 });
    expect(await b.limit()).toBe(1); // cached
    t.advance(6);
    expect(position(await b.check(null))).toBe('admitted');
    expect(await a.counts()).toMatchObject({ limit: 3, active: 3, waiting: 0 });
  });
});

describe('the pre-queue of a booking opening', () => {
  it('admits nobody before the opening, then the early ones in a drawn order, then later arrivals', async () => {
    const [year] = await database.db
      .insert(schoolYears)
      .values({ label: '2026-2027', yearStart: '2026-09-01', yearEnd: '2027-07-03' })
      .returning();
    const opensAt = new Date('2026-12-01T07:00:00Z'); // 8 h in Paris
    await database.db.insert(bookingOpenings).values({ service: 'vacances', schoolYearId: year!.id, opensAt });
    const t = clock('2026-12-01T06:45:00Z');
    const draws = [0.7, 0.2, 0.5];
    const { a, b } = twoInstances({ envLimit: 2, ...t, random: () => draws.shift()! });
    // three parents come early: none is admitted, free slots or not
    const early = [await a.check(null), await b.check(null), await a.check(null)];
    expect(early.map((v) => v.admitted)).toEqual([false, false, false]);
    expect(early[0]).toMatchObject({ opensAt });
    for (let minute = 0; minute < 14; minute += 1) {
      t.advance(60);
      for (const v of early) expect(await b.check(v.ticketId)).toMatchObject({ admitted: false, isNew: false });
    }
    // at 8 h: the draw decides among them (0.2, then 0.5), and a parent arriving now queues behind all three
    t.advance(60);
    const late = await a.check(null);
    expect(late).toMatchObject({ admitted: false, opensAt: null });
    expect(await Promise.all(early.map(async (v) => position(await b.check(v.ticketId))))).toEqual([
      1,
      'admitted',
      'admitted',
    ]);
    expect(position(await a.check(late.ticketId))).toBe(2);
    // rank: the draws are below every arrival time
    const ranks = await rows<{ rank: number }>(database.db, sql`select rank from waiting_room_tickets order by rank`);
    expect(ranks.map((r) => Number(r.rank))).toEqual([0.2, 0.5, 0.7, opensAt.getTime() / 1000]);
  });

  it('has no pre-queue more than 30 minutes before the opening', async () => {
    const [year] = await database.db
      .insert(schoolYears)
      .values({ label: '2027-2028', yearStart: '2027-09-01', yearEnd: '2028-07-03' })
      .returning();
    await database.db
      .insert(bookingOpenings)
      .values({ service: 'cantine', schoolYearId: year!.id, opensAt: new Date('2026-12-01T07:00:00Z') });
    const t = clock('2026-12-01T06:29:00Z');
    const { a } = twoInstances({ envLimit: 2, ...t });
    expect((await a.check(null)).admitted).toBe(true);
  });
});

describe('without a limit', () => {
  it('admits everyone, gives no ticket, and queries nothing but the cached setting', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a } = twoInstances({ envLimit: null, ...t });
    const before = queries;
    for (let i = 0; i < 100; i += 1) {
      expect(await a.check(null)).toEqual({ admitted: true, ticketId: null, isNew: false });
    }
    expect(queries - before).toBe(1);
    // requests that arrive together when the cached setting is stale share one read of it
    t.advance(6);
    await Promise.all(Array.from({ length: 50 }, () => a.check(null)));
    expect(queries - before).toBe(2);
    const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from waiting_room_tickets`);
    expect(count!.n).toBe(0);
  });
});

describe('the limit staff set on the dashboard', () => {
  it('is saved with its line in the Journal, emptied back to the default, and refused when it is no count', async () => {
    const [agent] = await database.db
      .insert(accounts)
      .values({ email: 'agent.salle@example.fr', passwordHash: 'x', role: 'staff', firstName: 'A', lastName: 'Gent' })
      .returning();
    const actor = { id: agent!.id, role: 'staff' as const };
    const at = new Date('2026-11-30T09:00:00Z');
    await setActiveLimit(database.db, actor, { activeLimit: '250' }, { now: at });
    expect(await staffLimit(database.db)).toBe(250);
    await setActiveLimit(database.db, actor, { activeLimit: '' }, { now: at });
    expect(await staffLimit(database.db)).toBeNull();
    for (const bad of ['0', '-3', '2.5', 'beaucoup', '1000000']) {
      await expect(setActiveLimit(database.db, actor, { activeLimit: bad }, { now: at }), bad).rejects.toThrow(
        UserError,
      );
    }
    const journal = await database.db.select().from(auditLog);
    expect(journal.map((r) => [r.action, r.entity, r.actorId, r.before, r.after])).toEqual([
      ['waiting_room.limit', 'waiting_room_settings', agent!.id, null, { activeLimit: 250 }],
      ['waiting_room.limit', 'waiting_room_settings', agent!.id, { activeLimit: 250 }, { activeLimit: null }],
    ]);
  });
});

/** A server that asks the gate first, then answers « app » itself (the app's stand-in), counting its calls. */
async function serveBehind(gate: ReturnType<typeof createGate>) {
  const app = { calls: 0, server: null as unknown as http.Server, base: '' };
  app.server = http.createServer((req, res) => {
    void gate.handle(req, res).then((served) => {
      if (served) return;
      app.calls += 1;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('app');
    });
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  app.base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return app;
}

/** The « salle_attente » cookie a response sets, as a Cookie header's pair. */
const cookieOf = (r: Response) => r.headers.getSetCookie()[0]!.split(';')[0]!;

describe('the gate in front of the app', () => {
  it('keeps a place with its signed cookie, answers the waiting page alone, and never runs a waiting action', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const gate = createGate(new WaitingRoom(database.db, { envLimit: 1, ...t }), {
      secret: 'test-only-secret-0123456789abcdef0123456789',
      messages: loadWaitingMessages(),
    });
    const app = await serveBehind(gate);
    const { server, base } = app;
    try {
      const first = await fetch(`${base}/`);
      expect(await first.text()).toBe('app');
      const firstCookie = cookieOf(first);
      expect(firstCookie).toMatch(/^salle_attente=[\w-]{22}\.[\w-]{43}$/);
      const again = await fetch(`${base}/mes-demandes`, { headers: { cookie: firstCookie } });
      expect(await again.text()).toBe('app');
      expect(again.headers.getSetCookie()).toEqual([]);

      const waiting = await fetch(`${base}/connexion`);
      expect(waiting.status).toBe(200);
      expect(waiting.headers.get('x-salle-attente')).toBe('1');
      expect(waiting.headers.get('refresh')).toBe('5');
      expect(waiting.headers.get('cache-control')).toBe('no-store');
      expect(waiting.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await waiting.text()).toContain('Vous êtes 1er dans la file');
      const secondCookie = cookieOf(waiting);
      // a forged cookie is a new arrival, behind
      t.advance(1);
      const forged = await fetch(`${base}/`, { headers: { cookie: `${firstCookie.slice(0, -3)}abc` } });
      expect(forged.headers.get('x-salle-attente')).toBe('2');

      // an action sent while waiting does not reach the app: a form is sent back to the page, a fetch told to go there
      const calls = app.calls;
      const form = await fetch(`${base}/demarches?x=1`, {
        method: 'POST',
        headers: { cookie: secondCookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=b',
        redirect: 'manual',
      });
      expect([form.status, form.headers.get('location')]).toEqual([303, '/demarches?x=1']);
      const fetched = await fetch(`${base}/demarches`, {
        method: 'POST',
        headers: { cookie: secondCookie, 'next-action': 'abc123' },
        body: '[]',
      });
      expect([fetched.status, fetched.headers.get('x-action-redirect')]).toEqual([200, '/demarches;replace']);
      // what never waits
      for (const path of ['/logo-mark.svg', '/admin', '/api/health', '/accessibilite']) {
        expect(await (await fetch(`${base}${path}`, { headers: { cookie: secondCookie } })).text()).toBe('app');
      }
      expect(app.calls).toBe(calls + 4);

      // the first parent signs out: the second gets in at their next refresh
      await gate.release(decodeURIComponent(firstCookie.split('=')[1]!));
      expect(await (await fetch(`${base}/connexion`, { headers: { cookie: secondCookie } })).text()).toBe('app');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('holds the refresh of the next one in until a slot frees (a sign-out wakes it), then sends them to the page', async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const gate = createGate(new WaitingRoom(database.db, { envLimit: 1, ...t }), {
      secret: 'test-only-secret-0123456789abcdef0123456789',
      messages: loadWaitingMessages(),
      holdMs: 1500,
      recheckMs: 60_000, // only a sign-out can wake it within the hold
    });
    const { server, base } = await serveBehind(gate);
    try {
      const firstCookie = cookieOf(await fetch(`${base}/`));
      // a new arrival sees the page at once; its refresh is held the whole hold when no slot frees, then told to
      // come back at once
      const arrival = await fetch(`${base}/connexion`);
      expect([arrival.headers.get('x-salle-attente'), arrival.headers.get('refresh')]).toEqual(['1', '5']);
      const secondCookie = cookieOf(arrival);
      const started = performance.now();
      const held = await fetch(`${base}/connexion`, { headers: { cookie: secondCookie } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
      expect([held.headers.get('x-salle-attente'), held.headers.get('refresh')]).toEqual(['1', '1']);
      expect(await held.text()).toContain('Vous êtes 1er dans la file');

      // held again; the first parent signs out meanwhile: the refresh answers at once, a 303 to the same page
      const asked = performance.now();
      const pending = fetch(`${base}/connexion?callbackUrl=%2F`, {
        headers: { cookie: secondCookie },
        redirect: 'manual',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await gate.release(decodeURIComponent(firstCookie.split('=')[1]!));
      const admitted = await pending;
      expect(performance.now() - asked).toBeLessThan(1400);
      expect([admitted.status, admitted.headers.get('location'), admitted.headers.get('x-salle-attente')]).toEqual([
        303,
        '/connexion?callbackUrl=%2F',
        '0',
      ]);
      expect(await (await fetch(`${base}/connexion`, { headers: { cookie: secondCookie } })).text()).toBe('app');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("lets a held refresh in when a slot frees on another instance, or another instance's pass admits it", async () => {
    const t = clock('2026-11-30T09:00:00Z');
    const { a, b } = twoInstances({ envLimit: 2, ...t });
    const options = {
      secret: 'test-only-secret-0123456789abcdef0123456789',
      messages: loadWaitingMessages(),
      holdMs: 3000,
      recheckMs: 50,
    };
    const gateOne = createGate(a, options);
    const one = await serveBehind(gateOne);
    const two = await serveBehind(createGate(b, options));
    try {
      // two parents in through the first instance, two waiting on the second
      const first = cookieOf(await fetch(`${one.base}/`));
      cookieOf(await fetch(`${one.base}/`));
      const third = cookieOf(await fetch(`${two.base}/`));
      t.advance(1);
      const fourth = cookieOf(await fetch(`${two.base}/`));
      expect((await fetch(`${two.base}/`, { headers: { cookie: fourth } })).headers.get('x-salle-attente')).toBe('2');

      // both refreshes held on the second instance; the first parent signs out on the first: the probe finds the slot
      // and the better placed takes it, while the other is still held
      const asked = performance.now();
      const held = ['/a', '/b'].map((path, i) =>
        fetch(`${two.base}${path}`, { headers: { cookie: i === 0 ? third : fourth }, redirect: 'manual' }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await gateOne.release(decodeURIComponent(first.split('=')[1]!));
      const thirdIn = await held[0]!;
      expect(performance.now() - asked).toBeLessThan(1500);
      expect([thirdIn.status, thirdIn.headers.get('location')]).toEqual([303, '/a']);

      // the third signs out on the first instance and a parent arrives there: whichever instance runs the pass (the
      // arrival's, or the held refresh woken by the probe's free slot), the fourth, head of the queue, gets in, and the
      // second instance's probe lets its held refresh in
      await gateOne.release(decodeURIComponent(third.split('=')[1]!));
      t.advance(1);
      const arrival = await fetch(`${one.base}/`);
      expect(arrival.headers.get('x-salle-attente')).toBe('1');
      const fourthIn = await held[1]!;
      expect(performance.now() - asked).toBeLessThan(2500);
      expect([fourthIn.status, fourthIn.headers.get('location')]).toEqual([303, '/b']);
    } finally {
      await new Promise((resolve) => one.server.close(resolve));
      await new Promise((resolve) => two.server.close(resolve));
    }
  });
});
