// Back office « Familles » and the Guichet famille acting for a family, through the use-cases the admin pages
// and actions call, on the demo seed: search, creating a family, booking past the deadline with a reason.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, auditLog, emailOutbox, enrolments, families, requests, sites } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { inviteParent } from '@/lib/accounts/invitations';
import { createFamily, getChildAdmin, getFamilyAdmin, searchFamilies } from '@/lib/families/families';
import {
  enrolOnBehalf,
  saveDaysOnBehalf,
  startReservationOnBehalf,
  submitReservationOnBehalf,
  type Agent,
} from '@/lib/families/on-behalf';
import {
  applyTemplateToDraft,
  cancelDraft,
  loadDraft,
  saveDraftDays,
  startReservationDraft,
} from '@/lib/requests/drafts';
import { loadDemarchePage } from '@/lib/requests/demarche-page';
import { agentPolicy, parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { expectRefused as refused, martin, NOW, otherFamily, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let agent: Agent;
const appUrl = 'http://localhost:3000';

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
  const [staff] = await database.db
    .select({ id: accounts.id, firstName: accounts.firstName, lastName: accounts.lastName })
    .from(accounts)
    .where(eq(accounts.email, DEMO_ACCOUNTS.staff.email));
  agent = { ...staff!, role: 'staff' };
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
});

const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);
const clock = { today: TODAY, now: NOW };

/** The agent opens (or resumes) a draft of Léa's Wednesdays for the Martins. */
async function agentOpens(): Promise<number> {
  const { requestId } = await startReservationOnBehalf(database.db, agent, {
    input: { familyId: m.familyId, childId: m.lea, service: 'mercredi' },
    ...clock,
  });
  return requestId;
}

/** The agent opens Léa's Wednesdays, sets the given days, and returns what « Valider » needs. */
async function agentDraft(days: { date: string; units: string[] }[]) {
  const requestId = await agentOpens();
  await saveDaysOnBehalf(database.db, agent, { input: { familyId: m.familyId, requestId, days }, ...clock });
  const draft = await loadDraft(database.db, { requestId, policy: agentPolicy(agent, m.familyId), now: NOW });
  return { requestId, version: draft.enrolment.planningVersion };
}

describe('searching families', () => {
  it("finds the Martins by family name, by a parent's e-mail and by « Léa »", async () => {
    for (const query of ['martin', 'famille.martin@example.fr', 'Léa']) {
      const hits = await searchFamilies(database.db, { query });
      expect(
        hits.map((h) => h.id),
        query,
      ).toContain(m.familyId);
      expect(hits.length).toBeLessThanOrEqual(50);
    }
    const [hit] = (await searchFamilies(database.db, { query: 'famille.martin@' })).filter((h) => h.id === m.familyId);
    expect(hit?.children).toContain('Léa Martin');
  });

  it('returns nothing for an empty search, and takes % literally', async () => {
    expect(await searchFamilies(database.db, { query: '   ' })).toEqual([]);
    expect(await searchFamilies(database.db, { query: '%' })).toEqual([]);
  });
});

