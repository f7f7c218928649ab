// « Liste d'attente » (issue 15), on a real database: the demo's Bernards take the last morning of 8 February, the
// Petits join its waiting list at « Valider », the Bernards cancel and Jules is booked in the same transaction (the
// promotion's reference, e-mail, journal row, Mes demandes); a day waits as a whole; the 48 hours to cancel a promoted
// day past the deadline; leaving the list (the family's own entry only); expiry; every way a place frees (an absence, a
// closure lifted, a capacity raised); a constant number of statements; and a freed place going to exactly one family
// while 30 families wait and 30 others cancel and book at once.
import { sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Db } from '@/db/client';
import { declareAbsence, declareAbsenceSchema } from '@/lib/absences/declare';
import { addClosure, deleteClosure } from '@/lib/calendar/closures';
import { saveSiteCapacities, updateHolidayPeriod } from '@/lib/calendar/settings';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { renderEmail } from '@/lib/email/render';
import type { IsoDate, ServiceKind, Unit } from '@/lib/planning';
import { loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { listFamilyRequests } from '@/lib/requests/history';
import { agentPolicy, parentPolicy, type DemarchePolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { placesLeft } from '@/lib/reservations/capacity';
import { upcomingDays } from '@/lib/reservations/upcoming';
import { waitingPositions } from '@/lib/waiting-list/join';
import { expireWaitingEntries, leaveWaitingList } from '@/lib/waiting-list/leave';
import { refillFreedPlaces } from '@/lib/waiting-list/promote';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, NOW, snapshot, TODAY } from '../support/demo';

let statements = 0;
let counting = false;
const counter: Logger = {
  logQuery: () => {
    if (counting) statements += 1;
  },
};

let database: TestDatabase;
let db: Db;
const appUrl = 'http://localhost:3000';
const clock = { today: TODAY, now: NOW };

interface Parent {
  id: number;
  familyId: number;
  childId: number;
}

async function parentOf(email: string): Promise<Parent> {
  const [row] = await rows<Parent>(
    db,
    sql`select a.id, p.family_id as "familyId", c.id as "childId" from accounts a
        join parents p on p.account_id = a.id join children c on c.family_id = p.family_id
        where a.email = ${email} order by c.id limit 1`,
  );
  return row!;
}

type Day = { date: IsoDate; units: Unit[]; waiting?: Unit[] };

/** A whole démarche: « Commencer », the days of Étape 1, « Valider » (as a parent, or an agent at the desk). */
async function demarche(
  who: Parent,
  days: Day[],
  at: { today: IsoDate; now: Date } = clock,
  p: { service?: ServiceKind; policy?: DemarchePolicy; childId?: number } = {},
) {
  const policy = p.policy ?? parentPolicy({ id: who.id, familyId: who.familyId });
  const service = p.service ?? 'vacances';
  const { requestId } = await startReservationDraft(db, {
    familyId: who.familyId,
    accountId: policy.accountId,
    childId: p.childId ?? who.childId,
    service,
    ...at,
    onBehalf: policy.actor === 'agent',
  });
  await saveDraftDays(db, { policy, ...at, input: { requestId, days } });
  const draft = await loadDraft(db, { requestId, policy, now: at.now });
  return submitReservationRequest(db, {
    policy,
    requestId,
    version: draft.enrolment.planningVersion,
    ...at,
    appUrl,
    reason: policy.reasonRequired ? 'Demande au guichet' : undefined,
  });
}

async function held(childId: number, date: IsoDate): Promise<string[]> {
  const found = await rows<{ unit: string }>(
    db,
    sql`select unit::text as unit from reservations where child_id = ${childId} and date = ${date} order by unit`,
  );
  return found.map((f) => f.unit);
}

async function entries(childId: number) {
  return rows<{ id: number; date: IsoDate; units: string[]; status: string; promotionRequestId: number | null }>(
    db,
    sql`select id, to_char(date, 'YYYY-MM-DD') as date, units::text[] as units, status::text as status,
          promotion_request_id as "promotionRequestId"
        from waiting_entries where child_id = ${childId} order by id`,
  );
}

async function outbox(to: string, template: string) {
  return rows<{ payload: Record<string, unknown>; template: string; to: string; requestId: number | null }>(
    db,
    sql`select payload, template, "to", request_id as "requestId" from email_outbox
        where "to" = ${to} and template = ${template} order by id`,
  );
}

let bernard: Parent;
let petit: Parent;
let tilleuls: number;
const MONDAY = '2027-02-08';
const TUESDAY = '2027-02-09';

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  db = database.db;
  bernard = await parentOf(DEMO_ACCOUNTS.neighbour.email);
  petit = await parentOf(DEMO_ACCOUNTS.waiting.email);
  const [site] = await rows<{ siteId: number }>(
    db,
    sql`select site_id as "siteId" from enrolments where child_id = ${petit.childId} and service = 'vacances'`,
  );
  tilleuls = site!.siteId;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('joining the waiting list and being promoted', () => {
  it('the Bernards take the last morning, the Petits join its list, the Bernards cancel: Jules is booked', async () => {
    const morning = async () =>
      (await placesLeft(db, { siteId: tilleuls, service: 'vacances', from: MONDAY, to: MONDAY }))[MONDAY]?.matin;
    expect(await morning()).toBe(1);
    await demarche(bernard, [{ date: MONDAY, units: ['matin'] }]);
    expect(await morning()).toBe(0);

    // a full unit is not booked: it is asked on the waiting list
    await expect(demarche(petit, [{ date: MONDAY, units: ['matin'] }])).rejects.toThrow(/complet/);
    const joined = await demarche(petit, [{ date: MONDAY, units: [], waiting: ['matin'] }]);
    expect(joined).toMatchObject({ added: 0, removed: 0, waiting: 1 });
    expect(await held(petit.childId, MONDAY)).toEqual([]);
    const [entry] = await entries(petit.childId);
    expect(entry).toMatchObject({ date: MONDAY, units: ['matin'], status: 'waiting' });
    expect(await waitingPositions(db, { childIds: [petit.childId], from: TODAY })).toMatchObject([
      { date: MONDAY, position: 1, units: ['matin'] },
    ]);
    // the acknowledgment lists it, with its place in line
    const [ack] = await outbox(DEMO_ACCOUNTS.waiting.email, 'request-acknowledgment');
    expect(ack!.payload.waiting).toEqual([{ date: MONDAY, units: ['Matin'], position: 1 }]);
    const ackMail = await renderEmail('request-acknowledgment', ack!.payload as never);
    expect(ackMail.text).toMatch(/Liste d'attente/);
    expect(ackMail.text).toMatch(/1re sur la liste/);

    // the Bernards cancel: the freed place goes to Jules in the same transaction
    await demarche(bernard, [{ date: MONDAY, units: [] }]);
    expect(await held(petit.childId, MONDAY)).toEqual(['matin']);
    expect(await morning()).toBe(0);
    const [promoted] = await entries(petit.childId);
    expect(promoted!.status).toBe('promoted');
    const [request] = await rows<{ reference: string; type: string; diff: { added: unknown[] } }>(
      db,
      sql`select reference, type::text as type, diff from requests where id = ${promoted!.promotionRequestId}`,
    );
    expect(request!.type).toBe('promotion');
    expect(request!.reference).toMatch(/^DEM-2026-\d{6}$/);
    expect(request!.diff.added).toEqual([{ date: MONDAY, unit: 'matin' }]);
    // « Une place s'est libérée », with the reference
    const [mail] = await outbox(DEMO_ACCOUNTS.waiting.email, 'waiting-list');
    expect(mail!.payload).toMatchObject({ kind: 'promoted', reference: request!.reference, childName: 'Jules Petit' });
    const rendered = await renderEmail('waiting-list', mail!.payload as never);
    expect(rendered.subject).toBe("Une place s'est libérée pour Jules Petit");
    expect(rendered.text).toContain(request!.reference);
    // the journal and Mes demandes
    const [audit] = await rows<{ action: string; familyId: number }>(
      db,
      sql`select action, family_id as "familyId" from audit_log where action = 'waiting_list.promote'
          and entity_id = ${String(promoted!.id)}`,
    );
    expect(audit).toEqual({ action: 'waiting_list.promote', familyId: petit.familyId });
    const mine = await listFamilyRequests(db, petit.familyId);
    expect(mine.find((r) => r.type === 'promotion')).toMatchObject({
      reference: request!.reference,
      changed: { type: 'reservation', added: 1, removed: 0 },
    });
  });

  it('a day waits as a whole: the units added that day wait with the full one', async () => {
    await demarche(bernard, [{ date: TUESDAY, units: ['matin'] }]);
    // a meal alone breaks the day rule, even on the waiting list
    await expect(demarche(petit, [{ date: TUESDAY, units: [], waiting: ['repas_classique'] }])).rejects.toThrow(
      /demi-journée/,
    );
    const joined = await demarche(petit, [{ date: TUESDAY, units: ['repas_classique'], waiting: ['matin'] }]);
    expect(joined).toMatchObject({ added: 0, waiting: 1 });
    // the meal had places left, but it waits with the morning it goes with
    expect(await held(petit.childId, TUESDAY)).toEqual([]);
    expect((await entries(petit.childId)).find((e) => e.date === TUESDAY)).toMatchObject({
      units: ['matin', 'repas_classique'],
      status: 'waiting',
    });
  });

  it('a promoted day may be cancelled without the deadline for 48 hours, and then not', async () => {
    // 30 January: 9 February is past the J-15 deadline; an agent cancels the Bernards' morning at the desk
    const late = { today: '2027-01-30', now: new Date('2027-01-30T09:00:00Z') };
    const agent = await demoAgent(db);
    await demarche(bernard, [{ date: TUESDAY, units: [] }], late, {
      policy: agentPolicy(agent, bernard.familyId),
    });
    expect(await held(petit.childId, TUESDAY)).toEqual(['matin', 'repas_classique']);

    // the next day the Petits may give the meal back, but not add the afternoon
    const next = { today: '2027-01-31', now: new Date('2027-01-31T09:00:00Z') };
    await expect(
      demarche(petit, [{ date: TUESDAY, units: ['matin', 'apres_midi', 'repas_classique'] }], next),
    ).rejects.toThrow(/hors délai/);
    await demarche(petit, [{ date: TUESDAY, units: ['matin'] }], next);
    expect(await held(petit.childId, TUESDAY)).toEqual(['matin']);
    // 48 hours after the promotion the deadline holds again
    const after = { today: '2027-02-01', now: new Date('2027-02-01T10:00:00Z') };
    await expect(demarche(petit, [{ date: TUESDAY, units: [] }], after)).rejects.toThrow(/hors délai/);
  });
});

/** A waiting entry written as « Valider » writes it (the setups below need full days that a démarche cannot reach). */
async function wait(p: Parent, date: IsoDate, units: Unit[], service: ServiceKind, siteId: number, at = NOW) {
  const [row] = await rows<{ id: number }>(
    db,
    sql`insert into waiting_entries (family_id, child_id, service, site_id, school_year_id, date, units, queued_at)
        select ${p.familyId}, ${p.childId}, ${service}, ${siteId}, e.school_year_id, ${date},
               ${`{${units.join(',')}}`}::unit[], ${at.toISOString()}::timestamptz
        from enrolments e where e.child_id = ${p.childId} and e.service = ${service}
        returning id`,
  );
  return row!.id;
}

describe('a child on the list books part of the day directly', () => {
  it('the refill of the same validation counts the units booked as held, and books nothing twice', async () => {
    // Jules holds the afternoon of a Friday and waits for its morning; the morning has places again: his parents
    // swap the afternoon for the morning. The afternoon freed refills that day in the same transaction, after the
    // morning is booked: Jules' entry finds the morning held, so nothing is booked twice (no unique violation).
    const FRIDAY = '2027-04-09';
    await demarche(petit, [{ date: FRIDAY, units: ['apres_midi'] }]);
    const id = await wait(petit, FRIDAY, ['matin'], 'vacances', tilleuls);
    await expect(demarche(petit, [{ date: FRIDAY, units: ['matin'] }])).resolves.toMatchObject({
      added: 1,
      removed: 1,
    });
    expect(await held(petit.childId, FRIDAY)).toEqual(['matin']);
    expect((await entries(petit.childId)).find((e) => e.id === id)?.status).toBe('waiting');
  });
});

describe('leaving and expiring', () => {
  it("« Quitter la liste d'attente » takes the family's own entry off the list, with a journal row", async () => {
    const id = await wait(petit, '2027-02-10', ['apres_midi'], 'vacances', tilleuls);
    const martin = await parentOf(DEMO_ACCOUNTS.parent.email);
    const before = await snapshot(db);
    await expect(leaveWaitingList(db, martin, { entryId: id }, clock)).rejects.toThrow(/plus sur la liste/);
    expect(await snapshot(db)).toBe(before);
    await leaveWaitingList(db, petit, { entryId: id }, clock);
    expect((await entries(petit.childId)).find((e) => e.id === id)?.status).toBe('left');
    const [audit] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'waiting_list.leave' and entity_id = ${String(id)}`,
    );
    expect(audit!.n).toBe(1);
    await expect(leaveWaitingList(db, petit, { entryId: id }, clock)).rejects.toThrow(/plus sur la liste/);
  });

  it('an entry whose day has come is never promoted and expires', async () => {
    const id = await wait(petit, '2027-02-11', ['apres_midi'], 'vacances', tilleuls);
    const onTheDay = { today: '2027-02-11', now: new Date('2027-02-11T07:00:00Z') };
    const done = await db.transaction((tx) =>
      refillFreedPlaces(tx, { from: '2027-02-11', to: '2027-02-11' }, { ...onTheDay, appUrl, actor: null }),
    );
    expect(done.promoted).toEqual([]);
    expect(await expireWaitingEntries(db, onTheDay)).toBeGreaterThanOrEqual(1);
    expect((await entries(petit.childId)).find((e) => e.id === id)?.status).toBe('expired');
  });
});

describe('every way a place frees', () => {
  it('an absence declared gives its places to the list', async () => {
    // Léa's canteen day of 1 February is full (capacity set to its bookings) and Nina waits for it
    const martin = await parentOf(DEMO_ACCOUNTS.parent.email);
    const [lea] = await rows<{ childId: number; siteId: number }>(
      db,
      sql`select c.id as "childId", e.site_id as "siteId" from children c
          join enrolments e on e.child_id = c.id and e.service = 'cantine'
          where c.family_id = ${martin.familyId} and c.first_name = 'Léa'`,
    );
    const day = '2026-12-10';
    const [count] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reservations
          where site_id = ${lea!.siteId} and service = 'cantine' and date = ${day} and unit = 'repas_classique'`,
    );
    expect(await held(lea!.childId, day)).toEqual(['repas_classique']);
    await db.execute(sql`insert into site_capacities (site_id, service, unit, capacity)
      values (${lea!.siteId}, 'cantine', 'repas_classique', ${count!.n})
      on conflict (site_id, service, unit) do update set capacity = excluded.capacity`);
    const moreau = await parentOf(DEMO_ACCOUNTS.closing.email);
    // Nina goes to another school: she is moved to Léa's for this test
    await db.execute(sql`update enrolments set site_id = ${lea!.siteId} where child_id = ${moreau.childId}`);
    await db.execute(sql`delete from reservations where child_id = ${moreau.childId} and date = ${day}`);
    await wait(moreau, day, ['repas_classique'], 'cantine', lea!.siteId);
    await declareAbsence(
      db,
      { id: martin.id, familyId: martin.familyId },
      declareAbsenceSchema.parse({
        childId: lea!.childId,
        service: 'cantine',
        reason: 'autre',
        details: 'Dentiste',
        days: [day],
      }),
      { ...clock, appUrl },
    );
    expect(await held(moreau.childId, day)).toEqual(['repas_classique']);
  });

  it('a closure lifted and a capacity raised give their places to the list', async () => {
    const agent = await demoAgent(db);
    const day = '2027-02-12';
    // a closure of Les Tilleuls' holiday centre that day, then Jules waits for its afternoon (full: capacity 0)
    await saveSiteCapacities(
      db,
      agent,
      { siteId: tilleuls, service: 'vacances', capacities: { matin: '40', apres_midi: '0', repas_classique: '40' } },
      { ...clock, appUrl },
    );
    await wait(petit, day, ['apres_midi'], 'vacances', tilleuls);
    const closed = await addClosure(
      db,
      agent,
      { date: day, siteId: String(tilleuls), service: 'vacances', reason: 'Travaux', confirm: 'true' },
      { ...clock, appUrl },
    );
    expect(closed.status).toBe('created');
    // the capacity raised on a closed day gives nothing
    await saveSiteCapacities(
      db,
      agent,
      { siteId: tilleuls, service: 'vacances', capacities: { matin: '40', apres_midi: '60', repas_classique: '40' } },
      { ...clock, appUrl },
    );
    expect(await held(petit.childId, day)).toEqual([]);
    // the closure lifted: the day opens and Jules gets its afternoon
    if (closed.status !== 'created') throw new Error('closure not created');
    await deleteClosure(db, agent, { id: closed.closureId }, { ...clock, appUrl });
    expect(await held(petit.childId, day)).toEqual(['apres_midi']);
  });
});

describe('a holiday period changed', () => {
  it('gives the places of the days it leaves open to the list, and « À venir » shows the place in line', async () => {
    const agent = await demoAgent(db);
    const day = '2027-02-10'; // a Wednesday of the winter holidays
    await saveSiteCapacities(
      db,
      agent,
      { siteId: tilleuls, service: 'vacances', capacities: { matin: '40', apres_midi: '0', repas_classique: '40' } },
      { ...clock, appUrl },
    );
    const id = await wait(petit, day, ['apres_midi'], 'vacances', tilleuls);
    // « À venir » brings the day into Jules' list, however far, with his place
    const upcoming = await upcomingDays(db, {
      familyId: petit.familyId,
      schoolYearId: (
        await rows<{ id: number }>(db, sql`select school_year_id as id from waiting_entries where id = ${id}`)
      )[0]!.id,
      ...clock,
    });
    const days = upcoming.get(petit.childId)!.find((s) => s.service === 'vacances')!.days;
    expect(days.find((d) => d.date === day)?.waiting).toEqual({ entryId: id, position: 1, units: ['apres_midi'] });
    // places come (written straight: no refill), then the winter holidays are renamed: the change refills
    await db.execute(sql`update site_capacities set capacity = 60
      where site_id = ${tilleuls} and service = 'vacances' and unit = 'apres_midi'`);
    expect(await held(petit.childId, day)).toEqual([]);
    const [winter] = await rows<{ id: number; start: IsoDate; end: IsoDate }>(
      db,
      sql`select id, to_char(start, 'YYYY-MM-DD') as start, to_char("end", 'YYYY-MM-DD') as end from holiday_periods
          where start <= ${day} and "end" >= ${day}`,
    );
    const changed = await updateHolidayPeriod(
      db,
      agent,
      { id: winter!.id, label: "Vacances d'hiver (zone C)", start: winter!.start, end: winter!.end },
      { ...clock, appUrl },
    );
    expect(changed.status).toBe('saved');
    expect(await held(petit.childId, day)).toEqual(['apres_midi']);
  });
});

describe('cost and fairness', () => {
  it('a refill costs the same number of statements for one promotion and for four', async () => {
    const agent = await demoAgent(db);
    await saveSiteCapacities(
      db,
      agent,
      { siteId: tilleuls, service: 'vacances', capacities: { matin: '40', apres_midi: '0', repas_classique: '40' } },
      { ...clock, appUrl },
    );
    const days = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'];
    for (const day of days) await wait(petit, day, ['apres_midi'], 'vacances', tilleuls);
    const refill = async (from: IsoDate, to: IsoDate) => {
      statements = 0;
      counting = true;
      const done = await db.transaction((tx) =>
        refillFreedPlaces(tx, { siteId: tilleuls, service: 'vacances', from, to }, { ...clock, appUrl, actor: null }),
      );
      counting = false;
      return { promoted: done.promoted.length, statements };
    };
    // every afternoon of the week gets places at once (the capacity written straight, then one refill each)
    await db.execute(sql`update site_capacities set capacity = 60
      where site_id = ${tilleuls} and service = 'vacances' and unit = 'apres_midi'`);
    const one = await refill(days[0]!, days[0]!);
    const four = await refill(days[1]!, days[4]!);
    expect(one.promoted).toBe(1);
    expect(four.promoted).toBe(4);
    expect(four.statements).toBe(one.statements);
  });

  it('a freed place goes to exactly one family while 30 wait and 30 others cancel and book at once', async () => {
    const day = '2027-03-10'; // a Wednesday
    const [year] = await rows<{ id: number }>(
      db,
      sql`select school_year_id as id from enrolments where child_id = ${petit.childId}`,
    );
    const [site] = await rows<{ id: number }>(
      db,
      sql`insert into sites (kind, name) values ('centre', 'Centre de loisirs de la concurrence') returning id`,
    );
    await db.execute(sql`insert into site_capacities (site_id, service, unit, capacity)
      values (${site!.id}, 'mercredi', 'matin', 30)`);
    // 90 families of one child each, enrolled at that centre: 30 hold the day, 30 wait for it, 30 would book it
    const made = await rows<Parent & { n: number }>(
      db,
      sql`with f as (
            insert into families (name) select 'Concurrence ' || g from generate_series(1, 90) g returning id, name
          ), a as (
            insert into accounts (email, role, first_name, last_name)
            select 'concurrence' || substr(f.name, 13) || '@example.fr', 'parent', 'Parent', f.name from f
            returning id, email
          ), p as (
            insert into parents (family_id, account_id, first_name, last_name, email)
            select f.id, a.id, 'Parent', f.name, a.email from f
            join a on a.email = 'concurrence' || substr(f.name, 13) || '@example.fr'
            returning family_id, account_id
          ), c as (
            insert into children (family_id, first_name, last_name, birth_date)
            select f.id, 'Enfant', f.name, '2018-01-01' from f returning id, family_id
          ), e as (
            insert into enrolments (child_id, service, site_id, school_year_id)
            select c.id, 'mercredi', ${site!.id}, ${year!.id} from c returning child_id
          )
          select p.account_id as id, p.family_id as "familyId", c.id as "childId",
                 substr(f.name, 13)::int as n
          from p join c on c.family_id = p.family_id join f on f.id = p.family_id
          order by n`,
    );
    const holders = made.slice(0, 30);
    const waiters = made.slice(30, 60);
    const bookers = made.slice(60, 90);
    await db.execute(sql`insert into reservations (child_id, service, site_id, date, unit)
      select x, 'mercredi', ${site!.id}, ${day}, 'matin'
      from unnest(${`{${holders.map((h) => h.childId).join(',')}}`}::int[]) x`);
    for (const [i, w] of waiters.entries()) {
      await wait(w, day, ['matin'], 'mercredi', site!.id, new Date(NOW.getTime() - (30 - i) * 1000));
    }

    // every draft ready, then the 60 validations at once
    const ready = async (who: Parent, units: Unit[]) => {
      const policy = parentPolicy({ id: who.id, familyId: who.familyId });
      const { requestId } = await startReservationDraft(db, {
        ...who,
        accountId: who.id,
        service: 'mercredi',
        ...clock,
      });
      await saveDraftDays(db, { policy, ...clock, input: { requestId, days: [{ date: day, units }] } });
      const draft = await loadDraft(db, { requestId, policy, now: NOW });
      return () =>
        submitReservationRequest(db, { policy, requestId, version: draft.enrolment.planningVersion, ...clock, appUrl });
    };
    const cancels = await Promise.all(holders.map((h) => ready(h, [])));
    const books = await Promise.all(bookers.map((b) => ready(b, ['matin'])));
    const runs = cancels.flatMap((c, i) => [c, books[i]!]);
    const results = await Promise.allSettled(runs.map((run) => run()));
    const cancelled = results.filter((_, i) => i % 2 === 0);
    const booked = results.filter((_, i) => i % 2 === 1);

    // every cancellation went through; every freed place went to a waiting family, none to a later booking
    expect(cancelled.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const r of booked) {
      expect(r.status).toBe('rejected');
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/complet/);
    }
    const [state] = await rows<{
      booked: number;
      waiting: number;
      promoted: number;
      promotions: number;
      distinct: number;
    }>(
      db,
      sql`select
            (select count(*)::int from reservations where site_id = ${site!.id} and date = ${day} and unit = 'matin') as booked,
            (select count(*)::int from waiting_entries where site_id = ${site!.id} and status = 'waiting') as waiting,
            (select count(*)::int from waiting_entries where site_id = ${site!.id} and status = 'promoted') as promoted,
            (select count(*)::int from requests q join waiting_entries w on w.promotion_request_id = q.id
             where w.site_id = ${site!.id}) as promotions,
            (select count(distinct (diff->>'entryId'))::int from requests
             where type = 'promotion' and (diff->>'entryId')::int in
               (select id from waiting_entries where site_id = ${site!.id})) as distinct`,
    );
    // capacity never exceeded, no entry promoted twice, no freed place left empty while an entry waits
    expect(state).toEqual({ booked: 30, waiting: 0, promoted: 30, promotions: 30, distinct: 30 });
    const [promotionRequests] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from requests where type = 'promotion' and family_id in
            (select family_id from waiting_entries where site_id = ${site!.id})`,
    );
    expect(promotionRequests!.n).toBe(30);
    // each waiting child holds the morning once
    const [kids] = await rows<{ n: number }>(
      db,
      sql`select count(distinct child_id)::int as n from reservations
          where site_id = ${site!.id} and date = ${day} and child_id = any(${`{${waiters.map((w) => w.childId).join(',')}}`}::int[])`,
    );
    expect(kids!.n).toBe(30);
  }, 120_000);
});
