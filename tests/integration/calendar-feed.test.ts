// « Ajouter à mon agenda »: the family's feed, parsed by an iCalendar parser (ical.js) and compared with the
// reservations in the database; a token opens its own family's days and nobody else's; a regenerated, unknown or
// malformed token opens nothing (a bare 404); a constant number of queries whatever the number of days.
import { sql, type Logger } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { calendarFeed, feedWindow } from '@/lib/calendar-feed/feed';
import { familyFeed, renewFamilyFeed } from '@/lib/calendar-feed/manage';
import { feedResponse } from '@/lib/calendar-feed/response';
import { feedToken, feedTokenHash } from '@/lib/calendar-feed/token';
import { SERVICE_LABELS, UNIT_LABELS, UNITS, type ServiceKind, type Unit } from '@/lib/planning';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let other: { familyId: number; firstNames: string[] };
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
  // another family with days booked in the window, to tell the two feeds apart
  const [row] = await rows<{ family_id: number }>(
    database.db,
    sql`select c.family_id from reservations r join children c on c.id = r.child_id
        where c.family_id <> ${m.familyId} and r.date >= '2026-10-29'
        group by c.family_id order by count(*) desc, c.family_id limit 1`,
  );
  const names = await rows<{ first_name: string }>(
    database.db,
    sql`select first_name from children where family_id = ${row!.family_id}`,
  );
  other = { familyId: row!.family_id, firstNames: names.map((n) => n.first_name) };
}, 240_000); // the demo town's seed, on a machine shared with other runs

afterAll(async () => {
  await database?.close();
});

interface ParsedEvent {
  uid: string;
  date: string;
  allDay: boolean;
  end: string;
  summary: string;
  location: string;
  description: string;
}

function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      end: event.endDate.toString(),
      summary: event.summary,
      location: event.location,
      description: event.description,
    };
  });
  return { calendar, events };
}

/** What the feed must say, computed from the reservations table on its own. */
async function expected(familyId: number, from: string, to: string) {
  const found = await rows<{
    child_id: number;
    first_name: string;
    service: ServiceKind;
    date: string;
    unit: Unit;
    name: string;
    address: string;
  }>(
    database.db,
    sql`select c.id as child_id, c.first_name, r.service, r.date::text as date, r.unit, s.name, s.address
        from reservations r join children c on c.id = r.child_id join sites s on s.id = r.site_id
        where c.family_id = ${familyId} and r.date between ${from} and ${to}`,
  );
  const days = new Map<string, { date: string; summary: string; location: string; units: Unit[] }>();
  for (const r of found) {
    const key = `${r.child_id}|${r.service}|${r.date}`; // two children may share a first name
    const day = days.get(key) ?? {
      date: r.date,
      summary: `${r.first_name} – ${SERVICE_LABELS[r.service]}`,
      location: `${r.name}, ${r.address}`,
      units: [],
    };
    day.units.push(r.unit);
    days.set(key, day);
  }
  return [...days.values()]
    .map((d) => ({
      date: d.date,
      summary: d.summary,
      location: d.location,
      description: UNITS.filter((u) => d.units.includes(u))
        .map((u) => UNIT_LABELS[u])
        .join(', '),
    }))
    .sort((a, b) => `${a.date}${a.summary}`.localeCompare(`${b.date}${b.summary}`));
}

const seen = (events: ParsedEvent[]) =>
  events
    .map(({ date, summary, location, description }) => ({ date, summary, location, description }))
    .sort((a, b) => `${a.date}${a.summary}`.localeCompare(`${b.date}${b.summary}`));

async function tokenOf(familyId: number): Promise<string> {
  await renewFamilyFeed(database.db, { familyId, now: NOW, replace: false });
  const feed = await familyFeed(database.db, familyId);
  if (feed.state !== 'active') throw new Error(`no active feed: ${feed.state}`);
  return feed.token;
}

const feedOf = (token: string) => calendarFeed(database.db, { token, today: TODAY, now: NOW });

