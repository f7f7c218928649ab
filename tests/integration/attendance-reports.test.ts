// « Bilans de présence » and « Rapport CAF » on a real database (PGlite by default, PostgreSQL with DATABASE_URL): a
// small town of fixtures (reservations, signalled absences and their decisions, the animateurs' marks written directly,
// as « Pointage » would) and every report compared with a count computed here, independently, over the fixture rows:
// a child turning 6 mid-month, both meals counting as one Repas, a child present without a reservation, an absence
// pending, justified and unjustified, another site's marks left out. Then the CSV files read back from their route
// handlers (their totals are the page's), the « Heures par unité » form (French comma, refusals, audit, one
// transaction), and the refusals of bad parameters.
import { eq, sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts, attendanceMarks, auditLog, children, families, reservations, sites } from '@/db/schema';
import type { AttendanceSlot, ServiceKindDb } from '@/db/schema';
import { attendanceHoursBySlot, setAttendanceHours } from '@/lib/reports/attendance-hours';
import {
  absencesByFamily,
  attendanceVsExpected,
  dashboardPresence,
  DASHBOARD_RATE_SECONDS,
  cafReport,
  presenceRate,
  type AbsenceKind,
} from '@/lib/reports/attendance-reports';
import { knownSite, lastFourWeeks, parseCafParams, parsePresenceReportParams } from '@/lib/reports/params';
import reportsMessages from '@/messages/fr/admin-reports.json';
import dashboardMessages from '@/messages/fr/admin-dashboard.json';
import { parseCsv } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { presentMonthsDrift } from '../support/present-months';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
// what i18n/request.ts gives the route handlers: getTranslations({ locale, namespace }) over the French messages
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = {
    ...(await import('@/messages/fr.json')).default,
    ...(await import('@/messages/fr/admin-dashboard.json')).default,
    ...(await import('@/messages/fr/admin-reports.json')).default,
  };
  return {
    getTranslations: async ({ namespace }: { namespace: string }) =>
      createTranslator({ locale: 'fr', timeZone: 'Europe/Paris', messages, namespace: namespace as never }),
  };
});

let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
const NOW = new Date('2027-04-20T10:00:00Z');

// ---------------------------------------------------------------------------------------------------------------
// The fixtures

type Unit = 'matin' | 'apres_midi' | 'repas_classique' | 'repas_sans_viande';
type Decision = 'pending' | 'justified' | 'unjustified';
interface Booking {
  child: string;
  site: string;
  service: ServiceKindDb;
  date: string;
  units: Unit[];
  absence?: Decision;
}
interface Mark {
  child: string;
  site: string;
  service: ServiceKindDb;
  date: string;
  slot: AttendanceSlot;
  status: 'present' | 'absent';
  booked: boolean;
}

const SITES = { tilleuls: 'centre', hugo: 'ecole', chenes: 'centre' } as const;
// family → children (first name, birth date)
const FAMILIES: Record<string, Record<string, string>> = {
  Martin: { Léa: '2021-03-15', Hugo: '2019-06-01' }, // Léa turns 6 on 15 March 2027
  Durand: { Zoé: '2022-01-01' },
  Petit: { Jules: '2018-05-01' },
  Moreau: { Nina: '2020-09-09' },
};

