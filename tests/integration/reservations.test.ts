// "Gérer mes réservations" (seed, cas n°1 and "Modification"), through the use-cases the server actions call,
// on a real database: every rule and refusal, double submits and races.
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { auditLog, emailOutbox, enrolments, requests, siteCapacities } from '@/db/schema';
import { expandTemplate, bookablePredicate, type Reservation } from '@/lib/planning';
import {
  applyTemplateToDraft,
  cancelDraft,
  childReservations,
  loadDraft,
  saveDraftDays,
  startReservationDraft,
} from '@/lib/requests/drafts';
import { saveDaysOnBehalf, startReservationOnBehalf, submitReservationOnBehalf } from '@/lib/families/on-behalf';
import { computeRecap } from '@/lib/requests/recap';
import { agentPolicy, parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import {
  demoAgent,
  expectRefused as refused,
  martin,
  NOW,
  otherFamily,
  snapshot,
  TODAY,
  type Martin,
} from '../support/demo';

let database: TestDatabase;
let m: Martin;
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
});

afterAll(async () => {
  await database?.close();
});

const base = () => ({ familyId: m.familyId, accountId: m.accountId, today: TODAY, now: NOW });
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });
const asParent = () => ({ policy: parent(), today: TODAY, now: NOW });
const appUrl = 'http://localhost:3000';
const clock = { today: TODAY, now: NOW };

async function leaDraft() {
  const { requestId } = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'mercredi' });
  return requestId;
}

async function version(requestId: number): Promise<number> {
  const draft = await loadDraft(database.db, { requestId, policy: parent(), now: NOW });
  return draft.enrolment.planningVersion;
}

async function save(requestId: number, days: { date: string; units: string[] }[]) {
  return database.db.transaction((tx) =>
    saveDraftDays(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId, days } }),
  );
}

async function submit(requestId: number, v?: number) {
  return submitReservationRequest(database.db, {
    ...asParent(),
    requestId,
    version: v ?? (await version(requestId)),
    appUrl,
  });
}

const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);

async function leaWednesdays(): Promise<Reservation[]> {
  return childReservations(database.db, { childId: m.lea, service: 'mercredi', from: '2026-09-01', to: '2027-08-31' });
}

beforeEach(async () => {
  // each scenario starts without an open draft
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
});

describe('starting the démarche', () => {
  it("opens a draft holding Léa's current Wednesdays, and resumes it when started again", async () => {
    const first = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'mercredi' });
    const again = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'mercredi' });
    expect(again).toEqual({ requestId: first.requestId, resumed: true });
    const draft = await loadDraft(database.db, { requestId: first.requestId, policy: parent(), now: NOW });
    expect(draft.payload.desired).toEqual(await leaWednesdays());
    expect(draft.payload.desired.length).toBeGreaterThan(20);
  });

  it('refuses Hugo, who is not enrolled, with a French message', async () => {
    await expectRefused(
      () => startReservationDraft(database.db, { ...base(), childId: m.hugo, service: 'mercredi' }),
      /Hugo n'est pas inscrit\(e\) à l'accueil de loisirs du mercredi/,
    );
  });

  it("refuses another family's child and an unknown child alike", async () => {
    const other = await otherFamily(database.db, m.familyId);
    await expectRefused(
      () => startReservationDraft(database.db, { ...base(), childId: other.childId, service: 'mercredi' }),
      /introuvable/,
    );
    await expectRefused(
      () => startReservationDraft(database.db, { ...base(), childId: 999_999, service: 'mercredi' }),
      /introuvable/,
    );
  });

  it('expires a draft after 24 hours', async () => {
    const id = await leaDraft();
    const later = new Date(NOW.getTime() + 25 * 3600_000);
    await expect(loadDraft(database.db, { requestId: id, policy: parent(), now: later })).rejects.toThrow(/expiré/);
  });
});

