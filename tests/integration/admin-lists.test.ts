// Back office lists on the demo town: « Demandes » (filters, pages, one request with its changes) and
// « Journal » (filters on who, what and when), after the Martins book a Wednesday and an agent books one for them.
import { eq, sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, holidayPeriods, parents, requests, schoolYears, sectors, sites } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { getAdminRequest, listAdminRequests, requestFiltersSchema } from '@/lib/requests/list';
import { describeAudit } from '@/lib/audit/describe';
import { journalFacets, journalFiltersSchema, journalNames, listJournal } from '@/lib/audit/journal';
import { saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { agentPolicy, parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, NOW, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let agentId: number;
let byParent: { id: number; reference: string };
let byAgent: { id: number; reference: string };
const appUrl = 'http://localhost:3000';
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

async function book(p: {
  accountId: number;
  date: string;
  now: Date;
  onBehalf?: { agentName: string; reason: string };
}) {
  // the demo books Léa every Wednesday: the day is cleared first, so that the request adds Matin + Repas classique
  await database.db.execute(
    sql`delete from reservations where child_id = ${m.lea} and service = 'mercredi' and date = ${p.date}`,
  );
  const { requestId } = await startReservationDraft(database.db, {
    familyId: m.familyId,
    accountId: p.accountId,
    childId: m.lea,
    service: 'mercredi',
    today: TODAY,
    now: p.now,
    onBehalf: Boolean(p.onBehalf),
  });
  const policy = p.onBehalf
    ? agentPolicy({ id: p.accountId, firstName: p.onBehalf.agentName, lastName: '' }, m.familyId)
    : parentPolicy({ id: p.accountId, familyId: m.familyId });
  await saveDraftDays(database.db, {
    policy,
    today: TODAY,
    now: p.now,
    input: { requestId, days: [{ date: p.date, units: ['matin', 'repas_classique'] }] },
  });
  const [draft] = await database.db
    .select({ base: requests.baseVersion })
    .from(requests)
    .where(eq(requests.id, requestId));
  const { reference } = await submitReservationRequest(database.db, {
    policy,
    requestId,
    version: draft!.base ?? 0,
    today: TODAY,
    now: p.now,
    appUrl,
    reason: p.onBehalf?.reason,
  });
  return { id: requestId, reference };
}

const filters = (raw: Record<string, string>) => requestFiltersSchema.parse(raw);
const journal = (raw: Record<string, string>) => journalFiltersSchema.parse(raw);

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
  const [agent] = await database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  agentId = agent!.id;
  byParent = await book({ accountId: m.accountId, date: '2027-01-13', now: NOW });
  byAgent = await book({
    accountId: agentId,
    date: '2027-01-20',
    now: new Date('2026-12-02T14:00:00Z'),
    onBehalf: { agentName: 'Camille Agent', reason: 'Demande au guichet' },
  });
});

afterAll(async () => {
  await database?.close();
});

