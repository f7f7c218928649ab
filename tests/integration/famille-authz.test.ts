// Who gets what in the family's server actions: every exported action of app/(famille)/**/actions.ts and
// app/actions.ts is called with the ids of the Martins' real drafts (Léa's Wednesdays, Hugo's enrolment) as an
// anonymous visitor, as the parent of another family, as an agent, as an animateur (« Pointage » only), and as the
// Martins' parent. The first four are
// sent away or refused in French and write nothing; the owner reaches the use-case. A new action without an entry
// in INPUTS fails the walk: none escapes it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, parents, requests } from '@/db/schema';
import { rows } from '@/db/client';
import { declareAbsence, declareAbsenceSchema } from '@/lib/absences/declare';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { proposedSite, startEnrolmentDraft } from '@/lib/enrolments/enrol';
import { requestFamilyClosure } from '@/lib/families/closure';
import { loadDraft, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, snapshot, TODAY, type Martin } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
// « Langue » sets a cookie: a jar that keeps nothing (tests/integration/languages.test.ts reads what is set)
vi.mock('next/headers', async (original) => ({
  ...(await original<typeof import('next/headers')>()),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === 'actions.ts' ? [full] : [];
  });
}

const files = [
  ...actionFiles(path.join(process.cwd(), 'app', '(famille)')),
  path.join(process.cwd(), 'app', 'actions.ts'),
];
type Action = (...args: unknown[]) => Promise<unknown>;
const actions: { file: string; name: string; fn: Action }[] = [];
for (const file of files) {
  const mod = (await import(file)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn === 'function') actions.push({ file: path.relative(process.cwd(), file), name, fn: fn as Action });
  }
}

/** The Martins' real ids, opened afresh before each action. */
interface Ids {
  lea: number;
  hugo: number;
  /** Léa's draft of her Wednesdays, and the planning version its recap shows */
  draft: number;
  version: number;
  /** Hugo's enrolment draft at the Wednesday centre, and the site proposed to him */
  enrolmentDraft: number;
  site: number;
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** « Ajouter le certificat »: the request and a small PDF. */
function certificateForm(requestId: number): FormData {
  const data = new FormData();
  data.set('requestId', String(requestId));
  data.set('certificate', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'certificat.pdf'));
  return data;
}
let absenceId = 0;
let waitingId = 0;

const redirectTo = (target: string) => new RegExp(`^NEXT_REDIRECT;\\w+;${target.replace(/[?]/g, '\\?')};`);
const NOT_FOUND = /introuvable/;

/**
 * Per action: its arguments, naming the Martins' ids; what the other family's parent reads; what the owner reads;
 * `writes`: the owner's call changes the database (so a refusal that looks alike is told apart by the snapshot);
 * `anyone`: no session needed (signing out).
 */
const INPUTS: Record<
  string,
  {
    args: (ids: Ids) => unknown[];
    other?: (ids: Ids) => RegExp;
    owner: (ids: Ids) => RegExp;
    writes?: boolean;
    anyone?: boolean;
  }
