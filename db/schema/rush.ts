// The registration rush: the waiting room that admits parents at the pace the portal serves them, and the hour at
// which the bookings of a period open (the moment the rush happens).
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { serviceEnum } from './enums';
import { holidayPeriods, schoolYears } from './calendar';

// One visitor's place (lib/waiting-room): the signed cookie « salle_attente » carries the id. Waiting while admittedAt
// is null. Counted here rather than in an instance's memory, so that every instance shares the limit and a crashed
// instance loses no slot: a slot is taken only while lastSeenAt is recent.
export const waitingRoomTickets = pgTable(
  'waiting_room_tickets',
  {
    id: text('id').primaryKey(), // random, url-safe
    // the order of admission, smallest first: the arrival time in epoch seconds, or, for an arrival in the pre-queue
    // of an opening hour, a random draw that places it before every later arrival
    rank: doublePrecision('rank').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('waiting_room_tickets_waiting')
      .on(t.rank)
      .where(sql`${t.admittedAt} is null`),
    index('waiting_room_tickets_admitted')
      .on(t.lastSeenAt)
      .where(sql`${t.admittedAt} is not null`),
  ],
);

// The waiting room's settings: one row (id = 1), set by staff on the dashboard.
export const waitingRoomSettings = pgTable(
  'waiting_room_settings',
  {
    id: integer('id').primaryKey().default(1),
    // how many parents may be active at once; null: no waiting room
    activeLimit: integer('active_limit'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
  },
  (t) => [
    check('waiting_room_settings_single', sql`${t.id} = 1`),
    check('waiting_room_settings_limit', sql`${t.activeLimit} is null or ${t.activeLimit} > 0`),
  ],
);

// The hour at which parents may start booking a period of a service: a holiday period (holidayPeriodId), or the
// school days of a school year (holidayPeriodId null). Before it, the period's days are greyed (« Réservations pour
// les vacances d'été ouvertes le mardi 4 mai à 8 h ») and the validation refuses them.
export const bookingOpenings = pgTable(
  'booking_openings',
  {
    id: serial('id').primaryKey(),
    service: serviceEnum('service').notNull(),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id, { onDelete: 'cascade' }),
    holidayPeriodId: integer('holiday_period_id').references(() => holidayPeriods.id, { onDelete: 'cascade' }),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('booking_openings_period').on(t.service, t.schoolYearId, sql`coalesce(${t.holidayPeriodId}, 0)`),
    index('booking_openings_opens_at').on(t.opensAt),
  ],
);