const BOOKINGS: Booking[] = [
  // Wednesday 3 March at Les Tilleuls
  { child: 'Léa', site: 'tilleuls', service: 'mercredi', date: '2027-03-03', units: ['matin', 'repas_classique'] },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    units: ['matin', 'apres_midi', 'repas_sans_viande'],
  },
  { child: 'Zoé', site: 'tilleuls', service: 'mercredi', date: '2027-03-03', units: ['matin'], absence: 'pending' },
  // Wednesday 10 March: Léa's absence justified, Zoé's refused; Hugo booked both meals (one Repas)
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    units: ['matin', 'apres_midi'],
    absence: 'justified',
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    units: ['matin', 'repas_classique', 'repas_sans_viande'],
  },
  {
    child: 'Zoé',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    units: ['matin', 'repas_classique'],
    absence: 'unjustified',
  },
  // Wednesday 17 March: booked, nobody marked it
  { child: 'Léa', site: 'tilleuls', service: 'mercredi', date: '2027-03-17', units: ['matin'] },
  { child: 'Hugo', site: 'tilleuls', service: 'mercredi', date: '2027-03-17', units: ['matin'] },
  // the canteen of École Victor Hugo, Monday 1 March
  { child: 'Léa', site: 'hugo', service: 'cantine', date: '2027-03-01', units: ['repas_classique'] },
  { child: 'Hugo', site: 'hugo', service: 'cantine', date: '2027-03-01', units: ['repas_sans_viande'] },
  // another site: Les Chênes
  { child: 'Nina', site: 'chenes', service: 'mercredi', date: '2027-03-03', units: ['matin', 'repas_classique'] },
  // February and April at Les Tilleuls (outside March; April: Léa is 6 on its first day)
  { child: 'Léa', site: 'tilleuls', service: 'mercredi', date: '2027-02-24', units: ['matin'] },
  { child: 'Léa', site: 'tilleuls', service: 'mercredi', date: '2027-04-07', units: ['matin'] },
];

const MARKS: Mark[] = [
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'repas',
    status: 'present',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'repas',
    status: 'absent',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'apres_midi',
    status: 'absent',
    booked: true,
  },
  // Zoé's signalled absence (pending) marked absent too: counted once, as pending
  {
    child: 'Zoé',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'matin',
    status: 'absent',
    booked: true,
  },
  // « présent non réservé »
  {
    child: 'Jules',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'matin',
    status: 'present',
    booked: false,
  },
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    slot: 'matin',
    status: 'absent',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-03-10',
    slot: 'repas',
    status: 'present',
    booked: true,
  },
  {
    child: 'Léa',
    site: 'hugo',
    service: 'cantine',
    date: '2027-03-01',
    slot: 'repas',
    status: 'present',
    booked: true,
  },
  {
    child: 'Hugo',
    site: 'hugo',
    service: 'cantine',
    date: '2027-03-01',
    slot: 'repas',
    status: 'absent',
    booked: true,
  },
  {
    child: 'Jules',
    site: 'hugo',
    service: 'cantine',
    date: '2027-03-01',
    slot: 'repas',
    status: 'present',
    booked: false,
  },
  {
    child: 'Nina',
    site: 'chenes',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
  {
    child: 'Nina',
    site: 'chenes',
    service: 'mercredi',
    date: '2027-03-03',
    slot: 'repas',
    status: 'absent',
    booked: true,
  },
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-02-24',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
  {
    child: 'Léa',
    site: 'tilleuls',
    service: 'mercredi',
    date: '2027-04-07',
    slot: 'matin',
    status: 'present',
    booked: true,
  },
];

const siteIds: Record<string, number> = {};
const childIds: Record<string, number> = {};
const familyOfChild: Record<string, string> = {};
let staff: { id: number; role: 'staff' };
let parentAccount: number;

