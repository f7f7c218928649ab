// The hour at which the bookings of a period open (the moment of the rush), on a real database with the demo: the
// summer holidays of the holiday centres open on Tuesday 4 May 2027 at 8:00 (Paris). Until then Chloé Bernard's
// summer days are greyed with that sentence on Étape 1 and in « À venir », the validation refuses them whatever the
// draft holds, and the periodicity leaves them alone; an agent at the desk is not held. Staff set the hour in
// « Calendrier et paramètres », and a bad input writes nothing.
import { and, eq, sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts, auditLog, bookingOpenings, children, holidayPeriods, parents, requests } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_YEAR } from '@/lib/demo/seed';
import { listBookingOpenings, setBookingOpening, deleteBookingOpening } from '@/lib/calendar/openings';
import { parisDate } from '@/lib/clock';
import {
  saveDaysOnBehalf,
  startReservationOnBehalf,
  submitReservationOnBehalf,
  type Agent,
} from '@/lib/families/on-behalf';
import {
  applyTemplateToDraft,
  childReservations,
  loadDraft,
  saveDraftDays,
  startReservationDraft,
} from '@/lib/requests/drafts';
import { loadDemarchePage } from '@/lib/requests/demarche-page';
import { agentPolicy, parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { buildPlanningView } from '@/lib/reservations/planning-view';
import { upcomingDays } from '@/lib/reservations/upcoming';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, expectRefused as refused } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const SENTENCE = "réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h";
// 20 April 2027, 10:00 in Paris: a fortnight before the opening
const BEFORE = clockAt('2027-04-20T08:00:00Z');
// the opening itself (8:00 in Paris is 6:00 UTC in May) and one minute before it
const OPENING = clockAt('2027-05-04T06:00:00Z');
const MINUTE_BEFORE = clockAt('2027-05-04T05:59:00Z');
// a parent who opened the démarche ten minutes before the hour (a draft lasts 24 hours)
const EARLY = clockAt('2027-05-04T05:50:00Z');
const SUMMER_DAY = '2027-07-05';

function clockAt(iso: string): { today: string; now: Date } {
  const now = new Date(iso);
  return { today: parisDate(now), now };
}

let database: TestDatabase;
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};
let family: { familyId: number; accountId: number; chloe: number };
let yearId: number;
let agent: Agent;
const appUrl = 'http://localhost:3000';

beforeAll(async () => {
  vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true');
  database = await createDemoDatabase({ logger: counter });
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  const [row] = await database.db
    .select({ familyId: parents.familyId, accountId: accounts.id, chloe: children.id })
    .from(parents)
    .innerJoin(accounts, eq(accounts.id, parents.accountId))
    .innerJoin(children, and(eq(children.familyId, parents.familyId), eq(children.firstName, 'Chloé')))
    .where(eq(accounts.email, DEMO_ACCOUNTS.neighbour.email));
  family = row!;
  const [year] = await rows<{ id: number }>(database.db, sql`select id from school_years where label = ${DEMO_YEAR}`);
  yearId = year!.id;
  agent = await demoAgent(database.db);
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  await database?.close();
});

const parent = () => parentPolicy({ id: family.accountId, familyId: family.familyId });
const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);

/** Chloé's holiday-centre draft, opened at `at`, its wanted planning written as a forged client would. */
async function craftedDraft(at: { today: string; now: Date }, desired: { date: string; unit: string }[]) {
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
  const { requestId } = await startReservationDraft(database.db, {
    familyId: family.familyId,
    accountId: family.accountId,
    childId: family.chloe,
    service: 'vacances',
    ...at,
  });
  const draft = await loadDraft(database.db, { requestId, policy: parent(), now: at.now });
  await database.db
    .update(requests)
    .set({ payload: { base: draft.payload.base, desired: [...draft.payload.base, ...desired] } })
    .where(eq(requests.id, requestId));
  return { requestId, version: draft.enrolment.planningVersion };
}

