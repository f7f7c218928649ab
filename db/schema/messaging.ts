// E-mail outbox (written in the same transaction as the change), local mailbox, audit log.
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { outboxStatusEnum, roleEnum } from './enums';

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    to: text('to').notNull(),
    template: text('template').notNull(), // which React Email template renders it
    payload: jsonb('payload').notNull(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    requestId: integer('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_status_next').on(t.status, t.nextAttemptAt)],
);

// One row per reminder run (lib/reminders): the unique (kind, period) is the claim. The instance whose INSERT … ON
// CONFLICT DO NOTHING inserts it queues that period's reminders in the same transaction; any other instance, or a
// later tick, inserts nothing and stops. Each e-mail's outbox key (reminder:<kind>:<period>:<account>) is unique too.
export const reminderRuns = pgTable(
  'reminder_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<'weekly' | 'eve'>().notNull(),
    // the Monday of the week ('weekly') or the day of sending ('eve'), in Paris
    period: date('period', { mode: 'string' }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    emails: integer('emails').notNull().default(0),
  },
  (t) => [uniqueIndex('reminder_runs_kind_period').on(t.kind, t.period)],
);

// Where e-mails go when no RESEND_API_KEY is set: readable by staff in /admin and by tests.
export const mailbox = pgTable(
  'mailbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: integer('outbox_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mailbox_to').on(t.to)],
);

/** Every action the audit log records; the Journal shows each with its French label (messages: journal.actions). */
export const AUDIT_ACTIONS = [
  'account.activate',
  'account.confirm_email',
  'absence.certificate',
  'absence.declare',
  'absence.decide',
  'account.create',
  'account.disable',
  'account.enable',
  'account.invite',
  'account.password_reset',
  'account.password_reset_request',
  // « Heures par unité » of the CAF report (« Rapport CAF »)
  'attendance_hours.update',
  // an animateur's sites changed by an administrator
  'account.sites',
  'booking_opening.delete',
  'booking_opening.set',
  'child.create',
  'closure.create',
  'closure.delete',
  'email.retry',
  'enrolment.create',
  'family.close',
  'family.closure_request',
  'family.create',
  'family.export',
  'family.refuse',
  'family.sector',
  'family.signup',
  'family.validate',
  'holiday_period.create',
  'holiday_period.delete',
  'holiday_period.update',
  'parent.create',
  'parent.link_account',
  'reservations.replace',
  'reservations.cancel_closure',
  'reservations.cancel_calendar',
  'school_year.create',
  'school_year.update',
  'sector.create',
  'sector.delete',
  'sector.update',
  'service_settings.deadline',
  'service_settings.weekdays',
  'site.create',
  'site.delete',
  'site.update',
  'site_capacity.update',
  'waiting_list.leave',
  'waiting_list.promote',
  'waiting_list.remove',
  'waiting_room.limit',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about (messages: journal.entities). */
export const AUDIT_ENTITIES = [
  'account',
  'attendance_hours',
  'booking_opening',
  'child',
  'closure',
  'email_outbox',
  'enrolment',
  'family',
  'holiday_period',
  'parent',
  'request',
  'school_year',
  'sector',
  'service_settings',
  'site',
  'waiting_entry',
  'waiting_room_settings',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => accounts.id, { onDelete: 'set null' }),
    actorRole: roleEnum('actor_role'),
    action: text('action').$type<AuditAction>().notNull(),
    entity: text('entity').$type<AuditEntity>().notNull(),
    entityId: text('entity_id'),
    familyId: integer('family_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_family').on(t.familyId)],
);