> = {
  startReservationAction: {
    // « Commencer » on the introduction (read then, in the same transaction as the draft)
    args: (i) => [form({ childId: i.lea, service: 'mercredi', introduction: '1' })],
    other: (i) => redirectTo(`/demarches/reservations/mercredi/${i.lea}?erreur=not_found`),
    owner: (i) => redirectTo(`/demarches/${i.draft}/etape-1`),
  },
  // « Même planning pour Hugo »: the owner's draft is in no group (one child), so the copy is refused there too
  copyPlanningAction: {
    args: (i) => [form({ requestId: i.draft, targetRequestId: i.draft, from: '2027-01-04', to: '2027-01-10' })],
    other: () => /"code":"draft_not_found"/,
    owner: () => /"code":"siblings_copy_not_in_group"/,
  },
  saveDaysAction: {
    args: (i) => [{ requestId: i.draft, days: [{ date: '2027-01-20', units: ['matin', 'apres_midi'] }] }],
    other: () => /^\{"ok":false,"formError":"Cette démarche est introuvable/,
    owner: () => /^\{"ok":true/,
    writes: true,
  },
  applyTemplateAction: {
    args: (i) => [{ requestId: i.draft, weeks: [{ 3: ['matin'] }], from: '2027-01-04', to: '2027-02-05' }],
    other: () => /^\{"ok":false,"formError":"Cette démarche est introuvable/,
    owner: () => /^\{"ok":true/,
    writes: true,
  },
  goToRecapAction: {
    args: (i) => [form({ requestId: i.draft })],
    other: () => redirectTo('/'),
    owner: (i) => redirectTo(`/demarches/${i.draft}/etape-2`),
  },
  cancelDraftAction: {
    args: (i) => [form({ requestId: i.draft })],
    other: () => redirectTo('/'),
    owner: (i) => redirectTo(`/enfants/${i.lea}?annulee=1`),
    writes: true,
  },
  submitAction: {
    args: (i) => [{}, form({ requestId: i.draft, version: i.version })],
    other: () => NOT_FOUND,
    // the use-case ran: the draft is the owner's, and it changes nothing yet
    owner: () => /aucune modification/,
  },
  startEnrolmentAction: {
    args: (i) => [form({ childId: i.hugo, service: 'mercredi' })],
    other: (i) => redirectTo(`/demarches/inscription/mercredi/${i.hugo}?erreur=not_found`),
    owner: (i) => redirectTo(`/demarches/inscriptions/${i.enrolmentDraft}/etape-1`),
  },
  chooseSiteAction: {
    args: (i) => [{}, form({ requestId: i.enrolmentDraft, siteId: i.site })],
    other: () => NOT_FOUND,
    owner: (i) => redirectTo(`/demarches/inscriptions/${i.enrolmentDraft}/etape-2`),
    writes: true,
  },
  submitEnrolmentAction: {
    args: (i) => [{}, form({ requestId: i.enrolmentDraft })],
    other: () => NOT_FOUND,
    owner: () => /Sélectionnez le lieu proposé à l'étape 1/,
  },
  cancelEnrolmentAction: {
    args: (i) => [form({ requestId: i.enrolmentDraft })],
    other: () => redirectTo('/'),
    owner: () => redirectTo('/'),
    writes: true,
  },
  // « Enregistrer » on Mon compte: it names no account (the session's is changed), so another family's parent changes
  // their own choice only (tests/integration/reminder-settings.test.ts checks the Martins' stays as it was)
  saveRemindersAction: {
    args: () => [form({ reminders: 'weekly' })],
    other: () => redirectTo('/mon-compte?enregistre=1'),
    owner: () => redirectTo('/mon-compte?enregistre=1'),
  },
  // « Régénérer le lien » (app/(famille)/agenda): names nothing but the session's family, so another parent renews
  // their own link, never the Martins'
  renewCalendarFeedAction: {
    args: () => [form({ confirm: 'renew' })],
    other: () => redirectTo('/agenda?lien=renouvele'),
    owner: () => redirectTo('/agenda?lien=renouvele'),
  },
  // « Demander la fermeture de mon compte » (app/(famille)/mes-donnees): names nothing but the session's family; the
  // other family (the Bernards) has already asked (beforeAll), so its parent's call is refused as asked twice
  requestClosureAction: {
    args: () => [form({ confirm: '1' })],
    other: () => /"code":"closure_already_requested"/,
    owner: () => redirectTo('/mes-donnees'),
    writes: true,
  },
  // « Signaler une absence » (app/(famille)/enfants/[childId]/absence): Léa's canteen Thursday after the demo's Sunday;
  // another family's parent is told nothing is booked (the child is not theirs: no row in the query)
  declareAbsenceAction: {
    args: (i) => [
      {},
      form({ childId: i.lea, service: 'cantine', days: '2026-12-03', reason: 'autre', details: 'Rendez-vous' }),
    ],
    other: () => /"code":"absence_nothing_booked"/,
    owner: () => /^NEXT_REDIRECT;\w+;\/mes-demandes\/\d+\?signalee=1;/,
    writes: true,
  },
  // « Ajouter le certificat » (app/(famille)/mes-demandes/[requestId]): the Martins' absence of Friday 4 December,
  // declared without a certificate (beforeAll); another family's parent cannot find it
  addCertificateAction: {
    args: () => [{}, certificateForm(absenceId)],
    other: () => /"code":"absence_not_found"/,
    owner: () => new RegExp(`^NEXT_REDIRECT;\\w+;/mes-demandes/${absenceId}\\?certificat=1;`),
    writes: true,
  },
  // « Quitter la liste d'attente » (app/(famille)/enfants/[childId]/liste-attente/[entryId]): Léa's entry on the
  // waiting list of a Wednesday (beforeAll); another family's parent reads that it is no longer on the list
  leaveWaitingListAction: {
    args: () => [{}, form({ entryId: waitingId })],
    other: () => /"code":"waiting_entry_gone"/,
    owner: (i) => new RegExp(`^NEXT_REDIRECT;\\w+;/enfants/${i.lea}\\?liste-quittee=${waitingId};`),
    writes: true,
  },
  // « Se déconnecter » (app/actions.ts): names nothing of a family; anyone may call it
  signOutAction: { args: () => [], owner: () => /^undefined$/, anyone: true },
  // « Langue » (app/actions.ts): a visitor's sets the cookie only; a parent's names no account (the session's is
  // changed), so another family's parent changes their own language only (tests/integration/languages.test.ts)
  chooseLanguageAction: { args: () => [form({ langue: 'en' })], owner: () => /^undefined$/, anyone: true },
  chooseParentLanguageAction: {
    args: () => [form({ langue: 'en' })],
    other: () => /^undefined$/,
    owner: () => /^undefined$/,
  },
};

let database: TestDatabase;
let m: Martin;
const as: Record<'owner' | 'otherParent' | 'agent' | 'animateur', TestSession | null> = {
  owner: null,
  otherParent: null,
  agent: null,
  animateur: null,
};

beforeAll(async () => {
  // the actions read the clock: the demo's day, in the 2026-2027 school year
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase();
  // the app's getDb() answers with this test database
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
  m = await martin(database.db);
  const accountOf = async (email: string) =>
    (await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email)))[0]!.id;
  as.owner = await openTestSession(database.db, m.accountId);
  as.otherParent = await openTestSession(database.db, await accountOf(DEMO_ACCOUNTS.neighbour.email));
  as.agent = await openTestSession(database.db, await accountOf(DEMO_ACCOUNTS.staff.email));
  as.animateur = await openTestSession(database.db, await accountOf(DEMO_ACCOUNTS.animateur.email));
  // an absence of the Martins without its certificate yet, for « Ajouter le certificat »
  absenceId = (
    await declareAbsence(
      database.db,
      { id: m.accountId, familyId: m.familyId },
      declareAbsenceSchema.parse({ childId: m.lea, service: 'cantine', days: ['2026-12-04'], reason: 'maladie' }),
      { today: TODAY, now: NOW, appUrl: 'http://localhost:3000' },
    )
  ).requestId;
  // Léa waits for the morning of a Wednesday, for « Quitter la liste d'attente »
  const [entry] = await rows<{ id: number }>(
    database.db,
    sql`insert into waiting_entries (family_id, child_id, service, site_id, school_year_id, date, units, queued_at)
        select ${m.familyId}, ${m.lea}, 'mercredi', e.site_id, e.school_year_id, '2027-01-20', '{matin}', ${NOW.toISOString()}::timestamptz
        from enrolments e where e.child_id = ${m.lea} and e.service = 'mercredi'
        returning id`,
  );
  waitingId = entry!.id;
  // the other family has asked to close its account already: its parent's « Demander la fermeture » writes nothing
  await requestFamilyClosure(database.db, {
    familyId: (await database.db.select().from(parents).where(eq(parents.email, DEMO_ACCOUNTS.neighbour.email)))[0]!
      .familyId,
    accountId: await accountOf(DEMO_ACCOUNTS.neighbour.email),
    now: NOW,
  });
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

/** Léa's reservation draft and Hugo's enrolment draft, opened by their parent through the use-cases. */
async function freshIds(): Promise<Ids> {
  const db = database.db;
  await db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
  const who = { familyId: m.familyId, accountId: m.accountId, today: TODAY, now: NOW };
  const { requestId: draft } = await startReservationDraft(db, { ...who, childId: m.lea, service: 'mercredi' });
  const version = (
    await loadDraft(db, { requestId: draft, policy: parentPolicy({ id: m.accountId, familyId: m.familyId }), now: NOW })
  ).enrolment.planningVersion;
  const { requestId: enrolmentDraft } = await startEnrolmentDraft(db, { ...who, childId: m.hugo, service: 'mercredi' });
  const site = await proposedSite(db, { familyId: m.familyId, childId: m.hugo, service: 'mercredi' });
  return { lea: m.lea, hugo: m.hugo, draft, version, enrolmentDraft, site: site!.id };
}

/** What the caller sees: the redirect's digest, or the returned value as JSON. */
async function outcome(fn: Action, args: unknown[], who: TestSession | null): Promise<string> {
  session.current = who;
  try {
    return JSON.stringify(await fn(...args)) ?? 'undefined';
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).message);
  }
}

describe("the family's actions", () => {
  it('are all in the walk, and every entry is an action', () => {
    expect(actions.length).toBeGreaterThanOrEqual(10);
    for (const { file, name } of actions) expect(INPUTS[name], `${file}: ${name} has no entry in INPUTS`).toBeDefined();
    for (const name of Object.keys(INPUTS))
      expect(
        actions.map((a) => a.name),
        `INPUTS.${name} names no action`,
      ).toContain(name);
    expect(new Set(actions.map((a) => a.name)).size, 'two actions share a name').toBe(actions.length);
  });

  for (const { file, name, fn } of actions) {
    it(`${file}: ${name} — anonymous, another family, an agent, an animateur are sent away; the owner reaches it`, async () => {
      const entry = INPUTS[name];
      if (!entry) return; // reported by the test above
      const ids = await freshIds();
      const args = entry.args(ids);
      const before = await snapshot(database.db);

      const anonymous = await outcome(fn, args, null);
      const other = await outcome(fn, args, as.otherParent);
      const agent = await outcome(fn, args, as.agent);
      const animateur = await outcome(fn, args, as.animateur);
      if (!entry.anyone) {
        expect(anonymous, `${name} as anonymous`).toMatch(redirectTo('/connexion'));
        expect(other, `${name} as another family's parent`).toMatch(entry.other!(ids));
        expect(agent, `${name} as an agent`).toMatch(redirectTo('/admin'));
        expect(animateur, `${name} as an animateur`).toMatch(redirectTo('/pointage'));
      }
      expect(
        await snapshot(database.db),
        `${name} wrote something for a visitor, another family, an agent or an animateur`,
      ).toBe(before);

      const owner = await outcome(fn, args, as.owner);
      expect(owner, `${name} as the owner`).not.toMatch(
        /NEXT_REDIRECT;\w+;\/connexion|NEXT_HTTP_ERROR_FALLBACK|probl[eè]me technique/,
      );
      expect(owner, `${name} as the owner`).toMatch(entry.owner(ids));
      if (entry.writes) expect(await snapshot(database.db), `${name} as the owner changed nothing`).not.toBe(before);
    });
  }
});
