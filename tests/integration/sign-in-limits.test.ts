// The sign-in limits (lib/auth/rate-limit.ts) on a real database: what stops a guesser and a sprayer, and what
// never stops the owner of an account or honest parents who share one carrier address.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { accounts, sessions, signInFailures } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import { SIGN_IN_LIMITS, waitMinutes, type SignInCounts } from '@/lib/auth/rate-limit';
import { createTestDatabase, type TestDatabase } from '../support/db';

const PASSWORD = 'Bon-mot-de-passe-2026';
const parentEmail = (i: number) => `parent.${i}@example.fr`;
const OWNER = parentEmail(0);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await database.db.insert(accounts).values(
    Array.from({ length: 51 }, (_, i) => ({
      email: parentEmail(i),
      passwordHash,
      role: 'parent' as const,
      firstName: 'P',
      lastName: String(i),
    })),
  );
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.delete(signInFailures);
  await database.db.delete(sessions);
});

const signIn = (email: string, ip: string, password = PASSWORD) => authenticate(database.db, { email, password, ip });

describe('one account guessed from one address', () => {
  it('stops after 5 failures, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i += 1) {
      expect(await signIn(OWNER, '198.51.100.1', 'faux')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(OWNER, '198.51.100.1')).toEqual({
      ok: false,
      reason: 'rate_limited',
      retryAfterMinutes: SIGN_IN_LIMITS.windowMinutes,
    });
  });

  it('does not stop the owner from another address', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perPair + 3; i += 1) await signIn(OWNER, '198.51.100.1', 'faux');
    expect((await signIn(OWNER, '203.0.113.50')).ok).toBe(true);
  });
});

describe('a lockout is no weapon', () => {
  it("an attacker's 50 failures from many addresses do not stop the owner from a usual address", async () => {
    expect((await signIn(OWNER, '203.0.113.50')).ok).toBe(true); // the owner's usual address
    for (let i = 0; i < 50; i += 1) {
      const result = await signIn(OWNER, `192.0.2.${i}`, 'faux');
      expect(result.ok).toBe(false);
    }
    expect(await signIn(OWNER, '203.0.113.50')).toMatchObject({ ok: true, user: { email: OWNER } });
  });

  it('slows an unknown address down once the account passed its ceiling, without locking it for good', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.accountCeiling; i += 1) await signIn(OWNER, `192.0.2.${i}`, 'faux');
    const slowed = await signIn(OWNER, '203.0.113.99');
    expect(slowed).toEqual({ ok: false, reason: 'rate_limited', retryAfterMinutes: 1 });
    // the delay runs from the latest failure: once it has passed, the right password gets in
    await database.db.execute(sql`update sign_in_failures set at = at - interval '2 minutes'`);
    expect((await signIn(OWNER, '203.0.113.99')).ok).toBe(true);
  });

  it('grows the delay 1, 2, 4, 8, then 15 minutes at most', () => {
    const at = new Date('2026-11-30T10:00:00Z');
    const counts = (account: number, usualAddress = false): SignInCounts => ({
      pair: 0,
      pairOldest: null,
      address: 0,
      addressOldest: null,
      account,
      accountLatest: at,
      usualAddress,
    });
    const ceiling = SIGN_IN_LIMITS.accountCeiling;
    expect(
      [ceiling - 1, ceiling, ceiling + 1, ceiling + 2, ceiling + 3, ceiling + 4, ceiling + 40].map((n) =>
        waitMinutes(counts(n), at),
      ),
    ).toEqual([0, 1, 2, 4, 8, 15, 15]);
    expect(waitMinutes(counts(ceiling + 40, true), at)).toBe(0);
  });
});

describe('one address', () => {
  it('stops password spraying: failures on 30 accounts, and the 31st attempt is refused', async () => {
    for (let i = 1; i <= SIGN_IN_LIMITS.perAddress; i += 1) {
      expect(await signIn(parentEmail(i), '198.51.100.66', 'Printemps2026')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(parentEmail(31), '198.51.100.66')).toMatchObject({ ok: false, reason: 'rate_limited' });
    // nobody else is concerned
    expect((await signIn(parentEmail(31), '198.51.100.67')).ok).toBe(true);
  });

  it('lets 40 different parents in, each after one typo, from one carrier address', async () => {
    for (let i = 1; i <= 40; i += 1) {
      expect((await signIn(parentEmail(i), '100.64.0.1', 'typo')).ok).toBe(false);
      expect(await signIn(parentEmail(i), '100.64.0.1')).toMatchObject({ ok: true, user: { email: parentEmail(i) } });
    }
    const [left] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from sign_in_failures`);
    expect(left!.n).toBe(0); // each success forgave its own typo
  });

  it('lets a rush of 50 different parents in at once from one address, some after a typo (issue 12)', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const email = parentEmail(n + 1);
        if (n % 5 === 0) expect((await signIn(email, '100.64.0.2', 'typo')).ok).toBe(false);
        return signIn(email, '100.64.0.2');
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
  });

  it('forgets failures older than the window', async () => {
    const old = new Date(Date.now() - (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000);
    await database.db.insert(signInFailures).values(
      Array.from({ length: 40 }, (_, i) => ({
        email: OWNER,
        address: i < 20 ? '198.51.100.1' : `192.0.2.${i}`,
        at: old,
      })),
    );
    expect((await signIn(OWNER, '198.51.100.1')).ok).toBe(true);
  });
});

describe('a successful sign-in', () => {
  it('opens a session row that names the account and the address', async () => {
    const result = await signIn(OWNER, '203.0.113.50');
    if (!result.ok) throw new Error('expected a sign-in');
    const [row] = await rows<{ account_id: number; address: string; open: boolean }>(
      database.db,
      sql`select account_id, address, ended_at is null and expires_at > now() as open from sessions where id = ${result.user.sid}`,
    );
    expect(row).toEqual({ account_id: Number(result.user.id), address: '203.0.113.50', open: true });
  });
});
