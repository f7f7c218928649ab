// The back office's reports on the demo town (PGlite by default, PostgreSQL when DATABASE_URL is set):
// the kitchen's meal orders, the attendance lists, the dashboard's occupancy, their CSV files and bad parameters.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { DEMO_ACCOUNTS, HOLIDAY_CAPACITY, NEARLY_FULL_DAYS } from '@/lib/demo/seed';
import messages from '@/messages/fr/admin-dashboard.json';
import { attendanceList } from '@/lib/reports/attendance';
import { attendanceCsv, mealOrdersCsv } from '@/lib/reports/csv';
import { mealOrders } from '@/lib/reports/meal-orders';
import { occupancy, occupancyWindow, siteDays, totalsOn } from '@/lib/reports/occupancy';
import { buildChart } from '@/lib/reports/occupancy-chart';
import {
  MAX_RANGE_DAYS,
  nextWeek,
  parseAttendanceParams,
  parseMealOrderParams,
  parseSiteFilter,
} from '@/lib/reports/params';
import { reportSites, type ReportSite } from '@/lib/structures/sites';
import { createDemoDatabase, type TestDatabase } from '../support/db';

let database: TestDatabase;
let sites: ReportSite[];
const siteNamed = (name: string) => sites.find((s) => s.name === name)!;

beforeAll(async () => {
  database = await createDemoDatabase();
  sites = await reportSites(database.db);
});

afterAll(async () => {
  await database?.close();
});

const csvLabels = messages.mealOrders.csv;
const frenchMessage = (key: keyof typeof messages.reportErrors) =>
  messages.reportErrors[key].replace('{max}', String(MAX_RANGE_DAYS));

