// « Mes données » (RGPD): a parent downloads what the portal holds about the family, JSON and CSV, compared with the
// database; another family's data never appears in it; the parent asks to close the account (asked twice: refused,
// nothing written); an agent confirms, and every column of the family's rows is checked erased or pseudonymised, with
// what the town keeps for billing still there. A confirmation for a family that did not ask, or already closed, is
// refused and writes nothing.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import {
  accounts,
  accountTokens,
  auditLog,
  calendarFeeds,
  children,
  emailOutbox,
  enrolments,
  families,
  mailbox,
  parents,
  requests,
  reservations,
  sessions,
  signInFailures,
} from '@/db/schema';
import { sendInvitation } from '@/lib/accounts/invitations';
import { renewFamilyFeed } from '@/lib/calendar-feed/manage';
import { dispatchPending } from '@/lib/email/dispatcher';
import { renderEmail } from '@/lib/email/render';
import { emailSubject } from '@/lib/email/outbox';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import {
  CLOSED_ACCOUNT_NAME,
  childPseudonym,
  closedAccountEmail,
  confirmFamilyClosure,
  familyPseudonym,
  pendingClosures,
  requestFamilyClosure,
} from '@/lib/families/closure';
import {
  exportFamilyData,
  familyDataCsv,
  type ExportCsvLabel,
  type FamilyDataExport,
} from '@/lib/families/data-export';
import { loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { keyFigures } from '@/lib/reports/stats';
import catalogue from '@/messages/fr/famille-donnees.json';
import { parseCsv } from '../support/csv';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, expectRefused, martin, NOW, snapshot, TODAY, type Martin } from '../support/demo';
import { openTestSession, type TestSession } from '../support/session';

const session = vi.hoisted(() => ({ current: null as null | TestSession }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => session.current, signIn: async () => {}, signOut: async () => {} }));
// what i18n/request.ts gives the route handler: getTranslations({ locale, namespace })
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = {
    ...(await import('@/messages/fr/famille-donnees.json')).default,
    ...(await import('@/messages/fr/admin-dashboard.json')).default,
  };
  return {
    getTranslations: async ({ namespace }: { namespace: string }) =>
      createTranslator({ locale: 'fr', timeZone: 'Europe/Paris', messages, namespace: namespace as never }),
  };
});

let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
let m: Martin;
interface Family {
  familyId: number;
  accountId: number;
  childId: number;
  email: string;
}
let bernard: Family;
let moreau: Family;
const appUrl = 'http://localhost:3000';

async function familyOf(email: string): Promise<Family> {
  const [row] = await database.db
    .select({ familyId: parents.familyId, accountId: accounts.id })
    .from(parents)
    .innerJoin(accounts, eq(accounts.id, parents.accountId))
    .where(eq(accounts.email, email));
  const [child] = await database.db
    .select({ id: children.id })
    .from(children)
    .where(eq(children.familyId, row!.familyId));
  return { familyId: row!.familyId, accountId: row!.accountId, childId: child!.id, email };
}

/** A démarche validated as the parent does it: the day's units replaced, then « Valider ». */
async function book(
  f: { familyId: number; accountId: number; childId: number },
  service: 'mercredi' | 'vacances' | 'cantine',
  date: string,
  units: string[],
) {
  const who = { familyId: f.familyId, accountId: f.accountId, today: TODAY, now: NOW };
  const policy = parentPolicy({ id: f.accountId, familyId: f.familyId });
  const { requestId } = await startReservationDraft(database.db, { ...who, childId: f.childId, service });
  await database.db.transaction((tx) =>
    saveDraftDays(tx, { policy, today: TODAY, now: NOW, input: { requestId, days: [{ date, units }] } }),
  );
  const version = (await loadDraft(database.db, { requestId, policy, now: NOW })).enrolment.planningVersion;
  return submitReservationRequest(database.db, { policy, requestId, version, today: TODAY, now: NOW, appUrl });
}

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');
  // the route reads the clock: the demo's day
  vi.stubEnv('APP_NOW', NOW.toISOString());
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
  bernard = await familyOf(DEMO_ACCOUNTS.neighbour.email);
  moreau = await familyOf(DEMO_ACCOUNTS.closing.email);
  // what a family leaves behind: requests and their acknowledgments (kept in the local mailbox), sign-ins, a feed
  await book({ ...m, childId: m.lea }, 'mercredi', '2027-01-20', []);
  await book(bernard, 'vacances', '2027-02-15', ['matin']);
  await book(moreau, 'cantine', '2027-01-19', []);
  await dispatchPending(database.db, { limit: 100 });
  await openTestSession(database.db, m.accountId, '198.51.100.7');
  await openTestSession(database.db, bernard.accountId, '192.0.2.99');
  await openTestSession(database.db, moreau.accountId, '203.0.113.45');
  await renewFamilyFeed(database.db, { familyId: m.familyId, now: NOW, replace: false });
  await renewFamilyFeed(database.db, { familyId: moreau.familyId, now: NOW, replace: false });
  // the app's getDb() answers with this test database (the route handler)
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