describe('Étape 1, day by day', () => {
  it('books the afternoon of a Wednesday of January and the recap shows it in green', async () => {
    const id = await leaDraft();
    // 20 January is a week 1 of the demo: Matin + Repas classique
    await save(id, [{ date: '2027-01-20', units: ['matin', 'apres_midi', 'repas_classique'] }]);
    const draft = await loadDraft(database.db, { requestId: id, policy: parent(), now: NOW });
    const recap = await computeRecap(database.db, draft);
    expect(recap.added).toEqual([{ date: '2027-01-20', unit: 'apres_midi' }]);
    expect(recap.removed).toEqual([]);
  });

  it('refuses a date past the deadline, a holiday and a date outside the school year, naming them', async () => {
    const id = await leaDraft();
    await expectRefused(
      () => save(id, [{ date: '2026-12-09', units: ['matin'] }]),
      /mercredi 9 décembre 2026 \(hors délai\)/,
    );
    await expectRefused(
      () => save(id, [{ date: '2026-12-23', units: ['matin'] }]),
      /mercredi 23 décembre 2026 \(vacances scolaires\)/,
    );
    await expectRefused(() => save(id, [{ date: '2027-09-08', units: ['matin'] }]), /hors année scolaire/);
    await expectRefused(
      () => save(id, [{ date: '2027-01-12', units: ['matin'] }]),
      /mardi 12 janvier 2027 \(jour non ouvert\)/,
    );
  });

  it('accepts a date exactly 15 days ahead and refuses one 14 days ahead', async () => {
    const id = await leaDraft();
    await expect(save(id, [{ date: '2026-12-16', units: ['matin'] }])).resolves.toBeDefined(); // 17 days
    const late = new Date(NOW.getTime() + 3600_000); // the draft is still alive; only 'today' moves
    await expect(
      saveDraftDays(database.db, {
        policy: parent(),
        today: '2026-12-01',
        now: late,
        input: { requestId: id, days: [{ date: '2026-12-16', units: ['apres_midi'] }] },
      }),
    ).resolves.toBeDefined();
    await expect(
      saveDraftDays(database.db, {
        policy: parent(),
        today: '2026-12-02',
        now: late,
        input: { requestId: id, days: [{ date: '2026-12-16', units: ['matin'] }] },
      }),
    ).rejects.toThrow(/hors délai/);
  });

  it('refuses a meal alone, two meals, and an unknown unit', async () => {
    const id = await leaDraft();
    await expectRefused(
      () => save(id, [{ date: '2027-01-20', units: ['repas_classique'] }]),
      /Un repas ne peut être réservé qu'avec une demi-journée/,
    );
    await expectRefused(
      () => save(id, [{ date: '2027-01-20', units: ['matin', 'repas_classique', 'repas_sans_viande'] }]),
      /Un seul repas par jour/,
    );
    await expectRefused(() => save(id, [{ date: '2027-01-20', units: ['piscine'] }]), /ce choix n'existe pas/);
  });

  it("refuses a forged draft id and another family's draft, writing nothing", async () => {
    const other = await otherFamily(database.db, m.familyId);
    const { requestId } = await startReservationDraft(database.db, {
      familyId: other.familyId,
      accountId: other.accountId,
      childId: other.childId,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    });
    await expectRefused(() => save(requestId, [{ date: '2027-01-20', units: ['matin'] }]), /introuvable/);
    await expectRefused(() => save(2_000_000, [{ date: '2027-01-20', units: ['matin'] }]), /introuvable/);
    await expectRefused(() => submit(requestId, 0), /introuvable/);
  });

  // a body of a megabyte, a forged id, the same day twice: refused before any query (famille-inputs.test.ts)
});

describe('a periodicity until the end of the school year', () => {
  it('a parent applies a two-week template and validates: every Wednesday of the period follows the template', async () => {
    const id = await leaDraft();
    const weeks = [{ 3: ['matin', 'apres_midi', 'repas_classique'] }, { 3: ['matin'] }];
    const result = await database.db.transaction((tx) =>
      applyTemplateToDraft(tx, {
        policy: parent(),
        today: TODAY,
        now: NOW,
        input: {
          requestId: id,
          weeks: weeks.map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v]))),
          from: '2026-12-14',
          to: '2027-07-02',
        },
      }),
    );
    expect(result.added + result.removed).toBeGreaterThan(0);
    const before = await leaWednesdays();
    const outcome = await submit(id);
    expect(outcome.reference).toMatch(/^DEM-2026-\d{6}$/);
    const after = await leaWednesdays();
    const cal = await loadServiceCalendar(database.db, {
      schoolYearId: (await loadDraft(database.db, { requestId: id, policy: parent(), now: NOW })).enrolment
        .schoolYearId,
      service: 'mercredi',
      siteId: null,
    });
    const bookable = bookablePredicate('mercredi', cal.cal, TODAY, 15);
    const expected = expandTemplate(
      {
        weeks: [{ 3: ['matin', 'apres_midi', 'repas_classique'] }, { 3: ['matin'] }],
        from: '2026-12-14',
        to: '2027-07-02',
      },
      bookable,
    );
    expect(after.filter((r) => r.date >= '2026-12-14')).toEqual(expected);
    // the autumn, greyed now, is untouched
    expect(after.filter((r) => r.date < '2026-12-14')).toEqual(before.filter((r) => r.date < '2026-12-14'));
    expect(expected[0]).toEqual({ date: '2026-12-16', unit: 'matin' });
    // week 1 is the week of Monday 14 December; the Christmas holidays do not shift the rhythm
    expect(expected.filter((r) => r.date === '2027-01-06').map((r) => r.unit)).toEqual(['matin']); // week 4: a week 2
    expect(expected.filter((r) => r.date === '2027-01-13').map((r) => r.unit)).toEqual([
      'matin',
      'apres_midi',
      'repas_classique',
    ]); // week 5: a week 1
  });

  it('refuses a period outside the school year and an invalid template day', async () => {
    const id = await leaDraft();
    const apply = (input: { weeks: Record<string, string[]>[]; from: string; to: string }) =>
      database.db.transaction((tx) =>
        applyTemplateToDraft(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId: id, ...input } }),
      );
    await expectRefused(
      () => apply({ weeks: [{ 3: ['matin'] }], from: '2026-12-14', to: '2027-09-30' }),
      /La période doit être comprise/,
    );
    await expectRefused(
      () => apply({ weeks: [{ 3: ['repas_classique'] }], from: '2026-12-14', to: '2027-03-01' }),
      /Semaine 1 : Un repas/,
    );
    await expectRefused(
      () => apply({ weeks: [{ 2: ['matin'] }], from: '2026-12-14', to: '2027-03-01' }),
      /n'est pas ouvert/,
    );
  });
});