describe('the calendar feed of a family', () => {
  it('has one all-day event per booked day and service, as the reservations table says, in Europe/Paris', async () => {
    const token = await tokenOf(m.familyId);
    const text = await feedOf(token);
    expect(text).not.toBeNull();
    const { calendar, events } = parse(text!);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');

    // from one month back to the end of the school year 2026-2027, summer holidays included
    const window = await feedWindow(database.db, TODAY);
    expect(window).toEqual({ from: '2026-10-29', to: '2027-08-31' });
    const want = await expected(m.familyId, window.from, window.to);
    expect(want.length).toBeGreaterThan(100);
    expect(seen(events)).toEqual(want);
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    // Léa's Wednesdays, in words: week 1 « Matin, Repas classique », week 2 « Matin, Après-midi, Repas sans viande »
    const wednesdays = events.filter((e) => e.summary === 'Léa – Accueil de loisirs du mercredi');
    const january13 = wednesdays.find((e) => e.date === '2027-01-13')!;
    expect(january13).toMatchObject({ allDay: true, end: '2027-01-14' });
    expect(
      wednesdays
        .filter((e) => e.date === '2027-01-06' || e.date === '2027-01-13')
        .map((e) => e.description)
        .sort(),
    ).toEqual(['Matin, Après-midi, Repas sans viande', 'Matin, Repas classique']);
    expect(january13.location).toMatch(/^Accueil de loisirs .+, .+/);
    expect(events.some((e) => e.summary === 'Léa – Restauration scolaire' && e.description === 'Repas classique')).toBe(
      true,
    );
    // nothing before the window, nothing of Hugo (booked nowhere)
    expect(events.every((e) => e.date >= '2026-10-29' && e.date <= '2027-08-31')).toBe(true);
    expect(events.some((e) => e.summary.startsWith('Hugo'))).toBe(false);
  });

  it('costs the same number of queries whatever the number of days booked', async () => {
    const martinToken = await tokenOf(m.familyId);
    const otherToken = await tokenOf(other.familyId);
    await feedOf(martinToken); // the reference data loaded once
    statements = 0;
    await feedOf(martinToken);
    const forMartin = statements;
    statements = 0;
    await feedOf(otherToken);
    expect(statements).toBe(forMartin);
    expect(forMartin).toBeLessThanOrEqual(3);
  });

  it('is answered as text/calendar, private, with no session', async () => {
    const token = await tokenOf(m.familyId);
    const response = await feedResponse(async () => database.db, `${token}.ics`, NOW);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(await response.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it("keeps the same address when « Créer mon lien d'agenda » is sent twice, and stores only the hash", async () => {
    const first = await tokenOf(m.familyId);
    const second = await tokenOf(m.familyId);
    expect(second).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await rows<{ nonce: string; token_hash: string }>(
      database.db,
      sql`select nonce, token_hash from calendar_feeds where family_id = ${m.familyId}`,
    );
    expect(stored!.token_hash).toBe(feedTokenHash(first));
    expect(JSON.stringify(stored)).not.toContain(first);
    // the nonce alone, without AUTH_SECRET, gives another token: a copy of the database opens no feed
    expect(feedToken(stored!.nonce, 'another-secret-of-at-least-thirty-two-characters')).not.toBe(first);
  });
});

describe('bad input: a feed token opens its own family only', () => {
  it("never returns another family's children: family A's token shows A's days, family B's token B's", async () => {
    const martinEvents = parse((await feedOf(await tokenOf(m.familyId)))!).events;
    const otherEvents = parse((await feedOf(await tokenOf(other.familyId)))!).events;
    const window = await feedWindow(database.db, TODAY);
    expect(otherEvents.length).toBeGreaterThan(0);
    expect(seen(otherEvents)).toEqual(await expected(other.familyId, window.from, window.to));
    const firstNameOf = (e: ParsedEvent) => e.summary.split(' – ')[0]!;
    expect(new Set(otherEvents.map(firstNameOf))).toEqual(
      new Set(otherEvents.map(firstNameOf).filter((n) => other.firstNames.includes(n))),
    );
    expect(otherEvents.some((e) => e.summary.startsWith('Léa') || e.summary.startsWith('Hugo'))).toBe(false);
    expect(martinEvents.every((e) => ['Léa', 'Hugo'].includes(firstNameOf(e)))).toBe(true);
    const martinUids = new Set(martinEvents.map((e) => e.uid));
    expect(otherEvents.some((e) => martinUids.has(e.uid))).toBe(false);
  });

  it('a regenerated token answers 404 at once; the new one works', async () => {
    const old = await tokenOf(m.familyId);
    await renewFamilyFeed(database.db, { familyId: m.familyId, now: NOW, replace: true });
    const renewed = await familyFeed(database.db, m.familyId);
    expect(renewed.state).toBe('active');
    const fresh = (renewed as { token: string }).token;
    expect(fresh).not.toBe(old);
    expect(await feedOf(old)).toBeNull();
    const response = await feedResponse(async () => database.db, `${old}.ics`, NOW);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('Introuvable');
    expect((await feedResponse(async () => database.db, `${fresh}.ics`, NOW)).status).toBe(200);
  });

  it('a malformed or unknown token answers the same bare 404, a malformed one without a query', async () => {
    const token = await tokenOf(m.familyId);
    const answers: string[] = [];
    statements = 0;
    for (const file of [
      '',
      '.ics',
      'abc.ics',
      `${token}`,
      `${token}.ical`,
      `${token.slice(0, 42)}.ics`,
      `${token}=.ics`,
      `${token}.ics.ics`,
      "' or 1=1 --.ics",
    ]) {
      const response = await feedResponse(async () => database.db, file, NOW);
      answers.push(`${response.status} ${await response.text()}`);
    }
    expect(statements).toBe(0);
    // well formed, but nobody's
    const unknown = await feedResponse(async () => database.db, `${'A'.repeat(43)}.ics`, NOW);
    answers.push(`${unknown.status} ${await unknown.text()}`);
    expect(new Set(answers)).toEqual(new Set(['404 Introuvable']));
  });

  it('says the link must be renewed when AUTH_SECRET changed (the derived token no longer matches its hash)', async () => {
    await tokenOf(m.familyId);
    const previous = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'a-rotated-secret-of-at-least-thirty-two-characters';
    try {
      expect((await familyFeed(database.db, m.familyId)).state).toBe('stale');
    } finally {
      if (previous === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = previous;
    }
  });
});
