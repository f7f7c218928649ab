// The reference data nearly every page reads (school years, holiday periods, closures, service settings, sites),
// kept in each instance's memory between requests instead of four or five queries per page. Several instances share
// one database, so a local invalidation would not do: the number in reference_versions ('calendar') is read with
// one primary-key query per load, and the data reloaded when it has moved. Triggers on the tables (migration 0006)
// bump it in the same transaction as any write — a staff action, the seed, psql — so a writer cannot forget it, and
// a change is seen by the next request of every instance once committed. A TTL would have served stale calendars
// for its whole length, and an instance would have refused a day another had just opened.
//
// To add a table: its trigger in a migration, a field of ReferenceData, its query in loadReferenceData (as the
// booking openings joined); REFERENCE_TABLES lists the tables whose triggers tests/integration/reference-cache.test.ts
// checks.
import { asc, eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import type { Queryable } from '@/db/client';
import {
  bookingOpenings,
  closures,
  holidayPeriods,
  referenceVersions,
  schoolYears,
  serviceSettings,
  sites,
} from '@/db/schema';
import { sharedReadsPerDatabase } from '@/lib/shared-reads';
import { buildSchoolCalendar, type IsoDate, type SchoolCalendar, type ServiceKind } from '@/lib/planning';

/** The tables whose writes move the version (each has a statement trigger calling bump_calendar_version()). */
export const REFERENCE_TABLES = [
  'school_years',
  'holiday_periods',
  'closures',
  'service_settings',
  'sites',
  'booking_openings',
] as const;

export interface ReferenceData {
  version: number;
  /** by rentrée */
  schoolYears: { id: number; label: string; yearStart: IsoDate; yearEnd: IsoDate }[];
  /** by start */
  holidays: { schoolYearId: number; start: IsoDate; end: IsoDate; label: string }[];
  closures: { date: IsoDate; siteId: number | null; service: ServiceKind | null }[];
  serviceSettings: { service: ServiceKind; deadlineDays: number; openWeekdays: number[] }[];
  /** the hours at which parents may start booking a period (a holiday period, or the school year when null) */
  openings: {
    service: ServiceKind;
    schoolYearId: number;
    opensAt: Date;
    holidayStart: IsoDate | null;
    holidayEnd: IsoDate | null;
    holidayLabel: string | null;
  }[];
  /** leisure centres first, then schools, by name (the back office's filters and headings) */
  sites: { id: number; kind: 'centre' | 'ecole'; name: string }[];
  /** each school year's calendar without closures (public holidays computed once per version) */
  yearCalendars: Map<number, SchoolCalendar>;
}

/**
 * Per database (by the id drawn at its migration: a test process opens many), the data of the last version seen,
 * loaded once however many requests ask at the same time.
 */
const loaded = new Map<string, { version: number; data: Promise<ReferenceData> }>();

async function currentVersion(db: Queryable): Promise<{ databaseId: string; version: number }> {
  const [row] = await db
    .select({ databaseId: referenceVersions.databaseId, version: referenceVersions.version })
    .from(referenceVersions)
    .where(eq(referenceVersions.name, 'calendar'));
  if (!row) throw new Error('reference_versions has no calendar row: the migrations were not applied');
  return { databaseId: row.databaseId, version: Number(row.version) };
}

/**
 * The version read outside a transaction, shared by the requests that ask while another read is in flight (each gets
 * a read sent after it asked: lib/shared-reads.ts). Under the rush this was a sixth of a démarche's statements.
 */
const sharedVersion = sharedReadsPerDatabase((db: Queryable) =>
  currentVersion(db).then((v) => new Map([['calendar' as const, v]])),
);

/**
 * The version as one server render reads it: once per render (React's request scope), however many of its loaders ask
 * (a page asked up to four times). A render writes no reference row, so it cannot miss its own change; a request
 * after a commit renders anew and reads again. Outside a render (a server action, a script) `cache` keeps nothing,
 * and the read is shared only with the calls of other requests in flight.
 */
const renderVersion = cache(async (db: Queryable) => (await sharedVersion(db).get('calendar'))!);

async function loadReferenceData(db: Queryable, version: number): Promise<ReferenceData> {
  // Read after the version: a write committed in between is in the data under the older number, and the next
  // request, reading the newer number, loads again. Never older data under a newer number.
  const [years, holidays, closed, settings, siteRows, openings] = await Promise.all([
    db
      .select({
        id: schoolYears.id,
        label: schoolYears.label,
        yearStart: schoolYears.yearStart,
        yearEnd: schoolYears.yearEnd,
      })
      .from(schoolYears)
      .orderBy(asc(schoolYears.yearStart)),
    db
      .select({
        schoolYearId: holidayPeriods.schoolYearId,
        start: holidayPeriods.start,
        end: holidayPeriods.end,
        label: holidayPeriods.label,
      })
      .from(holidayPeriods)
      .orderBy(asc(holidayPeriods.start)),
    db.select({ date: closures.date, siteId: closures.siteId, service: closures.service }).from(closures),
    db.select().from(serviceSettings),
    db
      .select({ id: sites.id, kind: sites.kind, name: sites.name })
      .from(sites)
      .orderBy(asc(sites.kind), asc(sites.name), asc(sites.id)),
    db
      .select({
        service: bookingOpenings.service,
        schoolYearId: bookingOpenings.schoolYearId,
        opensAt: bookingOpenings.opensAt,
        holidayStart: holidayPeriods.start,
        holidayEnd: holidayPeriods.end,
        holidayLabel: holidayPeriods.label,
      })
      .from(bookingOpenings)
      .leftJoin(holidayPeriods, eq(holidayPeriods.id, bookingOpenings.holidayPeriodId)),
  ]);
  const yearCalendars = new Map(
    years.map((y) => [
      y.id,
      buildSchoolCalendar({
        yearStart: y.yearStart,
        yearEnd: y.yearEnd,
        holidays: holidays.filter((h) => h.schoolYearId === y.id),
      }),
    ]),
  );
  return {
    version,
    schoolYears: years,
    holidays,
    closures: closed,
    serviceSettings: settings,
    sites: siteRows,
    openings,
    yearCalendars,
  };
}

/**
 * The reference data as committed now: one query when nothing changed since this instance last loaded it.
 * Inside a transaction, a version this instance holds is served from memory too (a transaction that wrote reference
 * rows holds the version row's lock, so no committed state can carry the number it sees), and any other is read
 * through the transaction and not kept: it may hold that transaction's own uncommitted writes.
 */
export async function referenceData(db: Queryable): Promise<ReferenceData> {
  const { databaseId, version } = await (db instanceof PgTransaction ? currentVersion(db) : renderVersion(db));
  const entry = loaded.get(databaseId);
  if (entry && entry.version === version) return entry.data;
  if (db instanceof PgTransaction) return loadReferenceData(db, version);
  const data = loadReferenceData(db, version);
  loaded.set(databaseId, { version, data });
  // a failed load is not kept: the next request tries again
  data.catch(() => {
    if (loaded.get(databaseId)?.data === data) loaded.delete(databaseId);
  });
  return data;
}
