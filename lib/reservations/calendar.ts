// The calendar of one service for one school year and site, as lib/planning needs it: stored holidays,
// computed public holidays, closures of that site (or all sites) and service (or all services), deadline.
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { closures, holidayPeriods, schoolYears, serviceSettings } from '@/db/schema';
import {
  buildSchoolCalendar,
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_WEEKDAYS,
  schoolYearLastDay,
  type IsoDate,
  type SchoolCalendar,
  type ServiceKind,
} from '@/lib/planning';
import { UserError } from '@/lib/errors';

export interface ServiceCalendar {
  schoolYear: { id: number; label: string; yearStart: IsoDate; yearEnd: IsoDate; lastDay: IsoDate };
  cal: SchoolCalendar;
  deadlineDays: number;
  weekdays: number[];
}

/** Three queries, whatever the number of dates. */
export async function loadServiceCalendar(
  db: Queryable,
  p: { schoolYearId: number; service: ServiceKind; siteId: number | null },
): Promise<ServiceCalendar> {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, p.schoolYearId));
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
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, p.schoolYearId));
  if (!year) throw new UserError('school_year_not_found');
  const services = [...new Set(p.keys.map((k) => k.service))];
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
    });
  }
  return found;
}

export function calendarKey(service: ServiceKind, siteId: number): string {
  return `${service}:${siteId}`;
}