describe('the kitchen orders meals for a range', () => {
  it('counts every classic and meatless meal per date and site, canteen, Wednesdays and holidays alike', async () => {
    // from a school week of December to the end of the winter holidays: the three services
    const from = '2026-12-07';
    const to = '2027-03-07';
    const orders = await mealOrders(database.db, { from, to });
    const direct = await rows<{ date: string; siteId: number; classique: number; sansViande: number }>(
      database.db,
      sql`
      select date::text as date, site_id as "siteId",
             count(*) filter (where unit = 'repas_classique')::int as classique,
             count(*) filter (where unit = 'repas_sans_viande')::int as "sansViande"
      from reservations where date between ${from} and ${to} and unit in ('repas_classique', 'repas_sans_viande')
      group by 1, 2 order by 1, 2`,
    );
    expect(
      orders.lines.map(({ date, siteId, classique, sansViande }) => ({ date, siteId, classique, sansViande })),
    ).toEqual(direct);
    for (const line of orders.lines) expect(line.total).toBe(line.classique + line.sansViande);

    const [all] = await rows<{ classique: number; sansViande: number; services: number }>(
      database.db,
      sql`
      select count(*) filter (where unit = 'repas_classique')::int as classique,
             count(*) filter (where unit = 'repas_sans_viande')::int as "sansViande",
             count(distinct service)::int as services
      from reservations where date between ${from} and ${to} and unit in ('repas_classique', 'repas_sans_viande')`,
    );
    expect(all!.services).toBe(3);
    expect(orders.total).toEqual({
      classique: all!.classique,
      sansViande: all!.sansViande,
      total: all!.classique + all!.sansViande,
    });
    const bySiteSum = [...orders.bySite.values()].reduce((n, s) => n + s.total, 0);
    expect(bySiteSum).toBe(orders.total.total);
  });

  it('keeps to one site when asked', async () => {
    const school = siteNamed('École Victor Hugo');
    const orders = await mealOrders(database.db, { from: '2026-12-07', to: '2026-12-13', siteId: school.id });
    expect(orders.lines.length).toBeGreaterThan(0);
    expect(new Set(orders.lines.map((l) => l.siteId))).toEqual(new Set([school.id]));
  });

  it('writes a CSV for a spreadsheet: BOM, ";", French header, a line per date and site, then the totals', async () => {
    const orders = await mealOrders(database.db, { from: '2026-12-07', to: '2026-12-13' });
    const csv = mealOrdersCsv(orders, sites, csvLabels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date;Site;Repas classique;Repas sans viande;Total');
    expect(lines).toHaveLength(1 + orders.lines.length + orders.bySite.size + 1);
    expect(lines[1]).toMatch(/^07\/12\/2026;/);
    const [direct] = await rows<{ classique: number; sansViande: number }>(
      database.db,
      sql`
      select count(*) filter (where unit = 'repas_classique')::int as classique, count(*) filter (where unit = 'repas_sans_viande')::int as "sansViande"
      from reservations where date between '2026-12-07' and '2026-12-13'`,
    );
    expect(lines.at(-1)).toBe(
      `Total général;;${direct!.classique};${direct!.sansViande};${direct!.classique + direct!.sansViande}`,
    );
    const victorHugo = orders.bySite.get(siteNamed('École Victor Hugo').id)!;
    expect(lines).toContain(
      `Total du site;École Victor Hugo;${victorHugo.classique};${victorHugo.sansViande};${victorHugo.total}`,
    );
  });
});

describe('the attendance list of a site and a date', () => {
  const wednesday = '2026-12-02';

  it('lists exactly the children with a reservation there, sorted by name, with their units and their family contact', async () => {
    const tilleuls = siteNamed('Accueil de loisirs Les Tilleuls');
    const list = await attendanceList(database.db, { date: wednesday, siteId: tilleuls.id });
    const booked = await rows<{ childId: number; units: string }>(
      database.db,
      sql`
      select child_id as "childId", string_agg(unit::text, ',' order by unit) as units
      from reservations where site_id = ${tilleuls.id} and date = ${wednesday} group by child_id`,
    );
    expect(list.length).toBeGreaterThan(5);
    expect(new Set(list.map((r) => r.childId))).toEqual(new Set(booked.map((b) => b.childId)));
    const unitsOf = new Map(booked.map((b) => [b.childId, b.units]));
    for (const row of list) expect(row.units.join(',')).toBe(unitsOf.get(row.childId));

    const names = list.map((r) => `${r.lastName} ${r.firstName}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));

    const lea = list.find((r) => r.firstName === 'Léa' && r.lastName === 'Martin');
    expect(lea).toMatchObject({
      classLevel: 'CE2',
      units: ['matin', 'apres_midi', 'repas_sans_viande'], // 2 December is a week 2 of the demo
      contact: { firstName: 'Claire', lastName: 'Martin', phone: '06 12 34 56 78', email: DEMO_ACCOUNTS.parent.email },
    });
    // every contact is the family's parent
    const contacts = await rows<{ childId: number; email: string }>(
      database.db,
      sql`
      select c.id as "childId", p.email from children c join parents p on p.family_id = c.family_id
      where c.id in (select child_id from reservations where site_id = ${tilleuls.id} and date = ${wednesday})`,
    );
    const emailOf = new Map(contacts.map((c) => [c.childId, c.email]));
    for (const row of list) expect(row.contact?.email).toBe(emailOf.get(row.childId));
  });

  it('covers every site when none is chosen, and its CSV has the BOM, ";" and the French header', async () => {
    const list = await attendanceList(database.db, { date: '2026-12-01' });
    const [n] = await rows<{ n: number }>(
      database.db,
      sql`select count(distinct (site_id, child_id))::int as n from reservations where date = '2026-12-01'`,
    );
    expect(list).toHaveLength(n!.n);
    const csv = attendanceCsv('2026-12-01', list, sites, messages.attendance.csv);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Site;Date;Nom;Prénom;Classe;Unités;Responsable;Téléphone;E-mail');
    expect(lines).toHaveLength(1 + n!.n);
    expect(lines).toContain(
      `École Victor Hugo;01/12/2026;Martin;Léa;CE2;Repas classique;Claire Martin;06 12 34 56 78;${DEMO_ACCOUNTS.parent.email}`,
    );
  });

  it('is empty on a Sunday', async () => {
    expect(await attendanceList(database.db, { date: '2026-12-06' })).toEqual([]);
  });
});

describe('the dashboard occupancy', () => {
  it('matches the counts of reservations and the capacities, for 8 weeks from today', async () => {
    const window = occupancyWindow('2027-01-25');
    expect(window).toEqual({ from: '2027-01-25', to: '2027-03-21' });
    const cells = await occupancy(database.db, window);
    const [n] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from reservations where date between ${window.from} and ${window.to}`,
    );
    expect(cells.reduce((s, c) => s + c.booked, 0)).toBe(n!.n);

    const tilleuls = siteNamed('Accueil de loisirs Les Tilleuls');
    const nearlyFull = cells.find(
      (c) => c.siteId === tilleuls.id && c.date === NEARLY_FULL_DAYS[0] && c.unit === 'matin',
    );
    expect(nearlyFull).toEqual({
      siteId: tilleuls.id,
      date: NEARLY_FULL_DAYS[0],
      service: 'vacances',
      unit: 'matin',
      booked: HOLIDAY_CAPACITY - 1,
      capacity: HOLIDAY_CAPACITY,
    });
    const wednesday = cells.find((c) => c.siteId === tilleuls.id && c.date === '2027-01-27' && c.unit === 'matin');
    expect(wednesday?.service).toBe('mercredi');
    expect(wednesday?.capacity).toBe(80);
    // the canteen has no capacity: no limit
    const school = siteNamed('École Victor Hugo');
    expect(
      cells.filter((c) => c.siteId === school.id).every((c) => c.capacity === null && c.service === 'cantine'),
    ).toBe(true);

    // today's and tomorrow's totals per site come from the same cells
    const totals = totalsOn(cells, NEARLY_FULL_DAYS[0]!).get(tilleuls.id)!;
    const [direct] = await rows<{ matin: number; apresMidi: number; repas: number }>(
      database.db,
      sql`
      select count(*) filter (where unit = 'matin')::int as matin, count(*) filter (where unit = 'apres_midi')::int as "apresMidi",
             count(*) filter (where unit in ('repas_classique', 'repas_sans_viande'))::int as repas
      from reservations where site_id = ${tilleuls.id} and date = ${NEARLY_FULL_DAYS[0]}`,
    );
    expect(totals).toEqual(direct);

    // the chart: a group of bars per weekday of the 8 weeks, a bar per unit, the capacity drawn
    const days = siteDays(cells, tilleuls.id);
    const chart = buildChart(days, window.from, window.to);
    expect(chart.days).toHaveLength(40);
    expect(chart.units).toEqual(['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande']);
    expect(chart.summary.max).toBeGreaterThanOrEqual(HOLIDAY_CAPACITY - 1);
    const feb8 = chart.days.find((d) => d.date === NEARLY_FULL_DAYS[0])!;
    expect(feb8.bars[0]!.capacityY).not.toBeNull();
    expect(feb8.bars[0]!.y).toBeGreaterThan(feb8.bars[0]!.capacityY!); // 39 of 40: the bar stays under the line
  });

  it('keeps to one site when asked', async () => {
    const centre = siteNamed('Accueil de loisirs Jean Moulin');
    const cells = await occupancy(database.db, { ...occupancyWindow('2026-11-30'), siteId: centre.id });
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.siteId === centre.id)).toBe(true);
  });
});

