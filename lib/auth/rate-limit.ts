// Sign-in attempts limited per account and per address, counted in the database (holds across app instances).
import { and, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 30,
} as const;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** Minutes to wait before the next try, or 0 when a try is allowed now. */
export async function retryAfterMinutes(db: Queryable, email: string, ip: string, at: Date): Promise<number> {
  const since = new Date(at.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int`, oldest: sql<string>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, [accountKey(email), addressKey(ip)]), gt(loginAttempts.at, since)))
    .groupBy(loginAttempts.key);
  let waitMs = 0;
  for (const row of counts) {
    const limit = row.key.startsWith('account:') ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perAddress;
    if (row.n >= limit) {
      const freeAt = new Date(row.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000;
      waitMs = Math.max(waitMs, freeAt - at.getTime());
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0;
}

export async function recordFailure(db: Queryable, email: string, ip: string, at: Date): Promise<void> {
  await db.insert(loginAttempts).values([
    { key: accountKey(email), at },
    { key: addressKey(ip), at },
  ]);
}

/** A successful sign-in clears the account's count (not the address's), and old rows are pruned. */
export async function recordSuccess(db: Queryable, email: string, at: Date): Promise<void> {
  const old = new Date(at.getTime() - 24 * 3600_000);
  await db.delete(loginAttempts).where(sql`${loginAttempts.key} = ${accountKey(email)} or ${lte(loginAttempts.at, old)}`);
}
