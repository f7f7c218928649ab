// Who gets what in the back office's server actions: every exported action of app/admin/**/actions.ts is called as
// an anonymous visitor, a parent, an animateur, an agent and an admin. Anonymous visitors are sent to Connexion,
// parents and animateurs (« Pointage » only) get 403, and none of them writes anything; staff and admin reach the
// use-case (which here refuses the empty form in French).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { snapshot } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

let database: TestDatabase;
// an open session of each role (its row in `sessions`), as signing in leaves it
const sessions = {} as Record<'parent' | 'staff' | 'admin' | 'animateur', TestSession>;

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === 'actions.ts' ? [full] : [];
  });
}

const files = actionFiles(path.join(process.cwd(), 'app', 'admin'));

beforeAll(async () => {
  // what next.config's experimental.authInterrupts sets in the server, so forbidden() answers 403
  vi.stubEnv('__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS', 'true');
  database = await createDemoDatabase();
  // the app's getDb() answers with this test database
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  for (const role of ['parent', 'staff', 'admin', 'animateur'] as const) {
    const [row] = await database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.email, DEMO_ACCOUNTS[role].email));
    sessions[role] = await openTestSession(database.db, row!.id);
  }
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  await database?.close();
});

async function call(fn: (...args: unknown[]) => unknown): Promise<{ digest?: string; value?: unknown }> {
  const form = new FormData();
  try {
    // (formData) actions, (prevState, formData) actions and (input) actions all get an empty request
    const value = fn.length >= 2 ? await fn({}, form) : await fn(form);
    return { value };
  } catch (error) {
    return { digest: String((error as { digest?: string }).digest ?? (error as Error).message) };
  }
}

describe('back-office actions', () => {
  it('exist (the walk covers every actions.ts under app/admin)', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    const name = path.relative(process.cwd(), file);
    it(`${name}: anonymous → Connexion, parent and animateur → 403, staff and admin → the use-case; nothing written by the first three`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [
        string,
        (...a: unknown[]) => unknown,
      ][];
      expect(actions.length).toBeGreaterThan(0);
      for (const [actionName, fn] of actions) {
        const before = await snapshot(database.db);

        session.current = null;
        const anonymous = await call(fn);
        expect(anonymous.digest, `${actionName} as anonymous`).toMatch(/NEXT_REDIRECT.*\/connexion/);

        session.current = sessions.parent;
        const parent = await call(fn);
        expect(parent.digest, `${actionName} as a parent`).toMatch(/NEXT_HTTP_ERROR_FALLBACK;403/);

        session.current = sessions.animateur;
        const animateur = await call(fn);
        expect(animateur.digest, `${actionName} as an animateur`).toMatch(/NEXT_HTTP_ERROR_FALLBACK;403/);

        expect(
          await snapshot(database.db),
          `${actionName} wrote something for a visitor, a parent or an animateur`,
        ).toBe(before);

        for (const role of ['staff', 'admin'] as const) {
          session.current = sessions[role];
          const result = await call(fn);
          expect(result.digest ?? '', `${actionName} as ${role}`).not.toMatch(
            /NEXT_HTTP_ERROR_FALLBACK;403|\/connexion/,
          );
        }
      }
    });
  }
});
