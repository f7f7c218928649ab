// The Resend path for real: the Resend SDK, not mocked, posts over HTTP to a stand-in for Resend's API on 127.0.0.1
// (the SDK reads RESEND_BASE_URL when a client is made), and the outbox and its dispatcher run on a real database.
// It pins what Resend receives, the retry schedule of 429 and 5xx answers, the at-once « Échec » of a refusal, and
// that no e-mail is delivered twice, even by two dispatchers or after a crash between sending and marking sent.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, emailOutbox, families, mailbox, parents } from '@/db/schema';
import { inviteParent } from '@/lib/accounts/invitations';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { findValidToken } from '@/lib/accounts/tokens';
import { CLAIM_LEASE_MS, dispatchPending, MAX_ATTEMPTS, retryDelayMs } from '@/lib/email/dispatcher';
import type { RequestAcknowledgmentPayload } from '@/emails';
import { enqueueEmail } from '@/lib/email/outbox';
import { listMailbox, listOutbox } from '@/lib/email/queries';
import { createTestDatabase, type TestDatabase } from '../support/db';

interface ApiRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** what the stand-in answered: an HTTP status and JSON body, or null for a dropped connection */
  answer: { status: number; body: unknown } | null;
}

/** One answer of the stand-in: JSON, an HTML error page (a proxy's 502), or a connection closed without a word. */
type Answer = { status: number; json: unknown } | { status: number; html: string } | 'drop';

/** An error as Resend's API answers it: the SDK hands this JSON back as `error`. */
const resendError = (statusCode: number, name: string, message: string): Answer => ({
  status: statusCode,
  json: { statusCode, name, message },
});

/**
 * Stands in for https://api.resend.com. It records every request, gives the answers a test scripts, and otherwise
 * behaves like Resend: POST /emails with the API key sends the e-mail; a repeat of an idempotency key with the same
 * body (within 24 h) answers the first e-mail's id and sends nothing; with another body, 409.
 */
class ResendStandIn {
  readonly requests: ApiRequest[] = [];
  /** the e-mails Resend would actually deliver */
  readonly delivered: ApiRequest[] = [];
  /** answers given before behaving like Resend, one per request, in order */
  readonly script: Answer[] = [];
  /** how long each answer takes (so two dispatchers overlap) */
  delayMs = 0;
  baseUrl = '';
  private readonly sentByKey = new Map<string, { id: string; body: string }>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  constructor(private readonly apiKey: string) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  reset(): void {
    this.requests.length = 0;
    this.delivered.length = 0;
    this.script.length = 0;
    this.delayMs = 0;
    this.sentByKey.clear();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const request: ApiRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      answer: null,
    };
    this.requests.push(request);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const answer = this.script.shift() ?? this.likeResend(request, raw);
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    if ('html' in answer) {
      request.answer = { status: answer.status, body: answer.html };
      res.writeHead(answer.status, { 'content-type': 'text/html' }).end(answer.html);
      return;
    }
    request.answer = { status: answer.status, body: answer.json };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
  }

  private likeResend(request: ApiRequest, raw: string): Answer {
    if (request.method !== 'POST' || request.path !== '/emails') return resendError(404, 'not_found', 'Not found');
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return resendError(403, 'invalid_api_key', 'API key is invalid');
    }
    const key = request.headers['idempotency-key'];
    const previous = typeof key === 'string' ? this.sentByKey.get(key) : undefined;
    if (previous && previous.body !== raw) {
      const message = 'Same idempotency key used with a different request payload.';
      return resendError(409, 'invalid_idempotent_request', message);
    }
    if (previous) return { status: 200, json: { id: previous.id } };
    const id = randomUUID();
    if (typeof key === 'string') this.sentByKey.set(key, { id, body: raw });
    this.delivered.push(request);
    return { status: 200, json: { id } };
  }
}

const API_KEY = `re_test_${randomBytes(8).toString('hex')}`;
const MAIL_FROM = 'Mairie de Belleval <portail-famille@belleval.example.fr>';
const appUrl = 'https://famille.belleval.example.fr';
const standIn = new ResendStandIn(API_KEY);
let database: TestDatabase;
let mailDir: string;

