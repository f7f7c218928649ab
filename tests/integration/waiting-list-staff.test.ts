// « Listes d'attente », the Guichet famille's side (issue 15), on the demo town: Chloé Bernard then Jules Petit wait
// for the morning of Monday 8 February 2027 at Les Tilleuls' holiday centre, made full; the agent reads the lines in
// order with each family's contact, books Jules before Chloé (one child more than the capacity, with a reason), removes
// Jules from the line of the 9th (the family e-mailed with the reason), and is refused in French, nothing written, for
// a missing reason, an entry no longer waiting, an unknown one or a day past. The dashboard counts the coming 4 weeks.
import { sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Db } from '@/db/client';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { renderEmail } from '@/lib/email/render';
import {
  listWaitingLines,
  promoteOutOfOrder,
  removeFromWaitingList,
  waitingCountsAhead,
  waitingLineFiltersSchema,
} from '@/lib/waiting-list/staff';
import type { StaffActor } from '@/lib/audit/write';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, expectRefused, NOW, snapshot, TODAY } from '../support/demo';

let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
let db: Db;
let agent: StaffActor;
const appUrl = 'http://localhost:3000';
const ctx = { today: TODAY, now: NOW, appUrl };
const FULL_DAY = '2027-02-08';
const NEXT_DAY = '2027-02-09';

interface Child {
  childId: number;
  familyId: number;
  siteId: number;
  schoolYearId: number;
}
let jules: Child;
let chloe: Child;

async function holidayChild(email: string): Promise<Child> {
  const [found] = await rows<Child>(
    db,
    sql`select c.id as "childId", c.family_id as "familyId", e.site_id as "siteId", e.school_year_id as "schoolYearId"
        from accounts a
        join parents p on p.account_id = a.id
        join children c on c.family_id = p.family_id
        join enrolments e on e.child_id = c.id and e.service = 'vacances'
        where a.email = ${email}
        order by c.id limit 1`,
  );
  return found!;
}

/** An entry as « Valider » leaves it (lib/waiting-list/join.ts), queued at `queuedAt`. */
async function wait(child: Child, date: string, units: string[], queuedAt: string): Promise<number> {
  const [entry] = await rows<{ id: number }>(
    db,
    sql`insert into waiting_entries (family_id, child_id, service, site_id, school_year_id, date, units, queued_at)
        values (${child.familyId}, ${child.childId}, 'vacances', ${child.siteId}, ${child.schoolYearId}, ${date},
                ${`{${units.join(',')}}`}::unit[], ${queuedAt}::timestamptz)
        returning id`,
  );
  return entry!.id;
}

/** What these use-cases may write besides the démarches' tables: the entries. */
async function state(): Promise<string> {
  const [entries] = await rows<{ entries: string }>(
    db,
    sql`select coalesce(string_agg(concat_ws(':', id, status, closed_by, closed_reason, promotion_request_id), ','
                                   order by id), '') as entries
        from waiting_entries`,
  );
  return `${await snapshot(db)}|${entries!.entries}`;
}

async function refused(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await state();
  await expectRefused(db, run, message);
  expect(await state()).toBe(before);
}