const exportOf = (f: { familyId: number; accountId: number }, format: 'json' | 'csv' = 'json') =>
  exportFamilyData(database.db, { familyId: f.familyId, accountId: f.accountId, format, now: NOW });

const CSV_LABELS: Record<string, string> = catalogue.myData.csv;
/** The route's translator, strict: a label missing from messages/fr/famille-donnees.json fails the test. */
const label = (key: ExportCsvLabel): string => {
  const text = CSV_LABELS[key];
  if (text === undefined) throw new Error(`myData.csv.${key} is missing`);
  return text;
};

describe('« Télécharger mes données »', () => {
  let data: FamilyDataExport;
  beforeAll(async () => {
    data = await exportOf(m);
  });

  it('gives the family, its parents and children as the database holds them, without any password or token', async () => {
    const [family] = await database.db.select().from(families).where(eq(families.id, m.familyId));
    expect(data.family).toMatchObject({
      id: family!.id,
      name: 'Martin',
      address: family!.address,
      postalCode: family!.postalCode,
      city: family!.city,
      sector: 'Secteur Nord',
      status: 'active',
      refusalReason: null,
      closureRequestedAt: null,
    });
    const parentRows = await database.db.select().from(parents).where(eq(parents.familyId, m.familyId));
    expect(data.parents.map(({ account: _a, ...p }) => p)).toEqual(
      parentRows.map((p) => ({ firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone })),
    );
    expect(data.parents[0]!.account).toMatchObject({
      email: DEMO_ACCOUNTS.parent.email,
      active: true,
      reminders: 'none',
    });
    const kids = await database.db.select().from(children).where(eq(children.familyId, m.familyId));
    expect(data.children.map((c) => `${c.firstName} ${c.lastName} ${c.birthDate} ${c.classLevel}`).sort()).toEqual(
      kids.map((c) => `${c.firstName} ${c.lastName} ${c.birthDate} ${c.classLevel}`).sort(),
    );

    const [account] = await database.db.select().from(accounts).where(eq(accounts.id, m.accountId));
    const [feed] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.familyId, m.familyId));
    const json = JSON.stringify(data);
    expect(json).not.toContain(account!.passwordHash!);
    expect(json).not.toContain(feed!.tokenHash);
    expect(json).not.toContain(feed!.nonce);
    expect(json).not.toMatch(/password|tokenHash|nonce/i);
    expect(data.calendarFeed).toEqual({ createdAt: feed!.createdAt.toISOString() });
  });

  it('gives every enrolment and reservation of the children, and the requests with their diffs', async () => {
    const booked = await rows<{ child: string; service: string; date: string; unit: string }>(
      database.db,
      sql`select c.first_name || ' ' || c.last_name as child, r.service::text as service, r.date::text as date,
            r.unit::text as unit
          from reservations r join children c on c.id = r.child_id where c.family_id = ${m.familyId}`,
    );
    const key = (r: { child: string; service: string; date: string; unit: string }) =>
      `${r.child}|${r.service}|${r.date}|${r.unit}`;
    expect(data.reservations.map(key).sort()).toEqual(booked.map(key).sort());
    expect(data.reservations.length).toBeGreaterThan(200);
    expect(data.reservations.some((r) => r.date === '2027-01-20')).toBe(false); // the request removed them
    expect(data.enrolments.map((e) => `${e.child} ${e.service}`).sort()).toEqual([
      'Léa Martin cantine',
      'Léa Martin mercredi',
    ]);

    const stored = await database.db.select().from(requests).where(eq(requests.familyId, m.familyId));
    expect(data.requests).toHaveLength(stored.length);
    const submitted = stored.find((r) => r.status === 'submitted')!;
    expect(data.requests).toContainEqual(
      expect.objectContaining({
        reference: submitted.reference,
        type: 'reservation',
        status: 'submitted',
        child: 'Léa Martin',
        service: 'mercredi',
        diff: submitted.diff,
      }),
    );
    expect((submitted.diff as { removed: unknown[] }).removed.length).toBeGreaterThan(0);
  });

  it('gives the e-mails sent with the copies kept, and the sign-ins of the parent who downloads', async () => {
    const sent = await database.db
      .select({ id: emailOutbox.id, template: emailOutbox.template, payload: emailOutbox.payload })
      .from(emailOutbox)
      .where(eq(emailOutbox.to, DEMO_ACCOUNTS.parent.email));
    expect(sent.length).toBeGreaterThan(0);
    expect(data.emails).toHaveLength(sent.length);
    const [kept] = await database.db.select().from(mailbox).where(eq(mailbox.outboxId, sent[0]!.id));
    expect(data.emails[0]).toMatchObject({ to: DEMO_ACCOUNTS.parent.email, subject: kept!.subject, text: kept!.text });
    expect(data.emails[0]!.subject).toBe(emailSubject(sent[0]!.template, sent[0]!.payload));

    const own = await database.db.select().from(sessions).where(eq(sessions.accountId, m.accountId));
    expect(data.signIns.map((s) => s.address).sort()).toEqual(own.map((s) => s.address).sort());
    expect(data.signIns.map((s) => s.address)).toContain('198.51.100.7');
  });

  it('never holds another family’s data, and each family’s export holds its own', async () => {
    const forBernard = await exportOf(bernard);
    const martins = JSON.stringify(data);
    const bernards = JSON.stringify(forBernard);
    for (const other of ['Bernard', 'Chloé', DEMO_ACCOUNTS.neighbour.email, '192.0.2.99', 'Moreau', 'Nina'])
      expect(martins).not.toContain(other);
    for (const other of ['Martin', 'Léa', 'Hugo', DEMO_ACCOUNTS.parent.email, '198.51.100.7'])
      expect(bernards).not.toContain(other);
    expect(forBernard.children.map((c) => c.firstName)).toEqual(['Chloé']);
    expect(forBernard.reservations).toEqual([
      expect.objectContaining({ child: 'Chloé Bernard', date: '2027-02-15', unit: 'matin' }),
    ]);
    expect(forBernard.emails.map((e) => e.to)).toEqual([DEMO_ACCOUNTS.neighbour.email]);
    expect(forBernard.signIns.map((s) => s.address)).toEqual(['192.0.2.99']);
    expect(forBernard.calendarFeed).toBeNull();
  });

  it('is written in the journal at each download, with its format', async () => {
    const count = async () =>
      (
        await database.db
          .select({ after: auditLog.after, actorId: auditLog.actorId, actorRole: auditLog.actorRole })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'family.export'), eq(auditLog.familyId, m.familyId)))
      ).length;
    const before = await count();
    await exportOf(m, 'csv');
    await exportOf(m, 'json');
    expect(await count()).toBe(before + 2);
    const [last] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'family.export'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(last).toMatchObject({
      actorId: m.accountId,
      actorRole: 'parent',
      entity: 'family',
      after: { format: 'json' },
    });
  });

  it('runs 11 statements whatever the family holds', async () => {
    statements = 0;
    await exportOf(m);
    const forMartin = statements;
    statements = 0;
    await exportOf(bernard);
    expect(statements).toBe(forMartin);
    expect(forMartin).toBeLessThanOrEqual(13); // begin, 10 reads, the journal, commit
  });

  it('reads in a French spreadsheet: one table per part, French headers, formulas neutralised', async () => {
    await database.db.update(parents).set({ phone: '+33 6 12 34 56 78' }).where(eq(parents.familyId, m.familyId));
    const csv = familyDataCsv(await exportOf(m, 'csv'), label);
    await database.db.update(parents).set({ phone: '06 12 34 56 78' }).where(eq(parents.familyId, m.familyId));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const cells = parseCsv(csv);
    const at = (title: string) => cells.findIndex((line) => line.length === 1 && line[0] === title);
    for (const title of [
      'Famille',
      'Parents',
      'Enfants',
      'Inscriptions',
      'Réservations',
      'Demandes',
      'E-mails envoyés',
    ])
      expect(at(title), title).toBeGreaterThan(0);
    expect(cells[at('Parents') + 1]).toEqual(['Prénom', 'Nom', 'E-mail', 'Téléphone', 'Compte', 'Rappels par e-mail']);
    expect(cells[at('Parents') + 2]).toEqual([
      'Claire',
      'Martin',
      DEMO_ACCOUNTS.parent.email,
      "'+33 6 12 34 56 78",
      'Actif',
      'Aucun rappel',
    ]);
    // one line per child, service and day, the units in words
    expect(cells).toContainEqual([
      '02/12/2026',
      'Léa Martin',
      'Accueil de loisirs du mercredi',
      'Accueil de loisirs Les Tilleuls',
      'Matin, Après-midi, Repas sans viande',
    ]);
    const request = cells[at('Demandes') + 2]!;
    expect(request.slice(1, 5)).toEqual(['Réservation', 'Validée', 'Léa Martin', 'Accueil de loisirs du mercredi']);
    expect(request[10]).toMatch(/^20\/01\/2027 : Matin/);
  });
});