describe('bad parameters', () => {
  it('default to next week, Monday to Sunday', () => {
    expect(nextWeek('2026-12-03')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(nextWeek('2026-12-06')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
    expect(parseMealOrderParams({}, '2026-12-01')).toEqual({
      ok: true,
      value: { from: '2026-12-07', to: '2026-12-13', siteId: null },
    });
    expect(parseAttendanceParams(new URLSearchParams('site=3'), '2026-12-01')).toEqual({
      ok: true,
      value: { siteId: 3, date: '2026-12-01' },
    });
  });

  it('give a French message, never a crash', () => {
    const cases: [Record<string, string>, keyof typeof messages.reportErrors][] = [
      [{ from: '2026-13-01', to: '2026-12-13' }, 'invalidDate'],
      [{ from: 'demain', to: '2026-12-13' }, 'invalidDate'],
      [{ from: '2026-12-07', to: '2027-02-30' }, 'invalidDate'],
      [{ from: '2026-12-13', to: '2026-12-07' }, 'rangeReversed'],
      [{ from: '2026-01-01', to: '2027-01-02' }, 'rangeTooLong'],
      [{ from: '2026-12-07', to: '2026-12-13', site: 'abc' }, 'invalidSite'],
    ];
    for (const [params, error] of cases)
      expect(parseMealOrderParams(params, '2026-12-01')).toEqual({ ok: false, error });
    expect(parseMealOrderParams({ from: '2026-01-01', to: '2027-01-01' }, '2026-12-01').ok).toBe(true); // 366 days
    expect(parseAttendanceParams({ date: '31/12/2026' }, '2026-12-01')).toEqual({ ok: false, error: 'invalidDate' });
    expect(parseSiteFilter({ site: '-1' })).toEqual({ ok: false, error: 'invalidSite' });
    expect(frenchMessage('rangeTooLong')).toBe(
      'La période ne peut pas dépasser 366 jours : choisissez des dates plus proches.',
    );
    expect(frenchMessage('invalidDate')).toMatch(/^La date n'est pas valide/);
  });
});
