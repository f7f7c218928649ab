// Enrolments (inscriptions), reservations and requests (démarches).
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import {
  absenceReasonEnum,
  absenceStatusEnum,
  requestStatusEnum,
  requestTypeEnum,
  serviceEnum,
  unitEnum,
  waitingStatusEnum,
} from './enums';
import { children, families } from './families';
import { schoolYears } from './calendar';
import { sites } from './structures';
import { documents } from './documents';

export const enrolments = pgTable(
  'enrolments',
  {
    id: serial('id').primaryKey(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    service: serviceEnum('service').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    // bumped by every change of the child's planning for this service: a stale draft is detected (no lost update)
    planningVersion: integer('planning_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enrolments_child_service_year').on(t.childId, t.service, t.schoolYearId)],
);

export const reservations = pgTable(
  'reservations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    service: serviceEnum('service').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    date: date('date', { mode: 'string' }).notNull(),
    unit: unitEnum('unit').notNull(),
    requestId: integer('request_id'),
    // « Signaler une absence »: the absence request that marked this unit « Absence signalée » (null: none). The row
    // stays (the family's record, the billing to come); `absence_released` says whether its place was given back.
    absenceRequestId: integer('absence_request_id'),
    // the day was not yet past when the absence was declared: the unit leaves capacity (bookedCounts), the kitchen
    // orders and the children expected; a day already past stays counted (its meal was ordered)
    absenceReleased: boolean('absence_released').notNull().default(false),
    // recorded for the billing to come: a justified absence is not billable, an unjustified one is
    billable: boolean('billable').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reservations_child_service_date_unit').on(t.childId, t.service, t.date, t.unit),
    // counts per site and date (occupancy, attendance lists, kitchen orders)
    index('reservations_site_date_unit').on(t.siteId, t.date, t.unit),
    index('reservations_date_service').on(t.date, t.service),
    // the back office's reports over a range of dates (dashboard occupancy, kitchen orders): an index-only scan,
    // whatever the order the rows were written in; partial: a unit whose absence gave its place back is not booked
    // (bookedCounts, the kitchen orders), so the counts stay index-only scans
    index('reservations_date_site_service_unit')
      .on(t.date, t.siteId, t.service, t.unit)
      .where(sql`not ${t.absenceReleased}`),
    // « Absence à traiter »: the units of one absence (the decision sets their billable flag)
    index('reservations_absence')
      .on(t.absenceRequestId)
      .where(sql`${t.absenceRequestId} is not null`),
  ],
);

// Human reference of a submitted request: DEM-<year>-<000042>.
export const requestReferenceSeq = pgSequence('request_reference_seq', { startWith: 1 });

export const requests = pgTable(
  'requests',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').unique(), // set when submitted
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    service: serviceEnum('service').notNull(),
    schoolYearId: integer('school_year_id').references(() => schoolYears.id),
    type: requestTypeEnum('type').notNull(),
    status: requestStatusEnum('status').notNull().default('draft'),
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`), // the draft: desired planning, template, view
    diff: jsonb('diff'), // { added, removed } once submitted
    baseVersion: integer('base_version'), // enrolment planning version the draft was built on
    createdBy: integer('created_by').references(() => accounts.id),
    onBehalf: boolean('on_behalf').notNull().default(false), // booked by an agent at the desk
    reason: text('reason'),
    // siblings in one démarche: every request of the group holds the id of the one whose pages lead (itself included);
    // null for a démarche of one child
    groupId: integer('group_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('requests_family_created').on(t.familyId, t.createdAt),
    index('requests_status_expires').on(t.status, t.expiresAt),
    // one open draft per child, service and démarche for the family, and one per agent at the desk: « Commencer »
    // clicked twice at once resumes the same draft (lib/requests/drafts.ts inserts with ON CONFLICT DO NOTHING)
    uniqueIndex('requests_one_family_draft')
      .on(t.childId, t.service, t.type)
      .where(sql`${t.status} = 'draft' and not ${t.onBehalf}`),
    uniqueIndex('requests_one_agent_draft')
      .on(t.childId, t.service, t.type, t.createdBy)
      .where(sql`${t.status} = 'draft' and ${t.onBehalf}`),
  ],
);

// « Signaler une absence »: what an absence request (requests.type = 'absence') asked and what the Guichet famille
// decided. The request's diff keeps the days and units marked; this row holds what changes after the submission
// (the certificate added later, the decision).
export const absences = pgTable(
  'absences',
  {
    requestId: integer('request_id')
      .primaryKey()
      .references(() => requests.id, { onDelete: 'cascade' }),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    reason: absenceReasonEnum('reason').notNull(),
    // « Autre motif »: the parent's text
    details: text('details'),
    // the medical certificate (or any proof), null until given
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
    // a certificate may still be added until then (48 hours after the declaration)
    certificateDueAt: timestamp('certificate_due_at', { withTimezone: true }).notNull(),
    status: absenceStatusEnum('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('absences_status_created').on(t.status, t.createdAt), index('absences_family').on(t.familyId)],
);

// « Liste d'attente »: a child waiting for a day of a service at a site that was « Complet ». An entry is the set of
// units asked for that day (« Matin + Repas classique »), booked together when they all fit. Its place in line is its
// validation time (queued_at, then id). A promotion is a request of type 'promotion' (its reference, Mes demandes).
export const waitingEntries = pgTable(
  'waiting_entries',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    service: serviceEnum('service').notNull(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    date: date('date', { mode: 'string' }).notNull(),
    units: unitEnum('units').array().notNull(),
    // the reservation request whose « Valider » put the child on the list
    requestId: integer('request_id').references(() => requests.id, { onDelete: 'set null' }),
    status: waitingStatusEnum('status').notNull().default('waiting'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    // the promotion: its request (reference, Mes demandes), when, and until when the family may cancel that day
    // without the deadline (48 hours)
    promotionRequestId: integer('promotion_request_id').references(() => requests.id, { onDelete: 'set null' }),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    // left, removed (with the agent's reason) or expired
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => accounts.id),
    closedReason: text('closed_reason'),
  },
  (t) => [
    // one live entry per child, service and day
    uniqueIndex('waiting_entries_one_per_day')
      .on(t.childId, t.service, t.date)
      .where(sql`${t.status} = 'waiting'`),
    // the line of a day at a site, in order
    index('waiting_entries_line')
      .on(t.siteId, t.service, t.date, t.queuedAt, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index('waiting_entries_family').on(t.familyId),
  ],
);

export type ServiceKindDb = (typeof serviceEnum.enumValues)[number];
