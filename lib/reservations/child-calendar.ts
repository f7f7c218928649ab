// The calendar of the child's page: a child's reservations of every service over a range, in words, with the days
// the services do not run (school holidays, public holidays, closures) and, per service, the first day a parent can
// still change (the deadline line). A booked day the parent can still change opens Étape 1 at its week.
import { and, asc, between, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, reservations } from '@/db/schema';
import {
  addDays,
  eachDay,
  greyReason,
  greyWords,
  pendingOpeningOf,
  holidayOf,
  isoWeekday,
  openDates,
  UNIT_LABELS,
  UNITS,
  type GreyReason,
  type IsoDate,
  type PendingOpening,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import {
  calendarKey,
  loadServiceCalendar,
  loadServiceCalendars,
  planningOptions,
  type ServiceCalendar,
} from './calendar';

export interface BookedUnit {
  date: IsoDate;
  service: ServiceKind;
  unit: Unit;
}

export async function childCalendar(
  db: Queryable,
  p: { familyId: number; childId: number; from: IsoDate; to: IsoDate },
): Promise<BookedUnit[]> {
  return db
    .select({ date: reservations.date, service: reservations.service, unit: reservations.unit })
    .from(reservations)
    .innerJoin(children, and(eq(children.id, reservations.childId), eq(children.familyId, p.familyId)))
    .where(and(eq(reservations.childId, p.childId), between(reservations.date, p.from, p.to)))
    .orderBy(asc(reservations.date), asc(reservations.service), asc(reservations.unit));
}

export interface PlanningDayService {
  service: ServiceKind;
  /** booked units, in the planning's order */
  units: Unit[];
  /** 'Matin, Repas classique' */
  label: string;
  /** null: the parent can still change the day (a tap opens Étape 1 at its week) */
  greyed: GreyReason | null;
  /** why not, in words: 'hors délai', « réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h » */
  greyedLabel: string | null;
  /** a period whose bookings open later: when, for another language's words (Wording.greyedWords) */
  opening?: PendingOpening;
}

export interface PlanningDay {
  date: IsoDate;
  /** 'Vacances de Noël' when the day is in a school holiday period */
  holiday: string | null;
  publicHoliday: boolean;
  /** the enrolled services closed that day (a closure set by staff) */
  closedServices: ServiceKind[];
  /** the services with something booked that day */
  booked: PlanningDayService[];
}

export interface ChildPlanning {
  days: PlanningDay[];
  /** per enrolled service, the first open day the parent can still change (null: none left this year) */
  deadlines: { service: ServiceKind; firstModifiable: IsoDate | null }[];
}

/**
 * The weekdays (Monday..Friday) of [from, to] for the child's page. Six queries: the calendars of the child's
 * services (shared), and the reservations.
 */
export async function childPlanning(
  db: Queryable,
  p: {
    familyId: number;
    childId: number;
    schoolYearId: number | null;
    enrolments: readonly { service: ServiceKind; siteId: number }[];
    from: IsoDate;
    to: IsoDate;
    today: IsoDate;
    /** the instant of the request: a period whose bookings open later is not changeable yet */
    now: Date;
  },
): Promise<ChildPlanning> {
  const [calendars, booked] = await Promise.all([
    p.schoolYearId === null
      ? new Map<string, ServiceCalendar>()
      : loadServiceCalendars(db, { schoolYearId: p.schoolYearId, keys: p.enrolments }),
    childCalendar(db, p),
  ]);
  // a child enrolled in nothing still sees the holidays and public holidays of the year
  const base =
    [...calendars.values()][0] ??
    (p.schoolYearId === null
      ? null
      : await loadServiceCalendar(db, { schoolYearId: p.schoolYearId, service: 'mercredi', siteId: null }));
  const calOf = (service: ServiceKind) =>
    calendars.get(calendarKey(service, p.enrolments.find((e) => e.service === service)?.siteId ?? 0));

  const days = eachDay(p.from, p.to)
    .filter((d) => isoWeekday(d) <= 5)
    .map((date): PlanningDay => {
      const units = booked.filter((b) => b.date === date);
      const services = [...new Set(units.map((u) => u.service))];
      return {
        date,
        holiday: base ? (holidayOf(base.cal, date)?.label ?? null) : null,
        publicHoliday: base ? base.cal.publicHolidays.includes(date) : false,
        closedServices: p.enrolments.filter((e) => calOf(e.service)?.cal.closures.includes(date)).map((e) => e.service),
        booked: services.map((service) => {
          const mine = UNITS.filter((u) => units.some((b) => b.service === service && b.unit === u));
          const c = calOf(service);
          const options = c ? planningOptions(c, p.now) : undefined;
          const greyed = c ? greyReason(service, c.cal, date, p.today, c.deadlineDays, options) : 'hors_annee';
          return {
            service,
            units: mine,
            label: mine.map((u) => UNIT_LABELS[u]).join(', '),
            greyed,
            greyedLabel: greyed === null ? null : greyWords(greyed, date, options),
            opening: greyed === 'avant_ouverture' ? pendingOpeningOf(date, options) : undefined,
          };
        }),
      };
    });
  const deadlines = p.enrolments.map(({ service }) => {
    const c = calOf(service)!;
    const from = addDays(p.today, c.deadlineDays);
    return {
      service,
      firstModifiable: openDates(service, c.cal, from, c.schoolYear.lastDay, { weekdays: c.weekdays })[0] ?? null,
    };
  });
  return { days, deadlines };
}