describe('creating a family', () => {
  const family = {
    name: 'Nouvelle',
    address: '1 place de la Mairie',
    postalCode: '',
    city: '',
    sectorId: '',
    parent: { firstName: 'Inès', lastName: 'Nouvelle', email: 'ines.nouvelle@example.fr', phone: '' },
    children: [{ firstName: 'Tom', lastName: 'Nouvelle', birthDate: '2019-05-02', schoolId: '', classLevel: 'CE1' }],
  };

  it('with a bad e-mail writes nothing and says why in French', async () => {
    const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(families))[0]!.n;
    const before = await count();
    await expectRefused(
      () =>
        createFamily(database.db, agent, { ...family, parent: { ...family.parent, email: 'ines.nouvelle@' } }, clock),
      /adresse e-mail du parent n'est pas valide/,
    );
    expect(await count()).toBe(before);
  });

  it('creates the family, its parent with an account awaiting its invitation and its child, with an audit row', async () => {
    const { familyId } = await createFamily(database.db, agent, family, clock);
    const created = await getFamilyAdmin(database.db, familyId);
    expect(created?.parents).toEqual([
      expect.objectContaining({
        email: 'ines.nouvelle@example.fr',
        accountStatus: 'not_invited',
        invitationExpiresAt: null,
      }),
    ]);
    expect(created?.children.map((c) => c.firstName)).toEqual(['Tom']);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.familyId, familyId));
    expect(audit).toMatchObject({ actorId: agent.id, actorRole: 'staff', action: 'family.create' });
    await expectRefused(() => createFamily(database.db, agent, family, clock), /Un compte existe déjà/);

    // the family's page follows the invitation: sent, with its expiry (7 days)
    const parentId = created!.parents[0]!.id;
    await database.db.transaction((tx) => inviteParent(tx, { actor: agent, parentId, now: NOW, appUrl }));
    const invited = (await getFamilyAdmin(database.db, familyId))!.parents[0]!;
    expect(invited.accountStatus).toBe('invited');
    expect(invited.invitationExpiresAt!.getTime() - NOW.getTime()).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('the Guichet famille books for Léa', () => {
  it('past the deadline, with a reason: reservation, request on behalf, audit with the agent, e-mail to the family', async () => {
    // 2026-12-09 is 10 days away: past the 15-day deadline for a parent
    const { requestId, version } = await agentDraft([
      { date: '2026-12-09', units: ['matin', 'apres_midi', 'repas_sans_viande'] },
    ]);
    const result = await submitReservationOnBehalf(database.db, agent, {
      input: { familyId: m.familyId, requestId, version, reason: 'Demande au guichet, repas sans viande' },
      ...clock,
      appUrl,
    });
    expect(result.alreadySubmitted).toBe(false);
    expect(result.reference).toMatch(/^DEM-2026-\d{6}$/);

    const child = await getChildAdmin(database.db, { familyId: m.familyId, childId: m.lea, today: TODAY });
    const december = child?.planning.find((p) => p.service === 'mercredi')?.months.find((mo) => mo.month === '2026-12');
    expect(december?.days.find((d) => d.date === '2026-12-09')?.units).toEqual([
      'matin',
      'apres_midi',
      'repas_sans_viande',
    ]);
    expect(child?.requests[0]).toMatchObject({
      reference: result.reference,
      onBehalf: true,
      reason: 'Demande au guichet, repas sans viande',
    });

    const [request] = await database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({
      status: 'submitted',
      onBehalf: true,
      reason: 'Demande au guichet, repas sans viande',
      createdBy: agent.id,
    });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(requestId)))
      .orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({
      actorId: agent.id,
      actorRole: 'staff',
      familyId: m.familyId,
      action: 'reservations.replace',
    });
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId));
    expect(mail?.to).toBe(DEMO_ACCOUNTS.parent.email);
    expect((mail?.payload as { onBehalfOf?: string }).onBehalfOf).toBe('Camille Agent');
  });

  it('the same without a reason is refused, and nothing is written', async () => {
    const { requestId, version } = await agentDraft([{ date: '2026-12-02', units: ['matin'] }]);
    for (const reason of ['', '   ']) {
      await expectRefused(
        () =>
          submitReservationOnBehalf(database.db, agent, {
            input: { familyId: m.familyId, requestId, version, reason },
            ...clock,
            appUrl,
          }),
        /Indiquez le motif/,
      );
    }
  });

  it('a closed day (the Christmas holidays, 23 December) stays refused even for the agent', async () => {
    const requestId = await agentOpens();
    await expectRefused(
      () =>
        saveDaysOnBehalf(database.db, agent, {
          input: { familyId: m.familyId, requestId, days: [{ date: '2026-12-23', units: ['matin'] }] },
          ...clock,
        }),
      /mercredi 23 décembre 2026 \(vacances scolaires\)/,
    );
  });

  it('never reaches a draft of another family, nor a child of another family', async () => {
    // real drafts of the Martins: the parent's, and the agent's for them, each with a change
    const martins = { familyId: m.familyId, accountId: m.accountId, childId: m.lea, service: 'mercredi' as const };
    const { requestId: parentsDraft } = await startReservationDraft(database.db, { ...martins, ...clock });
    const day = [{ date: '2027-01-20', units: ['matin', 'apres_midi'] }];
    await database.db.transaction((tx) =>
      saveDraftDays(tx, {
        policy: parentPolicy({ id: m.accountId, familyId: m.familyId }),
        ...clock,
        input: { requestId: parentsDraft, days: day },
      }),
    );
    const { requestId: agentsDraft, version } = await agentDraft(day);
    const other = await otherFamily(database.db, m.familyId);
    const asOther = { policy: parentPolicy({ id: other.accountId, familyId: other.familyId }), ...clock };

    for (const requestId of [parentsDraft, agentsDraft]) {
      // the other family's parent, through the use-cases of its own pages and actions
      await expectRefused(() => loadDraft(database.db, { requestId, ...asOther }), /introuvable/);
      await expectRefused(
        () =>
          database.db.transaction((tx) =>
            saveDraftDays(tx, {
              ...asOther,
              input: { requestId, days: [{ date: '2027-01-27', units: ['matin'] }] },
            }),
          ),
        /introuvable/,
      );
      await expectRefused(
        () =>
          database.db.transaction((tx) =>
            applyTemplateToDraft(tx, {
              ...asOther,
              input: { requestId, weeks: [{ 3: ['matin'] }], from: '2027-01-04', to: '2027-02-05' },
            }),
          ),
        /introuvable/,
      );
      await expectRefused(
        () =>
          submitReservationRequest(database.db, {
            ...asOther,
            requestId,
            version,
            appUrl,
          }),
        /introuvable/,
      );
      await expectRefused(() => cancelDraft(database.db, { ...asOther, requestId }), /introuvable/);
      // the agent, through the other family's pages (its id in the URL)
      await expectRefused(
        () => loadDemarchePage(database.db, { policy: agentPolicy(agent, other.familyId), requestId, now: NOW }),
        /introuvable/,
      );
      await expectRefused(
        () =>
          saveDaysOnBehalf(database.db, agent, {
            input: { familyId: other.familyId, requestId, days: day },
            ...clock,
          }),
        /introuvable/,
      );
      await expectRefused(
        () =>
          submitReservationOnBehalf(database.db, agent, {
            input: { familyId: other.familyId, requestId, version, reason: 'Au guichet' },
            ...clock,
            appUrl,
          }),
        /introuvable/,
      );
    }
    // a child of the Martins through the other family's page
    await expectRefused(
      () =>
        startReservationOnBehalf(database.db, agent, {
          input: { familyId: other.familyId, childId: m.lea, service: 'mercredi' },
          ...clock,
        }),
      /introuvable/,
    );
    // and both drafts are still the Martins', as they left them
    const drafts = await database.db
      .select()
      .from(requests)
      .where(inArray(requests.id, [parentsDraft, agentsDraft]));
    expect(drafts.map((d) => ({ familyId: d.familyId, status: d.status }))).toEqual([
      { familyId: m.familyId, status: 'draft' },
      { familyId: m.familyId, status: 'draft' },
    ]);
  });

  it('a parent, through the same use-cases, still cannot book past the deadline', async () => {
    const { requestId } = await startReservationDraft(database.db, {
      familyId: m.familyId,
      accountId: m.accountId,
      childId: m.lea,
      service: 'mercredi',
      ...clock,
    });
    await expectRefused(
      () =>
        database.db.transaction((tx) =>
          saveDraftDays(tx, {
            policy: parentPolicy({ id: m.accountId, familyId: m.familyId }),
            ...clock,
            input: { requestId, days: [{ date: '2026-12-09', units: ['matin'] }] },
          }),
        ),
      /hors délai/,
    );
  });

  it("the parent does not resume the agent's draft, nor the agent the parent's", async () => {
    const parents = await startReservationDraft(database.db, {
      familyId: m.familyId,
      accountId: m.accountId,
      childId: m.lea,
      service: 'mercredi',
      ...clock,
    });
    const agents = await startReservationOnBehalf(database.db, agent, {
      input: { familyId: m.familyId, childId: m.lea, service: 'mercredi' },
      ...clock,
    });
    expect(agents.requestId).not.toBe(parents.requestId);
    // the agent's draft is marked from the start (one open draft per agent, beside the family's)
    const marks = await database.db
      .select({ id: requests.id, onBehalf: requests.onBehalf })
      .from(requests)
      .where(inArray(requests.id, [parents.requestId, agents.requestId]))
      .orderBy(requests.id);
    expect(marks).toEqual([
      { id: parents.requestId, onBehalf: false },
      { id: agents.requestId, onBehalf: true },
    ]);
    const again = await startReservationDraft(database.db, {
      familyId: m.familyId,
      accountId: m.accountId,
      childId: m.lea,
      service: 'mercredi',
      ...clock,
    });
    expect(again.requestId).toBe(parents.requestId);
  });
});

