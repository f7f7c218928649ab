// The reminders before the deadline (« Rappels par e-mail », chosen on Mon compte): every Monday at 8:00 Paris time the
// days whose last change day falls in the coming 7 days (« Chaque lundi »), and every day at 8:00 the days whose last
// change day is tomorrow (« La veille »), per child and service, with what is booked. Through the outbox.
//
// Exactly once per parent and period, with any number of instances: a run claims its period with
// `INSERT INTO reminder_runs … ON CONFLICT (kind, period) DO NOTHING` and queues the e-mails in the same transaction.
// A second instance's INSERT waits on the unique index until the first commits, then inserts nothing and stops; if the
// first rolls back, the second gets the claim. Each e-mail's outbox key `reminder:<kind>:<period>:<account>` is unique
// as well. No job scheduler: pg-boss does not run on the embedded PGlite (README, « Rappels avant la date limite »).
//
// Statements per run, whatever the number of parents, children or days: the claim, the opted-in parents' enrolments,
// the reference data when it changed (lib/calendar/reference-cache.ts), their reservations, the outbox rows (one
// INSERT per 1,000 e-mails), the run's count.
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { accounts, children, enrolments, parents, reminderRuns, reservations, sites } from '@/db/schema';
import type { DeadlineReminderPayload } from '@/emails';
import { referenceData } from '@/lib/calendar/reference-cache';
import { now as businessNow, parisDateTime, parisInstant } from '@/lib/clock';
import { enqueueEmails, type EnqueueEmail } from '@/lib/email/outbox';
import {
  addDays,
  datesClosingBetween,
  greyReason,
  lastChangeDay,
  maxDate,
  mondayOf,
  openDates,
  schoolYearLastDay,
  SERVICE_LABELS,
  UNIT_LABELS,
  UNITS,
  type IsoDate,
  type Unit,
} from '@/lib/planning';
import { calendarKey, loadServiceCalendars, planningOptions } from '@/lib/reservations/calendar';

export type ReminderKind = 'weekly' | 'eve';

/** The hour (Paris) at which both reminders go: Monday's for the weekly one, every day's for « La veille ». */
export const REMINDER_TIME = '08:00';

/** A period of a reminder and the last change days it covers. */
export interface ReminderPeriod {
  kind: ReminderKind;
  /** the Monday of the week (weekly), the day of sending (eve) */
  period: IsoDate;
  /** the days whose last change day is in from..to are listed */
  from: IsoDate;
  to: IsoDate;
}

/**
 * The periods due at `at`: the week once its Monday's 8:00 has passed, the day once its 8:00 has passed. A run that
 * comes late (the portal was stopped at 8:00) still sends, within the period, for the last change days still to come.
 */
export function duePeriods(at: Date): ReminderPeriod[] {
  const { date: today } = parisDateTime(at);
  const due: ReminderPeriod[] = [];
  const monday = mondayOf(today);
  const mondayAt = parisInstant(monday, REMINDER_TIME);
  if (mondayAt && at.getTime() >= mondayAt.getTime())
    due.push({ kind: 'weekly', period: monday, from: maxDate(monday, today), to: addDays(monday, 6) });
  const todayAt = parisInstant(today, REMINDER_TIME);
  if (todayAt && at.getTime() >= todayAt.getTime())
    due.push({ kind: 'eve', period: today, from: addDays(today, 1), to: addDays(today, 1) });
  return due;
}

export interface ReminderRunResult {
  kind: ReminderKind;
  period: IsoDate;
  /** false: another instance (or an earlier tick) had already claimed the period */
  claimed: boolean;
  emails: number;
}

export interface ReminderOptions {
  /** the business clock's instant (APP_NOW in demos and tests) */
  at?: Date;
  /** the portal's address for the e-mails' links */
  appUrl: string;
}

/** One tick: claims and sends each period due at `at` that nobody claimed yet. */
export async function runReminders(db: Db, opts: ReminderOptions): Promise<ReminderRunResult[]> {
  const at = opts.at ?? businessNow();
  const results: ReminderRunResult[] = [];
  for (const period of duePeriods(at)) {
    if (alreadyClaimed(period)) continue;
    const result = await db.transaction((tx) => runPeriod(tx, period, at, opts.appUrl));
    remember(period);
    results.push(result);
  }
  return results;
}

// What this process saw claimed (by itself or another instance): a later tick of the same period sends no INSERT.
const memory = globalThis as unknown as { __portailReminderClaims?: Map<ReminderKind, IsoDate> };
function alreadyClaimed(p: ReminderPeriod): boolean {
  return memory.__portailReminderClaims?.get(p.kind) === p.period;
}
function remember(p: ReminderPeriod): void {
  (memory.__portailReminderClaims ??= new Map()).set(p.kind, p.period);
}
/** Tests move the clock back and forth over several databases: the process's memory of claims goes. */
export function forgetClaims(): void {
  memory.__portailReminderClaims = undefined;
}

async function runPeriod(tx: Queryable, p: ReminderPeriod, at: Date, appUrl: string): Promise<ReminderRunResult> {
  const claimed = await tx
    .insert(reminderRuns)
    .values({ kind: p.kind, period: p.period, ranAt: at })
    .onConflictDoNothing({ target: [reminderRuns.kind, reminderRuns.period] })
    .returning({ id: reminderRuns.id });
  if (claimed.length === 0) return { kind: p.kind, period: p.period, claimed: false, emails: 0 };

  const emails = await reminderEmails(tx, p, at, appUrl);
  await enqueueEmails(tx, emails);
  await tx.update(reminderRuns).set({ emails: emails.length }).where(eq(reminderRuns.id, claimed[0]!.id));
  return { kind: p.kind, period: p.period, claimed: true, emails: emails.length };
}