const chloeSummer = () =>
  childReservations(database.db, { childId: family.chloe, service: 'vacances', from: '2027-07-03', to: '2027-08-31' });

describe('the validation of a day of a period not open yet', () => {
  it('refuses a crafted summer day before the opening, naming the date and the opening, writing nothing', async () => {
    const { requestId, version } = await craftedDraft(BEFORE, [
      { date: SUMMER_DAY, unit: 'matin' },
      { date: '2027-07-06', unit: 'matin' },
    ]);
    await expectRefused(
      () => submitReservationRequest(database.db, { policy: parent(), requestId, version, appUrl, ...BEFORE }),
      new RegExp(
        `Ces dates ne peuvent pas être modifiées : lundi 5 juillet 2027 \\(${SENTENCE}\\), mardi 6 juillet 2027 \\(${SENTENCE}\\)`,
      ),
    );
    expect(await chloeSummer()).toEqual([]);
  });

  it('refuses it still one minute before the hour, and accepts the same draft at the hour', async () => {
    const { requestId, version } = await craftedDraft(EARLY, [{ date: SUMMER_DAY, unit: 'matin' }]);
    await expectRefused(
      () => submitReservationRequest(database.db, { policy: parent(), requestId, version, appUrl, ...MINUTE_BEFORE }),
      new RegExp(`lundi 5 juillet 2027 \\(${SENTENCE}\\)`),
    );
    const result = await submitReservationRequest(database.db, {
      policy: parent(),
      requestId,
      version,
      appUrl,
      ...OPENING,
    });
    expect(result).toMatchObject({ alreadySubmitted: false, added: 1, removed: 0 });
    expect(await chloeSummer()).toEqual([{ date: SUMMER_DAY, unit: 'matin' }]);
    await database.db.execute(sql`delete from reservations where child_id = ${family.chloe} and date >= '2027-07-03'`);
  });

  it('refuses the summer day at Étape 1 too, and the periodicity leaves it alone', async () => {
    const { requestId } = await craftedDraft(BEFORE, []);
    await expectRefused(
      () =>
        database.db.transaction((tx) =>
          saveDraftDays(tx, {
            policy: parent(),
            ...BEFORE,
            input: { requestId, days: [{ date: SUMMER_DAY, units: ['matin'] }] },
          }),
        ),
      new RegExp(`lundi 5 juillet 2027 \\(${SENTENCE}\\)`),
    );
    // every weekday morning from 5 May to mid-July: only the Ascension bridge (Friday 7 May) is a holiday-centre day
    // open to bookings; the summer days stay as they were
    const applied = await database.db.transaction((tx) =>
      applyTemplateToDraft(tx, {
        policy: parent(),
        ...BEFORE,
        input: {
          requestId,
          weeks: [{ 1: ['matin'], 2: ['matin'], 3: ['matin'], 4: ['matin'], 5: ['matin'] }],
          from: '2027-05-05',
          to: '2027-07-16',
        },
      }),
    );
    expect(applied).toMatchObject({ added: 1, removed: 0 });
    const draft = await loadDraft(database.db, { requestId, policy: parent(), now: BEFORE.now });
    expect(draft.payload.desired.filter((r) => r.date >= '2027-05-05')).toEqual([
      { date: '2027-05-07', unit: 'matin' },
    ]);
  });

  it('does not hold an agent at the desk, as the deadline does not', async () => {
    await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
    const { requestId } = await startReservationOnBehalf(database.db, agent, {
      input: { familyId: family.familyId, childId: family.chloe, service: 'vacances' },
      ...BEFORE,
    });
    await saveDaysOnBehalf(database.db, agent, {
      input: { familyId: family.familyId, requestId, days: [{ date: SUMMER_DAY, units: ['matin'] }] },
      ...BEFORE,
    });
    const draft = await loadDraft(database.db, {
      requestId,
      policy: agentPolicy(agent, family.familyId),
      now: BEFORE.now,
    });
    const result = await submitReservationOnBehalf(database.db, agent, {
      input: {
        familyId: family.familyId,
        requestId,
        version: draft.enrolment.planningVersion,
        reason: 'Inscription au guichet avant l’ouverture (famille prioritaire)',
      },
      appUrl,
      ...BEFORE,
    });
    expect(result.added).toBe(1);
    expect(await chloeSummer()).toEqual([{ date: SUMMER_DAY, unit: 'matin' }]);
    await database.db.execute(sql`delete from reservations where child_id = ${family.chloe} and date >= '2027-07-03'`);
  });
});

