// Delivers one rendered e-mail: through Resend when RESEND_API_KEY is set, else into the local mailbox table
// (read by staff in /admin/emails and by the tests). A failure always throws: the dispatcher records it.
// The mailbox keeps an e-mail's masked version when it has one (an account link): the live link goes to Resend,
// or, for the local demo only, to a file of MAIL_DEV_DIR (dev-mail.ts).
import { Resend } from 'resend';
import type { Queryable } from '@/db/client';
import { mailbox } from '@/db/schema';
import { writeDevMail } from './dev-mail';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** an e-mail with a secret link: the same with the link masked, the only version the mailbox may keep */
  masked?: { html: string; text: string };
  /** the outbox row's key: Resend drops a repeated send with the same key (24 h), so a retry never duplicates */
  idempotencyKey: string;
  outboxId: number;
}

export interface SendResult {
  transport: 'resend' | 'mailbox';
  /** Resend's e-mail id, or the mailbox row id */
  id: string;
}

/** `db` is only written to by the local mailbox; pass the transaction that marks the outbox row sent. */
export type SendEmail = (db: Queryable, message: OutgoingEmail) => Promise<SendResult>;

export const DEFAULT_MAIL_FROM = 'Portail Famille <portail-famille@example.fr>';

/** Which way e-mails leave, read at each call so a test or a restart with a new key takes effect. */
export function emailTransport(): 'resend' | 'mailbox' {
  return process.env.RESEND_API_KEY ? 'resend' : 'mailbox';
}

const clients = new Map<string, Resend>();
function resendClient(key: string): Resend {
  let client = clients.get(key);
  if (!client) {
    client = new Resend(key);
    clients.set(key, client);
  }
  return client;
}

export class EmailTransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = 'EmailTransportError';
  }
}

/**
 * How long one call to Resend may take (RESEND_TIMEOUT_MS, default 15 s). Without a bound, an API that accepts the
 * connection and never answers would hold the dispatcher's tick, and every e-mail behind it, forever; past it the
 * call fails like a lost connection, and the outbox tries again later with the same idempotency key.
 */
function resendTimeoutMs(): number {
  const ms = Number(process.env.RESEND_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 15_000;
}

export const sendEmail: SendEmail = async (db, message) => {
  const key = process.env.RESEND_API_KEY;
  if (key) {
    // Resend answers { data, error } and does not throw on an API error: we do, so the outbox records it.
    const { data, error } = await resendClient(key).emails.send(
      {
        from: process.env.MAIL_FROM || DEFAULT_MAIL_FROM,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
      },
      { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(resendTimeoutMs()) },
    );
    if (error) {
      throw new EmailTransportError(
        `Resend a refusé l'envoi (${error.name}${error.statusCode ? `, HTTP ${error.statusCode}` : ''}) : ${error.message}`,
        error.name,
        error.statusCode,
      );
    }
    return { transport: 'resend', id: data.id };
  }
  const kept = message.masked ?? message;
  const [row] = await db
    .insert(mailbox)
    .values({ outboxId: message.outboxId, to: message.to, subject: message.subject, html: kept.html, text: kept.text })
    .returning({ id: mailbox.id });
  if (message.masked) await writeDevMail(message);
  return { transport: 'mailbox', id: String(row!.id) };
};