/** The e-mails of a period: one per opted-in parent with something to list, none for the others. */
export async function reminderEmails(
  db: Queryable,
  p: ReminderPeriod,
  at: Date,
  appUrl: string,
): Promise<EnqueueEmail<'deadline-reminder'>[]> {
  const { date: today } = parisDateTime(at);
  // the school years not over by the period's first day: at the turn of a year the rentrée's days close in August
  const data = await referenceData(db);
  const years = data.schoolYears
    .filter((y) => {
      const cal = data.yearCalendars.get(y.id);
      return cal !== undefined && schoolYearLastDay(cal) >= p.from;
    })
    .map((y) => y.id);
  if (years.length === 0) return [];
  const optedIn = and(eq(accounts.reminders, p.kind), eq(accounts.role, 'parent'), isNull(accounts.disabledAt));

  const enrolled = await db
    .select({
      accountId: accounts.id,
      email: accounts.email,
      parentFirstName: parents.firstName,
      parentLastName: parents.lastName,
      childId: children.id,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      service: enrolments.service,
      siteId: enrolments.siteId,
      siteName: sites.name,
      schoolYearId: enrolments.schoolYearId,
    })
    .from(accounts)
    .innerJoin(parents, eq(parents.accountId, accounts.id))
    .innerJoin(children, eq(children.familyId, parents.familyId))
    .innerJoin(enrolments, eq(enrolments.childId, children.id))
    .innerJoin(sites, eq(sites.id, enrolments.siteId))
    .where(and(optedIn, inArray(enrolments.schoolYearId, years)))
    // the order of Mon espace: per parent, the children, then the services in their order (the enum's)
    .orderBy(accounts.id, children.birthDate, children.id, enrolments.service, enrolments.schoolYearId);
  if (enrolled.length === 0) return [];

  // the dates of each enrolment whose last change day falls in the period and that the parent can change now
  const calendars = new Map<number, Awaited<ReturnType<typeof loadServiceCalendars>>>();
  for (const year of new Set(enrolled.map((e) => e.schoolYearId))) {
    const keys = enrolled.filter((e) => e.schoolYearId === year);
    calendars.set(year, await loadServiceCalendars(db, { schoolYearId: year, keys }));
  }
  const datesOf = new Map<string, { date: IsoDate; lastChange: IsoDate }[]>();
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (const e of enrolled) {
    const key = `${e.schoolYearId}:${calendarKey(e.service, e.siteId)}`;
    if (datesOf.has(key)) continue;
    const c = calendars.get(e.schoolYearId)!.get(calendarKey(e.service, e.siteId))!;
    const closing = datesClosingBetween(p.from, p.to, c.deadlineDays);
    const options = planningOptions(c, at);
    const dates = openDates(e.service, c.cal, closing.from, closing.to, options)
      .filter((d) => greyReason(e.service, c.cal, d, today, c.deadlineDays, options) === null)
      .map((date) => ({ date, lastChange: lastChangeDay(date, c.deadlineDays) }));
    datesOf.set(key, dates);
    for (const { date } of dates) {
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
  }
  if (first === null || last === null) return [];

  // what the opted-in parents' children have booked on those days: one query for all of them
  const booked = await db
    .selectDistinct({
      childId: reservations.childId,
      service: reservations.service,
      date: reservations.date,
      unit: reservations.unit,
    })
    .from(reservations)
    .innerJoin(children, eq(children.id, reservations.childId))
    .innerJoin(parents, eq(parents.familyId, children.familyId))
    .innerJoin(accounts, eq(accounts.id, parents.accountId))
    .where(and(optedIn, gte(reservations.date, first), lte(reservations.date, last)));
  const unitsOf = new Map<string, Unit[]>();
  for (const b of booked) {
    const key = `${b.childId}:${b.service}:${b.date}`;
    unitsOf.set(key, [...(unitsOf.get(key) ?? []), b.unit]);
  }

  const byAccount = new Map<number, { to: string; payload: DeadlineReminderPayload }>();
  for (const e of enrolled) {
    const dates = datesOf.get(`${e.schoolYearId}:${calendarKey(e.service, e.siteId)}`) ?? [];
    if (dates.length === 0) continue;
    const entry = byAccount.get(e.accountId) ?? {
      to: e.email,
      payload: {
        kind: p.kind,
        parentName: `${e.parentFirstName} ${e.parentLastName}`.trim(),
        groups: [],
        link: `${appUrl}/`,
      },
    };
    const group = {
      childName: `${e.childFirstName} ${e.childLastName}`.trim(),
      serviceLabel: SERVICE_LABELS[e.service],
      siteName: e.siteName,
      days: dates.map(({ date, lastChange }) => {
        const units = UNITS.filter((u) => unitsOf.get(`${e.childId}:${e.service}:${date}`)?.includes(u));
        return {
          date,
          booked: units.length === 0 ? null : units.map((u) => UNIT_LABELS[u]).join(', '),
          lastChangeDay: lastChange,
        };
      }),
    };
    // the same service at the turn of two school years: one group
    const previous = entry.payload.groups.at(-1);
    if (previous && previous.childName === group.childName && previous.serviceLabel === group.serviceLabel)
      previous.days.push(...group.days);
    else entry.payload.groups.push(group);
    byAccount.set(e.accountId, entry);
  }
  return [...byAccount].map(([accountId, { to, payload }]) => ({
    idempotencyKey: `reminder:${p.kind}:${p.period}:${accountId}`,
    to,
    template: 'deadline-reminder' as const,
    payload,
  }));
}
