// Back office "Calendrier et paramètres" and "Structures", through the use-cases the server actions call, on the demo
// town: closing a day cancels its reservations (after the agent confirms), tells each family once, and greys the day;
// deadlines and capacities change what parents see; refusals write nothing.
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import {
  accounts,
  auditLog,
  closures,
  emailOutbox,
  enrolments,
  holidayPeriods,
  reservations,
  schoolYears,
  sectors,
  siteCapacities,
  sites,
} from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_YEAR, NEARLY_FULL_DAYS } from '@/lib/demo/seed';
import {
  addHolidayPeriod,
  createSchoolYear,
  deleteHolidayPeriod,
  saveSiteCapacities,
  setCanteenWeekdays,
  setDeadline,
  updateHolidayPeriod,
  updateSchoolYear,
} from '@/lib/calendar/settings';
import type { StaffActor } from '@/lib/audit/write';
import { addClosure, deleteClosure, type ClosureResult } from '@/lib/calendar/closures';
import type { CancellationPreview } from '@/lib/calendar/cancellations';
import {
  createSector,
  createSite,
  deleteSector,
  deleteSite,
  updateSector,
  updateSite,
} from '@/lib/structures/structures';
import { emailSubject, type EmailPayloads } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { UserError } from '@/lib/errors';
import { greyReason } from '@/lib/planning';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, snapshot, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let agent: StaffActor;
let yearId: number;
const site: Record<'tilleuls' | 'moulin' | 'cerisiers' | 'hugo', number> = {
  tilleuls: 0,
  moulin: 0,
  cerisiers: 0,
  hugo: 0,
};
const ctx = { today: TODAY, now: NOW, appUrl: 'http://localhost:3000' };

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
  const [staff] = await database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  agent = { id: staff!.id, role: 'staff' };
  const [year] = await database.db.select().from(schoolYears).where(eq(schoolYears.label, DEMO_YEAR));
  yearId = year!.id;
  const all = await database.db.select({ id: sites.id, name: sites.name }).from(sites);
  site.tilleuls = all.find((s) => s.name.includes('Tilleuls'))!.id;
  site.moulin = all.find((s) => s.name.includes('Jean Moulin'))!.id;
  site.cerisiers = all.find((s) => s.name.includes('Cerisiers'))!.id;
  site.hugo = all.find((s) => s.name.includes('Victor Hugo'))!.id;
});

afterAll(async () => {
  await database?.close();
});

const db = () => database.db;

/** Everything a refused back-office change must leave untouched (the démarche snapshot, plus the calendar's tables). */
async function state(): Promise<string> {
  const [extra] = await rows(
    db(),
    sql`select
      (select count(*)::int from closures) as closures,
      (select coalesce(string_agg(site_id || ':' || service || ':' || unit || '=' || capacity, ',' order by id), '') from site_capacities) as capacities,
      (select coalesce(string_agg(service || ':' || deadline_days || ':' || array_to_string(open_weekdays, '.'), ',' order by service), '') from service_settings) as settings,
      (select coalesce(string_agg(id || ':' || year_start || ':' || year_end, ',' order by id), '') from school_years) as years,
      (select coalesce(string_agg(id || ':' || label || ':' || start || ':' || "end", ',' order by id), '') from holiday_periods) as holidays,
      (select coalesce(string_agg(id || ':' || name || ':' || coalesce(leisure_centre_id, 0), ',' order by id), '') from sectors) as sectors,
      (select coalesce(string_agg(id || ':' || name || ':' || address, ',' order by id), '') from sites) as sites`,
  );
  return (await snapshot(db())) + JSON.stringify(extra);
}

async function expectRefused(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await state();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
  expect(await state()).toBe(before);
}

