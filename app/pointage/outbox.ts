// The phone's outbox of « Pointage »: every tap is written to IndexedDB (through `idb`) before anything else, then
// sent to POST /api/pointage; only the keys the server answers are forgotten. So a tap survives a reload, the phone
// going to sleep and the network going away, and is sent once the connection returns (the key makes a resend count
// once). Browser-only: imported by the board and by « Se déconnecter » (client components).
// The animateurs share phones: each tap records the account that made it, and only that account's pages show, count
// and send it (the server refuses a batch under another session too: lib/pointage/taps.ts).
import { openDB, type IDBPDatabase } from 'idb';
import type { AttendanceSlot, AttendanceStatus } from '@/lib/pointage/slots';

/** A tap as the server takes it, and the child's name (a child added offline is shown again after a reload). */
export interface PendingTap {
  key: string;
  /** the account signed in when it was tapped: the only one that sends it */
  accountId: number;
  childId: number;
  siteId: number;
  date: string;
  slot: AttendanceSlot;
  status: AttendanceStatus;
  tappedAt: string;
  firstName: string;
  lastName: string;
}

const STORE = 'taps';
let opened: Promise<IDBPDatabase> | null = null;

function database(): Promise<IDBPDatabase> {
  opened ??= openDB('portail-pointage', 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'key' });
    },
  });
  return opened;
}

export async function addTap(tap: PendingTap): Promise<void> {
  await (await database()).put(STORE, tap);
}

/**
 * Every tap of the account not yet stored by the server, oldest first. (A tap stored before taps named their account,
 * in development only, has no owner to send it: it is left alone.)
 */
export async function pendingTaps(accountId: number): Promise<PendingTap[]> {
  const all = (await (await database()).getAll(STORE)) as PendingTap[];
  return all.filter((t) => t.accountId === accountId).sort((a, b) => a.tappedAt.localeCompare(b.tappedAt));
}

export async function forgetTaps(keys: string[]): Promise<void> {
  const tx = (await database()).transaction(STORE, 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'nothing' }
  | { kind: 'offline' }
  | { kind: 'refused'; count: number; reason: string }
  | { kind: 'failed'; reason: string };

const MAX_BATCH = 500;

/** Sends what waits of the account (at most one batch); forgets what the server stored, or refused for good. */
async function sendPending(accountId: number): Promise<SendOutcome> {
  const pending = (await pendingTaps(accountId)).slice(0, MAX_BATCH);
  if (!pending.length) return { kind: 'nothing' };
  let response: Response;
  try {
    response = await fetch('/api/pointage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify({
        account: accountId,
        taps: pending.map(({ key, childId, siteId, date, slot, status, tappedAt }) => ({
          key,
          childId,
          siteId,
          date,
          slot,
          status,
          tappedAt,
        })),
      }),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body = (await response.json().catch(() => ({}))) as { stored?: string[]; rejected?: string[]; error?: string };
  if (response.ok && body.stored) {
    await forgetTaps(body.stored);
    return { kind: 'sent' };
  }
  if (body.rejected?.length) {
    // refused for good (a day past, a site or child not the animateur's): dropped, the others go again
    await forgetTaps(body.rejected);
    return { kind: 'refused', count: body.rejected.length, reason: body.error ?? '' };
  }
  // signed out, another account's session, a server error: kept for later
  return { kind: 'failed', reason: body.error ?? '' };
}

/** What one sending left: the last outcome, and the taps the server refused for good on the way. */
export interface SendReport {
  last: SendOutcome;
  refused: { count: number; reason: string }[];
}

let sending: Promise<SendReport> | null = null;

/**
 * Sends the account's taps batch after batch (five at most), one sending at a time: a caller arriving while one runs
 * (« Se déconnecter » while the board sends) waits for it rather than sending the same taps beside it.
 */
export function sendAll(accountId: number): Promise<SendReport> {
  sending ??= (async () => {
    const refused: SendReport['refused'] = [];
    let last: SendOutcome = { kind: 'nothing' };
    for (let round = 0; round < 5; round += 1) {
      last = await sendPending(accountId);
      if (last.kind === 'refused') refused.push({ count: last.count, reason: last.reason });
      // after a batch sent or refused, more may wait; otherwise (nothing, offline, failed) stop here
      if (last.kind !== 'sent' && last.kind !== 'refused') break;
    }
    return { last, refused };
  })().finally(() => {
    sending = null;
  });
  return sending;
}