const mornings = async (date: string) =>
  (
    await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reservations
          where site_id = ${jules.siteId} and service = 'vacances' and date = ${date} and unit = 'matin'
            and not absence_released`,
    )
  )[0]!.n;

let chloeFull = 0;
let julesFull = 0;
let julesNext = 0;

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  db = database.db;
  const staff = await demoAgent(db);
  agent = { id: staff.id, role: 'staff' };
  jules = await holidayChild(DEMO_ACCOUNTS.waiting.email);
  chloe = await holidayChild('famille.bernard@example.fr');
  expect(jules.siteId).toBe(chloe.siteId);
  // the last morning place of the 8th goes to another child of the centre: the day is full
  const [capacity] = await rows<{ capacity: number }>(
    db,
    sql`select capacity from site_capacities where site_id = ${jules.siteId} and service = 'vacances' and unit = 'matin'`,
  );
  await db.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
    select e.child_id, 'vacances', e.site_id, ${FULL_DAY}, 'matin' from enrolments e
    where e.site_id = ${jules.siteId} and e.service = 'vacances' and e.child_id not in (${jules.childId}, ${chloe.childId})
      and not exists (select 1 from reservations r where r.child_id = e.child_id and r.service = 'vacances'
                      and r.date = ${FULL_DAY} and r.unit = 'matin')
    order by e.child_id limit ${capacity!.capacity - (await mornings(FULL_DAY))}`);
  expect(await mornings(FULL_DAY)).toBe(capacity!.capacity);
  chloeFull = await wait(chloe, FULL_DAY, ['matin'], '2026-11-28T10:00:00Z');
  julesFull = await wait(jules, FULL_DAY, ['matin', 'repas_classique'], '2026-11-28T11:00:00Z');
  julesNext = await wait(jules, NEXT_DAY, ['matin'], '2026-11-28T11:00:00Z');
});

afterAll(async () => {
  await database?.close();
});

describe('the lines an agent reads', () => {
  it('per site, service and day, in line order, with the positions and each family’s first parent', async () => {
    const result = await listWaitingLines(db, { ...waitingLineFiltersSchema.parse({}), today: TODAY });
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => [r.date, r.position, r.childName, r.units])).toEqual([
      [FULL_DAY, 1, 'Chloé Bernard', ['matin']],
      [FULL_DAY, 2, 'Jules Petit', ['matin', 'repas_classique']],
      [NEXT_DAY, 1, 'Jules Petit', ['matin']],
    ]);
    const first = result.rows[1]!;
    expect(first).toMatchObject({
      id: julesFull,
      service: 'vacances',
      familyName: 'Petit',
      contact: { name: 'Marc Petit', email: DEMO_ACCOUNTS.waiting.email, phone: '06 55 44 33 22' },
    });
    expect(first.siteName).toMatch(/Tilleuls/);
    expect(first.queuedAt.toISOString()).toBe('2026-11-28T11:00:00.000Z');
  });

  it('filtered from the URL: the positions stay the whole line’s, two queries whatever the filters', async () => {
    const parse = (q: Record<string, string>) => ({ ...waitingLineFiltersSchema.parse(q), today: TODAY });
    statements = 0;
    const fromNext = await listWaitingLines(db, parse({ from: NEXT_DAY, site: String(jules.siteId) }));
    expect(statements).toBe(2);
    expect(fromNext.rows.map((r) => r.id)).toEqual([julesNext]);
    expect(
      (await listWaitingLines(db, parse({ to: FULL_DAY, service: 'vacances' }))).rows.map((r) => r.position),
    ).toEqual([1, 2]);
    expect((await listWaitingLines(db, parse({ service: 'cantine' }))).total).toBe(0);
    // a bad value is ignored, never an error
    expect((await listWaitingLines(db, parse({ site: 'abc', from: '2027-13-45', page: '-3' }))).total).toBe(3);
    // 50 a page
    const paged = await listWaitingLines(db, parse({ page: '2' }), 2);
    expect([paged.page, paged.pageCount, paged.rows.map((r) => r.id)]).toEqual([2, 2, [julesNext]]);
  });

  it('the dashboard counts the entries of the coming 4 weeks and their children', async () => {
    const before = await waitingCountsAhead(db, { today: TODAY, weeks: 4 });
    // the Christmas holidays are within 4 weeks of Sunday 29 November; February is not
    const christmas = [
      await wait(jules, '2026-12-21', ['matin'], '2026-11-28T12:00:00Z'),
      await wait(jules, '2026-12-22', ['matin'], '2026-11-28T12:00:00Z'),
      await wait(chloe, '2026-12-23', ['matin'], '2026-11-28T12:00:00Z'),
    ];
    const afterwards = await waitingCountsAhead(db, { today: TODAY, weeks: 4 });
    expect(afterwards).toEqual({ entries: before.entries + 3, children: before.children + 2 });
    // the day itself and the days after the weeks are not counted
    expect(await waitingCountsAhead(db, { today: '2026-12-21', weeks: 4 })).toMatchObject({ entries: 2, children: 2 });
    expect(await waitingCountsAhead(db, { today: '2026-11-23', weeks: 4 })).toMatchObject({ entries: 1, children: 1 });
    await db.execute(sql`delete from waiting_entries where id = any(${`{${christmas.join(',')}}`}::int[])`);
  });
});