async function countReservations(where: { date: string; siteId?: number }): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from reservations where date = ${where.date} ${where.siteId === undefined ? sql`` : sql`and site_id = ${where.siteId}`}`,
  );
  return row!.n;
}

/** Léa's Wednesday that date becomes exactly Matin, Après-midi, Repas classique (the demo books her every Wednesday). */
async function bookLea(date: string): Promise<void> {
  await db().execute(
    sql`delete from reservations where child_id = ${m.lea} and service = 'mercredi' and date = ${date}`,
  );
  await db()
    .insert(reservations)
    .values(
      (['matin', 'apres_midi', 'repas_classique'] as const).map((unit) => ({
        childId: m.lea,
        service: 'mercredi' as const,
        siteId: site.tilleuls,
        date,
        unit,
      })),
    )
    .onConflictDoNothing();
}

function confirmation(result: ClosureResult) {
  expect(result.status).toBe('confirm');
  if (result.status !== 'confirm') throw new Error('expected a confirmation');
  return result;
}

describe('closing Les Tilleuls on Wednesday 13 January 2027, after Léa booked that day', () => {
  const date = '2027-01-13';
  const input = { date, siteId: site.tilleuls, service: '', reason: 'Travaux de chauffage' };

  it('first lists the reservations concerned, Léa among them, and writes nothing', async () => {
    await bookLea(date);
    const before = await state();
    const preview = confirmation(await addClosure(db(), agent, { ...input, siteId: site.tilleuls }, ctx));
    const lea = preview.affected.find((g) => g.childId === m.lea);
    expect(lea).toMatchObject({
      childName: 'Léa Martin',
      familyName: 'Martin',
      service: 'mercredi',
      units: ['matin', 'apres_midi', 'repas_classique'],
    });
    expect(lea!.siteName).toContain('Les Tilleuls');
    expect(preview.count).toBe(await countReservations({ date, siteId: site.tilleuls }));
    expect(preview.families).toBeGreaterThan(1); // other families of the Nord sector booked that Wednesday too
    expect(await state()).toBe(before);
  });

  it("on confirmation, deletes exactly that site's reservations of that date, writes the closure, the audit and one e-mail per family", async () => {
    const preview = confirmation(await addClosure(db(), agent, { ...input, siteId: site.tilleuls }, ctx));
    const atTilleuls = await countReservations({ date, siteId: site.tilleuls });
    const onDate = await countReservations({ date });
    const elsewhere = onDate - atTilleuls;
    expect(elsewhere).toBeGreaterThan(0);
    const otherDay = await countReservations({ date: '2027-01-20', siteId: site.tilleuls });

    const result = await addClosure(
      db(),
      agent,
      { ...input, siteId: site.tilleuls, confirm: '1', fingerprint: preview.fingerprint },
      ctx,
    );
    expect(result).toMatchObject({ status: 'created', cancelled: atTilleuls, families: preview.families });
    if (result.status !== 'created') return;

    expect(await countReservations({ date, siteId: site.tilleuls })).toBe(0);
    expect(await countReservations({ date })).toBe(elsewhere);
    expect(await countReservations({ date: '2027-01-20', siteId: site.tilleuls })).toBe(otherDay);

    const [closure] = await db().select().from(closures).where(eq(closures.id, result.closureId));
    expect(closure).toMatchObject({ date, siteId: site.tilleuls, service: null, reason: 'Travaux de chauffage' });

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'closure.create'), eq(auditLog.entityId, String(result.closureId))));
    expect(audit).toMatchObject({ actorId: agent.id, actorRole: 'staff', entity: 'closure', before: null });
    expect((audit!.after as { cancelled: unknown[] }).cancelled).toHaveLength(atTilleuls);
    const familyAudits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reservations.cancel_closure'), eq(auditLog.entityId, String(result.closureId))));
    expect(familyAudits).toHaveLength(preview.families);

    const mails = await db()
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.idempotencyKey, `closure-${result.closureId}-family-%`));
    expect(mails).toHaveLength(preview.families);
    expect(mails.every((e) => e.template === 'closure-cancellation' && e.status === 'pending')).toBe(true);
    const toMartin = mails.find((e) => e.idempotencyKey === `closure-${result.closureId}-family-${m.familyId}`);
    expect(toMartin?.to).toBe(DEMO_ACCOUNTS.parent.email);
    expect(toMartin?.payload).toMatchObject({
      date,
      reason: 'Travaux de chauffage',
      parentName: 'Claire Martin',
      cancellations: [
        {
          childName: 'Léa Martin',
          serviceLabel: 'Accueil de loisirs du mercredi',
          units: ['Matin', 'Après-midi', 'Repas classique'],
        },
      ],
    });

    // Léa's Wednesday planning changed: a draft built on the old one is recomputed
    const [enrolment] = await db()
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.lea), eq(enrolments.service, 'mercredi')));
    expect(enrolment!.planningVersion).toBeGreaterThan(0);
  });

  it('greys the date as « Fermeture » for Les Tilleuls only', async () => {
    const tilleuls = await loadServiceCalendar(db(), {
      schoolYearId: yearId,
      service: 'mercredi',
      siteId: site.tilleuls,
    });
    expect(tilleuls.cal.closures).toContain(date);
    expect(
      greyReason('mercredi', tilleuls.cal, date, TODAY, tilleuls.deadlineDays, { weekdays: tilleuls.weekdays }),
    ).toBe('fermeture');
    const moulin = await loadServiceCalendar(db(), { schoolYearId: yearId, service: 'mercredi', siteId: site.moulin });
    expect(moulin.cal.closures).not.toContain(date);
  });

  it('refuses the same closure twice', async () => {
    await expectRefused(
      () => addClosure(db(), agent, { ...input, siteId: site.tilleuls, confirm: true }, ctx),
      /existe déjà/,
    );
  });

  it('deleting the closure reopens the day, without restoring the reservations', async () => {
    const [closure] = await db()
      .select()
      .from(closures)
      .where(and(eq(closures.date, date), eq(closures.siteId, site.tilleuls)));
    await deleteClosure(db(), agent, { id: closure!.id }, ctx);
    const tilleuls = await loadServiceCalendar(db(), {
      schoolYearId: yearId,
      service: 'mercredi',
      siteId: site.tilleuls,
    });
    expect(tilleuls.cal.closures).not.toContain(date);
    expect(await countReservations({ date, siteId: site.tilleuls })).toBe(0);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'closure.delete'), eq(auditLog.entityId, String(closure!.id))));
    expect(audit?.before).toMatchObject({ date, siteId: site.tilleuls });
  });
});

describe('a closure of every site', () => {
  it('cancels the reservations of that date at every site and greys it everywhere', async () => {
    const date = '2027-01-20';
    const before: Record<string, number> = {};
    for (const [name, id] of Object.entries(site)) before[name] = await countReservations({ date, siteId: id });
    expect(before.tilleuls! > 0 && before.moulin! > 0 && before.cerisiers! > 0).toBe(true);

    const preview = confirmation(
      await addClosure(db(), agent, { date, siteId: 'all', service: 'all', reason: 'Grève' }, ctx),
    );
    expect(preview.count).toBe(await countReservations({ date }));
    const result = await addClosure(
      db(),
      agent,
      { date, siteId: 'all', service: 'all', reason: 'Grève', confirm: 'on', fingerprint: preview.fingerprint },
      ctx,
    );
    expect(result).toMatchObject({ status: 'created', cancelled: preview.count });
    expect(await countReservations({ date })).toBe(0);
    expect(await countReservations({ date: '2027-01-27' })).toBeGreaterThan(0);

    for (const siteId of [site.tilleuls, site.moulin, site.cerisiers]) {
      const cal = await loadServiceCalendar(db(), { schoolYearId: yearId, service: 'mercredi', siteId });
      expect(greyReason('mercredi', cal.cal, date, TODAY, cal.deadlineDays, { weekdays: cal.weekdays })).toBe(
        'fermeture',
      );
    }
  });

  it('asks again when reservations changed between the list and the confirmation', async () => {
    const date = '2027-02-03';
    const preview = confirmation(
      await addClosure(db(), agent, { date, siteId: site.tilleuls, service: 'mercredi', reason: 'Sortie' }, ctx),
    );
    await db()
      .delete(reservations)
      .where(and(eq(reservations.childId, m.lea), eq(reservations.date, date)));
    await bookLea(date);
    const again = await addClosure(
      db(),
      agent,
      {
        date,
        siteId: site.tilleuls,
        service: 'mercredi',
        reason: 'Sortie',
        confirm: true,
        fingerprint: preview.fingerprint,
      },
      ctx,
    );
    expect(again.status).toBe('confirm');
    expect(await db().select().from(closures).where(eq(closures.date, date))).toEqual([]);
  });

  it('closes a day without reservations at once', async () => {
    const result = await addClosure(
      db(),
      agent,
      { date: '2027-02-13', siteId: site.moulin, service: 'vacances', reason: 'Inventaire' },
      ctx,
    );
    expect(result).toMatchObject({ status: 'created', cancelled: 0, families: 0 });
  });
});

describe('refused closures write nothing', () => {
  it('a day in the past', async () => {
    await expectRefused(
      () =>
        addClosure(db(), agent, { date: '2026-11-18', siteId: site.tilleuls, reason: 'Travaux', confirm: true }, ctx),
      /passé/,
    );
  });
  it('a date outside every school year', async () => {
    await expectRefused(
      () =>
        addClosure(db(), agent, { date: '2031-01-15', siteId: site.tilleuls, reason: 'Travaux', confirm: true }, ctx),
      /aucune année scolaire/,
    );
  });
  it('an unknown site', async () => {
    await expectRefused(
      () => addClosure(db(), agent, { date: '2027-03-03', siteId: 999_999, reason: 'Travaux', confirm: true }, ctx),
      /site n'existe pas/,
    );
  });
  it('no reason', async () => {
    await expectRefused(
      () => addClosure(db(), agent, { date: '2027-03-03', siteId: site.tilleuls, reason: '  ', confirm: true }, ctx),
      /motif/,
    );
  });
});

describe('booking deadlines, open weekdays and capacities', () => {
  it('changing the Wednesday deadline to 20 days changes what the calendar of the service says', async () => {
    await setDeadline(db(), agent, { service: 'mercredi', deadlineDays: '20' }, ctx);
    const cal = await loadServiceCalendar(db(), { schoolYearId: yearId, service: 'mercredi', siteId: site.tilleuls });
    expect(cal.deadlineDays).toBe(20);
    // 16 December is 17 days ahead: open with 15 days, « Hors délai » with 20
    expect(greyReason('mercredi', cal.cal, '2026-12-16', TODAY, cal.deadlineDays, { weekdays: cal.weekdays })).toBe(
      'hors_delai',
    );
    const canteen = await loadServiceCalendar(db(), { schoolYearId: yearId, service: 'cantine', siteId: site.hugo });
    expect(canteen.deadlineDays).toBe(15);
  });

  it('refuses a deadline outside 1..60 days', async () => {
    await expectRefused(
      () => setDeadline(db(), agent, { service: 'mercredi', deadlineDays: '0' }, ctx),
      /au moins 1 jour/,
    );
    await expectRefused(() => setDeadline(db(), agent, { service: 'mercredi', deadlineDays: '61' }, ctx), /60 jours/);
    await expectRefused(
      () => setDeadline(db(), agent, { service: 'mercredi', deadlineDays: 'abc' }, ctx),
      /nombre entier/,
    );
  });

  it("sets the canteen's open weekdays", async () => {
    await setCanteenWeekdays(db(), agent, { weekdays: ['1', '2', '4'] }, ctx);
    const cal = await loadServiceCalendar(db(), { schoolYearId: yearId, service: 'cantine', siteId: site.hugo });
    expect(cal.weekdays).toEqual([1, 2, 4]);
    await expectRefused(() => setCanteenWeekdays(db(), agent, { weekdays: [] }, ctx), /au moins un jour/);
    await setCanteenWeekdays(db(), agent, { weekdays: [1, 2, 4, 5] }, ctx);
  });

  it('refuses a bad capacity (-3, abc) with a French message and writes nothing', async () => {
    await expectRefused(
      () =>
        saveSiteCapacities(
          db(),
          agent,
          {
            siteId: site.tilleuls,
            service: 'mercredi',
            capacities: { matin: '30', apres_midi: '-3' },
          },
          ctx,
        ),
      /capacité « Après-midi » doit être un nombre entier/,
    );
    await expectRefused(
      () =>
        saveSiteCapacities(
          db(),
          agent,
          { siteId: site.tilleuls, service: 'mercredi', capacities: { matin: 'abc' } },
          ctx,
        ),
      /capacité « Matin » doit être un nombre entier/,
    );
  });

  it('saves capacities, an empty field meaning no limit', async () => {
    await saveSiteCapacities(
      db(),
      agent,
      {
        siteId: site.tilleuls,
        service: 'mercredi',
        capacities: { matin: '30', apres_midi: '', repas_classique: ' 25 ', repas_sans_viande: '0' },
      },
      ctx,
    );
    const caps = await db()
      .select({ unit: siteCapacities.unit, capacity: siteCapacities.capacity })
      .from(siteCapacities)
      .where(and(eq(siteCapacities.siteId, site.tilleuls), eq(siteCapacities.service, 'mercredi')));
    expect(Object.fromEntries(caps.map((c) => [c.unit, c.capacity]))).toEqual({
      matin: 30,
      repas_classique: 25,
      repas_sans_viande: 0,
    });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'site_capacity.update'));
    expect(audit).toMatchObject({ entityId: String(site.tilleuls), actorId: agent.id });
    await expectRefused(
      () =>
        saveSiteCapacities(db(), agent, { siteId: site.hugo, service: 'mercredi', capacities: { matin: '3' } }, ctx),
      /n'accueille pas/,
    );
  });
});

describe('school years and holiday periods', () => {
  it('creates a year, adds, edits and deletes a holiday period, and refuses overlaps', async () => {
    const { id } = await createSchoolYear(
      db(),
      agent,
      {
        label: '2027-2028',
        yearStart: '2027-09-01',
        yearEnd: '2028-07-04',
      },
      ctx,
    );
    await expectRefused(
      () => createSchoolYear(db(), agent, { label: '2027-2028', yearStart: '2027-09-01', yearEnd: '2028-07-04' }, ctx),
      /existe déjà/,
    );
    await expectRefused(
      () => createSchoolYear(db(), agent, { label: '2028-2029', yearStart: '2028-06-01', yearEnd: '2029-07-04' }, ctx),
      /chevauchent/,
    );
    await expectRefused(
      () => createSchoolYear(db(), agent, { label: '2029-2030', yearStart: '2030-09-01', yearEnd: '2029-07-04' }, ctx),
      /rentrée doit précéder/,
    );
    await updateSchoolYear(
      db(),
      agent,
      { id, label: '2027-2028', yearStart: '2027-09-02', yearEnd: '2028-07-04' },
      ctx,
    );

    const added = await addHolidayPeriod(
      db(),
      agent,
      { schoolYearId: id, label: 'Vacances de la Toussaint', start: '2027-10-23', end: '2027-11-07' },
      ctx,
    );
    if (added.status !== 'saved') throw new Error('expected the period saved at once');
    const toussaint = added.id;
    await expectRefused(
      () =>
        addHolidayPeriod(
          db(),
          agent,
          { schoolYearId: id, label: 'Doublon', start: '2027-11-01', end: '2027-11-10' },
          ctx,
        ),
      /chevauchent la période « Vacances de la Toussaint »/,
    );
    await expectRefused(
      () =>
        addHolidayPeriod(
          db(),
          agent,
          { schoolYearId: id, label: "À l'envers", start: '2027-12-30', end: '2027-12-20' },
          ctx,
        ),
      /doit précéder/,
    );
    await updateHolidayPeriod(
      db(),
      agent,
      { id: toussaint, label: 'Toussaint', start: '2027-10-23', end: '2027-11-08' },
      ctx,
    );
    const [period] = await db().select().from(holidayPeriods).where(eq(holidayPeriods.id, toussaint));
    expect(period).toMatchObject({ label: 'Toussaint', end: '2027-11-08' });
    await deleteHolidayPeriod(db(), agent, { id: toussaint }, ctx);
    expect(await db().select().from(holidayPeriods).where(eq(holidayPeriods.schoolYearId, id))).toEqual([]);
    const audits = await rows<{ action: string }>(
      db(),
      sql`select action from audit_log where entity in ('school_year', 'holiday_period') order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'school_year.create',
      'school_year.update',
      'holiday_period.create',
      'holiday_period.update',
      'holiday_period.delete',
    ]);
  });
});

