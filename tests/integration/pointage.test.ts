// « Pointage » (issue 16) on the demo town, Wednesday 2 December 2026 at Les Tilleuls: the list per slot (sorted by
// name, Léa's signalled absence shown and not expected, the counters), a tap sent twice stored once, the last tap wins
// with both in the trail, an older tap arriving late does not override, a child enrolled without a booking marked
// « présent non réservé », refusals writing nothing (another site's child, a parent, another animateur's site, a day
// other than today or yesterday), the same statements for 1 tap and for 20, and the sync endpoint's doors (the
// origin, the session, the role). On a shared phone, taps are sent under the session of the account that tapped them
// only: a batch naming another account is refused, nothing written and no tap named (the phone keeps them).
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows, type Db } from '@/db/client';
import { accounts, accountSites } from '@/db/schema';
import { declareAbsence, declareAbsenceSchema } from '@/lib/absences/declare';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { pointageDay, pointageSites, type Marker, type PointageSite } from '@/lib/pointage/day';
import { counterText, toggleName } from '@/lib/pointage/slots';
import { UserError } from '@/lib/errors';
import { recordTaps, rejectedTaps, type Tap } from '@/lib/pointage/taps';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, type Martin } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));

const TODAY = '2026-12-02'; // a Wednesday: Les Tilleuls' Wednesday centre
const YESTERDAY = '2026-12-01';
const NOW = new Date('2026-12-02T09:30:00Z');

let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
let db: Db;
let m: Martin;
let tilleuls: PointageSite;
let jeanMoulin: PointageSite;
let animateur: Marker;
let other: Marker; // an animateur of Jean Moulin only
let parent: Marker;
let agent: Marker;
/** a child enrolled at Les Tilleuls' Wednesdays with nothing booked that day (Yasmine Haddad) */
let yasmine: number;
/** a child booked at Jean Moulin that day */
let elsewhere: number;
/** children booked at Les Tilleuls' morning that day, Léa aside, by name */
let booked: { childId: number; firstName: string; lastName: string }[];

async function accountId(email: string): Promise<number> {
  return (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email)))[0]!.id;
}

const tap = (fields: Partial<Tap> & Pick<Tap, 'childId'>): Tap => ({
  key: randomUUID(),
  siteId: tilleuls.id,
  date: TODAY,
  slot: 'matin',
  status: 'present',
  tappedAt: '2026-12-02T09:00:00Z',
  ...fields,
});

const record = (who: Marker, taps: Tap[], now = NOW, tappedBy = who.id) =>
  db.transaction((tx) => recordTaps(tx, { who, tappedBy, taps, today: TODAY, now }));

/** Everything the sync writes: the trail and the marks. */
async function attendanceState(): Promise<string> {
  const [state] = await rows(
    db,
    sql`select (select count(*)::int from attendance_taps) as taps,
        (select coalesce(string_agg(concat_ws(':', child_id, service, date, slot, status, booked, extract(epoch from tapped_at)), ',' order by id), '') from attendance_marks) as marks`,
  );
  return JSON.stringify(state);
}

async function expectRefusedNothingWritten(run: () => Promise<unknown>, code: string): Promise<void> {
  const before = await attendanceState();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  expect(rejectedTaps(error)?.length).toBeGreaterThan(0);
  expect(await attendanceState()).toBe(before);
}

async function markOf(childId: number, slot = 'matin', date = TODAY) {
  return (
    await rows<{ status: string; booked: boolean; tapped_at: unknown }>(
      db,
      sql`select status, booked, tapped_at from attendance_marks where child_id = ${childId} and date = ${date} and slot = ${slot}`,
    )
  )[0];
}

