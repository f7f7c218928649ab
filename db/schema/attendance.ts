// « Pointage »: the animateurs' sites, the attendance marks they tap on a phone (offline first), every tap as it was
// received (the trail), and the hours a unit counts for the CAF's « heures enfants ».
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { attendanceSlotEnum, attendanceStatusEnum, serviceEnum } from './enums';
import { children } from './families';
import { sites } from './structures';

// An animateur belongs to one or more sites: « Pointage » lists only theirs (staff and admins have every site).
export const accountSites = pgTable(
  'account_sites',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.siteId] }), index('account_sites_site').on(t.siteId)],
);

// The state of one child at one site, day and slot: the last tap (by the time it was tapped on the phone) wins.
// `booked` false: « présent non réservé », a child who came without a reservation.
export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    service: serviceEnum('service').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    slot: attendanceSlotEnum('slot').notNull(),
    status: attendanceStatusEnum('status').notNull(),
    // whether the child had a reservation for this slot when the mark was written
    booked: boolean('booked').notNull(),
    // the tap that set this state: its time on the phone (clamped to the server's clock) and who tapped it
    tappedAt: timestamp('tapped_at', { withTimezone: true }).notNull(),
    markedBy: integer('marked_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('attendance_marks_child_day_slot').on(t.childId, t.service, t.date, t.slot),
    // a day's check-in list and the reports over a period (per site, then date)
    index('attendance_marks_site_date').on(t.siteId, t.date, t.slot),
    index('attendance_marks_date').on(t.date),
    // « Bilans de présence » (0014): the few absent marks and unbooked presents of a period, without reading the
    // present ones; the CAF report's present marks of a month read from the index alone (child, slot, service, site)
    index('attendance_marks_absent')
      .on(t.date, t.siteId)
      .where(sql`${t.status} = 'absent'`),
    index('attendance_marks_unbooked')
      .on(t.date, t.siteId)
      .where(sql`${t.status} = 'present' and not ${t.booked}`),
    index('attendance_marks_present')
      .on(t.date, t.siteId, t.service, t.slot, t.childId)
      .where(sql`${t.status} = 'present'`),
  ],
);

// The present marks counted per month, site, service, slot and child: what « Rapport CAF » reads (a town's month is
// about 160,000 marks, 25,000 counts). Derived data, kept by statement triggers on attendance_marks (migration 0015),
// in the writer's own transaction, whoever writes: « Pointage », a child's deletion, a bulk load. No foreign key: a
// child's deletion removes their marks, whose trigger removes their counts.
export const attendancePresentMonths = pgTable(
  'attendance_present_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    siteId: integer('site_id').notNull(),
    service: serviceEnum('service').notNull(),
    slot: attendanceSlotEnum('slot').notNull(),
    childId: integer('child_id').notNull(),
    present: integer('present').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.siteId, t.service, t.slot, t.childId] }),
    check('attendance_present_months_positive', sql`${t.present} > 0`),
  ],
);

// Every tap received, once: the phone's idempotency key makes a tap sent twice count once. The trail keeps every tap,
// the ones a later tap overrode included.
export const attendanceTaps = pgTable(
  'attendance_taps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: uuid('idempotency_key').notNull(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    service: serviceEnum('service').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    slot: attendanceSlotEnum('slot').notNull(),
    status: attendanceStatusEnum('status').notNull(),
    tappedAt: timestamp('tapped_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('attendance_taps_idempotency').on(t.idempotencyKey),
    index('attendance_taps_child_day').on(t.childId, t.date),
  ],
);

// The hours a slot counts in the CAF report (« heures enfants »), set by staff; defaults matin 4 h, après-midi 4 h,
// repas 2 h (the migration inserts them).
export const attendanceHours = pgTable(
  'attendance_hours',
  {
    slot: attendanceSlotEnum('slot').primaryKey(),
    hours: numeric('hours', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [check('attendance_hours_range', sql`${t.hours} > 0 and ${t.hours} <= 24`)],
);

export type AttendanceMark = typeof attendanceMarks.$inferSelect;