describe('the download route (POST /mes-donnees/telechargement)', () => {
  const post = async (format: string) => {
    const { POST } = await import('@/app/(famille)/mes-donnees/telechargement/route');
    const body = new FormData();
    body.set('format', format);
    // a forged family id in the form is not read: the family is the session's
    body.set('familyId', String(bernard.familyId));
    return POST(new Request('http://localhost/mes-donnees/telechargement', { method: 'POST', body }));
  };

  it('answers 401 to a visitor and 403 to an agent, writing nothing', async () => {
    const before = await snapshot(database.db);
    session.current = null;
    expect((await post('json')).status).toBe(401);
    const [agent] = await database.db.select().from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
    session.current = await openTestSession(database.db, agent!.id);
    const refused = await post('json');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('Ce fichier est réservé aux parents : il contient les données de leur famille.');
    expect(await snapshot(database.db)).toBe(before);
  });

  it('gives the signed-in parent their own family as a JSON or CSV file; an unknown format is a 400 that writes nothing', async () => {
    session.current = await openTestSession(database.db, m.accountId);
    const json = await post('json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="mes-donnees-${TODAY}.json"`);
    const data = (await json.json()) as FamilyDataExport;
    expect(data.family.id).toBe(m.familyId);
    expect(data.children.map((c) => c.firstName).sort()).toEqual(['Hugo', 'Léa']);

    const csv = await post('csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text).toContain('Léa');
    expect(text).not.toContain('Chloé');

    const before = await snapshot(database.db);
    const bad = await post('xml');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Format inconnu/);
    expect(await snapshot(database.db)).toBe(before);
    session.current = null;
  });
});

describe('« Demander la fermeture de mon compte »', () => {
  it('records the request and writes it in the journal; asked twice, it is refused and nothing is written', async () => {
    await requestFamilyClosure(database.db, { familyId: bernard.familyId, accountId: bernard.accountId, now: NOW });
    const [family] = await database.db.select().from(families).where(eq(families.id, bernard.familyId));
    expect(family!.closureRequestedAt).toEqual(NOW);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'family.closure_request'), eq(auditLog.familyId, bernard.familyId)));
    expect(audit).toMatchObject({ actorId: bernard.accountId, actorRole: 'parent', entity: 'family' });

    const later = new Date(NOW.getTime() + 86_400_000);
    const before = await snapshot(database.db);
    await expectRefused(
      database.db,
      () => requestFamilyClosure(database.db, { familyId: bernard.familyId, accountId: bernard.accountId, now: later }),
      /déjà enregistrée, depuis le dimanche 29 novembre 2026/,
    );
    expect(await snapshot(database.db)).toBe(before);
    const [still] = await database.db.select().from(families).where(eq(families.id, bernard.familyId));
    expect(still!.closureRequestedAt).toEqual(NOW);
  });

  it('shows in the back office: the list and the dashboard’s count', async () => {
    const list = await pendingClosures(database.db, { today: TODAY });
    expect(list).toEqual([
      expect.objectContaining({
        familyId: bernard.familyId,
        familyName: 'Bernard',
        children: 'Chloé Bernard',
        parents: `Sophie Bernard <${DEMO_ACCOUNTS.neighbour.email}>`,
        futureReservations: 1,
      }),
    ]);
    expect((await keyFigures(database.db, null)).closureRequests).toBe(1);
  });
});

