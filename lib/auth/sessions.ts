// Sessions in the database: signing in opens a row that the (encrypted) session cookie names, every request checks
// it is still open (lib/auth/session.ts), and signing out ends it. A cookie captured before « Se déconnecter » is
// therefore refused at once, by every instance, although the web tier keeps nothing in memory. The rows also tell
// an account's usual addresses (lib/auth/rate-limit.ts) and make its sign-in history.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { sessions } from '@/db/schema';

/** A session lasts 8 hours from sign-in (the cookie's own lifetime, auth.config.ts). */
export const SESSION_LIFETIME_MS = 8 * 3600_000;
/** Ended and expired sessions are kept this long: they are the sign-in history and the usual addresses. */
export const SESSION_HISTORY_DAYS = 90;

/** A session id as the cookie carries it: 32 random bytes, base64url. */
export const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export async function openSession(
  db: Queryable,
  p: { accountId: number; address: string; now: Date },
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id,
    accountId: p.accountId,
    address: p.address,
    createdAt: p.now,
    expiresAt: new Date(p.now.getTime() + SESSION_LIFETIME_MS),
  });
  return id;
}

/** « Se déconnecter »: the session ends for good. Idempotent. */
export async function endSession(db: Queryable, p: { id: string; now: Date }): Promise<void> {
  if (!SESSION_ID.test(p.id)) return;
  await db
    .update(sessions)
    .set({ endedAt: p.now })
    .where(and(eq(sessions.id, p.id), isNull(sessions.endedAt)));
}

/** Every session of an account ends (a new password, a disabled account). */
export async function endAccountSessions(db: Queryable, p: { accountId: number; now: Date }): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: p.now })
    .where(and(eq(sessions.accountId, p.accountId), isNull(sessions.endedAt)));
}

/** Forgets sessions older than the history kept. */
export async function purgeOldSessions(db: Queryable, now: Date): Promise<number> {
  const before = new Date(now.getTime() - SESSION_HISTORY_DAYS * 24 * 3600_000);
  const gone = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.createdAt, before)))
    .returning({ id: sessions.id });
  return gone.length;
}