describe('the greyed days, with the sentence', () => {
  it('on Étape 1: the summer days before the opening, not after it, and never for an agent', async () => {
    const { requestId } = await craftedDraft(BEFORE, []);
    const page = await loadDemarchePage(database.db, { policy: parent(), requestId, now: BEFORE.now });
    const before = buildPlanningView('vacances', page.cal, BEFORE.today, 'periode', SUMMER_DAY, BEFORE.now);
    expect(before.title).toMatch(/^Vacances d'été/);
    const open = before.days.filter((d) => d.greyed !== 'Jour férié');
    expect(open.length).toBeGreaterThan(30);
    expect(new Set(open.map((d) => d.greyed))).toEqual(new Set([SENTENCE.replace(/^r/, 'R')]));
    expect(before.days.find((d) => d.date === '2027-07-14')?.greyed).toBe('Jour férié');

    const after = buildPlanningView('vacances', page.cal, OPENING.today, 'periode', SUMMER_DAY, OPENING.now);
    expect(after.days.find((d) => d.date === SUMMER_DAY)?.greyed).toBeNull();

    await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
    const desk = await startReservationOnBehalf(database.db, agent, {
      input: { familyId: family.familyId, childId: family.chloe, service: 'vacances' },
      ...BEFORE,
    });
    const agentPage = await loadDemarchePage(database.db, {
      policy: agentPolicy(agent, family.familyId),
      requestId: desk.requestId,
      now: BEFORE.now,
    });
    const forAgent = buildPlanningView('vacances', agentPage.cal, BEFORE.today, 'periode', SUMMER_DAY, BEFORE.now);
    expect(forAgent.days.find((d) => d.date === SUMMER_DAY)?.greyed).toBeNull();
  });

  it('loads the openings with the calendar: the same number of statements with or without one', async () => {
    const load = async () => {
      statements = 0;
      const cal = await loadServiceCalendar(database.db, { schoolYearId: yearId, service: 'vacances', siteId: null });
      return { n: statements, cal };
    };
    // a write moves the calendar's version (lib/calendar/reference-cache.ts): the next load reads the reference
    // data again, the one after comes from memory (one statement: the version)
    const twice = async () => ({ reload: await load(), cached: await load() });
    const saved = await database.db.delete(bookingOpenings).returning();
    const without = await twice();
    expect(without.cached.cal.openings).toEqual([]);
    await database.db.insert(bookingOpenings).values(saved);
    const withOpening = await twice();
    expect(withOpening.cached.cal.openings).toMatchObject([
      { start: '2027-07-03', end: '2027-08-31', opensAt: OPENING.now, sentence: SENTENCE.replace(/^r/, 'R') },
    ]);
    const mercredi = await loadServiceCalendar(database.db, {
      schoolYearId: yearId,
      service: 'mercredi',
      siteId: null,
    });
    expect(mercredi.openings).toEqual([]);
    expect(withOpening.reload.n).toBe(without.reload.n);
    expect([withOpening.cached.n, without.cached.n]).toEqual([1, 1]);
  });

  it('in « À venir »: the next summer days say when they open (here an opening staff moved to 25 June at 8:30)', async () => {
    const staff = { id: agent.id, role: 'staff' as const };
    const [summer] = await database.db
      .select({ id: holidayPeriods.id })
      .from(holidayPeriods)
      .where(and(eq(holidayPeriods.schoolYearId, yearId), eq(holidayPeriods.label, "Vacances d'été")));
    const set = (date: string, time: string) =>
      setBookingOpening(
        database.db,
        staff,
        { schoolYearId: yearId, service: 'vacances', holidayPeriodId: String(summer!.id), date, time },
        { now: BEFORE.now },
      );
    await set('2027-06-25', '08:30');
    try {
      const at = clockAt('2027-06-20T08:00:00Z');
      const chloe = (await upcomingDays(database.db, { familyId: family.familyId, schoolYearId: yearId, ...at })).get(
        family.chloe,
      )!;
      const days = chloe.find((s) => s.service === 'vacances')!.days;
      expect(days.map((d) => [d.date, d.greyed, d.greyedLabel])).toEqual(
        ['2027-07-05', '2027-07-06', '2027-07-07', '2027-07-08', '2027-07-09'].map((date) => [
          date,
          'avant_ouverture',
          "réservations pour les vacances d'été ouvertes le vendredi 25 juin à 8 h 30",
        ]),
      );
      // at the hour: the first week is past its deadline by then (« hors délai » speaks first), the next one opens
      const later = clockAt('2027-06-25T06:30:00Z');
      const opened = (
        await upcomingDays(database.db, { familyId: family.familyId, schoolYearId: yearId, ...later, count: 6 })
      ).get(family.chloe)!;
      expect(opened.find((s) => s.service === 'vacances')!.days.map((d) => [d.date, d.greyed])).toEqual([
        ['2027-07-05', 'hors_delai'],
        ['2027-07-06', 'hors_delai'],
        ['2027-07-07', 'hors_delai'],
        ['2027-07-08', 'hors_delai'],
        ['2027-07-09', 'hors_delai'],
        ['2027-07-12', null],
      ]);
    } finally {
      await set('2027-05-04', '08:00');
    }
  });
});

describe('« Calendrier et paramètres »: the opening hour', () => {
  const staff = () => ({ id: agent.id, role: 'staff' as const });
  const state = async () => {
    const [row] = await rows<{ openings: string; audit: number }>(
      database.db,
      sql`select (select coalesce(string_agg(id || ':' || service || ':' || coalesce(holiday_period_id, 0) || ':' ||
            extract(epoch from opens_at) || ':' || note, ',' order by id), '') from booking_openings) as openings,
          (select count(*)::int from audit_log) as audit`,
    );
    return row;
  };
  const summerId = async () =>
    (
      await database.db
        .select({ id: holidayPeriods.id })
        .from(holidayPeriods)
        .where(and(eq(holidayPeriods.schoolYearId, yearId), eq(holidayPeriods.label, "Vacances d'été")))
    )[0]!.id;

  it('refuses a bad input in French, writing nothing', async () => {
    const summer = await summerId();
    const [otherYear] = await rows<{ id: number }>(
      database.db,
      sql`select h.id from holiday_periods h join school_years y on y.id = h.school_year_id where y.label <> ${DEMO_YEAR} limit 1`,
    );
    const good = {
      schoolYearId: yearId,
      service: 'vacances',
      holidayPeriodId: summer,
      date: '2027-05-04',
      time: '08:00',
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, date: '2027-02-30' }, /n'est pas une date valide/],
      [{ ...good, date: '' }, /Indiquez le jour de l'ouverture/],
      [{ ...good, time: '25:00' }, /s'écrit comme 08:00/],
      [{ ...good, holidayPeriodId: 999_999 }, /Cette période de vacances n'existe pas/],
      [{ ...good, holidayPeriodId: otherYear!.id }, /Cette période de vacances n'existe pas/],
      [{ ...good, schoolYearId: 999_999 }, /Cette année scolaire n'existe pas/],
      [{ ...good, holidayPeriodId: '' }, /Choisissez la période de vacances/],
      [{ ...good, service: 'mercredi' }, /n'ont aucun jour pendant les vacances/],
      [{ ...good, service: 'piscine' }, /Service inconnu/],
      [{ ...good, date: '2027-09-01' }, /doit précéder la fin de la période/],
      [{ ...good, date: '2027-03-28', time: '02:30' }, /passage à l'heure d'été/],
    ];
    for (const [input, message] of cases) {
      const before = await state();
      const error = await setBookingOpening(database.db, staff(), input, { now: BEFORE.now }).catch((e: unknown) => e);
      expect((error as Error).message, JSON.stringify(input)).toMatch(message);
      expect(await state()).toEqual(before);
    }
    const before = await state();
    await expect(deleteBookingOpening(database.db, staff(), { id: 999_999 }, { now: BEFORE.now })).rejects.toThrow(
      /n'existe plus/,
    );
    expect(await state()).toEqual(before);
  });

  it('adds, changes and removes the school year opening of the canteen, each with its audit row', async () => {
    const input = { schoolYearId: String(yearId), service: 'cantine', holidayPeriodId: '', date: '2026-06-15' };
    const { id } = await setBookingOpening(database.db, staff(), { ...input, time: '18:00' }, { now: BEFORE.now });
    const again = await setBookingOpening(
      database.db,
      staff(),
      { ...input, time: '18:30', note: 'Rentrée' },
      {
        now: BEFORE.now,
      },
    );
    expect(again.id).toBe(id);
    expect(
      (await listBookingOpenings(database.db, yearId)).map((o) => [o.service, o.periodLabel, o.date, o.time, o.note]),
    ).toEqual([
      ['cantine', null, '2026-06-15', '18:30', 'Rentrée'],
      ['vacances', "Vacances d'été", '2027-05-04', '08:00', ''],
    ]);
    const cal = await loadServiceCalendar(database.db, { schoolYearId: yearId, service: 'cantine', siteId: null });
    expect(cal.openings[0]?.sentence).toBe(
      "Réservations pour l'année scolaire 2026-2027 ouvertes le lundi 15 juin à 18 h 30",
    );
    await deleteBookingOpening(database.db, staff(), { id: String(id) }, { now: BEFORE.now });
    const audit = await database.db
      .select({ action: auditLog.action, entityId: auditLog.entityId, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.entity, 'booking_opening'));
    expect(audit.filter((a) => a.entityId === String(id))).toEqual([
      { action: 'booking_opening.set', entityId: String(id), actorId: agent.id },
      { action: 'booking_opening.set', entityId: String(id), actorId: agent.id },
      { action: 'booking_opening.delete', entityId: String(id), actorId: agent.id },
    ]);
  });

  it('is refused to a parent (403) and saved for staff, through the server action', async () => {
    const { setBookingOpeningAction } = await import('@/app/admin/calendrier/actions');
    const open = async (email: string): Promise<TestSession> => {
      const [row] = await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
      return openTestSession(database.db, row!.id);
    };
    const form = new FormData();
    for (const [k, v] of Object.entries({
      schoolYearId: String(yearId),
      service: 'mercredi',
      holidayPeriodId: '',
      date: '2026-06-20',
      time: '09:00',
    }))
      form.set(k, v);
    const before = await state();
    session.current = await open(DEMO_ACCOUNTS.parent.email);
    const asParent = await Promise.resolve(setBookingOpeningAction({}, form)).catch(
      (e: { digest?: string }) => e.digest,
    );
    expect(asParent).toMatch(/NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(await state()).toEqual(before);
    session.current = await open(DEMO_ACCOUNTS.staff.email);
    expect(await setBookingOpeningAction({}, form)).toMatchObject({ ok: true });
    expect((await listBookingOpenings(database.db, yearId)).map((o) => o.service)).toEqual(['mercredi', 'vacances']);
    session.current = null;
  });
});
