// Sends what the outbox holds: claims due rows, renders them, delivers them, and records the outcome with
// retries (1, 2, 4, 8 minutes, then "failed"; a provider's refusal fails at once, see refusedForGood).
// Any number of app instances may run it at the same time.
// Rendering happens here, at the moment of sending: an invitation or reset link is derived from the row's nonce
// then (render.ts), and exists nowhere else; the same row always gives the same link.
//
// How a row is never sent twice:
// 1. Claim. A short transaction locks due rows with `SELECT … FOR UPDATE SKIP LOCKED` (a row another
//    dispatcher is claiming is skipped, never waited for) and leases them: attempts + 1 and
//    next_attempt_at = now + CLAIM_LEASE_MS. Once committed the rows are no longer due, so no other
//    dispatcher can claim them until the lease runs out (a crashed instance's rows come back after it).
// 2. Fence. Every later write to a claimed row says `where status = 'pending' and attempts = <ours> and
//    next_attempt_at = <our lease>`: if the lease ran out and someone else claimed the row, our write
//    matches nothing and we stand down.
// 3. Deliver.
//    - Local mailbox (and a test's `send`): the fenced "sent" update and the mailbox insert are one
//      transaction: the message is in the mailbox exactly when the row says sent, whatever happens.
//      An invitation or reset is kept there with its link masked (transport.ts).
//    - Resend: the HTTP call is made outside any transaction (a PGlite database has one connection: holding
//      it during a network call would stall the whole portal), then the row is marked sent. A crash in
//      between leaves the row claimed; after the lease it is sent again with the same idempotency key,
//      which Resend deduplicates (24 h). Before each call we check the lease still has time left.
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb, type Db, type Queryable } from '@/db/client';
import { accounts, emailOutbox, requests } from '@/db/schema';
import { now as businessNow, wallNow } from '@/lib/clock';
import { renderEmail } from './render';
import { EmailTransportError, emailTransport, sendEmail, type SendEmail } from './transport';

export const MAX_ATTEMPTS = 5;
/** How long a claimed row stays out of other dispatchers' reach; far longer than a batch takes to send. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** A batch stops handing rows to an external transport when less than this is left on its lease. */
const LEASE_MARGIN_MS = 2 * 60_000;
const DEFAULT_BATCH = 20;

/** Wait before the next try after `attempts` failed tries: 1, 2, 4, 8 … minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

export interface DispatchOptions {
  /** rows claimed in one run (default 20) */
  limit?: number;
  /** fixes the clock (tests); default the wall clock, never the demo clock: retries wait real minutes */
  now?: Date;
  /** replaces the transport (tests); called inside the transaction that marks the row sent, like the mailbox */
  send?: SendEmail;
}

export interface DispatchResult {
  /** rows delivered and marked sent by this run */
  sent: number;
  /** rows whose try failed in this run (scheduled again, or "failed": after MAX_ATTEMPTS, or at once if refused) */
  failed: number;
}

interface Claim {
  id: number;
  idempotencyKey: string;
  to: string;
  template: string;
  payload: unknown;
  /** attempts including this one: with the lease, our fencing token */
  attempts: number;
  leaseUntil: Date;
}

