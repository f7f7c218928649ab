// « À venir » on Mon espace: for each child of the family, the next open days of each service the child is enrolled
// in, what is booked on them and until when each can be changed. Mon espace is the most visited page on the day
// bookings open, so this costs four queries whatever the number of children, services or days: the enrolments
// (shared with the children's cards, once per request), the calendars' version (lib/calendar/reference-cache.ts),
// the children's waiting-list entries (their days come into the list, however far) and the reservations of all those
// days.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, reservations } from '@/db/schema';
import { familyEnrolments } from '@/lib/families/children';
import {
  addDays,
  formatDateLong,
  greyReason,
  greyWords,
  pendingOpeningOf,
  lastChangeDay,
  openDates,
  SERVICE_KINDS,
  UNIT_LABELS,
  UNITS,
  type GreyReason,
  type IsoDate,
  type PendingOpening,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import { waitingPositions } from '@/lib/waiting-list/join';
import { calendarKey, loadServiceCalendars, planningOptions, type ServiceCalendar } from './calendar';

/** How many open days of each service « À venir » shows. */
export const UPCOMING_DAYS = 5;

export interface UpcomingDay {
  date: IsoDate;
  /** 'Mercredi 20 janvier 2027' */
  dateLabel: string;
  /** what is booked, in the planning's order */
  units: Unit[];
  /** 'Matin, Repas classique', or null when nothing is booked */
  bookedLabel: string | null;
  /** null when the parent can still change the day, else why not */
  greyed: GreyReason | null;
  /** 'hors délai', « réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h » */
  greyedLabel: string | null;
  /** a period whose bookings open later: when, for another language's words (Wording.greyedWords) */
  opening?: PendingOpening;
  /** the last day the parent can change it: the date minus the service's deadline, as the greying computes it */
  lastChangeDay: IsoDate;
  /** 'mardi 5 janvier' */
  lastChangeLabel: string;
  /** « Liste d'attente »: the child waits for this day, its entry and place in line (« Liste d'attente : 2e ») */
  waiting?: { entryId: number; position: number; units: Unit[] };
}

export interface UpcomingService {
  service: ServiceKind;
  siteId: number;
  days: UpcomingDay[];
}

/** 'mercredi 20 janvier 2027' → 'Mercredi 20 janvier 2027' */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 'mardi 5 janvier' (no year: the date it belongs to is written beside it) */
export function dayMonthLabel(date: IsoDate): string {
  return formatDateLong(date).split(' ').slice(0, 3).join(' ');
}

/** The next `count` open days of a service from today (today included), whatever their deadline. */
export function nextOpenDays(service: ServiceKind, c: ServiceCalendar, today: IsoDate, count: number): IsoDate[] {
  const found: IsoDate[] = [];
  // a month at a time: the next open days are near, unless the holidays are long (the summer)
  for (let from = today; found.length < count && from <= c.schoolYear.lastDay; from = addDays(from, 31)) {
    const to = addDays(from, 30);
    found.push(...openDates(service, c.cal, from, to, { weekdays: c.weekdays }));
  }
  return found.slice(0, count);
}

/**
 * The next open days of each enrolment of the family's children for the school year, by child id. A child of another
 * family never appears: the family is in every query.
 */
export async function upcomingDays(
  db: Queryable,
  p: { familyId: number; schoolYearId: number; today: IsoDate; now: Date; count?: number },
): Promise<Map<number, UpcomingService[]>> {
  const count = p.count ?? UPCOMING_DAYS;
  const enrolled = await familyEnrolments(db, p.familyId, p.schoolYearId);
  const byChild = new Map<number, UpcomingService[]>();
  if (enrolled.length === 0) return byChild;

  const calendars = await loadServiceCalendars(db, { schoolYearId: p.schoolYearId, keys: enrolled });
  const wanted = enrolled.map((e) => {
    const c = calendars.get(calendarKey(e.service, e.siteId))!;
    return { ...e, c, dates: nextOpenDays(e.service, c, p.today, count) };
  });
  // the days the children wait for come into the list too, however far (« Liste d'attente : 2e »)
  const waiting = await waitingPositions(db, { childIds: [...new Set(enrolled.map((e) => e.childId))], from: p.today });
  const waitingOf = new Map(waiting.map((w) => [`${w.childId}:${w.service}:${w.date}`, w]));
  for (const w of wanted) {
    const extra = waiting.filter(
      (e) => e.childId === w.childId && e.service === w.service && !w.dates.includes(e.date),
    );
    if (extra.length > 0) w.dates = [...w.dates, ...extra.map((e) => e.date)].sort();
  }
  const allDates = [...new Set(wanted.flatMap((w) => w.dates))];
  const booked =
    allDates.length === 0
      ? []
      : await db
          .select({
            childId: reservations.childId,
            service: reservations.service,
            date: reservations.date,
            unit: reservations.unit,
          })
          .from(reservations)
          .innerJoin(children, and(eq(children.id, reservations.childId), eq(children.familyId, p.familyId)))
          .where(
            and(
              inArray(
                reservations.childId,
                enrolled.map((e) => e.childId),
              ),
              inArray(reservations.date, allDates),
            ),
          );
  const unitsOf = new Map<string, Unit[]>();
  for (const b of booked) {
    const key = `${b.childId}:${b.service}:${b.date}`;
    unitsOf.set(key, [...(unitsOf.get(key) ?? []), b.unit]);
  }

  for (const w of wanted) {
    const options = planningOptions(w.c, p.now);
    const days = w.dates.map((date): UpcomingDay => {
      const units = UNITS.filter((u) => unitsOf.get(`${w.childId}:${w.service}:${date}`)?.includes(u));
      const greyed = greyReason(w.service, w.c.cal, date, p.today, w.c.deadlineDays, options);
      const lastChange = lastChangeDay(date, w.c.deadlineDays);
      const waits = waitingOf.get(`${w.childId}:${w.service}:${date}`);
      return {
        ...(waits && { waiting: { entryId: waits.id, position: waits.position, units: waits.units } }),
        date,
        dateLabel: capitalise(formatDateLong(date)),
        units,
        bookedLabel: units.length === 0 ? null : units.map((u) => UNIT_LABELS[u]).join(', '),
        greyed,
        greyedLabel: greyed === null ? null : greyWords(greyed, date, options),
        opening: greyed === 'avant_ouverture' ? pendingOpeningOf(date, options) : undefined,
        lastChangeDay: lastChange,
        lastChangeLabel: dayMonthLabel(lastChange),
      };
    });
    byChild.set(w.childId, [...(byChild.get(w.childId) ?? []), { service: w.service, siteId: w.siteId, days }]);
  }
  for (const services of byChild.values()) {
    services.sort((a, b) => SERVICE_KINDS.indexOf(a.service) - SERVICE_KINDS.indexOf(b.service));
  }
  return byChild;
}