beforeAll(async () => {
  await standIn.start();
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-mail-'));
  // Set before the first send: transport.ts makes its Resend client then, and the SDK reads its base URL there.
  vi.stubEnv('RESEND_API_KEY', API_KEY);
  vi.stubEnv('RESEND_BASE_URL', standIn.baseUrl);
  vi.stubEnv('MAIL_FROM', MAIL_FROM);
  vi.stubEnv('MAIL_DEV_DIR', mailDir);
  vi.stubEnv('AUTH_SECRET', 'resend-tests-secret-0123456789abcdef012345');
  database = await createTestDatabase();
});

afterAll(async () => {
  vi.unstubAllEnvs(); // RESEND_API_KEY, RESEND_BASE_URL and the others get their values from before the file
  await standIn.close();
  await database?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

beforeEach(async () => {
  standIn.reset();
  await database.db.delete(mailbox);
  await database.db.delete(emailOutbox);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

function acknowledgment(reference: string): RequestAcknowledgmentPayload {
  return {
    reference,
    kind: 'reservation',
    parentName: 'Claire Martin',
    childName: 'Léa Martin',
    serviceLabel: 'Accueil de loisirs du mercredi',
    siteName: 'Centre de loisirs Les Tilleuls',
    submittedAt: '2026-11-29T09:05:00.000Z',
    changes: [{ date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] }],
    link: `${appUrl}/enfants/1`,
    onBehalfOf: null,
  };
}

/** Queues `n` acknowledgments; returns their idempotency keys. */
async function queue(n: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const reference = `DEM-2027-${String(i).padStart(6, '0')}`;
    keys.push(`ack-${reference}`);
    await enqueueEmail(database.db, {
      idempotencyKey: `ack-${reference}`,
      to: `famille${i}@example.fr`,
      template: 'request-acknowledgment',
      payload: acknowledgment(reference),
    });
  }
  return keys;
}

async function onlyRow() {
  const rows = await listOutbox(database.db, { limit: 10 });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** A moment just after the rows were queued (their next_attempt_at is the database's now()). */
const soon = () => new Date(Date.now() + 1000);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

describe('an e-mail sent through the Resend SDK', () => {
  it("posts from, to, subject, html, text and the outbox row's idempotency key to /emails", async () => {
    const keys = await queue(2);
    expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 2, failed: 0 });

    expect(standIn.requests).toHaveLength(2);
    for (const [i, request] of standIn.requests.entries()) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/emails');
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['idempotency-key']).toBe(keys[i]);
      expect(Object.keys(request.body).sort()).toEqual(['from', 'html', 'subject', 'text', 'to']);
      expect(request.body).toMatchObject({
        from: MAIL_FROM,
        to: `famille${i + 1}@example.fr`,
        subject: `Accusé de réception de votre demande DEM-2027-00000${i + 1}`,
      });
      expect(request.body.html).toContain('Nouvelles réservations');
      expect(request.body.html).toContain('mercredi 13 janvier 2027');
      expect(request.body.text).toContain('Votre demande de réservation a bien été traitée automatiquement.');
      expect(request.body.text).toContain('mercredi 13 janvier 2027 : Matin, Repas classique');
    }
    expect(standIn.delivered).toHaveLength(2);
    const rows = await listOutbox(database.db, { limit: 10 });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
  });

  it('retries a 429, a 500, a 502 page and a lost connection after 1, 2, 4 and 8 minutes, same key', async () => {
    const [key] = await queue(1);
    standIn.script.push(
      resendError(429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second.'),
      resendError(500, 'internal_server_error', 'An unexpected error occurred.'),
      { status: 502, html: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      'drop',
    );
    const errors = [
      /rate_limit_exceeded, HTTP 429/,
      /internal_server_error, HTTP 500/,
      /application_error, HTTP 502/,
      /application_error\)/, // no answer at all: no status
    ];
    let at = soon();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 0, failed: 1 });
      expect(standIn.requests).toHaveLength(attempt);
      const row = await onlyRow();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, sentAt: null });
      expect(row.lastError).toMatch(errors[attempt - 1]!);
      expect(row.nextAttemptAt.getTime()).toBe(at.getTime() + retryDelayMs(attempt));
      // nothing is sent before the delay…
      const early = later(row.nextAttemptAt, -1000);
      expect(await dispatchPending(database.db, { now: early })).toEqual({ sent: 0, failed: 0 });
      expect(standIn.requests).toHaveLength(attempt);
      at = row.nextAttemptAt; // …and it is when the delay is over
    }
    expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 1, failed: 0 });
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: MAX_ATTEMPTS, lastError: null });

    expect(standIn.requests).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(standIn.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([key]));
    for (const request of standIn.requests) expect(request.body).toEqual(standIn.requests[0]!.body);
    expect(standIn.delivered).toHaveLength(1);
  });

  it('gives up on an answer that does not come (RESEND_TIMEOUT_MS) and tries again later with the same key', async () => {
    vi.stubEnv('RESEND_TIMEOUT_MS', '200');
    try {
      const [key] = await queue(1);
      standIn.delayMs = 2_000;
      const started = Date.now();
      expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 0, failed: 1 });
      expect(Date.now() - started).toBeLessThan(1_500);
      const row = await onlyRow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(row.lastError).toMatch(/application_error\)/);
      standIn.delayMs = 0;
      expect(await dispatchPending(database.db, { now: row.nextAttemptAt })).toEqual({ sent: 1, failed: 0 });
      expect(new Set(standIn.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([key]));
    } finally {
      vi.stubEnv('RESEND_TIMEOUT_MS', '');
    }
  });

  it.each([
    [408, 'request_timeout', 'The request timed out.'],
    [409, 'concurrent_idempotent_requests', 'Same idempotency key used while original request is still in progress.'],
  ])('tries again a minute after a %i', async (status, name, message) => {
    await queue(1);
    standIn.script.push(resendError(status, name, message));
    const at = soon();
    expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 0, failed: 1 });
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBe(at.getTime() + retryDelayMs(1));
    expect(await dispatchPending(database.db, { now: row.nextAttemptAt })).toEqual({ sent: 1, failed: 0 });
    expect(standIn.delivered).toHaveLength(1);
  });

  it.each([
    [400, 'validation_error', 'Invalid `to` field. The email address needs to follow the `email@example.com` format.'],
    [403, 'validation_error', 'The belleval.example.fr domain is not verified. Please, add and verify your domain.'],
    [422, 'invalid_from_address', 'Invalid `from` field. The email address needs to follow the format.'],
  ])('is « Échec » at once when Resend refuses it with a %i, and is not tried again', async (status, name, message) => {
    await queue(1);
    standIn.script.push(resendError(status, name, message));
    const at = soon();
    expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 0, failed: 1 });
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain(`${name}, HTTP ${status}`);
    expect(row.lastError).toContain(message);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('refused by the provider'),
      expect.objectContaining({ outboxId: row.id }),
    );

    expect(await dispatchPending(database.db, { now: later(at, 24 * 3600_000) })).toEqual({ sent: 0, failed: 0 });
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.delivered).toEqual([]);
  });
});

