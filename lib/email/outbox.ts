// The e-mail outbox: a use-case queues a message in its own transaction, so the e-mail exists if and only
// if the change was committed; the dispatcher (dispatcher.ts) renders and sends it afterwards.
import { emailOutbox } from '@/db/schema';
import type { z } from 'zod';
import type { Queryable } from '@/db/client';
import { EMAIL_TEMPLATES, isEmailTemplate, type EmailPayloads, type EmailTemplate } from '@/emails';

export type { EmailPayloads, EmailTemplate } from '@/emails';

export interface EnqueueEmail<T extends EmailTemplate = EmailTemplate> {
  /** the same key twice queues one e-mail: a démarche submitted twice sends one acknowledgment */
  idempotencyKey: string;
  to: string;
  template: T;
  payload: EmailPayloads[T];
  requestId?: number | null;
}

/**
 * The subject of a queued e-mail without rendering it (the back office lists many), or null when the stored
 * payload lacks what the subject needs. Only the template's `subjectFields` are checked, so a page lists the outbox
 * cheaply, and a sent account-link e-mail (its nonce removed) still has its subject.
 */
export function emailSubject(template: string, payload: unknown): string | null {
  if (!isEmailTemplate(template)) return null;
  const fields = typeof payload === 'object' && payload !== null ? payload : {};
  // the registry checks each template's subject against its subjectFields; here any template will do
  const t = EMAIL_TEMPLATES[template] as { subject: (fields: unknown) => string; subjectFields?: z.ZodType };
  if (!t.subjectFields) return t.subject(fields);
  const parsed = t.subjectFields.safeParse(fields);
  return parsed.success ? t.subject(parsed.data) : null;
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

/** Many e-mails in the caller's transaction: one INSERT per thousand, whatever their number (a reminder run). */
export async function enqueueEmails<T extends EmailTemplate>(db: Queryable, list: EnqueueEmail<T>[]): Promise<void> {
  for (let i = 0; i < list.length; i += 1000) {
    await db
      .insert(emailOutbox)
      .values(
        list.slice(i, i + 1000).map((e) => ({
          idempotencyKey: e.idempotencyKey,
          to: e.to,
          template: e.template,
          payload: e.payload,
          requestId: e.requestId ?? null,
        })),
      )
      .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
  }
}