describe('calendar changes that strand reservations: listed first, cancelled on confirmation', () => {
  const period = { label: 'Vacances de test', start: '2027-03-06', end: '2027-03-14' };

  async function countBetween(from: string, to: string, services: string[]): Promise<number> {
    const [row] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from reservations where date between ${from} and ${to} and service::text in (${sql.join(
        services.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
    return row!.n;
  }

  function preview(result: { status: string }): CancellationPreview {
    expect(result.status).toBe('confirm');
    if (result.status !== 'confirm') throw new Error('expected a confirmation');
    return result as CancellationPreview;
  }

  it('adding a holiday period over Wednesday 10 March 2027, after Léa booked it, lists her reservation and writes nothing', async () => {
    await bookLea('2027-03-10');
    const before = await state();
    const p = preview(await addHolidayPeriod(db(), agent, { schoolYearId: yearId, ...period }, ctx));
    const lea = p.affected.find((g) => g.childId === m.lea && g.date === '2027-03-10');
    expect(lea).toMatchObject({
      childName: 'Léa Martin',
      familyName: 'Martin',
      service: 'mercredi',
      units: ['matin', 'apres_midi', 'repas_classique'],
    });
    // the school days of the period, canteen and Wednesdays; the holiday centres open there, nothing of theirs is stranded
    expect(p.count).toBe(await countBetween(period.start, period.end, ['cantine', 'mercredi']));
    expect(p.affected.every((g) => g.service !== 'vacances' && g.date >= period.start && g.date <= period.end)).toBe(
      true,
    );
    expect(p.from >= period.start && p.to <= period.end).toBe(true);
    expect(await state()).toBe(before);
  });

  it('on confirmation, writes the period, deletes those reservations, audits and queues one e-mail per family', async () => {
    const p = preview(await addHolidayPeriod(db(), agent, { schoolYearId: yearId, ...period }, ctx));
    const [leaBefore] = await db()
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.lea), eq(enrolments.service, 'mercredi')));
    const outside = await countBetween('2027-03-15', '2027-03-19', ['cantine', 'mercredi']);

    const result = await addHolidayPeriod(
      db(),
      agent,
      { schoolYearId: yearId, ...period, confirm: '1', fingerprint: p.fingerprint },
      ctx,
    );
    expect(result).toMatchObject({ status: 'saved', cancelled: p.count, families: p.families });
    if (result.status !== 'saved') return;
    expect(await countBetween(period.start, period.end, ['cantine', 'mercredi'])).toBe(0);
    expect(await countBetween('2027-03-15', '2027-03-19', ['cantine', 'mercredi'])).toBe(outside);
    const [stored] = await db().select().from(holidayPeriods).where(eq(holidayPeriods.id, result.id));
    expect(stored).toMatchObject({ schoolYearId: yearId, ...period });

    const [leaAfter] = await db()
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.lea), eq(enrolments.service, 'mercredi')));
    expect(leaAfter!.planningVersion).toBe(leaBefore!.planningVersion + 1);
    const familyAudits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reservations.cancel_calendar'), eq(auditLog.entityId, String(result.id))));
    expect(familyAudits).toHaveLength(p.families);
    const [created] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'holiday_period.create'), eq(auditLog.entityId, String(result.id))));
    expect(created).toMatchObject({ actorId: agent.id, entity: 'holiday_period' });

    const mails = await db()
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.idempotencyKey, `calendar-holiday_period-${result.id}-%`));
    expect(mails).toHaveLength(p.families);
    const toMartin = mails.find((e) => e.idempotencyKey.endsWith(`-family-${m.familyId}`));
    expect(toMartin).toMatchObject({
      to: DEMO_ACCOUNTS.parent.email,
      template: 'closure-cancellation',
      status: 'pending',
    });
    const payload = toMartin!.payload as EmailPayloads['closure-cancellation'];
    expect(payload.reason).toMatch(
      /^Modification du calendrier : Vacances de test du samedi 6 mars 2027 au dimanche 14 mars 2027$/,
    );
    expect(payload.cancellations).toContainEqual({
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: expect.stringContaining('Les Tilleuls') as unknown as string,
      units: ['Matin', 'Après-midi', 'Repas classique'],
      date: '2027-03-10',
    });
    const email = await renderEmail('closure-cancellation', payload);
    expect(email.subject).toBe('Modification du calendrier : réservations annulées');
    expect(email.text).toContain('Le calendrier scolaire a changé');
    expect(email.text).toContain('Motif : Modification du calendrier : Vacances de test');

    // the period only opened holiday-centre days: deleting it again strands nothing and is saved at once
    expect(await deleteHolidayPeriod(db(), agent, { id: result.id }, ctx)).toMatchObject({
      status: 'saved',
      cancelled: 0,
    });
  });

  it('deleting the winter holidays lists the holiday-centre reservations inside, and writes nothing', async () => {
    const [winter] = await db()
      .select()
      .from(holidayPeriods)
      .where(and(eq(holidayPeriods.schoolYearId, yearId), eq(holidayPeriods.label, "Vacances d'hiver")));
    const before = await state();
    const p = preview(await deleteHolidayPeriod(db(), agent, { id: winter!.id }, ctx));
    expect(p.count).toBe(await countBetween(winter!.start, winter!.end, ['vacances']));
    expect(p.affected.every((g) => g.service === 'vacances')).toBe(true);
    expect(p.affected.some((g) => g.date === NEARLY_FULL_DAYS[0])).toBe(true);
    expect(await state()).toBe(before);
    // a list read before a change is not enough: confirming with another fingerprint lists again
    expect(
      (await deleteHolidayPeriod(db(), agent, { id: winter!.id, confirm: true, fingerprint: 'stale' }, ctx)).status,
    ).toBe('confirm');
    expect(await state()).toBe(before);
  });

  it('ending the school year a week earlier lists the canteen and Wednesday reservations of that week', async () => {
    const before = await state();
    const p = preview(
      await updateSchoolYear(
        db(),
        agent,
        { id: yearId, label: DEMO_YEAR, yearStart: '2026-09-01', yearEnd: '2027-06-26' },
        ctx,
      ),
    );
    expect(p.count).toBe(await countBetween('2027-06-26', '2027-07-02', ['cantine', 'mercredi']));
    expect(p.count).toBeGreaterThan(0);
    expect(await state()).toBe(before);
  });
});

