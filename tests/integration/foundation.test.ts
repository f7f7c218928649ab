// The foundation on a real database (PGlite by default, PostgreSQL when DATABASE_URL is set):
// migrations, the demo town, sign-in and its limits, a family's children.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { children, families, parents } from '@/db/schema';
import { DEMO_ACCOUNTS, seedIfEmpty } from '@/lib/demo/seed';
import { authenticate } from '@/lib/auth/authenticate';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { listFamilyChildren } from '@/lib/families/children';
import { keyFigures } from '@/lib/reports/stats';
import { createTestDatabase, type TestDatabase } from '../support/db';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await seedIfEmpty(database.db, () => {})).toBe(true);
});

afterAll(async () => {
  await database?.close();
});

async function martinFamilyId(): Promise<number> {
  const [row] = await database.db
    .select({ familyId: parents.familyId })
    .from(parents)
    .where(eq(parents.email, DEMO_ACCOUNTS.parent.email));
  return row!.familyId;
}

describe('the demo town', () => {
  it('holds about 200 families, 3 sectors, 3 leisure centres and 4 schools', async () => {
    const [counts] = await rows<{ families: number; sectors: number; centres: number; schools: number }>(
      database.db,
      sql`select (select count(*)::int from families) as families, (select count(*)::int from sectors) as sectors,
        (select count(*)::int from sites where kind = 'centre') as centres, (select count(*)::int from sites where kind = 'ecole') as schools`,
    );
    expect(counts).toEqual({ families: 204, sectors: 3, centres: 3, schools: 4 }); // 200 + the Bernards, Moreaus, Haddads, Petits
  });

  it('is loaded once: a second start finds data and loads nothing', async () => {
    expect(await seedIfEmpty(database.db, () => {})).toBe(false);
    const [n] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from families`);
    expect(n!.n).toBe(204);
  });

  it('gives the Martin family Léa, enrolled at the canteen and the Wednesday centre with reservations, and Hugo, enrolled in nothing', async () => {
    const year = await currentSchoolYear(database.db, '2026-11-29');
    expect(year?.label).toBe('2026-2027');
    const kids = await listFamilyChildren(database.db, await martinFamilyId(), year!.id);
    expect(kids.map((k) => k.firstName)).toEqual(['Léa', 'Hugo']);
    expect(kids[0]!.services.map((s) => s.service)).toEqual(['cantine', 'mercredi']);
    expect(kids[1]!.services).toEqual([]);
    const [booked] = await rows<{ n: number; wednesdays: number }>(
      database.db,
      sql`select count(*)::int as n, count(*) filter (where service = 'mercredi' and extract(isodow from date) = 3)::int as wednesdays
          from reservations where child_id = ${kids[0]!.id}`,
    );
    expect(booked!.n).toBeGreaterThan(0);
    expect(booked!.wednesdays).toBeGreaterThan(0);
  });

  it('books no Wednesday on a holiday or a public holiday', async () => {
    const bad = await rows(
      database.db,
      sql`select r.date from reservations r where r.service = 'mercredi'
          and (extract(isodow from r.date) <> 3 or r.date = '2026-11-11'
               or exists (select 1 from holiday_periods h where r.date between h.start and h."end"))`,
    );
    expect(bad).toEqual([]);
  });

  it('counts families, children and enrolments for the dashboard', async () => {
    const year = await currentSchoolYear(database.db, '2026-11-29');
    const figures = await keyFigures(database.db, year!.id);
    expect(figures.families).toBe(204);
    expect(figures.children).toBeGreaterThan(200);
    expect(figures.enrolments).toBeGreaterThan(100);
  });
});

describe("a family's children", () => {
  it('are only those of the family asked for', async () => {
    const martin = await martinFamilyId();
    const [other] = await database.db
      .select({ id: families.id })
      .from(families)
      .where(sql`${families.id} <> ${martin}`)
      .limit(1);
    const kids = await listFamilyChildren(database.db, other!.id, null);
    const martinKids = await database.db
      .select({ id: children.id })
      .from(children)
      .where(eq(children.familyId, martin));
    expect(kids.length).toBeGreaterThan(0);
    expect(kids.some((k) => martinKids.some((m) => m.id === k.id))).toBe(false);
  });

  it('show an empty list for a family without children', async () => {
    const [empty] = await database.db.insert(families).values({ name: 'Sansenfant' }).returning({ id: families.id });
    expect(await listFamilyChildren(database.db, empty!.id, null)).toEqual([]);
  });
});

describe('sign-in', () => {
  it('lets the demo parent in with the family and the role', async () => {
    const result = await authenticate(database.db, { ...DEMO_ACCOUNTS.parent, ip: '10.0.0.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.role).toBe('parent');
    expect(result.user.familyId).toBe(await martinFamilyId());
  });

  it('accepts the identifier whatever its case and spaces', async () => {
    const result = await authenticate(database.db, {
      email: '  Agent@Example.FR ',
      password: DEMO_ACCOUNTS.staff.password,
      ip: '10.0.0.2',
    });
    expect(result).toMatchObject({ ok: true, user: { role: 'staff', familyId: null } });
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await authenticate(database.db, {
      email: DEMO_ACCOUNTS.admin.email,
      password: 'pas-le-bon',
      ip: '10.0.0.3',
    });
    const unknown = await authenticate(database.db, {
      email: 'personne@example.fr',
      password: 'pas-le-bon',
      ip: '10.0.0.3',
    });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });
});

describe('the demo holiday centre', () => {
  it('has one morning place left at Les Tilleuls on the nearly full days', async () => {
    const found = await rows<{ date: string; taken: number; capacity: number }>(
      database.db,
      sql`select to_char(r.date, 'YYYY-MM-DD') as date, count(*)::int as taken, min(c.capacity)::int as capacity
          from reservations r join sites s on s.id = r.site_id
          join site_capacities c on c.site_id = s.id and c.service = 'vacances' and c.unit = 'matin'
          where s.name = 'Accueil de loisirs Les Tilleuls' and r.service = 'vacances' and r.unit = 'matin'
            and r.date in ('2027-02-08', '2027-02-09')
          group by r.date order by r.date`,
    );
    expect(found).toEqual([
      { date: '2027-02-08', taken: 39, capacity: 40 },
      { date: '2027-02-09', taken: 39, capacity: 40 },
    ]);
  });
});

describe('the connection to PostgreSQL', () => {
  it("prepares the app's statements (one round trip each after the first use), not PGlite's in-process ones", async () => {
    // in one transaction, so on one connection: the statement just run is among that connection's prepared ones
    const prepared = await database.db.transaction(async (tx) => {
      await rows(tx, sql`select count(*)::int as n from families where id > ${0} /* foundation: prepared */`);
      return rows<{ statement: string }>(
        tx,
        sql`select statement from pg_prepared_statements where statement like ${'%foundation: prepared%'}`,
      );
    });
    expect(prepared.map((p) => p.statement)).toEqual(
      database.engine === 'postgres'
        ? ['select count(*)::int as n from families where id > $1 /* foundation: prepared */']
        : [],
    );
  });
});
