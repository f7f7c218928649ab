// « Langue » through the real server actions (`@/auth` and the cookie jar mocked): a visitor's choice sets the
// cookie only; a signed-in parent's is also stored on the parent's own account (never one the form names); a code
// that is not a language of the portal is refused in French, sets no cookie and writes nothing.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts } from '@/db/schema';
import { LOCALE_COOKIE } from '@/i18n/locales';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { dispatchPending } from '@/lib/email/dispatcher';
import { enqueueEmail } from '@/lib/email/outbox';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers({ 'x-portail-peer': '203.0.113.77' }),
}));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));

const REFUSAL = "Cette langue n'est pas proposée : choisissez Français, English ou العربية.";

let database: TestDatabase;
let martinId: number;
let bernardId: number;
let owner: TestSession;

beforeAll(async () => {
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase();
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  martinId = (await martin(database.db)).accountId;
  bernardId = (
    await database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.email, DEMO_ACCOUNTS.neighbour.email))
  )[0]!.id;
  owner = await openTestSession(database.db, martinId);
}, 180_000);

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(accounts).set({ locale: null });
  jar.clear();
  session.current = owner;
});

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

async function choose(as: 'visitor' | 'parent', input: unknown): Promise<unknown> {
  const { chooseLanguageAction, chooseParentLanguageAction } = await import('@/app/actions');
  const run = as === 'visitor' ? chooseLanguageAction : chooseParentLanguageAction;
  try {
    return await run(input as FormData);
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).message);
  }
}

/** Every account's language: a refusal leaves it identical. */
async function locales(): Promise<string> {
  const [state] = await rows<{ all: string }>(
    database.db,
    sql`select string_agg(id || ':' || coalesce(locale::text, '-'), ',' order by id) as all from accounts`,
  );
  return state!.all;
}

const localeOf = async (id: number) =>
  (await database.db.select({ locale: accounts.locale }).from(accounts).where(eq(accounts.id, id)))[0]!.locale;

describe('« Langue »', () => {
  it('remembers a visitor’s choice in the cookie, and writes nothing', async () => {
    session.current = null;
    const before = await locales();
    expect(await choose('visitor', form({ langue: 'ar' }))).toBeUndefined();
    expect(jar.get(LOCALE_COOKIE)).toBe('ar');
    expect(await locales()).toBe(before);
  });

  it('stores a parent’s choice on the parent’s own account and in the cookie', async () => {
    await choose('parent', form({ langue: 'en' }));
    expect(await localeOf(martinId)).toBe('en');
    expect(jar.get(LOCALE_COOKIE)).toBe('en');
    await choose('parent', form({ langue: 'fr' }));
    expect(await localeOf(martinId)).toBe('fr');
  });

  it('changes the session’s account only: an account id in the form is not read', async () => {
    await choose('parent', form({ langue: 'ar', accountId: bernardId, id: bernardId }));
    expect(await localeOf(martinId)).toBe('ar');
    expect(await localeOf(bernardId)).toBeNull();
  });

  for (const [what, input] of [
    ['a language the portal does not offer', form({ langue: 'de' })],
    ['a code in capitals', form({ langue: 'EN' })],
    ['a full tag', form({ langue: 'ar-MA' })],
    ['no language at all', form({})],
    ['a JSON body with a number', { langue: 1 }],
    ['an injection attempt', form({ langue: "fr'; drop table accounts; --" })],
  ] as const) {
    it(`refuses ${what} in French: no cookie, nothing written`, async () => {
      const before = await locales();
      for (const as of ['visitor', 'parent'] as const) {
        expect(await choose(as, input)).toMatchObject({ ok: false, formError: REFUSAL });
      }
      expect(jar.has(LOCALE_COOKIE)).toBe(false);
      expect(await locales()).toBe(before);
    });
  }

  it('sends a visitor on the parent’s action to Connexion, and an agent to the back office, writing nothing', async () => {
    const before = await locales();
    session.current = null;
    expect(await choose('parent', form({ langue: 'en' }))).toMatch(/^NEXT_REDIRECT;\w+;\/connexion;/);
    const agent = (
      await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS.staff.email))
    )[0]!.id;
    session.current = await openTestSession(database.db, agent);
    expect(await choose('parent', form({ langue: 'en' }))).toMatch(/^NEXT_REDIRECT;\w+;\/admin;/);
    expect(await locales()).toBe(before);
    expect(jar.has(LOCALE_COOKIE)).toBe(false);
  });
});