describe('structures', () => {
  it("renames anything, chooses a sector's leisure centre, and refuses deleting what is referenced", async () => {
    const [nord] = await db().select().from(sectors).where(eq(sectors.name, 'Secteur Nord'));
    await updateSector(
      db(),
      agent,
      { id: nord!.id, name: 'Secteur Nord-Est', leisureCentreId: String(site.moulin) },
      ctx,
    );
    expect((await db().select().from(sectors).where(eq(sectors.id, nord!.id)))[0]).toMatchObject({
      name: 'Secteur Nord-Est',
      leisureCentreId: site.moulin,
    });
    await expectRefused(
      () => updateSector(db(), agent, { id: nord!.id, name: 'Secteur Sud', leisureCentreId: '' }, ctx),
      /existe|déjà/,
    );
    await expectRefused(
      () => updateSector(db(), agent, { id: nord!.id, name: 'Secteur Nord', leisureCentreId: site.hugo }, ctx),
      /accueil de loisirs choisi/,
    );
    await expectRefused(
      () => deleteSector(db(), agent, { id: nord!.id }, ctx),
      /ne peut pas être supprimé : \d+ familles/,
    );

    await updateSite(
      db(),
      agent,
      {
        id: site.tilleuls,
        name: 'Accueil de loisirs Les Grands Tilleuls',
        address: '4 rue des Tilleuls',
      },
      ctx,
    );
    await expectRefused(() => deleteSite(db(), agent, { id: site.tilleuls }, ctx), /ne peut pas être supprimé/);
    await expectRefused(
      () => deleteSite(db(), agent, { id: site.hugo }, ctx),
      /ne peut pas être supprimée : \d+ enfants/,
    );

    const { id: newSchool } = await createSite(
      db(),
      agent,
      {
        kind: 'ecole',
        name: 'École Simone Veil',
        address: '1 rue Neuve',
      },
      ctx,
    );
    await expectRefused(
      () => createSite(db(), agent, { kind: 'ecole', name: 'école simone veil', address: '' }, ctx),
      /existe déjà/,
    );
    const { id: newSector } = await createSector(db(), agent, { name: 'Secteur Ouest', leisureCentreId: '' }, ctx);
    await deleteSector(db(), agent, { id: newSector }, ctx);
    await deleteSite(db(), agent, { id: newSchool }, ctx);
    expect(await db().select().from(sites).where(eq(sites.id, newSchool))).toEqual([]);
  });
});