export async function dispatchPending(db: Db, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const clock = () => opts.now ?? wallNow();
  const claims = await claimDue(db, clock(), opts.limit ?? DEFAULT_BATCH);
  const locales = await recipientLocales(db, claims);
  const external = opts.send === undefined && emailTransport() === 'resend';
  const send = opts.send ?? sendEmail;
  const result: DispatchResult = { sent: 0, failed: 0 };

  for (const [index, claim] of claims.entries()) {
    if (external && claim.leaseUntil.getTime() - clock().getTime() < LEASE_MARGIN_MS) {
      await releaseClaims(db, claims.slice(index), clock());
      break;
    }
    try {
      const rendered = await renderEmail(claim.template, claim.payload, locales.get(claim.to.toLowerCase()));
      const message = { ...rendered, to: claim.to, idempotencyKey: claim.idempotencyKey, outboxId: claim.id };
      let marked: boolean;
      if (external) {
        await send(db, message); // a failure here is a failed try (catch below)
        try {
          marked = await markSent(db, claim, clock());
        } catch (error) {
          // Delivered but not recorded: the row comes back after its lease and Resend drops the repeat (same key).
          console.error('[email] sent but could not be marked sent', { outboxId: claim.id, error });
          continue;
        }
      } else {
        marked = await db.transaction(async (tx) => {
          if (!(await markSent(tx, claim, clock()))) return false;
          await send(tx, message);
          return true;
        });
      }
      if (marked) result.sent += 1;
      else
        console.warn('[email] lease lost before marking sent; another dispatcher owns the row', { outboxId: claim.id });
    } catch (error) {
      result.failed += 1;
      await recordFailure(db, claim, error, clock()).catch((recordError: unknown) => {
        // the row stays claimed: it comes back when the lease runs out
        console.error('[email] could not record a failed send', { outboxId: claim.id, error, recordError });
      });
    }
  }
  return result;
}

/**
 * The language of each claimed e-mail's recipient: the account's « Langue » (looked up at render, one query per batch,
 * so an e-mail queued before a change of language goes out in the new one); French for an address without an account
 * or a choice.
 */
async function recipientLocales(db: Queryable, claims: readonly Claim[]): Promise<Map<string, string>> {
  if (claims.length === 0) return new Map();
  const to = [...new Set(claims.map((c) => c.to.toLowerCase()))];
  const found = await db
    .select({ email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(and(inArray(sql`lower(${accounts.email})`, to), isNotNull(accounts.locale)));
  return new Map(found.map((a) => [a.email.toLowerCase(), a.locale!]));
}

/** Locks and leases up to `limit` due rows (see the top of the file). */
async function claimDue(db: Db, at: Date, limit: number): Promise<Claim[]> {
  const leaseUntil = new Date(at.getTime() + CLAIM_LEASE_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, at)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
      .where(
        inArray(
          emailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning({
        id: emailOutbox.id,
        idempotencyKey: emailOutbox.idempotencyKey,
        to: emailOutbox.to,
        template: emailOutbox.template,
        payload: emailOutbox.payload,
        attempts: emailOutbox.attempts,
      });
    return claimed.map((c) => ({ ...c, leaseUntil })).sort((a, b) => a.id - b.id);
  });
}

function fence(claim: Claim) {
  return and(
    eq(emailOutbox.id, claim.id),
    eq(emailOutbox.status, 'pending'),
    eq(emailOutbox.attempts, claim.attempts),
    eq(emailOutbox.nextAttemptAt, claim.leaseUntil),
  );
}

async function markSent(db: Queryable, claim: Claim, at: Date): Promise<boolean> {
  const done = await db
    .update(emailOutbox)
    // A sent invitation or reset keeps no way back to its link: the nonce goes (with AUTH_SECRET it gives the
    // token). 'link' is what rows queued before links were derived held: it goes too.
    .set({
      status: 'sent',
      sentAt: at,
      lastError: null,
      payload: sql`case when ${emailOutbox.template} in ('invitation', 'password-reset')
        then ${emailOutbox.payload} - 'nonce' - 'link' else ${emailOutbox.payload} end`,
    })
    .where(fence(claim))
    .returning({ id: emailOutbox.id });
  return done.length === 1;
}

/**
 * The provider refused this message and would refuse it again: an HTTP 4xx (invalid recipient or sender, validation
 * error, unverified domain, bad key) other than 408 (timeout), 409 (the same idempotency key still in progress) and
 * 429 (rate limit). Retrying cannot help, so the row is "failed" at once and waits for « Renvoyer ».
 * A 5xx or no answer at all is worth another try.
 */
function refusedForGood(error: unknown): boolean {
  if (!(error instanceof EmailTransportError) || typeof error.statusCode !== 'number') return false;
  const status = error.statusCode;
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

async function recordFailure(db: Db, claim: Claim, error: unknown, at: Date): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const refused = refusedForGood(error);
  const final = refused || claim.attempts >= MAX_ATTEMPTS;
  const nextAttemptAt = final ? at : new Date(at.getTime() + retryDelayMs(claim.attempts));
  await db
    .update(emailOutbox)
    .set({ status: final ? 'failed' : 'pending', lastError: message, nextAttemptAt })
    .where(fence(claim));
  const context = { outboxId: claim.id, template: claim.template, attempts: claim.attempts, error: message };
  if (refused) console.error('[email] refused by the provider: not retried', context);
  else if (final) console.error(`[email] giving up after ${MAX_ATTEMPTS} attempts`, context);
  else console.warn(`[email] send failed, next try at ${nextAttemptAt.toISOString()}`, context);
}

/** Gives back rows this run will not get to: due now, and the try does not count. */
async function releaseClaims(db: Db, claims: Claim[], at: Date): Promise<void> {
  for (const claim of claims) {
    await db
      .update(emailOutbox)
      .set({ attempts: claim.attempts - 1, nextAttemptAt: at })
      .where(fence(claim));
  }
}

/**
 * "Renvoyer" in the back office: a failed row is due again now, with a fresh round of MAX_ATTEMPTS tries
 * (its last error stays visible until it is sent). Returns false when the row is not failed.
 */
export async function retryEmail(db: Queryable, outboxId: number, at: Date = wallNow()): Promise<boolean> {
  const done = await db
    .update(emailOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at })
    .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'failed')))
    .returning({ id: emailOutbox.id });
  return done.length === 1;
}

