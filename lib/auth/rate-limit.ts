// Sign-in limits, counted in the database so that they hold across app instances. One row per failure, with the
// typed identifier and the caller's address (lib/auth/client-address.ts). Three rules, each against one attack,
// none of which a stranger can turn against the owner of an account:
// - per (account, address): 5 failures in 15 minutes and that pair waits until the oldest is 15 minutes old.
//   Guessing one password from one place stops; the owner elsewhere is not concerned.
// - per address: 30 failures in 15 minutes that no later success cleared, on any accounts, and the address waits.
//   That is password spraying (many accounts, failures only). Honest parents behind one carrier address do not add
//   up: a successful sign-in clears that account's failures from that address.
// - per account, from all addresses: beyond 10 failures in 15 minutes, an address the account has not signed in
//   from in the last 90 days waits 1, 2, 4, 8, then 15 minutes after the latest failure (a growing delay). The
//   owner signing in from a usual address is never held back by it: a distributed attack slows itself down, it
//   does not lock the account.
import { and, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import { loginAttempts, signInFailures } from '@/db/schema';
import { SESSION_HISTORY_DAYS } from './sessions';

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perPair: 5,
  perAddress: 30,
  accountCeiling: 10,
  maxDelayMinutes: 15,
  usualAddressDays: SESSION_HISTORY_DAYS,
} as const;

const MINUTE = 60_000;

export interface SignInCounts {
  pair: number;
  pairOldest: Date | null;
  address: number;
  addressOldest: Date | null;
  account: number;
  accountLatest: Date | null;
  usualAddress: boolean;
}

/** What the three rules look at, in one statement. */
export async function signInCounts(db: Queryable, email: string, address: string, at: Date): Promise<SignInCounts> {
  const since = new Date(at.getTime() - SIGN_IN_LIMITS.windowMinutes * MINUTE);
  const usualSince = new Date(at.getTime() - SIGN_IN_LIMITS.usualAddressDays * 24 * 60 * MINUTE);
  const [row] = await rows<{
    pair: number;
    pair_oldest: string | null;
    address: number;
    address_oldest: string | null;
    account: number;
    account_latest: string | null;
    usual: boolean;
  }>(
    db,
    sql`with recent as (
          select email, address, at from sign_in_failures
          where at > ${since.toISOString()} and (email = ${email} or address = ${address})
        )
        select
          (select count(*)::int from recent where email = ${email} and address = ${address}) as pair,
          (select min(at)::text from recent where email = ${email} and address = ${address}) as pair_oldest,
          (select count(*)::int from recent where address = ${address}) as address,
          (select min(at)::text from recent where address = ${address}) as address_oldest,
          (select count(*)::int from recent where email = ${email}) as account,
          (select max(at)::text from recent where email = ${email}) as account_latest,
          exists (
            select 1 from sessions s join accounts a on a.id = s.account_id
            where lower(a.email) = ${email} and s.address = ${address} and s.created_at > ${usualSince.toISOString()}
          ) as usual`,
  );
  const date = (v: string | null | undefined) => (v ? new Date(v) : null);
  return {
    pair: row?.pair ?? 0,
    pairOldest: date(row?.pair_oldest),
    address: row?.address ?? 0,
    addressOldest: date(row?.address_oldest),
    account: row?.account ?? 0,
    accountLatest: date(row?.account_latest),
    usualAddress: row?.usual ?? false,
  };
}

/** Minutes to wait before the next try under the three rules, or 0 when a try is allowed now. Pure. */
export function waitMinutes(c: SignInCounts, at: Date): number {
  const window = SIGN_IN_LIMITS.windowMinutes * MINUTE;
  let freeAt = 0;
  if (c.pair >= SIGN_IN_LIMITS.perPair && c.pairOldest) freeAt = Math.max(freeAt, c.pairOldest.getTime() + window);
  if (c.address >= SIGN_IN_LIMITS.perAddress && c.addressOldest) {
    freeAt = Math.max(freeAt, c.addressOldest.getTime() + window);
  }
  if (!c.usualAddress && c.account >= SIGN_IN_LIMITS.accountCeiling && c.accountLatest) {
    const delay = Math.min(2 ** (c.account - SIGN_IN_LIMITS.accountCeiling), SIGN_IN_LIMITS.maxDelayMinutes);
    freeAt = Math.max(freeAt, c.accountLatest.getTime() + delay * MINUTE);
  }
  const waitMs = freeAt - at.getTime();
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / MINUTE)) : 0;
}

export async function recordFailure(db: Queryable, email: string, address: string, at: Date): Promise<void> {
  await db.insert(signInFailures).values({ email, address, at });
}

/** A successful sign-in forgives that account's failures from that address (not its failures elsewhere). */
export async function recordSuccess(db: Queryable, email: string, address: string): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.email, email), eq(signInFailures.address, address)));
}

/** A new password (reset or activation): the account's failures are forgotten everywhere. */
export async function forgetFailures(db: Queryable, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email.toLowerCase()));
}

/** Failures older than a day count for nothing. */
export async function purgeOldFailures(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(signInFailures)
    .where(lt(signInFailures.at, new Date(now.getTime() - 24 * 3600_000)))
    .returning({ id: signInFailures.id });
  return gone.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests an anonymous visitor may repeat (« Mot de passe oublié ? », « Créer mon espace famille »): each try is one
// row of login_attempts per key (« reset:email:… », « signup:ip:… »), counted over a window on the wall clock, so the
// limit holds across instances. A key is counted whoever owns what it names: the answer says nothing of an account.

export interface AttemptLimits {
  windowMinutes: number;
  /** each key and the most tries it allows within the window */
  keys: { key: string; max: number }[];
}

/**
 * Minutes to wait before another try when a key has reached its limit (nothing is written then); otherwise 0, and the
 * try is recorded under every key. Three statements, inside the caller's transaction; rows older than a day go.
 */
export async function recordAttempt(db: Queryable, limits: AttemptLimits, now: Date): Promise<number> {
  const window = limits.windowMinutes * MINUTE;
  const keys = limits.keys.map((k) => k.key);
  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)::int`, oldest: sql<string>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.at, new Date(now.getTime() - window))))
    .groupBy(loginAttempts.key);
  let waitMs = 0;
  for (const row of counts) {
    const max = limits.keys.find((k) => k.key === row.key)?.max ?? Infinity;
    if (row.n >= max) waitMs = Math.max(waitMs, new Date(row.oldest).getTime() + window - now.getTime());
  }
  if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / MINUTE));
  await db.insert(loginAttempts).values(keys.map((key) => ({ key, at: now })));
  await db.delete(loginAttempts).where(lte(loginAttempts.at, new Date(now.getTime() - 24 * 60 * MINUTE)));
  return 0;
}
