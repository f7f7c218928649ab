// The démarche's policy per actor (lib/requests/policy.ts), decided once and read by the pages and the use-cases:
// « Complet » greys Étape 1 for the agent too, a parent never reaches a draft opened at the desk, and « Valider »
// holds each actor to its own deadline.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requests, reservations, siteCapacities } from '@/db/schema';
import { saveDaysOnBehalf, startReservationOnBehalf, type Agent } from '@/lib/families/on-behalf';
import { GREY_REASON_LABELS, unitsOf } from '@/lib/planning';
import { loadDemarchePage } from '@/lib/requests/demarche-page';
import { childReservations, loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { agentPolicy, parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { markPlaces } from '@/lib/reservations/capacity';
import { buildPlanningView } from '@/lib/reservations/planning-view';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, expectRefused as refused, martin, NOW, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let agent: Agent;
const appUrl = 'http://localhost:3000';
const clock = { today: TODAY, now: NOW };

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
  agent = await demoAgent(database.db);
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
});

const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });
const agentFor = () => agentPolicy(agent, m.familyId);

/** The agent opens (or resumes) its draft of Léa's Wednesdays for the Martins. */
async function agentOpens(): Promise<number> {
  const { requestId } = await startReservationOnBehalf(database.db, agent, {
    input: { familyId: m.familyId, childId: m.lea, service: 'mercredi' },
    ...clock,
  });
  return requestId;
}

describe("the agent's Étape 1", () => {
  it('greys « Complet » on a full day the child does not hold, as the parent sees it', async () => {
    // the demo books Léa every Wednesday: 3 February is made a day she does not hold
    const freed = await database.db
      .delete(reservations)
      .where(
        and(eq(reservations.childId, m.lea), eq(reservations.service, 'mercredi'), eq(reservations.date, '2027-02-03')),
      )
      .returning();
    expect(freed.length).toBeGreaterThan(0);
    const requestId = await agentOpens();
    const data = await loadDemarchePage(database.db, { policy: agentFor(), requestId, now: NOW });
    const siteId = data.draft.enrolment.siteId;
    // no place left at the site on any Wednesday, for every unit
    const before = await database.db
      .select()
      .from(siteCapacities)
      .where(and(eq(siteCapacities.siteId, siteId), eq(siteCapacities.service, 'mercredi')));
    await database.db
      .delete(siteCapacities)
      .where(and(eq(siteCapacities.siteId, siteId), eq(siteCapacities.service, 'mercredi')));
    await database.db
      .insert(siteCapacities)
      .values(unitsOf('mercredi').map((unit) => ({ siteId, service: 'mercredi' as const, unit, capacity: 0 })));
    try {
      const view = buildPlanningView('mercredi', data.cal, TODAY, 'mois', '2027-02-01', NOW);
      const held = new Set(data.draft.payload.base.map((r) => r.date));
      await markPlaces(database.db, { siteId, service: 'mercredi', view, held });
      const open = view.days.filter((d) => d.greyed === null || d.greyed === GREY_REASON_LABELS.complet);
      expect(open.length).toBeGreaterThan(0);
      for (const day of open) {
        expect(day.greyed, day.date).toBe(held.has(day.date) ? null : GREY_REASON_LABELS.complet);
        expect(Object.values(day.places ?? {}), day.date).toEqual(unitsOf('mercredi').map(() => 0));
      }
      expect(open.some((d) => d.greyed === GREY_REASON_LABELS.complet)).toBe(true);
    } finally {
      await database.db
        .delete(siteCapacities)
        .where(and(eq(siteCapacities.siteId, siteId), eq(siteCapacities.service, 'mercredi')));
      if (before.length > 0) await database.db.insert(siteCapacities).values(before);
      await database.db.insert(reservations).values(freed);
    }
  });
});

describe('whose drafts', () => {
  it('a parent can neither load, change nor validate the draft an agent opened for their family', async () => {
    const requestId = await agentOpens();
    const day = [{ date: '2027-01-20', units: ['matin', 'apres_midi'] }];
    await saveDaysOnBehalf(database.db, agent, { input: { familyId: m.familyId, requestId, days: day }, ...clock });
    const { enrolment } = await loadDraft(database.db, { requestId, policy: agentFor(), now: NOW });

    await expectRefused(() => loadDraft(database.db, { requestId, policy: parent(), now: NOW }), /introuvable/);
    await expectRefused(() => loadDemarchePage(database.db, { requestId, policy: parent(), now: NOW }), /introuvable/);
    await expectRefused(
      () =>
        database.db.transaction((tx) =>
          saveDraftDays(tx, { policy: parent(), ...clock, input: { requestId, days: day } }),
        ),
      /introuvable/,
    );
    await expectRefused(
      () =>
        submitReservationRequest(database.db, {
          policy: parent(),
          requestId,
          version: enrolment.planningVersion,
          ...clock,
          appUrl,
        }),
      /introuvable/,
    );
    const [draft] = await database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(draft).toMatchObject({ status: 'draft', onBehalf: true, createdBy: agent.id });
  });
});

describe('« Valider » reads the policy', () => {
  // 16 December is 6 days after 10 December: past the parent's deadline, open to the agent
  const date = '2026-12-16';
  const later = '2026-12-10';

  it('refuses the parent a day past the deadline, and accepts it from the agent with a reason', async () => {
    const booked = await childReservations(database.db, { childId: m.lea, service: 'mercredi', from: date, to: date });
    const days = [{ date, units: booked.length > 0 ? [] : ['matin'] }];

    const { requestId: parents } = await startReservationDraft(database.db, {
      familyId: m.familyId,
      accountId: m.accountId,
      childId: m.lea,
      service: 'mercredi',
      ...clock,
    });
    await database.db.transaction((tx) =>
      saveDraftDays(tx, { policy: parent(), ...clock, input: { requestId: parents, days } }),
    );
    const parentsDraft = await loadDraft(database.db, { requestId: parents, policy: parent(), now: NOW });
    await expectRefused(
      () =>
        submitReservationRequest(database.db, {
          policy: parent(),
          requestId: parents,
          version: parentsDraft.enrolment.planningVersion,
          today: later,
          now: NOW,
          appUrl,
        }),
      /mercredi 16 décembre 2026 \(hors délai\)/,
    );

    const agents = await agentOpens();
    await saveDaysOnBehalf(database.db, agent, { input: { familyId: m.familyId, requestId: agents, days }, ...clock });
    const agentsDraft = await loadDraft(database.db, { requestId: agents, policy: agentFor(), now: NOW });
    const result = await submitReservationRequest(database.db, {
      policy: agentFor(),
      requestId: agents,
      version: agentsDraft.enrolment.planningVersion,
      reason: 'Au guichet',
      today: later,
      now: NOW,
      appUrl,
    });
    expect(result.reference).toMatch(/^DEM-2026-\d{6}$/);
    const after = await childReservations(database.db, { childId: m.lea, service: 'mercredi', from: date, to: date });
    expect(after.map((r) => r.unit)).toEqual(days[0]!.units);
    const [request] = await database.db.select().from(requests).where(eq(requests.id, agents));
    expect(request).toMatchObject({ status: 'submitted', onBehalf: true, reason: 'Au guichet' });
  });
});
