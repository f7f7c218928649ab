// The phone's outbox of « Pointage »: every tap is written to IndexedDB (through `idb`) before anything else, then
// sent to POST /api/pointage; only the keys the server answers are forgotten. So a tap survives a reload, the phone
// going to sleep and the network going away, and is sent once the connection returns (the key makes a resend count
// once). Browser-only: imported by the board (a client component).
import { openDB, type IDBPDatabase } from 'idb';
import type { AttendanceSlot, AttendanceStatus } from '@/lib/pointage/slots';

/** A tap as the server takes it, and the child's name (a child added offline is shown again after a reload). */
export interface PendingTap {
  key: string;
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

/** Every tap not yet stored by the server, oldest first. */
export async function pendingTaps(): Promise<PendingTap[]> {
  const all = (await (await database()).getAll(STORE)) as PendingTap[];
  return all.sort((a, b) => a.tappedAt.localeCompare(b.tappedAt));
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

/** Sends what waits (at most one batch); forgets what the server stored, or refused for good. */
export async function sendPending(): Promise<SendOutcome> {
  const pending = (await pendingTaps()).slice(0, MAX_BATCH);
  if (!pending.length) return { kind: 'nothing' };
  let response: Response;
  try {
    response = await fetch('/api/pointage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify({
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
  // signed out, a server error: kept for later
  return { kind: 'failed', reason: body.error ?? '' };
}