describe('the Guichet famille enrols Hugo', () => {
  it('at another leisure centre than the proposed one, with a reason, the agent in the audit log and an e-mail', async () => {
    const centres = await database.db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.kind, 'centre'))
      .orderBy(sites.id);
    const other = centres[centres.length - 1]!.id;
    await expectRefused(
      () =>
        enrolOnBehalf(database.db, agent, {
          input: { familyId: m.familyId, childId: m.hugo, service: 'mercredi', siteId: other, reason: '' },
          ...clock,
          appUrl,
        }),
      /Indiquez le motif/,
    );
    const { reference, requestId } = await enrolOnBehalf(database.db, agent, {
      input: {
        familyId: m.familyId,
        childId: m.hugo,
        service: 'mercredi',
        siteId: other,
        reason: 'Garde chez les grands-parents',
      },
      ...clock,
      appUrl,
    });
    expect(reference).toMatch(/^DEM-2026-/);
    const [enrolment] = await database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.hugo), eq(enrolments.service, 'mercredi')));
    expect(enrolment?.siteId).toBe(other);
    const [request] = await database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({ onBehalf: true, reason: 'Garde chez les grands-parents', createdBy: agent.id });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(enrolment!.id)));
    expect(audit).toMatchObject({ actorId: agent.id, actorRole: 'staff', action: 'enrolment.create' });
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId));
    expect(mail?.to).toBe(DEMO_ACCOUNTS.parent.email);
  });

  it('refuses a school for a leisure-centre service', async () => {
    const [school] = await database.db.select({ id: sites.id }).from(sites).where(eq(sites.kind, 'ecole')).limit(1);
    await expectRefused(
      () =>
        enrolOnBehalf(database.db, agent, {
          input: { familyId: m.familyId, childId: m.hugo, service: 'vacances', siteId: school!.id, reason: 'Test' },
          ...clock,
          appUrl,
        }),
      /n'accueille pas/,
    );
  });
});