const slotOf = (unit: Unit): AttendanceSlot =>
  unit === 'matin' ? 'matin' : unit === 'apres_midi' ? 'apres_midi' : 'repas';

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createTestDatabase({ logger: counter });
  const db = database.db;
  for (const [name, kind] of Object.entries(SITES)) {
    const [s] = await db.insert(sites).values({ name, kind }).returning({ id: sites.id });
    siteIds[name] = s!.id;
  }
  for (const [family, kids] of Object.entries(FAMILIES)) {
    const [f] = await db.insert(families).values({ name: family }).returning({ id: families.id });
    for (const [firstName, birthDate] of Object.entries(kids)) {
      const [c] = await db
        .insert(children)
        .values({ familyId: f!.id, firstName, lastName: family, birthDate })
        .returning({ id: children.id });
      childIds[firstName] = c!.id;
      familyOfChild[firstName] = family;
    }
  }
  for (const b of BOOKINGS) {
    let absenceRequestId: number | null = null;
    if (b.absence) {
      const [{ familyId }] = (await db
        .select({ familyId: children.familyId })
        .from(children)
        .where(eq(children.id, childIds[b.child]!))) as [{ familyId: number }];
      const [request] = await rows<{ id: number }>(
        db,
        sql`insert into requests (family_id, child_id, service, type, status)
            values (${familyId}, ${childIds[b.child]!}, ${b.service}, 'absence', 'submitted') returning id`,
      );
      absenceRequestId = request!.id;
      await db.execute(
        sql`insert into absences (request_id, family_id, reason, certificate_due_at, status)
            values (${absenceRequestId}, ${familyId}, 'autre', now(), ${b.absence})`,
      );
    }
    await db.insert(reservations).values(
      b.units.map((unit) => ({
        childId: childIds[b.child]!,
        service: b.service,
        siteId: siteIds[b.site]!,
        date: b.date,
        unit,
        absenceRequestId,
      })),
    );
  }
  await db.insert(attendanceMarks).values(
    MARKS.map((m) => ({
      childId: childIds[m.child]!,
      siteId: siteIds[m.site]!,
      service: m.service,
      date: m.date,
      slot: m.slot,
      status: m.status,
      booked: m.booked,
      tappedAt: NOW,
      updatedAt: NOW,
    })),
  );
  const [agent] = await db
    .insert(accounts)
    .values({ email: 'agent@example.fr', role: 'staff', firstName: 'Anne', lastName: 'Agent' })
    .returning({ id: accounts.id });
  staff = { id: agent!.id, role: 'staff' };
  const [parent] = await db
    .insert(accounts)
    .values({ email: 'parent@example.fr', role: 'parent', firstName: 'Paul', lastName: 'Parent' })
    .returning({ id: accounts.id });
  parentAccount = parent!.id;
  // the app's getDb() answers with this test database (the route handlers)
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// The direct counts, over the fixture rows (no SQL of the reports)

const inScope = (r: { date: string; site: string }, from: string, to: string, site?: string) =>
  r.date >= from && r.date <= to && (!site || r.site === site);

