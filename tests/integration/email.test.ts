// The e-mail path on a real database (PGlite by default, PostgreSQL when DATABASE_URL is set): a démarche
// queues its acknowledgment in its own transaction, the dispatcher delivers it once, retries with backoff,
// gives up after five tries, and the Guichet famille can send it again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { children, emailOutbox, families, mailbox, requests } from '@/db/schema';
import { linkToken, newLinkNonce } from '@/lib/email/link-token';
import {
  CLAIM_LEASE_MS,
  dispatchPending,
  MAX_ATTEMPTS,
  purgeExpiredDrafts,
  retryDelayMs,
  retryEmail,
} from '@/lib/email/dispatcher';
import type { RequestAcknowledgmentPayload } from '@/emails';
import { enqueueEmail } from '@/lib/email/outbox';
import { listMailbox, listOutbox } from '@/lib/email/queries';
import type { SendEmail } from '@/lib/email/transport';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Resend is never called for real: when a test sets RESEND_API_KEY, this stands in for the API.
const resendSend = vi.hoisted(() => vi.fn());
vi.mock('resend', () => ({
  Resend: class {
    emails = { send: resendSend };
  },
}));

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.delete(mailbox);
  await database.db.delete(emailOutbox);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.RESEND_API_KEY;
});

function acknowledgment(
  reference: string,
  overrides: Partial<RequestAcknowledgmentPayload> = {},
): RequestAcknowledgmentPayload {
  return {
    reference,
    kind: 'reservation',
    parentName: 'Claire Martin',
    childName: 'Léa Martin',
    serviceLabel: 'Accueil de loisirs du mercredi',
    siteName: 'Centre de loisirs Les Tilleuls',
    submittedAt: '2026-11-29T09:05:00.000Z',
    changes: [
      { date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] },
      { date: '2027-01-20', added: [], removed: ['Après-midi'] },
    ],
    link: 'http://localhost:3000/enfants/1',
    onBehalfOf: null,
    ...overrides,
  };
}

