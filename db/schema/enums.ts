// Enumerations shared by the whole schema. Values are the domain's identifiers (SPEC), never labels.
import { pgEnum } from 'drizzle-orm/pg-core';

// 'animateur': the staff of a site, who reach « Pointage » for their sites only
export const ROLES = ['parent', 'staff', 'admin', 'animateur'] as const;
export const roleEnum = pgEnum('role', ROLES);
export type Role = (typeof ROLES)[number];
export const serviceEnum = pgEnum('service_kind', ['cantine', 'mercredi', 'vacances']);
export const unitEnum = pgEnum('unit', ['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande']);
export const siteKindEnum = pgEnum('site_kind', ['centre', 'ecole']);
// 'promotion': « Une place s'est libérée », a waiting-list entry booked when a place freed (its own reference)
export const requestTypeEnum = pgEnum('request_type', ['inscription', 'reservation', 'absence', 'promotion']);
// A waiting-list entry (« Liste d'attente »): waiting in line, then promoted (booked), left by the family, removed by an
// agent with a reason, or expired (its date came with no place freed)
export const WAITING_STATUSES = ['waiting', 'promoted', 'left', 'removed', 'expired'] as const;
export const waitingStatusEnum = pgEnum('waiting_status', WAITING_STATUSES);
export type WaitingStatus = (typeof WAITING_STATUSES)[number];
// « Signaler une absence »: the reason given, and the Guichet famille's decision (pending until an agent decides)
export const ABSENCE_REASONS = ['maladie', 'autre'] as const;
export const absenceReasonEnum = pgEnum('absence_reason', ABSENCE_REASONS);
export const ABSENCE_STATUSES = ['pending', 'justified', 'unjustified'] as const;
export const absenceStatusEnum = pgEnum('absence_status', ABSENCE_STATUSES);
export const requestStatusEnum = pgEnum('request_status', ['draft', 'submitted', 'cancelled']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
export const tokenKindEnum = pgEnum('token_kind', ['invitation', 'password_reset', 'email_confirmation']);
// A family's file: 'active' (created at the desk, or validated), or signed up by a parent (« Créer mon espace famille »)
// and 'pending' until an agent validates it, or 'refused' with a reason. Only an active family enrols or books.
export const FAMILY_STATUSES = ['active', 'pending', 'refused'] as const;
export const familyStatusEnum = pgEnum('family_status', FAMILY_STATUSES);
export type FamilyStatus = (typeof FAMILY_STATUSES)[number];
// « Rappels par e-mail » of a parent account (Mon compte): none, every Monday at 8:00, or the day before a deadline
export const REMINDER_CHOICES = ['none', 'weekly', 'eve'] as const;
export const reminderChoiceEnum = pgEnum('reminder_choice', REMINDER_CHOICES);
// The languages of the parents' pages and e-mails (issue 14): French (the default), English, Arabic (right to left)
export const LOCALES = ['fr', 'en', 'ar'] as const;
export const localeEnum = pgEnum('locale', LOCALES);
// « Pointage »: the slots of a day an animateur marks (a leisure centre's Matin, Repas, Après-midi; a school's Repas),
// and a mark's state
export const ATTENDANCE_SLOTS = ['matin', 'repas', 'apres_midi'] as const;
export const attendanceSlotEnum = pgEnum('attendance_slot', ATTENDANCE_SLOTS);
export type AttendanceSlot = (typeof ATTENDANCE_SLOTS)[number];
export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export const attendanceStatusEnum = pgEnum('attendance_status', ATTENDANCE_STATUSES);
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
