// « Gérer les réservations » refused: the agent is sent back to the child's page with a code (?erreur=not_enrolled),
// and the page says the matching French sentence. A forged ?erreur= (any text in a link sent to an agent) shows
// nothing: the page never prints what the URL says.
import { and, eq } from 'drizzle-orm';
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, children, families } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { CHILD_PAGE_ERRORS, childPageError, childPageErrorCode } from '@/lib/families/child-page-errors';
import { UserError } from '@/lib/errors';
import base from '@/messages/fr.json';
import adminFamilies from '@/messages/fr/admin-families.json';
import { createDemoDatabase, type TestDatabase } from '../support/db';

const staff = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/session', () => ({
  requireStaff: async () => staff.user,
  currentUser: async () => staff.user,
  currentUserOrRedirect: async () => staff.user,
}));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
// what i18n/request.ts gives a server component
vi.mock('next-intl/server', async () => {
  const { createTranslator: translator } = await import('next-intl');
  const all = {
    ...(await import('@/messages/fr.json')).default,
    ...(await import('@/messages/fr/admin-families.json')).default,
  };
  return {
    getTranslations: async (namespace: string) =>
      translator({ locale: 'fr', timeZone: 'Europe/Paris', messages: all, namespace: namespace as never }),
  };
});

const messages = { ...base, ...adminFamilies };
const t = createTranslator({ locale: 'fr', messages, namespace: 'adminChild' });
const FORGED = '<b>Votre compte est bloqué, appelez le 0899…</b>';

let database: TestDatabase;
let family: number;
let hugo: number;

beforeAll(async () => {
  vi.stubEnv('APP_NOW', '2026-11-29T10:00:00+01:00');
  database = await createDemoDatabase();
  // the app's getDb() answers with this test database
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  const [agent] = await database.db.select().from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  const { id, email, firstName, lastName } = agent!;
  staff.user = { id, email, firstName, lastName, role: 'staff', familyId: null };
  const [martin] = await database.db
    .select({ id: families.id })
    .from(families)
    .where(eq(families.name, 'Martin'))
    .limit(1);
  family = martin!.id;
  const [child] = await database.db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.familyId, family), eq(children.firstName, 'Hugo')));
  hugo = child!.id;
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

/** Where startOnBehalfAction sends the agent. */
async function startOnBehalf(fields: Record<string, string | number>): Promise<string> {
  const { startOnBehalfAction } = await import('@/app/admin/familles/[id]/demarches/actions');
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  try {
    await startOnBehalfAction(form);
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? error);
    return /^NEXT_REDIRECT;\w+;([^;]+);/.exec(digest)?.[1] ?? digest;
  }
  throw new Error('no redirect');
}

async function childPageHtml(erreur: unknown): Promise<string> {
  const { default: AdminChildPage } = await import('@/app/admin/familles/[id]/enfants/[childId]/page');
  const page = await AdminChildPage({
    params: Promise.resolve({ id: String(family), childId: String(hugo) }),
    searchParams: Promise.resolve({ erreur: erreur as string }),
  });
  const intl = { locale: 'fr', timeZone: 'Europe/Paris', messages, children: page };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl));
}

const alertOf = (html: string) => /<p role="alert"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? null;

describe('the agent is sent back to the child page with a code, never a sentence', () => {
  it('Hugo is enrolled in nothing: ?erreur=not_enrolled', async () => {
    expect(await startOnBehalf({ familyId: family, childId: hugo, service: 'cantine' })).toBe(
      `/admin/familles/${family}/enfants/${hugo}?erreur=not_enrolled`,
    );
  });

  it('a child of another family: ?erreur=not_found; an unknown service: ?erreur=invalid_input', async () => {
    expect(await startOnBehalf({ familyId: family + 1, childId: hugo, service: 'cantine' })).toBe(
      `/admin/familles/${family + 1}/enfants/${hugo}?erreur=not_found`,
    );
    expect(await startOnBehalf({ familyId: family, childId: hugo, service: 'piscine' })).toBe(
      `/admin/familles/${family}/enfants/${hugo}?erreur=invalid_input`,
    );
  });

  it('any other refusal becomes refused', () => {
    expect(childPageErrorCode(new UserError('family_not_found'))).toBe('refused');
    expect(childPageErrorCode(new UserError('no_year_for_reservations'))).toBe('no_year');
  });
});

describe("the child's page says only the sentences of known codes", () => {
  it('shows the French sentence of a known code, with the child’s first name where it has one', async () => {
    const html = await childPageHtml('not_enrolled');
    expect(alertOf(html)?.replaceAll('&#x27;', "'")).toBe(
      "Hugo n'est pas inscrit(e) à ce service pour cette année scolaire : faites d'abord la démarche « S'inscrire ».",
    );
  });

  it('shows nothing for a forged or unknown erreur', async () => {
    const forged = [FORGED, 'Votre compte est bloqué', 'errors.not_found', 'toString', '__proto__', ['no_year'], ''];
    for (const erreur of forged) {
      const html = await childPageHtml(erreur);
      expect(html).toContain('<h1 class="text-2xl font-bold">Hugo Martin</h1>');
      expect(alertOf(html), JSON.stringify(erreur)).toBeNull();
      expect(html).not.toContain('0899');
      expect(html).not.toContain('bloqué');
    }
    expect(alertOf(await childPageHtml(undefined))).toBeNull();
  });

  it('has a sentence for every code', () => {
    for (const code of CHILD_PAGE_ERRORS) {
      const sentence = childPageError(code, t, 'Léa');
      expect(sentence, code).toMatch(/^[A-ZÉL].+\.$/);
      expect(sentence).not.toContain('{');
    }
    expect(childPageError(FORGED, t, 'Léa')).toBeNull();
  });
});
