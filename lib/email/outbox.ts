// The e-mail outbox: a use-case queues a message in its own transaction, so the e-mail exists if and only
// if the change was committed; the dispatcher (dispatcher.ts) renders and sends it afterwards.
import { emailOutbox } from '@/db/schema';
import type { Queryable } from '@/db/client';
import { closureCancellationSubject, type ClosureCancellationPayload } from '@/lib/admin/calendar-closure-email';
import {
  invitationSubject,
  passwordResetSubject,
  type InvitationPayload,
  type PasswordResetPayload,
} from '@/lib/accounts/emails';

export type EmailTemplate = 'request-acknowledgment' | 'closure-cancellation' | 'invitation' | 'password-reset';

/** The accusé de réception of a submitted démarche (réservation or inscription). */
export interface RequestAcknowledgmentPayload {
  reference: string;
  kind: 'reservation' | 'inscription';
  parentName: string;
  childName: string;
  serviceLabel: string;
  siteName: string;
  /** ISO date-time */
  submittedAt: string;
  /** per date: unit labels added and removed, e.g. 'Matin' */
  changes: { date: string /* YYYY-MM-DD */; added: string[]; removed: string[] }[];
  /** absolute URL of the child's page */
  link: string;
  /** the agent's name when booked at the Guichet famille */
  onBehalfOf?: string | null;
}

/** What each template needs; a new template adds a line here and a case in render.ts. */
export interface EmailPayloads {
  'request-acknowledgment': RequestAcknowledgmentPayload;
  'closure-cancellation': ClosureCancellationPayload;
  invitation: InvitationPayload;
  'password-reset': PasswordResetPayload;
}

export interface EnqueueEmail<T extends EmailTemplate = EmailTemplate> {
  /** the same key twice queues one e-mail: a démarche submitted twice sends one acknowledgment */
  idempotencyKey: string;
  to: string;
  template: T;
  payload: EmailPayloads[T];
  requestId?: number | null;
}

/** 'Accusé de réception de votre demande DEM-2027-000042' */
export function requestAcknowledgmentSubject(p: Pick<RequestAcknowledgmentPayload, 'reference'>): string {
  return `Accusé de réception de votre demande ${p.reference}`;
}

/**
 * The subject of a queued e-mail without rendering it (the back office lists many), or null when the stored
 * payload lacks what the subject needs. Kept here, away from React Email, so a page can list the outbox cheaply.
 */
export function emailSubject(template: string, payload: unknown): string | null {
  const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  switch (template) {
    case 'request-acknowledgment':
      return typeof fields.reference === 'string' && fields.reference
        ? requestAcknowledgmentSubject({ reference: fields.reference })
        : null;
    case 'closure-cancellation':
      return typeof fields.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fields.date)
        ? closureCancellationSubject({
            date: fields.date,
            ...(typeof fields.until === 'string' ? { until: fields.until } : {}),
          })
        : null;
    case 'invitation':
      return invitationSubject();
    case 'password-reset':
      return passwordResetSubject();
    default:
      return null;
  }
}

/** One INSERT, meant to run inside the caller's transaction (`db` may be a `tx`). */
export async function enqueueEmail<T extends EmailTemplate>(db: Queryable, e: EnqueueEmail<T>): Promise<void> {
  await db
    .insert(emailOutbox)
    .values({
      idempotencyKey: e.idempotencyKey,
      to: e.to,
      template: e.template,
      payload: e.payload,
      requestId: e.requestId ?? null,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}