describe('« Demandes »', () => {
  it('lists every submitted request, newest first', async () => {
    const page = await listAdminRequests(database.db, filters({}));
    const ours = page.rows.filter((r) => r.familyId === m.familyId).map((r) => r.reference);
    expect(ours.slice(0, 2)).toEqual([byAgent.reference, byParent.reference]);
    const dates = page.rows.map((r) => r.submittedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(page.rows.length).toBeLessThanOrEqual(50);
  });

  it('filters by reference, family name, child, service, type, on behalf and dates', async () => {
    const refs = async (raw: Record<string, string>) =>
      (await listAdminRequests(database.db, filters(raw))).rows.map((r) => r.reference);
    expect(await refs({ reference: byParent.reference })).toEqual([byParent.reference]);
    expect(await refs({ family: 'martin', service: 'mercredi' })).toEqual(
      expect.arrayContaining([byAgent.reference, byParent.reference]),
    );
    expect(await refs({ family: 'martin', child: 'Léa Mar' })).toEqual([byAgent.reference, byParent.reference]);
    expect(await refs({ family: 'martin', service: 'cantine' })).toEqual([]);
    expect(await refs({ family: 'martin', type: 'inscription' })).toEqual([]);
    expect(await refs({ family: 'martin', onBehalf: 'oui' })).toEqual([byAgent.reference]);
    expect(await refs({ family: 'martin', onBehalf: 'non' })).toEqual([byParent.reference]);
    expect(await refs({ family: 'martin', from: '2026-12-01' })).toEqual([byAgent.reference]);
    expect(await refs({ family: 'martin', to: '2026-11-30' })).toEqual([byParent.reference]);
    expect(await refs({ family: 'martin', from: '2026-11-29', to: '2026-11-29' })).toEqual([byParent.reference]);
    // bad values are ignored, never an error
    expect(filters({ service: 'piscine', from: 'hier', page: '-3' })).toMatchObject({
      service: undefined,
      from: undefined,
      page: 1,
    });
  });

  it('pages by 50', async () => {
    const first = await listAdminRequests(database.db, filters({}), 1);
    expect(first.rows).toHaveLength(1);
    expect(first.pageCount).toBe(first.total);
    const second = await listAdminRequests(database.db, filters({ page: '2' }), 1);
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
  });

  it('opens a request with its family, child, changes, reason and agent', async () => {
    const detail = await getAdminRequest(database.db, byAgent.id);
    expect(detail).toMatchObject({
      reference: byAgent.reference,
      familyName: 'Martin',
      childName: 'Léa Martin',
      service: 'mercredi',
      type: 'reservation',
      onBehalf: true,
      reason: 'Demande au guichet',
      agentName: 'Camille Agent',
    });
    expect(detail!.addedReservations).toEqual([
      { date: '2027-01-20', unit: 'matin' },
      { date: '2027-01-20', unit: 'repas_classique' },
    ]);
    expect((await getAdminRequest(database.db, byParent.id))!.agentName).toBeNull();
    expect(await getAdminRequest(database.db, 999_999)).toBeNull();
  });
});

describe('« Journal »', () => {
  it('filters by actor, action, entity, family and dates', async () => {
    const ids = async (raw: Record<string, string>) =>
      (await listJournal(database.db, journal(raw))).rows.map((r) => r.entityId);
    expect(await ids({ actor: 'Camille' })).toEqual([String(byAgent.id)]);
    expect(await ids({ actor: 'famille.martin@' })).toEqual([String(byParent.id)]);
    expect(await ids({ action: 'reservations.replace', familyId: String(m.familyId) })).toEqual([
      String(byAgent.id),
      String(byParent.id),
    ]);
    expect(await ids({ entity: 'request', from: '2026-12-01', to: '2026-12-31' })).toEqual([String(byAgent.id)]);
    expect(await ids({ action: 'account.activate' })).toEqual([]);
    // a code the log does not know is ignored, like any bad filter
    expect(journal({ action: 'drop.table', entity: "x'; --" })).toMatchObject({ action: undefined, entity: undefined });

    const [row] = (await listJournal(database.db, journal({ actor: 'Camille' }))).rows;
    expect(row).toMatchObject({
      actorName: 'Camille Agent',
      actorRole: 'staff',
      action: 'reservations.replace',
      entity: 'request',
      familyId: m.familyId,
    });
    expect(row!.after).toMatchObject({ reference: byAgent.reference, reason: 'Demande au guichet' });
  });

  it('says the before and after in French, with the child’s name (one query per kind of id)', async () => {
    const { rows } = await listJournal(database.db, journal({ actor: 'Camille' }));
    const names = await journalNames(database.db, rows);
    const lines = describeAudit(rows[0]!.after, rows[0]!, names);
    const said = lines.map((l) => `${l.label} : ${l.value}`);
    expect(said).toContain(`Référence : ${byAgent.reference}`);
    expect(said).toContain('Enfant : Léa Martin');
    expect(said).toContain('Service : Accueil de loisirs du mercredi');
    expect(said).toContain('Motif : Demande au guichet');
    expect(lines.find((l) => l.label === 'Ajouté')?.items?.every((d) => /^\S+ \d+ \S+ 20\d\d : [A-ZÉ]/.test(d))).toBe(
      true,
    );
  });

  it('names every kind of id from its own table, one query per kind met on the page', async () => {
    const db = database.db;
    const [site] = await db.select({ id: sites.id, name: sites.name }).from(sites).limit(1);
    const [year] = await db.select({ id: schoolYears.id, name: schoolYears.label }).from(schoolYears).limit(1);
    const [period] = await db
      .select({ id: holidayPeriods.id, name: holidayPeriods.label })
      .from(holidayPeriods)
      .limit(1);
    const [sector] = await db.select({ id: sectors.id, name: sectors.name }).from(sectors).limit(1);
    const [parent] = await db
      .select({ id: parents.id, first: parents.firstName, last: parents.lastName })
      .from(parents)
      .where(eq(parents.familyId, m.familyId))
      .limit(1);
    // an invited account with no name yet is named by its address; a draft has no reference yet
    const [unnamed] = await db
      .insert(accounts)
      .values({ email: 'invitee.sans.nom@example.fr', role: 'staff' })
      .returning({ id: accounts.id });
    const lea = { familyId: m.familyId, accountId: m.accountId, childId: m.lea, service: 'mercredi' } as const;
    const { requestId: draft } = await startReservationDraft(db, { ...lea, today: TODAY, now: NOW });
    // a list of records, as a closure's cancellations are
    const after = [
      { childId: m.hugo, parentId: parent!.id, accountId: agentId, requestId: byAgent.id, siteIds: [site!.id] },
      { accountId: unnamed!.id, requestId: draft, schoolYearId: year!.id, holidayPeriodId: period!.id },
      { sectorId: sector!.id },
    ];

    statements = 0;
    const names = await journalNames(db, [{ before: { childId: m.lea }, after }]);
    expect(statements).toBe(8);
    expect(Object.fromEntries(Object.entries(names).map(([ref, map]) => [ref, Object.fromEntries(map)]))).toEqual({
      child: { [m.lea]: 'Léa Martin', [m.hugo]: 'Hugo Martin' },
      parent: { [parent!.id]: `${parent!.first} ${parent!.last}` },
      account: { [agentId]: 'Camille Agent', [unnamed!.id]: 'invitee.sans.nom@example.fr' },
      site: { [site!.id]: site!.name },
      schoolYear: { [year!.id]: year!.name },
      holidayPeriod: { [period!.id]: period!.name },
      sector: { [sector!.id]: sector!.name },
      request: { [byAgent.id]: byAgent.reference, [draft]: `brouillon n° ${draft}` },
    });

    // only the kinds met are read; no id, no query
    statements = 0;
    expect((await journalNames(db, [{ before: null, after: { siteId: site!.id, childId: m.lea } }])).site.size).toBe(1);
    expect(statements).toBe(2);
    statements = 0;
    await journalNames(db, [{ before: null, after: { reason: 'Demande au guichet' } }]);
    expect(statements).toBe(0);
  });

  it('offers the actions and entities the log holds', async () => {
    const facets = await journalFacets(database.db);
    expect(facets.actions).toContain('reservations.replace');
    expect(facets.entities).toContain('request');
    const [n] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect((await listJournal(database.db, journal({}))).total).toBe(n!.n);
  });
});
