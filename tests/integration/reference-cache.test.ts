// The calendar and the sites kept between requests (lib/calendar/reference-cache.ts), on the demo town: an agent
// closes a day, and the next request sees it, in this instance and in a second one on the same database; any write
// to a reference table moves the version, whoever writes it, so no staff action can forget to.
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { accounts, schoolYears, sites } from '@/db/schema';
import type { StaffActor } from '@/lib/audit/write';
import { addClosure } from '@/lib/calendar/closures';
import { REFERENCE_TABLES, referenceData } from '@/lib/calendar/reference-cache';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { DEMO_ACCOUNTS, DEMO_YEAR } from '@/lib/demo/seed';
import { greyReason } from '@/lib/planning';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { updateSite } from '@/lib/structures/structures';
import { reportSites } from '@/lib/structures/sites';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { NOW, TODAY } from '../support/demo';

let database: TestDatabase;
/** a second instance of the portal on the same database: its own connections, its own memory */
let second: { db: Db; close(): Promise<void> };
let agent: StaffActor;
let yearId: number;
let tilleuls: number;
const ctx = { today: TODAY, now: NOW, appUrl: 'http://localhost:3000' };

beforeAll(async () => {
  database = await createDemoDatabase();
  if (database.url) {
    const other: Database = await openDatabase({ url: database.url }, { max: 2 });
    second = { db: other.db, close: () => other.close() };
  } else {
    // PGlite belongs to one process: the second instance is a second client object over it, with its own cache
    const client = (database.db as unknown as { $client: PGlite }).$client;
    second = { db: drizzlePglite(client, { schema }) as unknown as Db, close: async () => {} };
  }
  const [staff] = await database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  agent = { id: staff!.id, role: 'staff' };
  const [year] = await database.db.select().from(schoolYears).where(eq(schoolYears.label, DEMO_YEAR));
  yearId = year!.id;
  const all = await database.db.select({ id: sites.id, name: sites.name }).from(sites);
  tilleuls = all.find((s) => s.name.includes('Tilleuls'))!.id;
});

afterAll(async () => {
  await second?.close();
  await database?.close();
});

const version = async (db: Db) =>
  Number(
    (await rows<{ version: string }>(db, sql`select version from reference_versions where name = 'calendar'`))[0]!
      .version,
  );

describe('the reference data kept between requests', () => {
  it('is read once and then served from memory while nothing changes', async () => {
    const first = await referenceData(database.db);
    expect(await referenceData(database.db)).toBe(first);
    expect(first.schoolYears.map((y) => y.label)).toContain(DEMO_YEAR);
    expect((await currentSchoolYear(database.db, TODAY))?.label).toBe(DEMO_YEAR);
  });

  it('shows a day an agent closes on the next request, in this instance and in another one', async () => {
    const wednesday = '2027-03-10';
    const calendar = (db: Db) =>
      loadServiceCalendar(db, { schoolYearId: yearId, service: 'mercredi', siteId: tilleuls });
    // both instances have the calendar in memory, the day open
    expect((await calendar(database.db)).cal.closures).not.toContain(wednesday);
    expect((await calendar(second.db)).cal.closures).not.toContain(wednesday);

    // the agent confirms the reservations it cancels, as « Ajouter la fermeture » asks
    const input = { date: wednesday, siteId: tilleuls, service: 'mercredi', reason: 'Formation' };
    let result = await addClosure(database.db, agent, input, ctx);
    if (result.status === 'confirm')
      result = await addClosure(database.db, agent, { ...input, confirm: true, fingerprint: result.fingerprint }, ctx);
    expect(result.status).toBe('created');

    for (const db of [database.db, second.db]) {
      const after = await calendar(db);
      expect(after.cal.closures).toContain(wednesday);
      expect(greyReason('mercredi', after.cal, wednesday, TODAY, after.deadlineDays)).toBe('fermeture');
    }
  });

  it("shows a site's new name on the next request of the other instance", async () => {
    expect((await reportSites(second.db)).find((s) => s.id === tilleuls)?.name).not.toBe('Centre des Tilleuls (neuf)');
    await updateSite(database.db, agent, { id: tilleuls, name: 'Centre des Tilleuls (neuf)', address: '' }, ctx);
    expect((await reportSites(second.db)).find((s) => s.id === tilleuls)?.name).toBe('Centre des Tilleuls (neuf)');
  });

  it('moves its version on any write to any reference table, even one that changes no row', async () => {
    const triggers = await rows<{ table: string }>(
      database.db,
      sql`select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
          join pg_proc p on p.oid = t.tgfoid where p.proname = 'bump_calendar_version' and not t.tgisinternal`,
    );
    expect(triggers.map((t) => t.table).sort()).toEqual([...REFERENCE_TABLES].sort());
    for (const table of REFERENCE_TABLES) {
      const before = await version(database.db);
      await database.db.execute(sql`delete from ${sql.identifier(table)} where false`);
      expect(await version(database.db), table).toBe(before + 1);
    }
  });

  it('is read through a transaction inside one, which sees its own writes first', async () => {
    const label = 'Fermeture interne au test';
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update sites set name = ${label} where id = ${tilleuls}`);
        expect((await referenceData(tx)).sites.find((s) => s.id === tilleuls)?.name).toBe(label);
        // another request meanwhile still sees the committed name (PGlite's one connection waits for the transaction)
        if (database.url) expect((await reportSites(second.db)).find((s) => s.id === tilleuls)?.name).not.toBe(label);
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rollback')) throw error;
      });
    expect((await reportSites(database.db)).find((s) => s.id === tilleuls)?.name).not.toBe(label);
  });
});
