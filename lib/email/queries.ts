// Reading the outbox and the local mailbox, newest first: for the back office and the tests.
import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { emailOutbox, mailbox } from '@/db/schema';

export type OutboxStatus = (typeof emailOutbox.status.enumValues)[number];

export interface OutboxEntry {
  id: number;
  idempotencyKey: string;
  to: string;
  template: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  requestId: number | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface MailboxMessage {
  id: number;
  outboxId: number | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  createdAt: Date;
}

const MAX_LIMIT = 500;
const clampLimit = (limit: number) => Math.min(Math.max(1, Math.trunc(limit)), MAX_LIMIT);

export async function listOutbox(db: Queryable, p: { limit: number; status?: OutboxStatus }): Promise<OutboxEntry[]> {
  return db
    .select()
    .from(emailOutbox)
    .where(p.status ? eq(emailOutbox.status, p.status) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(clampLimit(p.limit));
}

/** Messages of the local mailbox, optionally for one recipient (compared without case). */
export async function listMailbox(db: Queryable, p: { limit: number; to?: string }): Promise<MailboxMessage[]> {
  return db
    .select()
    .from(mailbox)
    .where(p.to ? eq(sql`lower(${mailbox.to})`, p.to.trim().toLowerCase()) : undefined)
    .orderBy(desc(mailbox.createdAt), desc(mailbox.id))
    .limit(clampLimit(p.limit));
}

export async function getMailboxMessage(db: Queryable, id: number): Promise<MailboxMessage | null> {
  const [message] = await db.select().from(mailbox).where(eq(mailbox.id, id)).limit(1);
  return message ?? null;
}
