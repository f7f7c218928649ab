// School years, holiday periods, closures and per-service settings. Public holidays are computed (lib/planning).
import { bigint, date, index, integer, pgTable, serial, text, uuid } from 'drizzle-orm/pg-core';
import { serviceEnum } from './enums';
import { sites } from './structures';

export const schoolYears = pgTable('school_years', {
  id: serial('id').primaryKey(),
  label: text('label').notNull().unique(), // "2026-2027"
  yearStart: date('year_start', { mode: 'string' }).notNull(), // rentrée
  yearEnd: date('year_end', { mode: 'string' }).notNull(), // first day of the summer holidays
});

export const holidayPeriods = pgTable(
  'holiday_periods',
  {
    id: serial('id').primaryKey(),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    start: date('start', { mode: 'string' }).notNull(), // inclusive: the days without school
    end: date('end', { mode: 'string' }).notNull(),
  },
  (t) => [index('holiday_periods_year').on(t.schoolYearId)],
);

// A closed day: one site, or every site when siteId is null; one service, or all when service is null.
export const closures = pgTable(
  'closures',
  {
    id: serial('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    siteId: integer('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    service: serviceEnum('service'),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('closures_date').on(t.date)],
);

export const serviceSettings = pgTable('service_settings', {
  service: serviceEnum('service').primaryKey(),
  deadlineDays: integer('deadline_days').notNull().default(15),
  openWeekdays: integer('open_weekdays').array().notNull(), // ISO weekdays, 1 = Monday
});

// The version of the reference data every page reads (school years, holiday periods, closures, service settings,
// sites, booking openings): lib/calendar/reference-cache.ts keeps them in each instance's memory and reloads them
// when this number moves. Triggers on those tables (migration 0006) bump it in the same transaction as any write,
// whoever writes, so no staff action can forget it and every instance sharing the database sees the change.
export const referenceVersions = pgTable('reference_versions', {
  name: text('name').primaryKey(), // 'calendar'
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  // drawn once per database: an instance's memory keys the data by database and version (a test process opens many)
  databaseId: uuid('database_id').notNull().defaultRandom(),
});