describe('an agent confirms the closure', () => {
  it('refuses a family that did not ask, writing nothing', async () => {
    const agent = await demoAgent(database.db);
    await expectRefused(
      database.db,
      () =>
        confirmFamilyClosure(
          database.db,
          agent,
          { familyId: m.familyId, confirm: '1' },
          { now: NOW, today: TODAY, appUrl },
        ),
      /n'a pas demandé la fermeture/,
    );
    await expectRefused(
      database.db,
      () => confirmFamilyClosure(database.db, agent, { familyId: moreau.familyId }, { now: NOW, today: TODAY, appUrl }),
      /Oui, fermer le compte/,
    );
  });

  it('erases the family’s personal data column by column, keeps what billing needs under a pseudonym, and tells the parents', async () => {
    const db = database.db;
    const agent = await demoAgent(db);
    const f = moreau;
    // an invitation link still out, a sign-in failure, a journal row naming the address: all of it goes
    await db.transaction((tx) =>
      sendInvitation(tx, { accountId: f.accountId, actor: agent, now: NOW, appUrl, familyId: f.familyId }),
    );
    await db.insert(signInFailures).values({ email: f.email, address: '203.0.113.45', at: NOW });
    // an agent's free text left from the sign-up's review (it may name people)
    await db
      .update(families)
      .set({ refusalReason: 'Adresse à vérifier avec Mme Moreau' })
      .where(eq(families.id, f.familyId));
    // the parent reads Arabic: the closure's notice must say so, the account's address being erased before it leaves
    await db.update(accounts).set({ locale: 'ar' }).where(eq(accounts.id, f.accountId));
    await requestFamilyClosure(db, { familyId: f.familyId, accountId: f.accountId, now: NOW });
    const [familyBefore] = await db.select().from(families).where(eq(families.id, f.familyId));
    const [kidBefore] = await db.select().from(children).where(eq(children.id, f.childId));
    const kept = await db
      .select()
      .from(reservations)
      .where(and(eq(reservations.childId, f.childId), sql`${reservations.date} <= ${TODAY}`));
    const future = await db
      .select()
      .from(reservations)
      .where(and(eq(reservations.childId, f.childId), sql`${reservations.date} > ${TODAY}`));
    expect(kept.length).toBeGreaterThan(10);
    expect(future.length).toBeGreaterThan(10);
    const [submitted] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.familyId, f.familyId), eq(requests.status, 'submitted')));
    const [enrolmentBefore] = await db.select().from(enrolments).where(eq(enrolments.childId, f.childId));
    const martinsBefore = await exportOf(m);

    statements = 0;
    const outcome = await confirmFamilyClosure(
      db,
      agent,
      { familyId: f.familyId, confirm: '1' },
      { now: NOW, today: TODAY, appUrl },
    );
    expect(statements).toBeLessThanOrEqual(26); // begin, 23 at most (the waiting lists' 3 included), commit
    expect(outcome).toEqual({
      familyId: f.familyId,
      pseudonym: familyPseudonym(f.familyId),
      emails: 1,
      cancelledReservations: future.length,
    });

    // the family: pseudonym, no street address; the town and postal code stay (tariffs), and the closure's time
    const [family] = await db.select().from(families).where(eq(families.id, f.familyId));
    expect(family).toMatchObject({
      name: `Anonyme F${f.familyId}`,
      address: '',
      // the agent's free text of a refused sign-up may name people: erased too
      refusalReason: null,
      postalCode: familyBefore!.postalCode,
      city: familyBefore!.city,
      closedAt: NOW,
      closureRequestedAt: NOW,
    });
    expect(family!.sectorId).not.toBeNull();
    // the parents: gone, with their e-mails and phones
    expect(await db.select().from(parents).where(eq(parents.familyId, f.familyId))).toEqual([]);
    // the child: a pseudonym, the birth month only; school and class stay (statistics)
    const [kid] = await db.select().from(children).where(eq(children.id, f.childId));
    expect(kid).toMatchObject({
      firstName: childPseudonym(f.childId),
      lastName: `Anonyme F${f.familyId}`,
      birthDate: '2019-05-01',
      schoolId: kidBefore!.schoolId,
      classLevel: kidBefore!.classLevel,
    });
    // the account: disabled, signed out, no password, no name, an address that goes nowhere
    const [account] = await db.select().from(accounts).where(eq(accounts.id, f.accountId));
    expect(account).toMatchObject({
      email: closedAccountEmail(f.accountId),
      passwordHash: null,
      firstName: '',
      lastName: CLOSED_ACCOUNT_NAME,
      disabledAt: NOW,
      reminders: 'none',
      introductionReadAt: null,
      role: 'parent',
    });
    expect(account!.email).toBe(`compte-ferme-${f.accountId}@anonyme.invalid`);
    expect(await db.select().from(sessions).where(eq(sessions.accountId, f.accountId))).toEqual([]);
    expect(await db.select().from(accountTokens).where(eq(accountTokens.accountId, f.accountId))).toEqual([]);
    expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.familyId, f.familyId))).toEqual([]);
    // the e-mails: nothing kept for the address but the closure's notice, still pending
    expect(
      await db
        .select()
        .from(mailbox)
        .where(eq(sql`lower(${mailbox.to})`, f.email)),
    ).toEqual([]);
    const outbox = await db
      .select()
      .from(emailOutbox)
      .where(eq(sql`lower(${emailOutbox.to})`, f.email));
    expect(outbox.map((o) => [o.template, o.status])).toEqual([['account-closed', 'pending']]);
    expect(outbox[0]!.payload).toEqual({
      parentName: 'Julien Moreau',
      closedOn: TODAY,
      link: `${appUrl}/contact`,
      locale: 'ar',
    });
    // no account has the address any more (below): the dispatcher finds no language, the payload's is used
    const notice = await renderEmail('account-closed', outbox[0]!.payload);
    expect(notice.subject).toBe('حسابك على بوابة الأسرة مغلق');
    expect(notice.html).toContain('dir="rtl"');
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.requestId, submitted!.id))).toEqual([]);
    // billing: past reservations and the validated request kept, as they were; future ones cancelled
    const after = await db
      .select()
      .from(reservations)
      .where(eq(reservations.childId, f.childId))
      .orderBy(asc(reservations.id));
    expect(after).toEqual([...kept].sort((a, b) => a.id - b.id));
    const [request] = await db.select().from(requests).where(eq(requests.id, submitted!.id));
    expect(request).toEqual({ ...submitted, reason: null });
    expect(
      await db
        .select()
        .from(requests)
        .where(and(eq(requests.familyId, f.familyId), sql`${requests.status} <> 'submitted'`)),
    ).toEqual([]);
    const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.childId, f.childId));
    expect(enrolment!.planningVersion).toBe(enrolmentBefore!.planningVersion + 1);
    // the journal: who did what and when stays, the content goes; the closure itself is recorded
    const journal = await db.select().from(auditLog).where(eq(auditLog.familyId, f.familyId)).orderBy(asc(auditLog.id));
    expect(journal.map((j) => j.action)).toEqual(
      expect.arrayContaining(['account.invite', 'family.closure_request', 'reservations.replace', 'family.close']),
    );
    for (const j of journal.slice(0, -1)) expect([j.before, j.after], j.action).toEqual([null, null]);
    expect(journal.at(-1)).toMatchObject({
      action: 'family.close',
      actorId: agent.id,
      actorRole: 'staff',
      entity: 'family',
    });
    expect(JSON.stringify(journal)).not.toMatch(/Moreau|Nina|famille\.moreau/i);
    // their address is nowhere but on the closure's notice
    const [left] = await rows<{ n: number }>(
      db,
      sql`select (select count(*) from parents where lower(email) = ${f.email})
            + (select count(*) from accounts where lower(email) = ${f.email})
            + (select count(*) from sign_in_failures where lower(email) = ${f.email})
            + (select count(*) from login_attempts where key like ${'%' + f.email})
            + (select count(*) from mailbox where lower("to") = ${f.email})
            + (select count(*) from children where family_id = ${f.familyId} and first_name = 'Nina') as n`,
    );
    expect(Number(left!.n)).toBe(0);
    // and another family is untouched
    expect(await exportOf(m)).toEqual({ ...martinsBefore });
    // the back office's list no longer shows it; confirming again is refused and writes nothing
    expect((await pendingClosures(db, { today: TODAY })).map((c) => c.familyId)).not.toContain(f.familyId);
    await expectRefused(
      db,
      () => confirmFamilyClosure(db, agent, { familyId: f.familyId, confirm: '1' }, { now: NOW, today: TODAY, appUrl }),
      /déjà fermé/,
    );
  });

  it('the notice reads in French and renders', async () => {
    const email = await renderEmail('account-closed', {
      parentName: 'Julien Moreau',
      closedOn: '2026-11-29',
      link: `${appUrl}/contact`,
    });
    expect(email.subject).toBe('Votre compte sur le Portail Famille est fermé');
    expect(email.text).toContain('Bonjour Julien Moreau,');
    expect(email.text).toContain('le dimanche 29 novembre 2026');
    expect(email.html).toContain('href="http://localhost:3000/contact"');
    expect(email.html).toContain('src="http://localhost:3000/logo-email.png"');
  });
});
