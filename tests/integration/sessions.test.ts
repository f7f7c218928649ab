// A session is a row in the database (lib/auth/sessions.ts), checked on every request by currentUser: signing out,
// a new password, a disabled account or the end of the 8 hours end it at once, whatever the cookie still says.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, sessions } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { currentUser } from '@/lib/auth/session';
import { endSession } from '@/lib/auth/sessions';
import { issueToken, setPasswordWithToken } from '@/lib/accounts/tokens';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current }));
// currentUser is wrapped in React's cache(), which outside a request would remember the first answer
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: (fn: unknown) => fn }));

let database: TestDatabase;
let agentId: number;
let otherId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  const passwordHash = await hashPassword('Mot-de-passe-2026');
  const created = await database.db
    .insert(accounts)
    .values([
      { email: 'agent.test@example.fr', passwordHash, role: 'staff', firstName: 'Alex', lastName: 'Agent' },
      { email: 'autre.test@example.fr', passwordHash, role: 'staff', firstName: 'Sam', lastName: 'Autre' },
    ])
    .returning({ id: accounts.id });
  agentId = created[0]!.id;
  otherId = created[1]!.id;
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(accounts).set({ disabledAt: null });
});

async function as(s: TestSession | null) {
  session.current = s;
  return currentUser();
}

describe('a session', () => {
  it('lets its account in while its row is open', async () => {
    const s = await openTestSession(database.db, agentId);
    expect(await as(s)).toMatchObject({ id: agentId, role: 'staff' });
  });

  it('ends with « Se déconnecter »: the same cookie is refused, other sessions of the account are not', async () => {
    const phone = await openTestSession(database.db, agentId);
    const desk = await openTestSession(database.db, agentId);
    await endSession(database.db, { id: phone.user.sid, now: new Date() });
    expect(await as(phone)).toBeNull();
    expect(await as(desk)).toMatchObject({ id: agentId });
  });

  it('ends after its 8 hours, whatever the cookie says', async () => {
    const s = await openTestSession(database.db, agentId);
    await database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, s.user.sid));
    expect(await as(s)).toBeNull();
  });

  it('ends when the account is disabled, though its session version has not changed', async () => {
    const s = await openTestSession(database.db, agentId);
    expect(await as(s)).not.toBeNull();
    await database.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, agentId));
    const [account] = await database.db
      .select({ v: accounts.sessionVersion })
      .from(accounts)
      .where(eq(accounts.id, agentId));
    expect(account!.v).toBe(s.user.sessionVersion);
    expect(await as(s)).toBeNull();
  });

  it('ends with a new password, on every device of the account', async () => {
    const s = await openTestSession(database.db, agentId);
    const { token } = await issueToken(database.db, { accountId: agentId, kind: 'password_reset', now: new Date() });
    await setPasswordWithToken(database.db, {
      token,
      kind: 'password_reset',
      password: 'Nouveau-mot-2026',
      now: new Date(),
    });
    expect(await as(s)).toBeNull();
    const [row] = await database.db
      .select({ endedAt: sessions.endedAt })
      .from(sessions)
      .where(eq(sessions.id, s.user.sid));
    expect(row!.endedAt).not.toBeNull();
  });

  it('is checked with the other requests asking at the same time, each against its own row', async () => {
    const agent = await openTestSession(database.db, agentId);
    const other = await openTestSession(database.db, otherId);
    const ended = await openTestSession(database.db, agentId);
    await endSession(database.db, { id: ended.user.sid, now: new Date() });
    // requests of one turn: one statement for all of them (lib/shared-reads.ts), each answered as if alone
    const checks = [agent, other, ended, { user: { ...agent.user, sid: other.user.sid } }].map((s) => {
      session.current = s;
      return currentUser();
    });
    const [a, b, c, swapped] = await Promise.all(checks);
    expect(a).toMatchObject({ id: agentId });
    expect(b).toMatchObject({ id: otherId });
    expect(c).toBeNull();
    expect(swapped).toBeNull();

    // a check in flight when the session ends does not answer a request that asks after: it gets a read of its own
    session.current = agent;
    const before = currentUser();
    await endSession(database.db, { id: agent.user.sid, now: new Date() });
    const after = currentUser();
    await before;
    expect(await after).toBeNull();
  });

  it('is refused without a session id, with a forged one, or with the row of another account', async () => {
    const mine = await openTestSession(database.db, agentId);
    const other = await openTestSession(database.db, otherId);
    expect(await as({ user: { ...mine.user, sid: '' } })).toBeNull();
    expect(await as({ user: { ...mine.user, sid: 'A'.repeat(43) } })).toBeNull();
    expect(await as({ user: { ...mine.user, sid: other.user.sid } })).toBeNull();
    expect(await as({ user: { ...mine.user, id: '2147483648' } })).toBeNull();
    expect(await as(null)).toBeNull();
  });
});