describe('Valider', () => {
  it('records the request, its audit row and one outbox row, in one transaction with a constant number of statements', async () => {
    const count = async (days: string[]) => {
      const id = await leaDraft();
      await save(
        id,
        days.map((date) => ({ date, units: ['matin', 'repas_classique'] })),
      );
      const v = await version(id);
      statements = 0;
      const result = await submit(id, v);
      const n = statements;
      return { n, result, id };
    };
    const one = await count(['2027-03-03']);
    const many = await count([
      '2027-03-10',
      '2027-03-17',
      '2027-03-24',
      '2027-03-31',
      '2027-04-21',
      '2027-04-28',
      '2027-05-12',
      '2027-05-19',
      '2027-05-26',
      '2027-06-02',
    ]);
    expect(many.n).toBe(one.n);
    // 16 before the calendar came from memory (one version read instead of 4 queries), 17 before the shared
    // lifecycle read the actor's role inside the audit insert; 3 more since the waiting lists: the days promoted within
    // 48 hours (cancelled without the deadline), and the refill's capacity turn and waiting entries; one fewer since
    // the capacity check and the booking of the additions are one statement (bookWithinCapacity)
    expect(one.n).toBe(15);
    const [request] = await database.db.select().from(requests).where(eq(requests.id, many.id));
    expect(request).toMatchObject({
      status: 'submitted',
      reference: many.result.reference,
      type: 'reservation',
      service: 'mercredi',
    });
    const outbox = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, many.id));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: 'famille.martin@example.fr', template: 'request-acknowledgment' });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'request'), eq(auditLog.entityId, String(many.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(m.accountId);
  });

  it('a modification shows a meal change as one removal plus one addition, and applies it', async () => {
    const id = await leaDraft();
    const current = (await leaWednesdays()).filter((r) => r.date === '2027-03-03').map((r) => r.unit);
    expect(current).toEqual(['matin', 'repas_classique']);
    await save(id, [{ date: '2027-03-03', units: ['matin', 'repas_sans_viande'] }]);
    const recap = await computeRecap(
      database.db,
      await loadDraft(database.db, { requestId: id, policy: parent(), now: NOW }),
    );
    expect(recap.changes).toEqual([{ date: '2027-03-03', added: ['repas_sans_viande'], removed: ['repas_classique'] }]);
    await submit(id);
    expect((await leaWednesdays()).filter((r) => r.date === '2027-03-03').map((r) => r.unit)).toEqual([
      'matin',
      'repas_sans_viande',
    ]);
  });

  it('refuses a request with no difference', async () => {
    const id = await leaDraft();
    await expectRefused(() => submit(id), /aucune modification/);
  });

  it('the same draft validated twice commits once and queues one e-mail', async () => {
    const id = await leaDraft();
    await save(id, [{ date: '2027-06-09', units: ['apres_midi'] }]);
    const v = await version(id);
    const [a, b] = await Promise.all([submit(id, v), submit(id, v)]);
    expect(a.reference).toBe(b.reference);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    const again = await submit(id, v);
    expect(again).toMatchObject({ reference: a.reference, alreadySubmitted: true });
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, id))).toHaveLength(1);
  });

  it('two validations racing on the same child lose no update: the second is refused and its recap recomputed', async () => {
    const first = await leaDraft();
    const pristine = await loadDraft(database.db, { requestId: first, policy: parent(), now: NOW });
    const v = pristine.enrolment.planningVersion;
    // at the same time, the Guichet famille changes Léa's Wednesdays in a draft of its own, built on the same planning
    // (a second tab of the parent's resumes the same draft: one open draft per child, service and démarche)
    const agent = await demoAgent(database.db);
    const onBehalf = { ...clock, input: { familyId: m.familyId, childId: m.lea, service: 'mercredi' } };
    const { requestId: second } = await startReservationOnBehalf(database.db, agent, onBehalf);
    expect(second).not.toBe(first);
    await save(first, [{ date: '2027-06-16', units: ['matin'] }]);
    await saveDaysOnBehalf(database.db, agent, {
      ...clock,
      input: { familyId: m.familyId, requestId: second, days: [{ date: '2027-06-23', units: ['apres_midi'] }] },
    });
    const agentSubmit = (version: number) =>
      submitReservationOnBehalf(database.db, agent, {
        ...clock,
        appUrl,
        input: { familyId: m.familyId, requestId: second, version, reason: 'Au guichet' },
      });
    const results = await Promise.allSettled([submit(first, v), agentSubmit(v)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String(refused[0]!.reason.message)).toMatch(/modifié entre-temps/);
    // the loser's recap, recomputed on the new planning, keeps the winner's change and adds its own
    const loserId = results[0]!.status === 'rejected' ? first : second;
    const loser = await loadDraft(database.db, {
      requestId: loserId,
      policy: loserId === first ? parent() : agentPolicy(agent, m.familyId),
      now: NOW,
    });
    const recap = await computeRecap(database.db, loser);
    expect(recap.rebased).toBe(true);
    await (loserId === first ? submit(first, recap.version) : agentSubmit(recap.version));
    const june = (await leaWednesdays()).filter((r) => r.date === '2027-06-16' || r.date === '2027-06-23');
    expect(june).toContainEqual({ date: '2027-06-16', unit: 'matin' });
    expect(june).toContainEqual({ date: '2027-06-23', unit: 'apres_midi' });
  });

  it('refuses a validation whose dates passed the deadline since the draft, naming them', async () => {
    const id = await leaDraft();
    await save(id, [{ date: '2026-12-16', units: ['apres_midi'] }]);
    const v = await version(id);
    const before = await snapshot(database.db);
    await expect(
      submitReservationRequest(database.db, { ...asParent(), today: '2026-12-10', requestId: id, version: v, appUrl }),
    ).rejects.toThrow(/mercredi 16 décembre 2026 \(hors délai\)/);
    expect(await snapshot(database.db)).toBe(before);
  });

  it('refuses a child no longer enrolled', async () => {
    const id = await leaDraft();
    await save(id, [{ date: '2027-02-03', units: ['matin'] }]);
    const v = await version(id);
    const [enrolment] = await database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.lea), eq(enrolments.service, 'mercredi')));
    await database.db.delete(enrolments).where(eq(enrolments.id, enrolment!.id));
    try {
      await expectRefused(() => submit(id, v), /n'est pas inscrit/);
    } finally {
      await database.db.insert(enrolments).values(enrolment!);
    }
  });

  it('refuses a day that is full at the site, naming it, and writes nothing', async () => {
    const id = await leaDraft();
    await save(id, [{ date: '2027-02-03', units: ['matin', 'apres_midi'] }]);
    const draft = await loadDraft(database.db, { requestId: id, policy: parent(), now: NOW });
    const [{ taken }] = (await rows<{ taken: number }>(
      database.db,
      sql`select count(*)::int as taken from reservations where site_id = ${draft.enrolment.siteId} and service = 'mercredi' and date = '2027-02-03' and unit = 'apres_midi'`,
    )) as [{ taken: number }];
    await database.db
      .update(siteCapacities)
      .set({ capacity: taken })
      .where(
        and(
          eq(siteCapacities.siteId, draft.enrolment.siteId),
          eq(siteCapacities.service, 'mercredi'),
          eq(siteCapacities.unit, 'apres_midi'),
        ),
      );
    await expectRefused(() => submit(id), /mercredi 3 février 2027 \(après-midi\) est complet/);
    await database.db
      .update(siteCapacities)
      .set({ capacity: 80 })
      .where(and(eq(siteCapacities.siteId, draft.enrolment.siteId), eq(siteCapacities.service, 'mercredi')));
  });

  it('Annuler la démarche changes nothing', async () => {
    const id = await leaDraft();
    await save(id, [{ date: '2027-02-24', units: ['matin'] }]);
    const before = await leaWednesdays();
    await cancelDraft(database.db, { policy: parent(), requestId: id, now: NOW });
    expect(await leaWednesdays()).toEqual(before);
    await expect(submit(id, 0)).rejects.toThrow(/annulée/);
  });
});