beforeAll(async () => {
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase({ logger: counter });
  db = database.db;
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  m = await martin(db);
  const sites = await pointageSites(db, { id: 0, role: 'admin' });
  tilleuls = sites.find((s) => s.name.includes('Tilleuls'))!;
  jeanMoulin = sites.find((s) => s.name.includes('Jean Moulin'))!;
  animateur = { id: await accountId(DEMO_ACCOUNTS.animateur.email), role: 'animateur' };
  parent = { id: m.accountId, role: 'parent' };
  agent = { id: await accountId(DEMO_ACCOUNTS.staff.email), role: 'staff' };
  const [created] = await db
    .insert(accounts)
    .values({ email: 'animateur.moulin@example.fr', role: 'animateur', firstName: 'Inès', lastName: 'Moulin' })
    .returning({ id: accounts.id });
  await db.insert(accountSites).values({ accountId: created!.id, siteId: jeanMoulin.id });
  other = { id: created!.id, role: 'animateur' };
  yasmine = (
    await rows<{ id: number }>(db, sql`select id from children where first_name = 'Yasmine' and last_name = 'Haddad'`)
  )[0]!.id;
  elsewhere = (
    await rows<{ child_id: number }>(
      db,
      sql`select child_id from reservations where site_id = ${jeanMoulin.id} and date = ${TODAY} and unit = 'matin'
          order by child_id limit 1`,
    )
  )[0]!.child_id;
  // Léa's Wednesday declared absent by her family (« Signaler une absence »)
  await declareAbsence(
    db,
    { id: m.accountId, familyId: m.familyId },
    declareAbsenceSchema.parse({
      childId: m.lea,
      service: 'mercredi',
      days: [TODAY],
      reason: 'autre',
      details: 'Rendez-vous',
    }),
    { today: TODAY, now: NOW, appUrl: 'http://localhost:3000' },
  );
  booked = (
    await rows<{ child_id: number; first_name: string; last_name: string }>(
      db,
      sql`select c.id as child_id, c.first_name, c.last_name from reservations r join children c on c.id = r.child_id
          where r.site_id = ${tilleuls.id} and r.date = ${TODAY} and r.unit = 'matin' and c.id <> ${m.lea}`,
    )
  ).map((r) => ({ childId: r.child_id, firstName: r.first_name, lastName: r.last_name }));
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

describe('« Pointage »: the list of a day', () => {
  it('reaches the animateur’s own sites only, and every site for staff', async () => {
    expect((await pointageSites(db, animateur)).map((s) => s.name)).toEqual(['Accueil de loisirs Les Tilleuls']);
    expect((await pointageSites(db, agent)).length).toBe(7);
    expect(await pointageSites(db, parent)).toEqual([]);
  });

  it('shows per slot the booked children by name, Léa’s signalled absence not expected, and the counters', async () => {
    const day = await pointageDay(db, { site: tilleuls, date: TODAY });
    expect(day.service).toBe('mercredi');
    expect(day.slots.map((s) => s.slot)).toEqual(['matin', 'repas', 'apres_midi']);
    const morning = day.slots[0]!;
    expect(booked.length).toBeGreaterThan(5);
    const names = morning.children.map((c) => `${c.lastName} ${c.firstName}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(morning.children.length).toBe(booked.length + 1);
    const lea = morning.children.find((c) => c.childId === m.lea)!;
    expect(lea).toMatchObject({ booked: true, signalled: true, status: null });
    expect(morning.expected).toBe(booked.length);
    expect(morning.present).toBe(0);
    expect(counterText(morning.present, morning.expected)).toBe(`0 présents / ${booked.length} attendus`);
    // the meal: either meal type of the reservations
    const meals = await rows<{ n: number }>(
      db,
      sql`select count(distinct child_id)::int as n from reservations where site_id = ${tilleuls.id} and date = ${TODAY}
          and unit in ('repas_classique', 'repas_sans_viande')`,
    );
    expect(day.slots[1]!.children.length).toBe(meals[0]!.n);
    // Yasmine is enrolled at Les Tilleuls' Wednesdays, nothing booked: she can be added
    expect(day.enrolled.map((c) => c.childId)).toContain(yasmine);
    expect(toggleName('present', 'Léa', 'Martin', 'apres_midi')).toBe('Présent – Léa Martin – Après-midi');
  });

  it('a school has the canteen’s Repas only', async () => {
    const school = (await pointageSites(db, agent)).find((s) => s.kind === 'ecole')!;
    const day = await pointageDay(db, { site: school, date: '2026-12-03' });
    expect(day.service).toBe('cantine');
    expect(day.slots.map((s) => s.slot)).toEqual(['repas']);
  });
});

describe('« Pointage »: the taps', () => {
  it('counts a tap sent twice once, and the counters follow', async () => {
    const first = tap({ childId: booked[0]!.childId });
    const answer = await record(animateur, [first]);
    expect(answer).toEqual({ stored: [first.key], added: [first.key] });
    const again = await record(animateur, [first]);
    expect(again).toEqual({ stored: [first.key], added: [] });
    const [trail] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from attendance_taps where idempotency_key = ${first.key}`,
    );
    expect(trail!.n).toBe(1);
    expect(await markOf(booked[0]!.childId)).toMatchObject({ status: 'present', booked: true });
    const morning = (await pointageDay(db, { site: tilleuls, date: TODAY })).slots[0]!;
    expect(morning.present).toBe(1);
    expect(morning.children.find((c) => c.childId === booked[0]!.childId)!.status).toBe('present');
  });

  it('the last tap wins, both in the trail; an older tap arriving late does not override', async () => {
    const child = booked[1]!.childId;
    const present = tap({ childId: child, status: 'present', tappedAt: '2026-12-02T08:00:00Z' });
    const absent = tap({ childId: child, status: 'absent', tappedAt: '2026-12-02T08:05:00Z' });
    // one batch, in any order: the later tap wins
    await record(animateur, [absent, present]);
    expect((await markOf(child))!.status).toBe('absent');
    const trail = await rows<{ status: string }>(
      db,
      sql`select status from attendance_taps where child_id = ${child} and date = ${TODAY} order by tapped_at`,
    );
    expect(trail.map((t) => t.status)).toEqual(['present', 'absent']);
    // a phone that was offline sends a tap of 8:02 after the one of 8:05: the mark stays
    const late = tap({ childId: child, status: 'present', tappedAt: '2026-12-02T08:02:00+00:00' });
    await record(agent, [late]);
    expect((await markOf(child))!.status).toBe('absent');
    // a newer one wins
    await record(animateur, [tap({ childId: child, status: 'present', tappedAt: '2026-12-02T08:10:00Z' })]);
    expect((await markOf(child))!.status).toBe('present');
    const [count] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from attendance_taps where child_id = ${child} and date = ${TODAY}`,
    );
    expect(count!.n).toBe(4);
  });

  it('a phone’s clock ahead of the server is clamped to the server’s now', async () => {
    const child = booked[2]!.childId;
    await record(animateur, [tap({ childId: child, tappedAt: '2026-12-02T23:00:00Z' })]);
    const [row] = await rows<{ at: string }>(
      db,
      sql`select to_char(tapped_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as at from attendance_marks
          where child_id = ${child} and date = ${TODAY} and slot = 'matin'`,
    );
    expect(row!.at).toBe('2026-12-02T09:30:00');
  });

  it('marks an enrolled child without a booking « présent non réservé », who then shows in the list', async () => {
    await record(animateur, [tap({ childId: yasmine, slot: 'apres_midi' })]);
    expect(await markOf(yasmine, 'apres_midi')).toMatchObject({ status: 'present', booked: false });
    const afternoon = (await pointageDay(db, { site: tilleuls, date: TODAY })).slots[2]!;
    expect(afternoon.children.find((c) => c.childId === yasmine)).toMatchObject({
      firstName: 'Yasmine',
      booked: false,
      status: 'present',
    });
  });

  it('accepts yesterday (corrections)', async () => {
    await record(animateur, [tap({ childId: yasmine, date: YESTERDAY, tappedAt: '2026-12-01T17:00:00Z' })]);
    // Tuesday 1 December: no Wednesday centre; Yasmine is enrolled for the school year all the same
    expect(await markOf(yasmine, 'matin', YESTERDAY)).toMatchObject({ status: 'present', booked: false });
  });

  it('refuses another site’s child, a parent, another animateur’s site, a day other than today or yesterday: nothing written', async () => {
    const child = booked[3]!.childId;
    // a child booked at Jean Moulin, tapped at Les Tilleuls (in a batch with a good tap: the whole batch is refused)
    await expectRefusedNothingWritten(
      () => record(animateur, [tap({ childId: child }), tap({ childId: elsewhere })]),
      'pointage_child_refused',
    );
    // a parent
    await expectRefusedNothingWritten(() => record(parent, [tap({ childId: child })]), 'pointage_site_refused');
    // the animateur of Les Tilleuls at Jean Moulin, and the one of Jean Moulin at Les Tilleuls
    await expectRefusedNothingWritten(
      () => record(animateur, [tap({ childId: elsewhere, siteId: jeanMoulin.id })]),
      'pointage_site_refused',
    );
    await expectRefusedNothingWritten(() => record(other, [tap({ childId: child })]), 'pointage_site_refused');
    // two days back, tomorrow
    for (const date of ['2026-11-30', '2026-12-03', '2027-12-02'])
      await expectRefusedNothingWritten(
        () => record(animateur, [tap({ childId: child, date })]),
        'pointage_day_refused',
      );
    // the refusal names the taps refused, so the phone drops them
    const bad = tap({ childId: elsewhere });
    const error = (await record(animateur, [tap({ childId: child }), bad]).catch((e: unknown) => e)) as UserError;
    expect(rejectedTaps(error)).toEqual([bad.key]);
    expect(error.message).toMatch(/ni réservé ni inscrit/);
    // staff may mark any site
    await record(agent, [tap({ childId: elsewhere, siteId: jeanMoulin.id })]);
    expect((await markOf(elsewhere))!.status).toBe('present');
  });

  it('refuses, under another account’s session, the taps a shared phone kept for their own account', async () => {
    const child = booked[3]!.childId;
    // the animateur's taps, sent while the agent is signed in on the phone (a page left open): nothing written, and
    // no tap named, so the phone keeps them for the animateur
    const before = await attendanceState();
    const error = await record(agent, [tap({ childId: child })], NOW, animateur.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('pointage_account_refused');
    expect((error as UserError).message).toMatch(/sous un autre compte/);
    expect(rejectedTaps(error)).toBeNull();
    expect(await attendanceState()).toBe(before);
    // the other way round too, whatever the sites
    await expect(record(animateur, [tap({ childId: child })], NOW, other.id)).rejects.toMatchObject({
      code: 'pointage_account_refused',
    });
    expect(await attendanceState()).toBe(before);
  });

  it('takes the same statements for 1 tap and for 20', async () => {
    statements = 0;
    await record(animateur, [tap({ childId: booked[4]!.childId, slot: 'repas' })]);
    const one = statements;
    const twenty = booked
      .slice(0, 10)
      .flatMap((c) => [
        tap({ childId: c.childId, status: 'absent', tappedAt: '2026-12-02T09:10:00Z' }),
        tap({ childId: c.childId, status: 'present', tappedAt: '2026-12-02T09:11:00Z' }),
      ]);
    statements = 0;
    await record(animateur, twenty);
    expect(statements).toBe(one);
    expect(one).toBeLessThanOrEqual(6);
    for (const c of booked.slice(0, 10)) expect((await markOf(c.childId))!.status).toBe('present');
  });
});

describe('POST /api/pointage', () => {
  const url = 'http://localhost:3000/api/pointage';
  const post = async (who: TestSession | null, body: unknown, origin: string | null = 'http://localhost:3000') => {
    session.current = who;
    const { POST } = await import('@/app/api/pointage/route');
    const headers = new Headers({ 'content-type': 'application/json', host: 'localhost:3000' });
    if (origin) headers.set('origin', origin);
    return POST(new Request(url, { method: 'POST', headers, body: JSON.stringify(body) }));
  };

  it('answers the keys stored to the animateur; refuses another origin, a visitor, a parent, a bad batch', async () => {
    const animateurSession = await openTestSession(db, animateur.id);
    const parentSession = await openTestSession(db, m.accountId);
    const good = { account: animateur.id, taps: [{ ...tap({ childId: booked[5]!.childId }) }] };
    const before = await attendanceState();
    expect((await post(animateurSession, good, 'https://ailleurs.example')).status).toBe(403);
    expect((await post(animateurSession, good, null)).status).toBe(403);
    expect((await post(null, good)).status).toBe(401);
    expect((await post(parentSession, good)).status).toBe(403);
    expect((await post(animateurSession, { ...good, taps: [{ ...good.taps[0], key: 'pas-une-clé' }] })).status).toBe(
      400,
    );
    // a batch that does not say whose taps these are
    expect((await post(animateurSession, { taps: good.taps })).status).toBe(400);
    const refused = await post(animateurSession, { ...good, taps: [tap({ childId: elsewhere })] });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'pointage_child_refused' });
    const otherSite = await post(animateurSession, {
      ...good,
      taps: [tap({ childId: elsewhere, siteId: jeanMoulin.id })],
    });
    expect(otherSite.status).toBe(403);
    expect(await attendanceState()).toBe(before);

    // the animateur's taps under the agent's session: 409, no tap named, nothing written
    const agentSession = await openTestSession(db, agent.id);
    const elsewhereSession = await post(agentSession, good);
    expect(elsewhereSession.status).toBe(409);
    const answer = (await elsewhereSession.json()) as { code?: string; rejected?: unknown };
    expect(answer.code).toBe('pointage_account_refused');
    expect(answer.rejected).toBeUndefined();
    expect(await attendanceState()).toBe(before);

    const stored = await post(animateurSession, good);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ stored: [good.taps[0]!.key], added: [good.taps[0]!.key] });
    expect((await markOf(booked[5]!.childId))!.status).toBe('present');
  });
});
