// « Rappels par e-mail » on Mon compte, through the real server action (`@/auth` mocked, a signed-in parent): a choice
// outside « Aucun rappel », « Chaque lundi », « La veille » is refused in French and writes nothing; the account changed
// is always the session's, whatever account the form names.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { reminderChoice } from '@/lib/reminders/settings';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, type Martin } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const REFUSAL = 'Choisissez « Aucun rappel », « Chaque lundi » ou « La veille » pour les rappels par e-mail.';

let database: TestDatabase;
let m: Martin;
let bernardId: number;
let owner: TestSession;
let neighbour: TestSession;

beforeAll(async () => {
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase();
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  m = await martin(database.db);
  bernardId = (
    await database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.email, DEMO_ACCOUNTS.neighbour.email))
  )[0]!.id;
  owner = await openTestSession(database.db, m.accountId);
  neighbour = await openTestSession(database.db, bernardId);
  // seeding the demo town takes a while on a shared machine
}, 180_000);

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(accounts).set({ reminders: 'none' });
  session.current = owner;
});

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** What the caller sees: the redirect's digest, or the returned value. */
async function save(fields: Record<string, string | number> | unknown): Promise<unknown> {
  const { saveRemindersAction } = await import('@/app/(famille)/mon-compte/actions');
  try {
    return await saveRemindersAction(fields instanceof FormData ? fields : (fields as FormData));
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).message);
  }
}

/** Every account's choice: a refusal leaves it identical. */
async function choices(): Promise<string> {
  const [state] = await rows<{ all: string }>(
    database.db,
    sql`select string_agg(id || ':' || reminders, ',' order by id) as all from accounts`,
  );
  return state!.all;
}

describe('« Enregistrer » under « Rappels par e-mail »', () => {
  it('keeps « Chaque lundi » for the signed-in parent, then back to « Aucun rappel »', async () => {
    expect(await save(form({ reminders: 'weekly' }))).toMatch(/^NEXT_REDIRECT;\w+;\/mon-compte\?enregistre=1;/);
    expect(await reminderChoice(database.db, m.accountId)).toBe('weekly');
    await save(form({ reminders: 'eve' }));
    expect(await reminderChoice(database.db, m.accountId)).toBe('eve');
    await save(form({ reminders: 'none' }));
    expect(await reminderChoice(database.db, m.accountId)).toBe('none');
  });

  for (const [what, input] of [
    ['a choice that does not exist', form({ reminders: 'daily' })],
    ['a choice in capitals', form({ reminders: 'WEEKLY' })],
    ['no choice at all', form({})],
    [
      'two choices at once',
      (() => {
        const f = form({ reminders: 'weekly' });
        f.append('reminders', 'eve');
        return f;
      })(),
    ],
    ['a JSON body with a number', { reminders: 1 }],
  ] as const) {
    it(`refuses ${what} with a French sentence and writes nothing`, async () => {
      const before = await choices();
      expect(await save(input)).toEqual({ ok: false, formError: REFUSAL, fieldErrors: {} });
      expect(await choices()).toBe(before);
    });
  }

  it("changes the session's account only: an account id in the form is not read", async () => {
    // the Martins' parent names the Bernards' account: the Martins' choice changes, the Bernards' does not
    await save(form({ reminders: 'weekly', accountId: bernardId, id: bernardId }));
    expect(await reminderChoice(database.db, m.accountId)).toBe('weekly');
    expect(await reminderChoice(database.db, bernardId)).toBe('none');

    // the Bernards' parent names the Martins' account: only the Bernards' changes
    session.current = neighbour;
    await save({ reminders: 'eve', accountId: m.accountId });
    expect(await reminderChoice(database.db, bernardId)).toBe('eve');
    expect(await reminderChoice(database.db, m.accountId)).toBe('weekly');
  });

  it('is refused to a visitor and to an agent, who change nothing', async () => {
    const before = await choices();
    session.current = null;
    expect(await save(form({ reminders: 'weekly' }))).toMatch(/^NEXT_REDIRECT;\w+;\/connexion;/);
    const agent = (
      await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS.staff.email))
    )[0]!.id;
    session.current = await openTestSession(database.db, agent);
    expect(await save(form({ reminders: 'weekly' }))).toMatch(/^NEXT_REDIRECT;\w+;\/admin;/);
    expect(await choices()).toBe(before);
  });
});