describe('an e-mail is never delivered twice', () => {
  /** One app instance's dispatcher: runs until it finds nothing due; returns what it sent. */
  async function instance(at: Date, limit?: number): Promise<number> {
    let sent = 0;
    for (;;) {
      const run = await dispatchPending(database.db, { now: at, ...(limit ? { limit } : {}) });
      expect(run.failed).toBe(0);
      if (run.sent === 0) return sent;
      sent += run.sent;
    }
  }

  it.each([
    ['two plain dispatchers', undefined],
    ['two dispatchers taking batches of 3', 3],
  ])('when %s run at the same time over several rows: each row is posted exactly once', async (_, limit) => {
    const keys = await queue(12);
    standIn.delayMs = 5; // the dispatchers overlap while their e-mails are in flight
    const at = soon();
    const perInstance = await Promise.all([instance(at, limit), instance(at, limit)]);
    expect(perInstance[0] + perInstance[1]).toBe(12);

    const posted = standIn.requests.map((r) => r.headers['idempotency-key']).sort();
    expect(posted).toEqual([...keys].sort());
    expect(standIn.delivered).toHaveLength(12);
    const rows = await listOutbox(database.db, { limit: 100 });
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    // in batches both really took part (a plain dispatcher claims all 12 in its one short transaction)
    if (limit) expect(perInstance.every((n) => n > 0)).toBe(true);
  });

  it(
    'when the "sent" mark failed after Resend took it: after its lease it goes again with the same key, and Resend ' +
      'answers the same id without sending it',
    async () => {
      const [key] = await queue(1);
      const at = soon();
      // The database refuses to mark any row sent (NOT VALID: only rows written from now on are checked).
      await database.db.execute(
        sql.raw(`alter table email_outbox add constraint resend_test_no_sent check (status <> 'sent') not valid`),
      );
      try {
        expect(await dispatchPending(database.db, { now: at })).toEqual({ sent: 0, failed: 0 });
      } finally {
        await database.db.execute(sql.raw('alter table email_outbox drop constraint resend_test_no_sent'));
      }
      expect(console.error).toHaveBeenCalledWith(
        expect.stringContaining('sent but could not be marked sent'),
        expect.anything(),
      );
      expect(standIn.delivered).toHaveLength(1);
      const claimed = await onlyRow();
      expect(claimed).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(claimed.nextAttemptAt.getTime()).toBe(at.getTime() + CLAIM_LEASE_MS);

      // still leased: nobody sends it
      const stillLeased = later(at, CLAIM_LEASE_MS - 1000);
      expect(await dispatchPending(database.db, { now: stillLeased })).toEqual({ sent: 0, failed: 0 });
      expect(standIn.requests).toHaveLength(1);

      // lease over: posted again with the same key and body; Resend answers the first id and delivers nothing more
      expect(await dispatchPending(database.db, { now: later(at, CLAIM_LEASE_MS) })).toEqual({ sent: 1, failed: 0 });
      expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 2 });
      const [first, second] = standIn.requests as [ApiRequest, ApiRequest];
      expect(standIn.requests).toHaveLength(2);
      expect(first.headers['idempotency-key']).toBe(key);
      expect(second.headers['idempotency-key']).toBe(key);
      expect(second.body).toEqual(first.body);
      expect(second.answer).toEqual({ status: 200, body: first.answer!.body });
      expect(standIn.delivered).toHaveLength(1);
    },
  );
});

