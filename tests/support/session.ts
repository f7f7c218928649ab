// A signed-in session for tests that call pages or actions with `@/auth` mocked: the row the session cookie
// names (lib/auth/sessions.ts), and what auth() answers for it.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, sessions } from '@/db/schema';

export interface TestSession {
  user: { id: string; sessionVersion: number; sid: string };
}

/** Opens a session of the account (8 hours from the wall clock), as signing in does. */
export async function openTestSession(
  db: Queryable,
  accountId: number,
  address = '203.0.113.10',
): Promise<TestSession> {
  const [account] = await db
    .select({ sessionVersion: accounts.sessionVersion })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw new Error(`no account ${accountId}`);
  const sid = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insert(sessions)
    .values({ id: sid, accountId, address, createdAt: now, expiresAt: new Date(now.getTime() + 8 * 3600_000) });
  return { user: { id: String(accountId), sessionVersion: account.sessionVersion, sid } };
}