describe('the e-mails in the recipient’s language', () => {
  it('renders each e-mail in its recipient account’s language at sending, French without a choice or an account', async () => {
    await database.db.update(accounts).set({ locale: 'ar' }).where(eq(accounts.id, martinId));
    const acknowledgment = (reference: string) => ({
      reference,
      kind: 'reservation' as const,
      parentName: 'Claire Martin',
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: 'Centre de loisirs Les Tilleuls',
      submittedAt: NOW.toISOString(),
      changes: [{ date: '2027-01-13', added: ['Matin'], removed: [] }],
      link: 'http://localhost:3000/enfants/1',
    });
    for (const [to, reference] of [
      [DEMO_ACCOUNTS.parent.email.toUpperCase(), 'DEM-2026-900001'],
      [DEMO_ACCOUNTS.neighbour.email, 'DEM-2026-900002'],
      ['personne@example.fr', 'DEM-2026-900003'],
    ] as const) {
      await enqueueEmail(database.db, {
        idempotencyKey: `languages-${reference}`,
        to,
        template: 'request-acknowledgment',
        payload: acknowledgment(reference),
      });
    }
    const sent = new Map<string, { subject: string; html: string }>();
    await dispatchPending(database.db, {
      now: new Date(Date.now() + 60_000),
      send: async (_db, message) => {
        sent.set(message.to.toLowerCase(), message);
        return { transport: 'mailbox', id: String(message.outboxId) };
      },
    });
    expect(sent.get(DEMO_ACCOUNTS.parent.email)?.subject).toBe('إشعار باستلام طلبك DEM-2026-900001');
    expect(sent.get(DEMO_ACCOUNTS.parent.email)?.html).toContain('dir="rtl"');
    expect(sent.get(DEMO_ACCOUNTS.neighbour.email)?.subject).toBe(
      'Accusé de réception de votre demande DEM-2026-900002',
    );
    expect(sent.get('personne@example.fr')?.subject).toBe('Accusé de réception de votre demande DEM-2026-900003');
  });
});

describe('« Créer mon espace famille » in the form’s language', () => {
  const signUpForm = (email: string) => ({
    firstName: 'Amina',
    lastName: 'Saidi',
    phone: '06 12 34 56 78',
    email,
    password: 'une-phrase-de-passe',
    confirmation: 'une-phrase-de-passe',
    address: '4 rue des Lilas',
    postalCode: '91000',
    city: 'Belleval',
    child0: { firstName: 'Yanis', lastName: 'Saidi', birthDate: '2019-05-12', schoolId: '' },
  });

  async function signUp(email: string, langue?: string): Promise<string> {
    session.current = null;
    if (langue) jar.set(LOCALE_COOKIE, langue);
    const { signUpAction } = await import('@/app/(public)/creer-mon-espace/actions');
    return signUpAction(signUpForm(email)).then(
      (v) => JSON.stringify(v),
      (e: { digest?: string }) => String(e.digest),
    );
  }

  async function dispatched(): Promise<Map<string, { subject: string; html: string; text: string }>> {
    const sent = new Map<string, { subject: string; html: string; text: string }>();
    await dispatchPending(database.db, {
      now: new Date(Date.now() + 60_000),
      send: async (_db, message) => {
        sent.set(message.to.toLowerCase(), message);
        return { transport: 'mailbox', id: String(message.outboxId) };
      },
    });
    return sent;
  }

  const accountLocale = async (email: string) =>
    (await database.db.select({ locale: accounts.locale }).from(accounts).where(eq(accounts.email, email)))[0]?.locale;

  it('stores the language of the form on the new account, and sends the confirmation in it', async () => {
    expect(await signUp('amina.saidi@example.fr', 'en')).toMatch(/^NEXT_REDIRECT;\w+;\/creer-mon-espace\/envoye;/);
    expect(await signUp('samir.saidi@example.fr', 'ar')).toMatch(/^NEXT_REDIRECT;/);
    jar.clear();
    expect(await signUp('lina.saidi@example.fr')).toMatch(/^NEXT_REDIRECT;/);
    expect(await accountLocale('amina.saidi@example.fr')).toBe('en');
    expect(await accountLocale('samir.saidi@example.fr')).toBe('ar');
    expect(await accountLocale('lina.saidi@example.fr')).toBe('fr');
    const sent = await dispatched();
    expect(sent.get('amina.saidi@example.fr')?.subject).toBe('Confirm your e-mail address – Family Portal');
    expect(sent.get('amina.saidi@example.fr')?.text).toContain('Hello Amina Saidi,');
    expect(sent.get('samir.saidi@example.fr')?.subject).toBe('أكّد عنوان بريدك الإلكتروني – بوابة الأسرة');
    expect(sent.get('samir.saidi@example.fr')?.html).toContain('dir="rtl"');
    expect(sent.get('lina.saidi@example.fr')?.subject).toBe('Confirmez votre adresse e-mail – Portail Famille');
  });

  it('tells an existing account’s owner in the account’s language, not the form’s', async () => {
    await database.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, bernardId));
    expect(await signUp(DEMO_ACCOUNTS.neighbour.email, 'ar')).toMatch(/^NEXT_REDIRECT;/);
    expect(await localeOf(bernardId)).toBe('en');
    const sent = await dispatched();
    expect(sent.get(DEMO_ACCOUNTS.neighbour.email)?.subject).toBe(
      'Family Portal: an account already exists with your address',
    );
  });
});