describe('the closure-cancellation e-mail', () => {
  const payload: EmailPayloads['closure-cancellation'] = {
    parentName: 'Claire Martin',
    date: '2027-01-13',
    siteName: 'Accueil de loisirs Les Tilleuls',
    reason: 'Travaux de chauffage',
    cancellations: [
      {
        childName: 'Léa Martin',
        serviceLabel: 'Accueil de loisirs du mercredi',
        siteName: 'Accueil de loisirs Les Tilleuls',
        units: ['Matin', 'Après-midi', 'Repas classique'],
      },
    ],
    link: 'http://localhost:3000/',
  };

  it('renders in French: the date, the site, the child and units cancelled, the reason, a link', async () => {
    const email = await renderEmail('closure-cancellation', payload);
    expect(email.subject).toBe('Fermeture le mercredi 13 janvier 2027 : réservations annulées');
    expect(emailSubject('closure-cancellation', payload)).toBe(email.subject);
    expect(email.html).toContain('lang="fr"');
    expect(email.text).toContain('Bonjour Claire Martin,');
    expect(email.text).toContain(
      'La ville ferme le site « Accueil de loisirs Les Tilleuls » le mercredi 13 janvier 2027.',
    );
    expect(email.text).toContain('Motif : Travaux de chauffage');
    expect(email.text).toContain(
      'Léa Martin – Accueil de loisirs du mercredi, Accueil de loisirs Les Tilleuls : Matin, Après-midi, Repas classique',
    );
    expect(email.html).toContain('href="http://localhost:3000/"');
  });

  it('refuses a payload without cancellations', async () => {
    await expect(renderEmail('closure-cancellation', { ...payload, cancellations: [] })).rejects.toThrow(
      /closure-cancellation/,
    );
  });
});
