// The calendar of one service for one school year and site, as lib/planning needs it: stored holidays,
// computed public holidays, closures of that site (or all sites) and service (or all services), deadline, and the
// hours at which the bookings of its periods open. Built from the reference data each instance keeps between
// requests (lib/calendar/reference-cache.ts): one query per call when the calendar has not changed.
import type { Queryable } from '@/db/client';
import { referenceData, type ReferenceData } from '@/lib/calendar/reference-cache';
import {
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_WEEKDAYS,
  openingSentence,
  schoolYearLastDay,
  type IsoDate,
  type OpenDatesOptions,
  type SchoolCalendar,
  type ServiceKind,
} from '@/lib/planning';
import { parisDateTime } from '@/lib/clock';
import { UserError } from '@/lib/errors';

/** The hour at which parents may start booking a period of the service (booking_openings), whether past or to come. */
export interface BookingOpeningWindow {
  /** the period's days: a holiday period, or the whole school year (its school days for cantine and mercredi) */
  start: IsoDate;
  end: IsoDate;
  opensAt: Date;
  /** « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h » */
  sentence: string;
  /** what the sentence says, for the other languages (Wording.opening) */
  period: { holiday: string } | { schoolYear: string };
  opens: { date: IsoDate; hour: number; minute: number };
}

export interface ServiceCalendar {
  schoolYear: { id: number; label: string; yearStart: IsoDate; yearEnd: IsoDate; lastDay: IsoDate };
  cal: SchoolCalendar;
  deadlineDays: number;
  weekdays: number[];
  /** every opening hour set for the service and year; planningOptions keeps those still to come at a given instant */
  openings: BookingOpeningWindow[];
}

/**
 * lib/planning's options for this calendar at `now`: the open weekdays, and the periods whose opening hour is still
 * to come (their days grey with the opening's sentence). The calendar holds the hours, not the verdict, so that it
 * stays the same data whatever the instant it is read at.
 */
export function planningOptions(c: ServiceCalendar, now: Date): OpenDatesOptions {
  const notYetOpen = c.openings
    .filter((o) => o.opensAt.getTime() > now.getTime())
    .map(({ start, end, sentence, period, opens }) => ({ start, end, sentence, period, opens }));
  return { weekdays: c.weekdays, notYetOpen };
}

function openingWindows(
  found: ReferenceData['openings'],
  service: ServiceKind,
  year: { id: number; label: string; yearStart: IsoDate; lastDay: IsoDate },
): BookingOpeningWindow[] {
  return found
    .filter((o) => o.service === service && o.schoolYearId === year.id)
    .map((o) => {
      const opensAt = o.opensAt;
      const opens = parisDateTime(opensAt);
      if (o.holidayStart !== null && o.holidayEnd !== null) {
        const period = { holiday: o.holidayLabel ?? '' };
        return {
          start: o.holidayStart,
          end: o.holidayEnd,
          opensAt,
          sentence: openingSentence(period, opens),
          period,
          opens,
        };
      }
      const period = { schoolYear: year.label };
      return {
        start: year.yearStart,
        end: year.lastDay,
        opensAt,
        sentence: openingSentence(period, opens),
        period,
        opens,
      };
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** One service's calendar; siteId null: the closures of every site only. */
export async function loadServiceCalendar(
  db: Queryable,
  p: { schoolYearId: number; service: ServiceKind; siteId: number | null },
): Promise<ServiceCalendar> {
  return serviceCalendar(await referenceData(db), p);
}

/** One service's calendar at one site, from reference data already loaded. */
export function serviceCalendar(
  data: ReferenceData,
  p: { schoolYearId: number; service: ServiceKind; siteId: number | null },
): ServiceCalendar {
  const key = { service: p.service, siteId: p.siteId };
  return serviceCalendars(data, { schoolYearId: p.schoolYearId, keys: [key] }).get(calendarKey(p.service, p.siteId))!;
}

/**
 * The calendars of several services and sites of one school year (Mon espace, the child's page), keyed by
 * `calendarKey(service, siteId)`.
 */
export async function loadServiceCalendars(
  db: Queryable,
  p: { schoolYearId: number; keys: readonly { service: ServiceKind; siteId: number | null }[] },
): Promise<Map<string, ServiceCalendar>> {
  if (p.keys.length === 0) return new Map();
  return serviceCalendars(await referenceData(db), p);
}

function serviceCalendars(
  data: ReferenceData,
  p: { schoolYearId: number; keys: readonly { service: ServiceKind; siteId: number | null }[] },
): Map<string, ServiceCalendar> {
  const found = new Map<string, ServiceCalendar>();
  const year = data.schoolYears.find((y) => y.id === p.schoolYearId);
  const base = data.yearCalendars.get(p.schoolYearId);
  if (!year || !base) throw new UserError('school_year_not_found');
  const lastDay = schoolYearLastDay(base);
  const closed = data.closures.filter((c) => c.date >= year.yearStart && c.date <= lastDay);
  for (const { service, siteId } of p.keys) {
    const setting = data.serviceSettings.find((s) => s.service === service);
    const dates = closed
      .filter((c) => (c.siteId === null || c.siteId === siteId) && (c.service === null || c.service === service))
      .map((c) => c.date);
    found.set(calendarKey(service, siteId), {
      schoolYear: { id: year.id, label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd, lastDay },
      cal: { ...base, closures: [...new Set(dates)].sort() },
      deadlineDays: setting?.deadlineDays ?? DEFAULT_DEADLINE_DAYS,
      weekdays: setting ? [...setting.openWeekdays] : [...DEFAULT_WEEKDAYS[service]],
      openings: openingWindows(data.openings, service, { ...year, lastDay }),
    });
  }
  return found;
}

export function calendarKey(service: ServiceKind, siteId: number | null): string {
  return `${service}:${siteId ?? 'all'}`;
}