async function queue(n: number, prefix = 'DEM-2027-'): Promise<string[]> {
  const references = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`);
  for (const reference of references) {
    await enqueueEmail(database.db, {
      idempotencyKey: `ack-${reference}`,
      to: 'famille.martin@example.fr',
      template: 'request-acknowledgment',
      payload: acknowledgment(reference),
    });
  }
  return references;
}

async function outboxRow(id: number) {
  const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

/** A moment just after the rows were queued (their next_attempt_at is the database's now()). */
const soon = () => new Date(Date.now() + 1000);
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

describe('queuing an e-mail', () => {
  it('queues one e-mail for one idempotency key, however often the démarche is submitted', async () => {
    const first = acknowledgment('DEM-2027-000001');
    await enqueueEmail(database.db, {
      idempotencyKey: 'request-1-acknowledgment',
      to: 'a@example.fr',
      template: 'request-acknowledgment',
      payload: first,
      requestId: 1,
    });
    await enqueueEmail(database.db, {
      idempotencyKey: 'request-1-acknowledgment',
      to: 'b@example.fr',
      template: 'request-acknowledgment',
      payload: acknowledgment('DEM-2027-000099'),
      requestId: 1,
    });
    const queued = await listOutbox(database.db, { limit: 10 });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      to: 'a@example.fr',
      status: 'pending',
      attempts: 0,
      requestId: 1,
      payload: first,
      template: 'request-acknowledgment',
    });
  });

  it('exists only if the change it belongs to was committed', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(tx, {
          idempotencyKey: 'rolled-back',
          to: 'a@example.fr',
          template: 'request-acknowledgment',
          payload: acknowledgment('DEM-2027-000002'),
        });
        throw new Error('la validation a échoué');
      }),
    ).rejects.toThrow('la validation a échoué');
    expect(await listOutbox(database.db, { limit: 10 })).toEqual([]);
  });
});

describe('the dispatcher, with the local mailbox', () => {
  it('delivers the acknowledgment to the mailbox, with the reference in the subject, and marks it sent', async () => {
    await queue(1);
    const at = soon();
    expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 1, failed: 0 });

    const messages = await listMailbox(database.db, { limit: 10, to: 'Famille.Martin@example.fr' });
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message.subject).toBe('Accusé de réception de votre demande DEM-2027-000001');
    expect(message.to).toBe('famille.martin@example.fr');
    expect(message.html).toContain('Nouvelles réservations');
    expect(message.html).toContain('mercredi 13 janvier 2027');
    expect(message.text).toContain('Votre demande de réservation a bien été traitée automatiquement.');
    expect(message.text).toContain('mercredi 20 janvier 2027 : Après-midi');

    const [row] = await listOutbox(database.db, { limit: 1 });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt?.getTime()).toBe(at.getTime());
    expect(message.outboxId).toBe(row!.id);

    // nothing left to do: a second run sends nothing more
    expect(await dispatchPending(database.db, { now: minutes(at, 60) })).toEqual({ sent: 0, failed: 0 });
    expect(await listMailbox(database.db, { limit: 10 })).toHaveLength(1);
  });

  it('sends nothing before its time', async () => {
    await queue(1);
    expect(await dispatchPending(database.db, { now: new Date(Date.now() - 60 * 60_000) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
  });

  it('delivers each of 20 e-mails exactly once when several dispatchers run at the same time', async () => {
    const references = await queue(20);
    // Each "instance" loops over small batches until it finds nothing; a slow transport keeps them overlapping.
    const slowMailbox: SendEmail = async (db, message) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const { sendEmail } = await import('@/lib/email/transport');
      return sendEmail(db, message);
    };
    const instance = async () => {
      let sent = 0;
      for (;;) {
        const run = await dispatchPending(database.db, { limit: 3, send: slowMailbox });
        expect(run.failed).toBe(0);
        if (run.sent === 0) return sent;
        sent += run.sent;
      }
    };
    const perInstance = await Promise.all([instance(), instance(), instance()]);
    expect(perInstance.reduce((a, b) => a + b, 0)).toBe(20);

    const [counts] = await rows<{ messages: number; distinct_outbox: number }>(
      database.db,
      sql`select count(*)::int as messages, count(distinct outbox_id)::int as distinct_outbox from mailbox`,
    );
    expect(counts).toEqual({ messages: 20, distinct_outbox: 20 });
    const delivered = (await listMailbox(database.db, { limit: 100 })).map((m) => m.subject).sort();
    expect(delivered).toEqual(references.map((r) => `Accusé de réception de votre demande ${r}`));
    const outbox = await listOutbox(database.db, { limit: 100 });
    expect(outbox.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('also delivers each exactly once when two plain dispatchPending calls race over the same 20 rows', async () => {
    await queue(20, 'DEM-2027-1');
    const at = soon();
    const [a, b] = await Promise.all([
      dispatchPending(database.db, { now: at }),
      dispatchPending(database.db, { now: at }),
    ]);
    expect(a.sent + b.sent).toBe(20);
    expect(a.failed + b.failed).toBe(0);
    const [counts] = await rows<{ messages: number; distinct_outbox: number }>(
      database.db,
      sql`select count(*)::int as messages, count(distinct outbox_id)::int as distinct_outbox from mailbox`,
    );
    expect(counts).toEqual({ messages: 20, distinct_outbox: 20 });
  });

  it('leaves a row claimed by an instance that died alone until its lease runs out, then sends it', async () => {
    await queue(1);
    const at = soon();
    // what a claim leaves behind when its instance dies before delivering
    await database.db.update(emailOutbox).set({ attempts: 1, nextAttemptAt: new Date(at.getTime() + CLAIM_LEASE_MS) });
    expect(await dispatchPending(database.db, { now: minutes(at, 5) })).toEqual({ sent: 0, failed: 0 });
    expect(await dispatchPending(database.db, { now: new Date(at.getTime() + CLAIM_LEASE_MS) })).toEqual({
      sent: 1,
      failed: 0,
    });
    const [row] = await listOutbox(database.db, { limit: 1 });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await listMailbox(database.db, { limit: 10 })).toHaveLength(1);
  });
});

describe('a failing transport', () => {
  const broken: SendEmail = async () => {
    throw new Error('Serveur de messagerie injoignable');
  };

  it('counts the attempt, keeps the error, waits 1, 2, 4, 8 minutes, and gives up after five tries', async () => {
    await queue(1);
    const [queued] = await listOutbox(database.db, { limit: 1 });
    let at = soon();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await dispatchPending(database.db, { now: at, send: broken })).toEqual({ sent: 0, failed: 1 });
      const row = await outboxRow(queued!.id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('Serveur de messagerie injoignable');
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        expect(row.nextAttemptAt.getTime()).toBe(at.getTime() + retryDelayMs(attempt));
        expect(retryDelayMs(attempt)).toBe(2 ** (attempt - 1) * 60_000);
        // not before its time…
        expect(
          await dispatchPending(database.db, { now: new Date(row.nextAttemptAt.getTime() - 1000), send: broken }),
        ).toEqual({ sent: 0, failed: 0 });
        at = row.nextAttemptAt; // …and again when it is due
      } else {
        expect(row.status).toBe('failed');
      }
    }
    // failed is final: later runs leave it alone
    expect(await dispatchPending(database.db, { now: minutes(at, 24 * 60), send: broken })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('giving up'),
      expect.objectContaining({ outboxId: queued!.id }),
    );
  });

  it('writes nothing to the mailbox when the mailbox write itself fails half-way', async () => {
    await queue(1);
    const halfWay: SendEmail = async (db, message) => {
      await db.insert(mailbox).values({
        outboxId: message.outboxId,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      throw new Error('panne après écriture');
    };
    expect(await dispatchPending(database.db, { now: soon(), send: halfWay })).toEqual({ sent: 0, failed: 1 });
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
    const [row] = await listOutbox(database.db, { limit: 1 });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'panne après écriture', sentAt: null });
  });

  it('records a payload that cannot be rendered as a failure naming the field', async () => {
    await database.db.insert(emailOutbox).values({
      idempotencyKey: 'bad-payload',
      to: 'a@example.fr',
      template: 'request-acknowledgment',
      payload: { reference: 'DEM-2027-000003' },
    });
    expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 0, failed: 1 });
    const [row] = await listOutbox(database.db, { limit: 1 });
    expect(row!.lastError).toMatch(/request-acknowledgment.*childName/);
  });

  it('"Renvoyer" puts a failed e-mail back in the queue for a fresh round of tries, and it goes out', async () => {
    await queue(1);
    const [queued] = await listOutbox(database.db, { limit: 1 });
    await database.db
      .update(emailOutbox)
      .set({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'Serveur de messagerie injoignable' });

    const at = soon();
    expect(await retryEmail(database.db, queued!.id, at)).toBe(true);
    const row = await outboxRow(queued!.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: 'Serveur de messagerie injoignable' });
    expect(row.nextAttemptAt.getTime()).toBe(at.getTime());

    expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 1, failed: 0 });
    expect(await outboxRow(queued!.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(await listMailbox(database.db, { limit: 10 })).toHaveLength(1);

    // only a failed e-mail can be sent again
    expect(await retryEmail(database.db, queued!.id)).toBe(false);
    expect(await retryEmail(database.db, 999_999)).toBe(false);
  });
});

describe('the dispatcher, with Resend', () => {
  it('sends through Resend with the idempotency key, then marks the row sent, and keeps the local mailbox empty', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    resendSend.mockResolvedValue({ data: { id: 'resend-id-1' }, error: null, headers: null });
    await queue(1);
    expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 1, failed: 0 });
    expect(resendSend).toHaveBeenCalledTimes(1);
    const [payload, options] = resendSend.mock.calls[0]!;
    expect(payload).toMatchObject({
      from: 'Portail Famille <portail-famille@example.fr>',
      to: 'famille.martin@example.fr',
      subject: 'Accusé de réception de votre demande DEM-2027-000001',
    });
    expect(payload.html).toContain('Nouvelles réservations');
    expect(payload.text).toContain('mercredi 13 janvier 2027');
    // the key, and a bound on how long Resend may take (RESEND_TIMEOUT_MS)
    expect(options).toEqual({ idempotencyKey: 'ack-DEM-2027-000001', signal: expect.any(AbortSignal) });
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
    expect((await listOutbox(database.db, { limit: 1 }))[0]).toMatchObject({ status: 'sent' });
  });

  it('sends the live link of a reset, the same one when a try is repeated, and writes it nowhere else', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    resendSend.mockReset();
    const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-mail-'));
    vi.stubEnv('MAIL_DEV_DIR', mailDir);
    vi.stubEnv('AUTH_SECRET', 'email-tests-secret-0123456789abcdef0123');
    try {
      const nonce = newLinkNonce();
      const linkBase = 'http://localhost:3000/reinitialisation/';
      const link = `${linkBase}${linkToken(nonce)}`;
      await enqueueEmail(database.db, {
        idempotencyKey: 'account-token-1',
        to: 'famille.martin@example.fr',
        template: 'password-reset',
        payload: { name: 'Claire Martin', linkBase, nonce, expiresAt: '2026-11-29T10:00:00.000Z' },
      });
      const crash = { name: 'internal_server_error', message: 'Oups', statusCode: 500 };
      resendSend.mockResolvedValueOnce({ data: null, error: crash, headers: null });
      resendSend.mockResolvedValueOnce({ data: { id: 'resend-id-2' }, error: null, headers: null });
      const at = soon();
      expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 0, failed: 1 });
      expect(await dispatchPending(database.db, { now: minutes(at, 1) })).toEqual({ sent: 1, failed: 0 });

      expect(resendSend).toHaveBeenCalledTimes(2);
      const calls = resendSend.mock.calls as [
        { html: string; text: string },
        { idempotencyKey?: string; signal?: AbortSignal },
      ][];
      const [[first, firstOptions], [second, secondOptions]] = calls as [(typeof calls)[0], (typeof calls)[0]];
      expect(first.html).toContain(`href="${link}"`);
      expect(first.text).toContain(link);
      expect(second).toEqual(first);
      // the same key (each try has a timeout of its own)
      expect(secondOptions.idempotencyKey).toBe(firstOptions.idempotencyKey);
      expect(firstOptions).toEqual({ idempotencyKey: 'account-token-1', signal: expect.any(AbortSignal) });

      const [row] = await listOutbox(database.db, { limit: 1 });
      expect(row).toMatchObject({ status: 'sent' });
      expect(row!.payload).not.toHaveProperty('nonce');
      expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
      expect(fs.readdirSync(mailDir)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      fs.rmSync(mailDir, { recursive: true, force: true });
    }
  });

  it("records Resend's refusal (an answer, not an exception) as a failed try", async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    resendSend.mockResolvedValue({
      data: null,
      error: { name: 'rate_limit_exceeded', message: 'Too many requests', statusCode: 429 },
      headers: null,
    });
    await queue(1);
    expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 0, failed: 1 });
    const [row] = await listOutbox(database.db, { limit: 1 });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toContain('rate_limit_exceeded');
    expect(row!.lastError).toContain('HTTP 429');
  });
});

describe('expired drafts', () => {
  it('are deleted; live drafts and submitted requests stay', async () => {
    const [family] = await database.db.insert(families).values({ name: 'Martin' }).returning({ id: families.id });
    const [child] = await database.db
      .insert(children)
      .values({ familyId: family!.id, firstName: 'Léa', lastName: 'Martin', birthDate: '2018-03-02' })
      .returning({ id: children.id });
    const at = new Date('2026-11-29T10:00:00Z');
    const base = {
      familyId: family!.id,
      childId: child!.id,
      service: 'mercredi' as const,
      type: 'reservation' as const,
    };
    const made = await database.db
      .insert(requests)
      .values([
        { ...base, status: 'draft', expiresAt: minutes(at, -1) },
        // another démarche's live draft (one open draft per child, service and démarche: requests_one_family_draft)
        { ...base, service: 'cantine', status: 'draft', expiresAt: minutes(at, 30) },
        { ...base, status: 'submitted', reference: 'DEM-2027-000777', expiresAt: minutes(at, -60) },
      ])
      .returning({ id: requests.id });
    expect(await purgeExpiredDrafts(database.db, at)).toBe(1);
    const left = await database.db
      .select({ id: requests.id })
      .from(requests)
      .where(
        inArray(
          requests.id,
          made.map((r) => r.id),
        ),
      );
    expect(left.map((r) => r.id).sort((a, b) => a - b)).toEqual([made[1]!.id, made[2]!.id]);
  });
});