describe('« Inscrire hors de l’ordre »', () => {
  it('requires a reason, and refuses an unknown entry: nothing written', async () => {
    await refused(
      () => promoteOutOfOrder(db, agent, { entryId: julesFull, reason: '   ' }, ctx),
      /^Indiquez le motif\.$/,
    );
    await refused(
      () => promoteOutOfOrder(db, agent, { entryId: 2_000_000, reason: 'Situation familiale' }, ctx),
      /^Cette demande n'est plus sur la liste d'attente\./,
    );
  });

  it('refuses a day past (the entry waits for today): nothing written', async () => {
    const today = await wait(jules, TODAY, ['matin'], '2026-11-28T12:00:00Z');
    await refused(
      () => promoteOutOfOrder(db, agent, { entryId: today, reason: 'Urgence' }, ctx),
      /^Cette demande n'est plus sur la liste d'attente\./,
    );
    await refused(
      () => removeFromWaitingList(db, agent, { entryId: today, reason: 'Urgence' }, ctx),
      /^Cette demande n'est plus sur la liste d'attente\./,
    );
    await db.execute(sql`delete from waiting_entries where id = ${today}`);
  });

  it('books Jules before Chloé on a full day, one child over the capacity, with the promotion’s tail', async () => {
    const full = await mornings(FULL_DAY);
    statements = 0;
    await promoteOutOfOrder(db, agent, { entryId: julesFull, reason: 'Situation familiale urgente' }, ctx);
    // the lock, the entry, the calendars' reference data (read in the transaction as the refill reads it: its version
    // and 6 tables), then writePromotions' 4 statements: constant
    expect(statements).toBe(13);
    expect(await mornings(FULL_DAY)).toBe(full + 1);

    const booked = await rows<{ unit: string; requestId: number }>(
      db,
      sql`select unit::text as unit, request_id as "requestId" from reservations
          where child_id = ${jules.childId} and service = 'vacances' and date = ${FULL_DAY} order by unit`,
    );
    expect(booked.map((b) => b.unit)).toEqual(['matin', 'repas_classique']);
    const [entry] = await rows<{ status: string; requestId: number }>(
      db,
      sql`select status::text as status, promotion_request_id as "requestId" from waiting_entries where id = ${julesFull}`,
    );
    expect(entry!.status).toBe('promoted');
    expect(booked.every((b) => b.requestId === entry!.requestId)).toBe(true);

    const [request] = await rows<{ type: string; reference: string; onBehalf: boolean; reason: string; by: number }>(
      db,
      sql`select type::text as type, reference, on_behalf as "onBehalf", reason, created_by as by from requests
          where id = ${entry!.requestId}`,
    );
    expect(request).toEqual({
      type: 'promotion',
      reference: expect.stringMatching(/^DEM-2026-\d{6}$/),
      onBehalf: true,
      reason: 'Situation familiale urgente',
      by: agent.id,
    });
    const [audit] = await rows<{ actorId: number; actorRole: string; after: { by: string; reason: string } }>(
      db,
      sql`select actor_id as "actorId", actor_role::text as "actorRole", after from audit_log
          where action = 'waiting_list.promote' and entity = 'waiting_entry' and entity_id = ${String(julesFull)}`,
    );
    expect(audit).toMatchObject({
      actorId: agent.id,
      actorRole: 'staff',
      after: { by: 'agent', reason: 'Situation familiale urgente' },
    });
    const [mail] = await rows<{ to: string; template: string; payload: { kind: string; reference: string } }>(
      db,
      sql`select "to", template, payload from email_outbox where idempotency_key = ${`waiting-${julesFull}-promoted`}`,
    );
    expect(mail).toMatchObject({
      to: DEMO_ACCOUNTS.waiting.email,
      template: 'waiting-list',
      payload: { kind: 'promoted', reference: request!.reference },
    });

    // Chloé still waits, first in line
    const line = await listWaitingLines(db, { ...waitingLineFiltersSchema.parse({ to: FULL_DAY }), today: TODAY });
    expect(line.rows.map((r) => [r.id, r.position])).toEqual([[chloeFull, 1]]);
  });

  it('refuses an entry already promoted: nothing written', async () => {
    await refused(
      () => promoteOutOfOrder(db, agent, { entryId: julesFull, reason: 'Encore' }, ctx),
      /^Cette demande n'est plus sur la liste d'attente\./,
    );
  });
});

