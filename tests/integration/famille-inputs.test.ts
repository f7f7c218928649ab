// What the family's actions refuse before touching the démarche: an id beyond PostgreSQL's integer, the same day
// twice, a body of a megabyte. Each goes through the real action (with `@/auth` mocked and a signed-in parent) on a
// database that logs every statement: nothing runs but the session check, and the refusal is in French.
// The agent's use-cases parse before anything else: there, not one statement runs.
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  agentSaveDaysSchema,
  agentTemplateSchema,
  applyTemplateOnBehalf,
  saveDaysOnBehalf,
  startOnBehalfSchema,
  submitOnBehalfSchema,
} from '@/lib/families/on-behalf';
import { chooseSiteSchema } from '@/lib/enrolments/enrol';
import { UserError } from '@/lib/errors';
import { saveDaysSchema, startReservationDraft, templateSchema } from '@/lib/requests/drafts';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, martin, NOW, TODAY, type Martin } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const TOO_BIG = 2_147_483_648; // 2^31: one more than PostgreSQL's integer
let database: TestDatabase;
let m: Martin;
let owner: TestSession;
let requestId: number;
let statements: string[] = [];
const logger: Logger = {
  logQuery: (query) => {
    statements.push(query);
  },
};

beforeAll(async () => {
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase({ logger });
  // the app's getDb() answers with this test database
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  m = await martin(database.db);
  owner = await openTestSession(database.db, m.accountId);
  ({ requestId } = await startReservationDraft(database.db, {
    familyId: m.familyId,
    accountId: m.accountId,
    childId: m.lea,
    service: 'mercredi',
    today: TODAY,
    now: NOW,
  }));
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

beforeEach(() => {
  session.current = owner;
});

const actions = () => import('@/app/(famille)/demarches/actions');

/** The statements `run` sends to the database. */
async function sent(run: () => Promise<unknown>): Promise<{ result: unknown; statements: string[] }> {
  statements = [];
  const result = await run();
  return { result, statements: [...statements] };
}

/** What checking the session alone sends (the account, its open session): the baseline of every refusal here. */
async function sessionCheck(): Promise<string[]> {
  const { requireParent } = await import('@/lib/auth/session');
  return (await sent(() => requireParent())).statements;
}

/** A body of more than a megabyte, as a forged request could post it. */
function megabyteOfDays(): { date: string; units: string[] }[] {
  const days = Array.from({ length: 40_000 }, (_, i) => ({ date: '2027-01-20', units: ['matin', `x${i}`] }));
  expect(JSON.stringify(days).length).toBeGreaterThan(1_000_000);
  return days;
}

describe("ids beyond PostgreSQL's integer", () => {
  it('every schema that reads an id refuses 2147483648 with a French message', () => {
    const day = [{ date: '2027-01-20', units: ['matin'] }];
    const template = { weeks: [{ 3: ['matin'] }], from: '2027-01-04', to: '2027-02-05' };
    const cases = [
      [saveDaysSchema, { requestId: TOO_BIG, days: day }],
      [templateSchema, { requestId: TOO_BIG, ...template }],
      [chooseSiteSchema, { requestId: TOO_BIG, siteId: 1 }],
      [chooseSiteSchema, { requestId: 1, siteId: TOO_BIG }],
      [agentSaveDaysSchema, { familyId: TOO_BIG, requestId: 1, days: day }],
      [agentTemplateSchema, { familyId: 1, requestId: String(TOO_BIG), ...template }],
      [startOnBehalfSchema, { familyId: 1, childId: TOO_BIG, service: 'mercredi' }],
      [submitOnBehalfSchema, { familyId: 1, requestId: 1, version: TOO_BIG, reason: 'Au guichet' }],
    ] as const;
    for (const [schema, input] of cases) {
      const parsed = schema.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(
        /^(Identifiant invalide|Sélectionnez le lieu proposé|Le récapitulatif n'est plus à jour)/,
      );
    }
    expect(saveDaysSchema.safeParse({ requestId: 2_147_483_647, days: day }).success).toBe(true);
  });

  it('« Enregistrer » and « Appliquer une périodicité » refuse draft 2^31: no query but the session', async () => {
    const { saveDaysAction, applyTemplateAction } = await actions();
    const baseline = await sessionCheck();
    expect(baseline.length).toBeGreaterThan(0);

    const saved = await sent(() =>
      saveDaysAction({ requestId: TOO_BIG, days: [{ date: '2027-01-20', units: ['matin'] }] }),
    );
    expect(saved.result).toMatchObject({ ok: false, fieldErrors: { requestId: ['Identifiant invalide.'] } });
    expect(saved.statements).toEqual(baseline);

    const applied = await sent(() =>
      applyTemplateAction({
        requestId: String(TOO_BIG),
        weeks: [{ 3: ['matin'] }],
        from: '2027-01-04',
        to: '2027-02-05',
      }),
    );
    expect(applied.result).toMatchObject({ ok: false, fieldErrors: { requestId: ['Identifiant invalide.'] } });
    expect(applied.statements).toEqual(baseline);
  });

  it("the form actions (Étape 2, « Valider », « Annuler », « S'inscrire ») do not query with it either", async () => {
    const reservations = await actions();
    const enrolments = await import('@/app/(famille)/demarches/inscriptions/actions');
    const form = (fields: Record<string, string | number>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
      return data;
    };
    const calls: [string, () => Promise<unknown>][] = [
      [
        'startReservationAction',
        () => reservations.startReservationAction(form({ childId: TOO_BIG, service: 'mercredi' })),
      ],
      ['goToRecapAction', () => reservations.goToRecapAction(form({ requestId: TOO_BIG }))],
      ['cancelDraftAction', () => reservations.cancelDraftAction(form({ requestId: TOO_BIG }))],
      ['submitAction', () => reservations.submitAction({}, form({ requestId: TOO_BIG, version: 0 }))],
      ['submitAction (version)', () => reservations.submitAction({}, form({ requestId, version: TOO_BIG }))],
      ['startEnrolmentAction', () => enrolments.startEnrolmentAction(form({ childId: TOO_BIG, service: 'mercredi' }))],
      ['chooseSiteAction', () => enrolments.chooseSiteAction({}, form({ requestId: TOO_BIG, siteId: 1 }))],
      ['submitEnrolmentAction', () => enrolments.submitEnrolmentAction({}, form({ requestId: TOO_BIG }))],
      ['cancelEnrolmentAction', () => enrolments.cancelEnrolmentAction(form({ requestId: TOO_BIG }))],
    ];
    const baseline = await sessionCheck();
    for (const [name, call] of calls) {
      const { result, statements: ran } = await sent(() =>
        call().catch((error: unknown) => ({ thrown: String((error as { digest?: string }).digest) })),
      );
      expect(JSON.stringify(result), name).not.toMatch(/NEXT_REDIRECT;\w+;\/connexion|\/etape-|probl[eè]me technique/);
      expect(ran, name).toEqual(baseline);
    }
  });

  it("the agent's use-cases refuse it in French before any statement", async () => {
    const agent = await demoAgent(database.db);
    const clock = { today: TODAY, now: NOW };
    for (const run of [
      () =>
        saveDaysOnBehalf(database.db, agent, {
          ...clock,
          input: { familyId: m.familyId, requestId: TOO_BIG, days: [{ date: '2027-01-20', units: ['matin'] }] },
        }),
      () =>
        applyTemplateOnBehalf(database.db, agent, {
          ...clock,
          input: {
            familyId: m.familyId,
            requestId: TOO_BIG,
            weeks: [{ 3: ['matin'] }],
            from: '2027-01-04',
            to: '2027-02-05',
          },
        }),
    ]) {
      const { result, statements: ran } = await sent(() => run().catch((error: unknown) => error));
      expect(result).toBeInstanceOf(UserError);
      expect((result as UserError).message).toBe('Identifiant invalide.');
      expect(ran).toEqual([]);
    }
  });
});

describe('the same day twice in one « Enregistrer »', () => {
  it('is refused by the schema, in French, naming the day', () => {
    const parsed = saveDaysSchema.safeParse({
      requestId: 1,
      days: [
        { date: '2027-01-20', units: ['matin'] },
        { date: '2027-01-27', units: [] },
        { date: '2027-01-20', units: [] },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      "Le mercredi 20 janvier 2027 apparaît deux fois : chaque jour ne s'enregistre qu'une fois.",
    );
    expect(
      agentSaveDaysSchema.safeParse({
        familyId: 1,
        requestId: 1,
        days: [
          { date: '2027-01-20', units: [] },
          { date: '2027-01-20', units: [] },
        ],
      }).success,
    ).toBe(false);
  });

  it('through the action: the parent reads it, and the draft is not even read', async () => {
    const { saveDaysAction } = await actions();
    const baseline = await sessionCheck();
    const { result, statements: ran } = await sent(() =>
      saveDaysAction({
        requestId,
        days: [
          { date: '2027-01-20', units: ['matin'] },
          { date: '2027-01-20', units: [] },
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      formError: "Le mercredi 20 janvier 2027 apparaît deux fois : chaque jour ne s'enregistre qu'une fois.",
      fieldErrors: {},
    });
    expect(ran).toEqual(baseline);
  });
});

describe('a body of a megabyte', () => {
  it('« Enregistrer » refuses it before any query but the session check', async () => {
    const { saveDaysAction } = await actions();
    const baseline = await sessionCheck();
    const { result, statements: ran } = await sent(() => saveDaysAction({ requestId, days: megabyteOfDays() }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { days: ['Trop de jours à la fois : enregistrez semaine par semaine.'] },
    });
    expect(ran).toEqual(baseline);
  });

  it('« Appliquer une périodicité » too (a megabyte of weeks)', async () => {
    const { applyTemplateAction } = await actions();
    const baseline = await sessionCheck();
    const weeks = Array.from({ length: 20_000 }, () => ({
      1: ['matin', 'apres_midi'],
      3: ['matin', 'repas_classique'],
    }));
    expect(JSON.stringify(weeks).length).toBeGreaterThan(1_000_000);
    const { result, statements: ran } = await sent(() =>
      applyTemplateAction({ requestId, weeks, from: '2027-01-04', to: '2027-02-05' }),
    );
    expect(result).toMatchObject({ ok: false });
    expect(ran).toEqual(baseline);
  });

  it("the agent's « Enregistrer » refuses it before any statement at all", async () => {
    const agent = await demoAgent(database.db);
    const { result, statements: ran } = await sent(() =>
      saveDaysOnBehalf(database.db, agent, {
        today: TODAY,
        now: NOW,
        input: { familyId: m.familyId, requestId, days: megabyteOfDays() },
      }).catch((error: unknown) => error),
    );
    expect(result).toBeInstanceOf(UserError);
    expect((result as UserError).message).toBe('Trop de jours à la fois : enregistrez semaine par semaine.');
    expect(ran).toEqual([]);
  });
});

describe('« Régénérer le lien » (Ajouter à mon agenda) without its confirmation', () => {
  it('is refused in French, and nothing runs but the session check: the link stays as it was', async () => {
    const { renewCalendarFeedAction } = await import('@/app/(famille)/agenda/actions');
    const baseline = await sessionCheck();
    for (const input of [{}, { confirm: 'oui' }, { confirm: ['renew', 'renew'] }]) {
      const { result, statements: ran } = await sent(() => renewCalendarFeedAction(input));
      expect(result).toMatchObject({
        ok: false,
        formError: 'Confirmez la régénération du lien avec le bouton « Oui, régénérer le lien ».',
      });
      expect(ran).toEqual(baseline);
    }
  });
});

describe('« Demander la fermeture de mon compte » (Mes données) without its confirmation', () => {
  it('is refused in French, and nothing runs but the session check: nothing is recorded', async () => {
    const { requestClosureAction } = await import('@/app/(famille)/mes-donnees/actions');
    const baseline = await sessionCheck();
    for (const input of [{}, { confirm: 'oui' }, { confirm: ['1', '1'] }, { familyId: 1 }]) {
      const { result, statements: ran } = await sent(() => requestClosureAction(input));
      expect(result).toMatchObject({
        ok: false,
        formError: 'Confirmez la demande avec le bouton « Oui, demander la fermeture ».',
      });
      expect(ran).toEqual(baseline);
    }
  });
});