/**
 * Drafts (brouillons de démarche) nobody finished. Compared with the business clock, the one that wrote
 * their expires_at: with APP_NOW fixed in the past, the database's now() would wipe every live draft.
 */
export async function purgeExpiredDrafts(db: Queryable, at: Date = businessNow()): Promise<number> {
  const gone = await db
    .delete(requests)
    .where(and(eq(requests.status, 'draft'), lte(requests.expiresAt, at)))
    .returning({ id: requests.id });
  return gone.length;
}

/** After a commit that queued an e-mail: send it now rather than at the next tick. Never throws, never awaited. */
export function kickDispatcher(context: Record<string, unknown> = {}): void {
  void (async () => {
    try {
      await dispatchPending(await getDb());
    } catch (error) {
      console.error('[email] dispatch after a change failed; the loop will try again', { ...context, error });
    }
  })();
}

const loop = globalThis as unknown as { __portailEmailLoop?: { timer: NodeJS.Timeout; stop: () => void } };

/**
 * Work that queues e-mails on a schedule (the reminders before the deadline): run at each tick before the sending, so
 * what it queued goes out in the same tick. It catches nothing: a step that throws is logged, and the tick goes on.
 */
export interface BackgroundStep {
  name: string;
  run: (db: Db) => Promise<void>;
}

/**
 * Every `intervalMs` in the background: deletes expired drafts, runs the steps, sends due e-mails. Once per process
 * (a second call returns the first loop's stop); the timer does not keep the process alive.
 */
export function startDispatcherLoop(steps: readonly BackgroundStep[] = [], intervalMs = 30_000): () => void {
  if (loop.__portailEmailLoop) return loop.__portailEmailLoop.stop;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow tick is not overlapped by the next one
    running = true;
    try {
      const db = await getDb();
      await purgeExpiredDrafts(db).catch((error: unknown) =>
        console.error('[drafts] purge of expired drafts failed', { error }),
      );
      for (const step of steps) {
        await step.run(db).catch((error: unknown) => console.error(`[${step.name}] background step failed`, { error }));
      }
      await dispatchPending(db).catch((error: unknown) =>
        console.error('[email] background dispatch failed', { error }),
      );
    } catch (error) {
      console.error('[email] background loop could not open the database', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    loop.__portailEmailLoop = undefined;
  };
  loop.__portailEmailLoop = { timer, stop };
  void tick(); // rows left by a previous run go out at start, not 30 s later
  return stop;
}