describe('« Retirer de la liste »', () => {
  it('requires a reason: nothing written', async () => {
    await refused(
      () => removeFromWaitingList(db, agent, { entryId: julesNext, reason: '' }, ctx),
      /^Indiquez le motif\.$/,
    );
  });

  it('closes the entry with the reason, in 4 statements, and e-mails the family', async () => {
    statements = 0;
    await removeFromWaitingList(db, agent, { entryId: julesNext, reason: 'Doublon avec une inscription papier' }, ctx);
    expect(statements).toBe(4);
    const [entry] = await rows(
      db,
      sql`select status::text as status, closed_by as "closedBy", closed_reason as "closedReason",
                 closed_at as "closedAt" from waiting_entries where id = ${julesNext}`,
    );
    expect(entry).toMatchObject({
      status: 'removed',
      closedBy: agent.id,
      closedReason: 'Doublon avec une inscription papier',
    });
    expect(new Date((entry as { closedAt: string }).closedAt).toISOString()).toBe(NOW.toISOString());

    const [audit] = await rows<{ actorId: number; familyId: number; after: { reason: string; date: string } }>(
      db,
      sql`select actor_id as "actorId", family_id as "familyId", after from audit_log
          where action = 'waiting_list.remove' and entity = 'waiting_entry' and entity_id = ${String(julesNext)}`,
    );
    expect(audit).toMatchObject({
      actorId: agent.id,
      familyId: jules.familyId,
      after: { reason: 'Doublon avec une inscription papier', date: NEXT_DAY },
    });

    const [mail] = await rows<{ to: string; template: string; payload: Record<string, unknown> }>(
      db,
      sql`select "to", template, payload from email_outbox where idempotency_key = ${`waiting-${julesNext}-removed`}`,
    );
    expect(mail).toMatchObject({
      to: DEMO_ACCOUNTS.waiting.email,
      template: 'waiting-list',
      payload: {
        kind: 'removed',
        reference: null,
        cancelUntil: null,
        reason: 'Doublon avec une inscription papier',
        childName: 'Jules Petit',
        parentName: 'Marc Petit',
        units: ['Matin'],
        date: NEXT_DAY,
        link: `${appUrl}/enfants/${jules.childId}`,
      },
    });
    const rendered = await renderEmail('waiting-list', mail!.payload);
    expect(rendered.text).toContain('Doublon avec une inscription papier');
  });

  it('refuses an entry already removed, or promoted, or unknown: nothing written', async () => {
    for (const entryId of [julesNext, julesFull, 2_000_000]) {
      await refused(
        () => removeFromWaitingList(db, agent, { entryId, reason: 'Encore' }, ctx),
        /^Cette demande n'est plus sur la liste d'attente\./,
      );
      await refused(
        () => promoteOutOfOrder(db, agent, { entryId, reason: 'Encore' }, ctx),
        /^Cette demande n'est plus sur la liste d'attente\./,
      );
    }
    const left = await listWaitingLines(db, { ...waitingLineFiltersSchema.parse({}), today: TODAY });
    expect(left.rows.map((r) => r.id)).toEqual([chloeFull]);
  });
});