function directPresence(from: string, to: string, site?: string) {
  const byKey = new Map<string, { expected: Set<string>; present: number; unbooked: number; marked: boolean }>();
  const line = (date: string, slot: string) => {
    const key = `${date}|${slot}`;
    const l = byKey.get(key) ?? { expected: new Set<string>(), present: 0, unbooked: 0, marked: false };
    byKey.set(key, l);
    return l;
  };
  for (const b of BOOKINGS.filter((b) => inScope(b, from, to, site) && !b.absence))
    for (const u of b.units) line(b.date, slotOf(u)).expected.add(b.child);
  for (const m of MARKS.filter((m) => inScope(m, from, to, site))) {
    const l = line(m.date, m.slot);
    l.marked = true;
    if (m.status === 'present' && !m.booked) l.unbooked += 1;
    if (m.status === 'present' && l.expected.has(m.child)) l.present += 1;
  }
  const order = { matin: 0, repas: 1, apres_midi: 2 } as Record<string, number>;
  return [...byKey.entries()]
    .map(([key, l]) => {
      const [date, slot] = key.split('|') as [string, string];
      return { date, slot, expected: l.expected.size, present: l.present, unbooked: l.unbooked, marked: l.marked };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || order[a.slot]! - order[b.slot]!);
}

function directAbsences(from: string, to: string, site?: string) {
  const counts: Record<AbsenceKind | 'pending', Record<string, number>> = {
    unjustified: {},
    justified: {},
    unbooked: {},
    pending: {},
  };
  const add = (kind: AbsenceKind | 'pending', child: string, n = 1) => {
    const family = familyOfChild[child]!;
    counts[kind][family] = (counts[kind][family] ?? 0) + n;
  };
  for (const b of BOOKINGS.filter((b) => inScope(b, from, to, site))) {
    if (b.absence) add(b.absence, b.child, b.units.length);
    else
      for (const u of b.units) {
        const absent = MARKS.some(
          (m) =>
            m.child === b.child &&
            m.date === b.date &&
            m.service === b.service &&
            m.slot === slotOf(u) &&
            m.status === 'absent',
        );
        if (absent) add('unjustified', b.child);
      }
  }
  for (const m of MARKS.filter((m) => inScope(m, from, to, site) && m.status === 'present' && !m.booked))
    add('unbooked', m.child);
  return counts;
}

const HOURS = { matin: 400, apres_midi: 400, repas: 200 } as Record<AttendanceSlot, number>;

/** Centi-hours per service, month and band, from the marks and the birth dates (band on the month's first day). */
function directCaf(fromMonth: string, toMonth: string, hours = HOURS, site?: string) {
  const out: Record<string, { under6: number; over6: number }> = {};
  for (const m of MARKS) {
    const month = m.date.slice(0, 7);
    if (m.status !== 'present' || month < fromMonth || month > toMonth || (site && m.site !== site)) continue;
    const family = familyOfChild[m.child]!;
    const birth = FAMILIES[family]![m.child]!;
    const sixth = `${Number(birth.slice(0, 4)) + 6}${birth.slice(4)}`;
    const band = sixth > `${month}-01` ? 'under6' : 'over6';
    const key = `${m.service}|${month}`;
    out[key] ??= { under6: 0, over6: 0 };
    out[key][band] += hours[m.slot];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

describe('expected vs present per day and slot', () => {
  it('matches the direct count at one site: signalled absences not expected, two meals one Repas, unmarked slots without a rate', async () => {
    const report = await attendanceVsExpected(database.db, {
      from: '2027-03-01',
      to: '2027-03-31',
      siteId: siteIds.tilleuls,
    });
    const direct = directPresence('2027-03-01', '2027-03-31', 'tilleuls');
    expect(
      report.lines.map(({ date, slot, expected, present, unbooked, marked }) => ({
        date,
        slot,
        expected,
        present,
        unbooked,
        marked,
      })),
    ).toEqual(direct);
    // the edge cases said aloud: Hugo's two meals of 10 March are one expected Repas; Zoé's signalled absence of
    // 3 March is not expected; Jules came unbooked; nobody marked 17 March
    expect(report.lines.find((l) => l.date === '2027-03-10' && l.slot === 'repas')).toMatchObject({
      expected: 1,
      present: 1,
    });
    expect(report.lines.find((l) => l.date === '2027-03-03' && l.slot === 'matin')).toMatchObject({
      expected: 2,
      present: 2,
      unbooked: 1,
      rate: 100,
    });
    expect(report.lines.find((l) => l.date === '2027-03-17')).toMatchObject({ expected: 2, marked: false, rate: null });
    const marked = direct.filter((l) => l.marked);
    const expected = marked.reduce((n, l) => n + l.expected, 0);
    const present = marked.reduce((n, l) => n + l.present, 0);
    expect(report.total).toEqual({
      expected: direct.reduce((n, l) => n + l.expected, 0),
      present: direct.reduce((n, l) => n + l.present, 0),
      unbooked: direct.reduce((n, l) => n + l.unbooked, 0),
      rate: presenceRate(present, expected),
    });
    expect(report.total.rate).toBe(71.4); // 5 present of the 7 expected in the marked slots
  });

  it('leaves another site out, and sums every site when none is chosen', async () => {
    const all = await attendanceVsExpected(database.db, { from: '2027-03-01', to: '2027-03-31' });
    const direct = directPresence('2027-03-01', '2027-03-31');
    expect(
      all.lines.map(({ date, slot, expected, present, unbooked, marked }) => ({
        date,
        slot,
        expected,
        present,
        unbooked,
        marked,
      })),
    ).toEqual(direct);
    const chenes = await attendanceVsExpected(database.db, {
      from: '2027-03-01',
      to: '2027-03-31',
      siteId: siteIds.chenes,
    });
    expect(chenes.total).toEqual({ expected: 2, present: 1, unbooked: 0, rate: 50 });
    // the same, in plain SQL over the fixtures: the marks of Les Tilleuls in March
    const [tilleuls] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from attendance_marks
          where site_id = ${siteIds.tilleuls!} and date between '2027-03-01' and '2027-03-31' and status = 'present' and booked`,
    );
    const atTilleuls = await attendanceVsExpected(database.db, {
      from: '2027-03-01',
      to: '2027-03-31',
      siteId: siteIds.tilleuls,
    });
    expect(atTilleuls.total.present).toBe(tilleuls!.n);
  });
});

describe('the dashboard’s rate of the last 4 weeks', () => {
  it('is presents / expected over the slots marked in the 28 days before today', async () => {
    const today = '2027-03-18';
    const window = lastFourWeeks(today);
    expect(window).toEqual({ from: '2027-02-18', to: '2027-03-17' });
    const report = await attendanceVsExpected(database.db, { ...window, siteId: null });
    const marked = directPresence(window.from, window.to).filter((l) => l.marked);
    const present = marked.reduce((n, l) => n + l.present, 0);
    const expected = marked.reduce((n, l) => n + l.expected, 0);
    expect(report.marked).toEqual({ present, expected });
    expect(report.total.rate).toBe(presenceRate(present, expected));
    // 17 March, booked and never marked, does not lower it
    expect(report.lines.some((l) => l.date === '2027-03-17' && !l.marked)).toBe(true);
  });

  it('is counted once per instance for DASHBOARD_RATE_SECONDS, then counted again', async () => {
    const scope = { ...lastFourWeeks('2027-03-18'), siteId: null };
    const t0 = 1_000_000;
    const first = await dashboardPresence(database.db, scope, t0);
    expect(first.marked).toEqual((await attendanceVsExpected(database.db, scope)).marked);
    // a correction of a past day: the cached figure stays until the delay is over
    const [mark] = await rows<{ id: number }>(
      database.db,
      sql`update attendance_marks set status = 'absent'
          where id = (select id from attendance_marks where status = 'present' and booked
                      and date between ${scope.from} and ${scope.to} order by id limit 1)
          returning id`,
    );
    expect(mark).toBeDefined();
    expect(await dashboardPresence(database.db, scope, t0 + 1000)).toBe(first);
    const later = await dashboardPresence(database.db, scope, t0 + DASHBOARD_RATE_SECONDS * 1000);
    expect(later.marked.present).toBe(first.marked.present - 1);
    await database.db.execute(sql`update attendance_marks set status = 'present' where id = ${mark!.id}`);
  });
});

describe('absences per family', () => {
  it('counts justified, non justified (marked absent, or refused), pending and unbooked presents as the direct count', async () => {
    for (const site of [undefined, 'tilleuls', 'hugo', 'chenes'] as const) {
      const report = await absencesByFamily(database.db, {
        from: '2027-03-01',
        to: '2027-03-31',
        siteId: site ? siteIds[site] : null,
      });
      const direct = directAbsences('2027-03-01', '2027-03-31', site);
      for (const kind of ['unjustified', 'justified', 'unbooked'] as const) {
        expect(
          Object.fromEntries(report.lists[kind].map((f) => [f.familyName, f.count])),
          `${kind} at ${site ?? 'every site'}`,
        ).toEqual(direct[kind]);
        expect(report.totals[kind]).toBe(Object.values(direct[kind]).reduce((n, c) => n + c, 0));
      }
      expect(report.pending).toBe(Object.values(direct.pending).reduce((n, c) => n + c, 0));
    }
    const tilleuls = await absencesByFamily(database.db, {
      from: '2027-03-01',
      to: '2027-03-31',
      siteId: siteIds.tilleuls,
    });
    // said aloud: Léa's justified Wednesday (2 units); Hugo's Repas and Après-midi marked absent and Zoé's refused
    // absence (2 units); Zoé's pending morning, marked absent as well, counted once as pending; Jules unbooked
    expect(tilleuls.lists.justified).toEqual([
      { familyId: expect.any(Number), familyName: 'Martin', children: ['Léa'], count: 2 },
    ]);
    expect(tilleuls.lists.unjustified.map((f) => [f.familyName, f.count])).toEqual([
      ['Durand', 2],
      ['Martin', 2],
    ]);
    expect(tilleuls.pending).toBe(1);
    expect(tilleuls.lists.unbooked.map((f) => [f.familyName, f.children, f.count])).toEqual([['Petit', ['Jules'], 1]]);
  });
});

describe('the CAF report', () => {
  it('counts the child-hours of present marks per service, month and age band on the first day of the month', async () => {
    const report = await cafReport(database.db, { from: '2027-02', to: '2027-04' });
    const direct = directCaf('2027-02', '2027-04');
    expect(
      Object.fromEntries(
        report.lines.map((l) => [
          `${l.service}|${l.month}`,
          { under6: l.centiHours.under6, over6: l.centiHours.over6 },
        ]),
      ),
    ).toEqual(direct);
    // Léa turns 6 on 15 March: March counts her under 6 (her age on 1 March), April 6 and over
    expect(report.lines.find((l) => l.service === 'mercredi' && l.month === '2027-04')!.centiHours).toEqual({
      under6: 0,
      over6: 400,
      total: 400,
    });
    expect(report.lines.find((l) => l.service === 'mercredi' && l.month === '2027-03')!.centiHours).toEqual({
      under6: 600, // Léa: Matin 4 h + Repas 2 h
      over6: 1800, // Hugo 4 + 4 + 2, Jules (unbooked) 4, Nina (Les Chênes) 4
      total: 2400,
    });
    // in plain SQL: the present marks' hours of the period
    const [sum] = await rows<{ centi: number }>(
      database.db,
      sql`select sum(case slot when 'repas' then 200 else 400 end)::int as centi from attendance_marks
          where status = 'present' and date between '2027-02-01' and '2027-04-30'`,
    );
    expect(report.total.total).toBe(sum!.centi);
    const oneSite = await cafReport(database.db, { from: '2027-03', to: '2027-03', siteId: siteIds.chenes });
    expect(oneSite.total).toEqual({ under6: 0, over6: 400, total: 400 });
  });

  it('reads counts the marks’ triggers keep equal to the marks: taps that add and flip marks, a mark moved or removed, a child deleted', async () => {
    const march = { from: '2027-03', to: '2027-03' } as const;
    const before = await cafReport(database.db, march);
    const mercredi = (r: typeof before) => r.lines.find((l) => l.service === 'mercredi' && l.month === '2027-03')!;
    await database.db
      .transaction(async (tx) => {
        // as « Pointage » writes (one statement, insert or update on conflict): Léa marked present on the 17th (new),
        // Hugo's morning of the 3rd flipped to absent, Léa's morning of the 3rd tapped present again (no change)
        await tx.execute(sql`
          insert into attendance_marks (child_id, site_id, service, date, slot, status, booked, tapped_at, updated_at)
          values (${childIds.Léa!}, ${siteIds.tilleuls!}, 'mercredi', '2027-03-17', 'matin', 'present', true, now(), now()),
                 (${childIds.Hugo!}, ${siteIds.tilleuls!}, 'mercredi', '2027-03-03', 'matin', 'absent', true, now(), now()),
                 (${childIds.Léa!}, ${siteIds.tilleuls!}, 'mercredi', '2027-03-03', 'matin', 'present', true, now(), now())
          on conflict (child_id, service, date, slot) do update set status = excluded.status`);
        expect(await presentMonthsDrift(tx)).toEqual([]);
        const tapped = mercredi(await cafReport(tx, march)).centiHours;
        const was = mercredi(before).centiHours;
        expect(tapped).toEqual({ under6: was.under6 + 400, over6: was.over6 - 400, total: was.total });
        // a mark moved to April, another removed, a child deleted (her marks go with her)
        await tx.execute(sql`update attendance_marks set date = '2027-04-14'
                             where child_id = ${childIds.Léa!} and date = '2027-03-17'`);
        await tx.execute(sql`delete from attendance_marks where child_id = ${childIds.Hugo!} and date = '2027-03-10'`);
        await tx.delete(children).where(eq(children.id, childIds.Nina!));
        expect(await presentMonthsDrift(tx)).toEqual([]);
        expect((await cafReport(tx, { ...march, siteId: siteIds.chenes })).lines).toEqual([]);
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rollback')) throw error;
      });
    expect(await cafReport(database.db, march)).toEqual(before);
  });

  it('« Heures par unité »: a French comma, one transaction, audited; 0, 30 or a word refused in French, nothing written', async () => {
    const before = await attendanceHoursBySlot(database.db);
    expect(before).toEqual({ matin: 4, apres_midi: 4, repas: 2 });
    const audits = async () => (await database.db.select().from(auditLog)).length;
    const n = await audits();
    for (const bad of [
      { matin: '0', apres_midi: '4', repas: '2' },
      { matin: '4', apres_midi: '30', repas: '2' },
      { matin: '4', apres_midi: '4', repas: 'deux' },
      { matin: '4', apres_midi: '4', repas: '1,555' },
      { matin: '4', apres_midi: '4' },
    ])
      await expect(setAttendanceHours(database.db, staff, bad, { now: NOW })).rejects.toThrow(
        /nombre d'heures supérieur à 0 et d'au plus 24/,
      );
    expect(await attendanceHoursBySlot(database.db)).toEqual(before);
    expect(await audits()).toBe(n);

    statements = 0;
    await setAttendanceHours(database.db, staff, { matin: '3,5', apres_midi: '4', repas: '1,5' }, { now: NOW });
    // begin, read for update, one upsert of the three slots, the audit row, commit
    expect(statements).toBeLessThanOrEqual(5);
    expect(await attendanceHoursBySlot(database.db)).toEqual({ matin: 3.5, apres_midi: 4, repas: 1.5 });
    // what the server action hands on: the input it parsed already (numbers)
    await setAttendanceHours(database.db, staff, { matin: 3.5, apres_midi: 4, repas: 1.5 }, { now: NOW });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'attendance_hours.update'))
      .orderBy(auditLog.id);
    expect(audit).toMatchObject({
      actorId: staff.id,
      entity: 'attendance_hours',
      before: { matin: 4, apres_midi: 4, repas: 2 },
      after: { matin: 3.5, apres_midi: 4, repas: 1.5 },
    });
    const report = await cafReport(database.db, { from: '2027-02', to: '2027-04' });
    expect(
      Object.fromEntries(
        report.lines.map((l) => [
          `${l.service}|${l.month}`,
          { under6: l.centiHours.under6, over6: l.centiHours.over6 },
        ]),
      ),
    ).toEqual(directCaf('2027-02', '2027-04', { matin: 350, apres_midi: 400, repas: 150 }));
    await setAttendanceHours(database.db, staff, { matin: '4', apres_midi: '4', repas: '2' }, { now: NOW });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const cells = async (response: Response) => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // UTF-8 with a BOM, CRLF
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text).toContain('\r\n');
  return parseCsv(text);
};

describe('the CSV exports (route handlers), read back: the page’s totals', () => {
  it('answers 401 to a visitor and 403 to a parent', async () => {
    const { GET } = await import('@/app/admin/bilans/export/route');
    const { GET: caf } = await import('@/app/admin/bilans/caf/export/route');
    session.current = null;
    expect((await GET(new Request('http://x/admin/bilans/export?rapport=presences'))).status).toBe(401);
    session.current = await openTestSession(database.db, parentAccount);
    expect((await GET(new Request('http://x/admin/bilans/export?rapport=presences'))).status).toBe(403);
    expect((await caf(new Request('http://x/admin/bilans/caf/export'))).status).toBe(403);
  });

  it('expected vs present: one line per day and slot, the total line equal to the report’s', async () => {
    session.current = await openTestSession(database.db, staff.id);
    const { GET } = await import('@/app/admin/bilans/export/route');
    const query = `from=2027-03-01&to=2027-03-31&site=${siteIds.tilleuls}`;
    const response = await GET(new Request(`http://x/admin/bilans/export?rapport=presences&${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toContain('presences-attendus-2027-03-01-2027-03-31');
    const csv = await cells(response);
    const page = await attendanceVsExpected(database.db, {
      from: '2027-03-01',
      to: '2027-03-31',
      siteId: siteIds.tilleuls,
    });
    const labels = reportsMessages.attendanceReports.csv;
    expect(csv[0]).toEqual([labels.date, labels.slot, labels.expected, labels.present, labels.unbooked, labels.rate]);
    expect(csv.length).toBe(page.lines.length + 2);
    expect(csv[1]).toEqual(['03/03/2027', 'Matin', '2', '2', '1', '100']);
    expect(csv.find((r) => r[0] === '17/03/2027')![5]).toBe('');
    expect(csv.at(-1)).toEqual([
      'Total',
      '',
      String(page.total.expected),
      String(page.total.present),
      String(page.total.unbooked),
      '71,4',
    ]);
  });

  it('absences per family: the three lists under their titles, each with its total, and the pending units', async () => {
    session.current = await openTestSession(database.db, staff.id);
    const { GET } = await import('@/app/admin/bilans/export/route');
    const response = await GET(
      new Request(`http://x/admin/bilans/export?rapport=absences&from=2027-03-01&to=2027-03-31`),
    );
    const csv = await cells(response);
    const page = await absencesByFamily(database.db, { from: '2027-03-01', to: '2027-03-31' });
    // a title opens the file, or follows an empty line
    const titles = csv.filter((_, i) => i === 0 || csv[i - 1]!.join('') === '').map((r) => r[0]);
    expect(titles).toEqual([
      'Absences non justifiées',
      'Absences justifiées',
      'Présents sans réservation',
      'En attente de décision',
    ]);
    const totals = csv.filter((r) => r[0] === 'Total').map((r) => Number(r[2]));
    expect(totals).toEqual([page.totals.unjustified, page.totals.justified, page.totals.unbooked]);
    expect(csv.at(-1)).toEqual([String(page.pending)]);
    expect(csv).toContainEqual(['Durand', 'Zoé', '2']);
  });

  it('the CAF report: decimals with a comma, each service’s total and the overall one equal to the report’s', async () => {
    session.current = await openTestSession(database.db, staff.id);
    await setAttendanceHours(database.db, staff, { matin: '4', apres_midi: '4', repas: '1,5' }, { now: NOW });
    const { GET } = await import('@/app/admin/bilans/caf/export/route');
    const csv = await cells(await GET(new Request('http://x/admin/bilans/caf/export?from=2027-02&to=2027-04')));
    const page = await cafReport(database.db, { from: '2027-02', to: '2027-04' });
    expect(csv[0]).toEqual(['Service', 'Mois', 'Moins de 6 ans (heures)', '6 ans et plus (heures)', 'Total (heures)']);
    expect(csv).toContainEqual(['Restauration scolaire', 'mars 2027', '1,5', '1,5', '3']);
    const hours = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);
    const grand = csv.at(-1)!;
    expect(grand[0]).toBe('Total général');
    expect(grand.slice(2).map(hours)).toEqual([page.total.under6, page.total.over6, page.total.total]);
    const serviceTotals = csv.filter((r) => r[0] === 'Total du service');
    expect(serviceTotals.map((r) => r.slice(2).map(hours))).toEqual(
      [...page.byService.values()].map((h) => [h.under6, h.over6, h.total]),
    );
    await setAttendanceHours(database.db, staff, { matin: '4', apres_midi: '4', repas: '2' }, { now: NOW });
  });

  it('refuses bad parameters in French: an inverted period, an unknown site, a month that is not one', async () => {
    session.current = await openTestSession(database.db, staff.id);
    const { GET } = await import('@/app/admin/bilans/export/route');
    const { GET: caf } = await import('@/app/admin/bilans/caf/export/route');
    const errors = dashboardMessages.reportErrors;
    const inverted = await GET(
      new Request('http://x/admin/bilans/export?rapport=presences&from=2027-03-31&to=2027-03-01'),
    );
    expect(inverted.status).toBe(400);
    expect(await inverted.text()).toBe(errors.rangeReversed);
    const unknown = await GET(new Request('http://x/admin/bilans/export?rapport=absences&site=999999'));
    expect(await unknown.text()).toBe(errors.invalidSite);
    const months = await caf(new Request('http://x/admin/bilans/caf/export?from=2027-05&to=2027-02'));
    expect(await months.text()).toBe(errors.monthsReversed);
    expect(await (await caf(new Request('http://x/admin/bilans/caf/export?from=mars'))).text()).toBe(
      errors.invalidMonth,
    );
  });
});

describe('the parameters', () => {
  it('default to the 4 weeks before today, and to the school year for the CAF report', () => {
    expect(parsePresenceReportParams({}, '2027-04-20')).toEqual({
      ok: true,
      value: { from: '2027-03-23', to: '2027-04-19', siteId: null },
    });
    expect(parseCafParams({}, { from: '2026-09', to: '2027-08' })).toEqual({
      ok: true,
      value: { from: '2026-09', to: '2027-08', siteId: null },
    });
    expect(parseCafParams({ from: '2025-01', to: '2027-08' }, { from: '2026-09', to: '2027-08' })).toEqual({
      ok: false,
      error: 'monthsTooLong',
    });
    expect(knownSite({ ok: true, value: { siteId: 7 } }, [{ id: 1 }])).toEqual({ ok: false, error: 'invalidSite' });
  });
});