describe('invitation and password-reset e-mails through Resend', () => {
  it('carry the live link, which opens the account; the local mailbox and MAIL_DEV_DIR get nothing', async () => {
    const now = new Date();
    const [admin] = await database.db
      .insert(accounts)
      .values({ email: 'admin.resend@example.fr', role: 'admin', firstName: 'Anne', lastName: 'Admin' })
      .returning({ id: accounts.id });
    const [family] = await database.db.insert(families).values({ name: 'Benali' }).returning({ id: families.id });
    const [parent] = await database.db
      .insert(parents)
      .values({ familyId: family!.id, firstName: 'Nadia', lastName: 'Benali', email: 'nadia.benali@example.fr' })
      .returning({ id: parents.id });
    const { accountId: parentAccountId } = await database.db.transaction((tx) =>
      inviteParent(tx, { actor: { id: admin!.id, role: 'admin' }, parentId: parent!.id, now, appUrl }),
    );
    expect(
      await requestPasswordReset(database.db, { email: 'admin.resend@example.fr', ip: '192.0.2.7', now, appUrl }),
    ).toEqual({ ok: true });
    const queued = await database.db.select().from(emailOutbox);
    const keyOf = (template: string) => queued.find((r) => r.template === template)!.idempotencyKey;

    expect(await dispatchPending(database.db, { now: soon() })).toEqual({ sent: 2, failed: 0 });

    const cases = [
      {
        to: 'nadia.benali@example.fr',
        template: 'invitation',
        page: 'activation',
        kind: 'invitation',
        owner: parentAccountId,
      },
      {
        to: 'admin.resend@example.fr',
        template: 'password-reset',
        page: 'reinitialisation',
        kind: 'password_reset',
        owner: admin!.id,
      },
    ] as const;
    for (const c of cases) {
      const request = standIn.requests.find((r) => r.body.to === c.to)!;
      expect(request.headers['idempotency-key']).toBe(keyOf(c.template));
      const text = String(request.body.text);
      const html = String(request.body.html);
      const link = new RegExp(`${appUrl}/${c.page}/([A-Za-z0-9_-]{43})`).exec(text);
      expect(link).not.toBeNull();
      expect(html).toContain(`href="${link![0]}"`);
      expect(html + text).not.toContain('lien masqué');
      // the link Resend carries is the live one: it opens the account it was sent for
      const opens = await findValidToken(database.db, { token: link![1]!, kind: c.kind, now });
      expect(opens).toMatchObject({ accountId: c.owner });
    }
    expect(standIn.requests).toHaveLength(2);
    expect(await listMailbox(database.db, { limit: 10 })).toEqual([]);
    expect(fs.readdirSync(mailDir)).toEqual([]);
    const sent = await database.db
      .select({ payload: emailOutbox.payload, status: emailOutbox.status })
      .from(emailOutbox);
    for (const row of sent) {
      expect(row.status).toBe('sent');
      expect(row.payload).not.toHaveProperty('nonce');
    }
  });
});
