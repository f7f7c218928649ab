// The calendar of one service for one school year and site, as lib/planning needs it: stored holidays,
// computed public holidays, closures of that site (or all sites) and service (or all services), deadline, and the
// hours at which the bookings of its periods open.
import { and, eq, getTableColumns, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { closures, holidayPeriods, schoolYears, serviceSettings } from '@/db/schema';
import {
  buildSchoolCalendar,
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
    .map(({ start, end, sentence }) => ({ start, end, sentence }));
  return { weekdays: c.weekdays, notYetOpen };
}

interface OpeningRow {
  service: ServiceKind;
  opensAt: number; // epoch milliseconds
  holidayStart: IsoDate | null;
  holidayEnd: IsoDate | null;
  holidayLabel: string | null;
}

/**
 * The openings of some services of the year, as one more column of the school year's row: the calendar costs no
 * extra statement (the pages that show it, and « Valider », keep a constant count).
 */
function openingsColumn(services: readonly ServiceKind[]) {
  // written with aliases: drizzle leaves the columns of a one-table select unqualified, which the subquery would mix up
  return sql<OpeningRow[] | string>`coalesce((
    select json_agg(json_build_object(
      'service', o.service,
      'opensAt', extract(epoch from o.opens_at) * 1000,
      'holidayStart', h.start,
      'holidayEnd', h."end",
      'holidayLabel', h.label))
    from booking_openings o left join holiday_periods h on h.id = o.holiday_period_id
    where o.school_year_id = school_years.id and o.service in (${sql.join(
      services.map((s) => sql`${s}`),
      sql`, `,
    )})
  ), '[]'::json)`;
}

function yearWithOpenings(services: readonly ServiceKind[]) {
  return { ...getTableColumns(schoolYears), openings: openingsColumn(services) };
}

function openingWindows(
  raw: OpeningRow[] | string,
  service: ServiceKind,
  year: { label: string; yearStart: IsoDate; lastDay: IsoDate },
): BookingOpeningWindow[] {
  const found = typeof raw === 'string' ? (JSON.parse(raw) as OpeningRow[]) : raw;
  return found
    .filter((o) => o.service === service)
    .map((o) => {
      const opensAt = new Date(Number(o.opensAt));
      const opens = parisDateTime(opensAt);
      return o.holidayStart !== null && o.holidayEnd !== null
        ? {
            start: o.holidayStart,
            end: o.holidayEnd,
            opensAt,
            sentence: openingSentence({ holiday: o.holidayLabel ?? '' }, opens),
          }
        : {
            start: year.yearStart,
            end: year.lastDay,
            opensAt,
            sentence: openingSentence({ schoolYear: year.label }, opens),
          };
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Three queries, whatever the number of dates. */
export async function loadServiceCalendar(
  db: Queryable,
  p: { schoolYearId: number; service: ServiceKind; siteId: number | null },
): Promise<ServiceCalendar> {
  const [year] = await db
    .select(yearWithOpenings([p.service]))
    .from(schoolYears)
    .where(eq(schoolYears.id, p.schoolYearId));
  if (!year) throw new UserError('school_year_not_found');
  const [holidays, settings] = await Promise.all([
    db
      .select({ start: holidayPeriods.start, end: holidayPeriods.end, label: holidayPeriods.label })
      .from(holidayPeriods)
      .where(eq(holidayPeriods.schoolYearId, year.id))
      .orderBy(holidayPeriods.start),
    db.select().from(serviceSettings).where(eq(serviceSettings.service, p.service)),
  ]);
  const base = buildSchoolCalendar({ yearStart: year.yearStart, yearEnd: year.yearEnd, holidays });
  const lastDay = schoolYearLastDay(base);
  const closed = await db
    .select({ date: closures.date })
    .from(closures)
    .where(
      and(
        gte(closures.date, year.yearStart),
        lte(closures.date, lastDay),
        p.siteId === null ? isNull(closures.siteId) : or(isNull(closures.siteId), eq(closures.siteId, p.siteId)),
        or(isNull(closures.service), eq(closures.service, p.service)),
      ),
    );
  const setting = settings[0];
  return {
    schoolYear: { id: year.id, label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd, lastDay },
    cal: { ...base, closures: [...new Set(closed.map((c) => c.date))].sort() },
    deadlineDays: setting?.deadlineDays ?? DEFAULT_DEADLINE_DAYS,
    weekdays: setting?.openWeekdays ?? [...DEFAULT_WEEKDAYS[p.service]],
    openings: openingWindows(year.openings, p.service, { ...year, lastDay }),
  };
}

/**
 * The calendars of several services and sites of one school year (Mon espace, the child's page): four queries
 * whatever the number of services, sites or children, keyed by `calendarKey(service, siteId)`.
 */
export async function loadServiceCalendars(
  db: Queryable,
  p: { schoolYearId: number; keys: readonly { service: ServiceKind; siteId: number }[] },
): Promise<Map<string, ServiceCalendar>> {
  const found = new Map<string, ServiceCalendar>();
  if (p.keys.length === 0) return found;
  const services = [...new Set(p.keys.map((k) => k.service))];
  const [year] = await db
    .select(yearWithOpenings(services))
    .from(schoolYears)
    .where(eq(schoolYears.id, p.schoolYearId));
  if (!year) throw new UserError('school_year_not_found');
  const siteIds = [...new Set(p.keys.map((k) => k.siteId))];
  const [holidays, settings] = await Promise.all([
    db
      .select({ start: holidayPeriods.start, end: holidayPeriods.end, label: holidayPeriods.label })
      .from(holidayPeriods)
      .where(eq(holidayPeriods.schoolYearId, year.id))
      .orderBy(holidayPeriods.start),
    db.select().from(serviceSettings).where(inArray(serviceSettings.service, services)),
  ]);
  const base = buildSchoolCalendar({ yearStart: year.yearStart, yearEnd: year.yearEnd, holidays });
  const lastDay = schoolYearLastDay(base);
  const closed = await db
    .select({ date: closures.date, siteId: closures.siteId, service: closures.service })
    .from(closures)
    .where(
      and(
        gte(closures.date, year.yearStart),
        lte(closures.date, lastDay),
        or(isNull(closures.siteId), inArray(closures.siteId, siteIds)),
        or(isNull(closures.service), inArray(closures.service, services)),
      ),
    );
  for (const { service, siteId } of p.keys) {
    const setting = settings.find((s) => s.service === service);
    const dates = closed
      .filter((c) => (c.siteId === null || c.siteId === siteId) && (c.service === null || c.service === service))
      .map((c) => c.date);
    found.set(calendarKey(service, siteId), {
      schoolYear: { id: year.id, label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd, lastDay },
      cal: { ...base, closures: [...new Set(dates)].sort() },
      deadlineDays: setting?.deadlineDays ?? DEFAULT_DEADLINE_DAYS,
      weekdays: setting?.openWeekdays ?? [...DEFAULT_WEEKDAYS[service]],
      openings: openingWindows(year.openings, service, { ...year, lastDay }),
    });
  }
  return found;
}

export function calendarKey(service: ServiceKind, siteId: number): string {
  return `${service}:${siteId}`;
}
