// The three services of the seed: S'inscrire (cas n°2), the school canteen and the holiday leisure centre,
// through the use-cases the server actions call, on a real database.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { emailOutbox, enrolments, requests, siteCapacities } from '@/db/schema';
import {
  cancelEnrolmentDraft,
  chooseEnrolmentSite,
  loadEnrolmentDraft,
  proposedSite,
  startEnrolmentDraft,
  submitEnrolment,
} from '@/lib/enrolments/enrol';
import {
  applyTemplateToDraft,
  childReservations,
  loadDraft,
  saveDraftDays,
  startReservationDraft,
} from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { placesLeft } from '@/lib/reservations/capacity';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { expectRefused as refused, martin, NOW, otherFamily, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
const appUrl = 'http://localhost:3000';

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
});

afterAll(async () => {
  await database?.close();
});

const base = () => ({ familyId: m.familyId, accountId: m.accountId, today: TODAY, now: NOW });
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });
const asParent = () => ({ policy: parent(), today: TODAY, now: NOW });

const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);

async function enrol(childId: number, service: 'cantine' | 'mercredi' | 'vacances', who = base()) {
  const { requestId } = await startEnrolmentDraft(database.db, { ...who, childId, service });
  const draft = await loadEnrolmentDraft(database.db, { requestId, familyId: who.familyId, now: NOW });
  await database.db.transaction((tx) =>
    chooseEnrolmentSite(tx, { familyId: who.familyId, now: NOW, input: { requestId, siteId: draft.proposed!.id } }),
  );
  return submitEnrolment(database.db, { ...who, requestId, appUrl });
}

async function book(
  childId: number,
  service: 'cantine' | 'mercredi' | 'vacances',
  days: { date: string; units: string[] }[],
  who = base(),
) {
  const { requestId } = await startReservationDraft(database.db, { ...who, childId, service });
  const policy = parentPolicy({ id: who.accountId, familyId: who.familyId });
  await database.db.transaction((tx) =>
    saveDraftDays(tx, { policy, today: TODAY, now: NOW, input: { requestId, days } }),
  );
  const draft = await loadDraft(database.db, { requestId, policy, now: NOW });
  return {
    requestId,
    run: () =>
      submitReservationRequest(database.db, {
        policy,
        today: who.today,
        now: who.now,
        requestId,
        version: draft.enrolment.planningVersion,
        appUrl,
      }),
  };
}

describe("S'inscrire", () => {
  it("proposes the sector's leisure centre, and the child's school for the canteen", async () => {
    const centre = await proposedSite(database.db, { familyId: m.familyId, childId: m.hugo, service: 'mercredi' });
    const school = await proposedSite(database.db, { familyId: m.familyId, childId: m.hugo, service: 'cantine' });
    expect(centre?.name).toBe('Accueil de loisirs Les Tilleuls');
    expect(school?.name).toBe('École Victor Hugo');
  });

  it('a child not enrolled cannot book, whatever the request says', async () => {
    await expectRefused(
      () => startReservationDraft(database.db, { ...base(), childId: m.hugo, service: 'vacances' }),
      /n'est pas inscrit/,
    );
  });

  it('refuses another site than the proposed one, naming the Guichet famille', async () => {
    const { requestId } = await startEnrolmentDraft(database.db, { ...base(), childId: m.hugo, service: 'vacances' });
    const [other] = await rows<{ id: number }>(
      database.db,
      sql`select id from sites where kind = 'centre' and name <> 'Accueil de loisirs Les Tilleuls' limit 1`,
    );
    await expectRefused(
      () =>
        database.db.transaction((tx) =>
          chooseEnrolmentSite(tx, { familyId: m.familyId, now: NOW, input: { requestId, siteId: other!.id } }),
        ),
      /prenez contact avec le Guichet famille/,
    );
    await expectRefused(
      () => submitEnrolment(database.db, { ...base(), requestId, appUrl }),
      /Sélectionnez le lieu proposé/,
    );
    await cancelEnrolmentDraft(database.db, { familyId: m.familyId, requestId, now: NOW });
  });

  it('enrols Hugo at the Wednesday centre with a reference and one e-mail; twice commits once; then he can book', async () => {
    const { requestId } = await startEnrolmentDraft(database.db, { ...base(), childId: m.hugo, service: 'mercredi' });
    const draft = await loadEnrolmentDraft(database.db, { requestId, familyId: m.familyId, now: NOW });
    await database.db.transaction((tx) =>
      chooseEnrolmentSite(tx, { familyId: m.familyId, now: NOW, input: { requestId, siteId: draft.proposed!.id } }),
    );
    const [a, b] = await Promise.all([
      submitEnrolment(database.db, { ...base(), requestId, appUrl }),
      submitEnrolment(database.db, { ...base(), requestId, appUrl }),
    ]);
    expect(a.reference).toMatch(/^DEM-2026-\d{6}$/);
    expect(b.reference).toBe(a.reference);
    const list = await database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.childId, m.hugo), eq(enrolments.service, 'mercredi')));
    expect(list).toHaveLength(1);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId))).toHaveLength(1);
    const { run } = await book(m.hugo, 'mercredi', [
      { date: '2027-01-13', units: ['matin', 'apres_midi', 'repas_sans_viande'] },
    ]);
    await run();
    expect(
      await childReservations(database.db, {
        childId: m.hugo,
        service: 'mercredi',
        from: '2027-01-01',
        to: '2027-01-31',
      }),
    ).toEqual([
      { date: '2027-01-13', unit: 'matin' },
      { date: '2027-01-13', unit: 'apres_midi' },
      { date: '2027-01-13', unit: 'repas_sans_viande' },
    ]);
  });

  it('refuses a child already enrolled, and the child of another family', async () => {
    await expectRefused(
      () => startEnrolmentDraft(database.db, { ...base(), childId: m.lea, service: 'cantine' }),
      /déjà inscrit/,
    );
    const other = await otherFamily(database.db, m.familyId);
    await expectRefused(
      () => startEnrolmentDraft(database.db, { ...base(), childId: other.childId, service: 'vacances' }),
      /introuvable/,
    );
  });
});

describe('restauration scolaire', () => {
  it('books meals only, on school days, with the deadline', async () => {
    const { requestId } = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'cantine' });
    const save = (days: { date: string; units: string[] }[]) =>
      database.db.transaction((tx) =>
        saveDraftDays(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId, days } }),
      );
    await expectRefused(() => save([{ date: '2027-01-11', units: ['matin'] }]), /ne réserve que des repas/);
    await expectRefused(
      () => save([{ date: '2027-01-13', units: ['repas_classique'] }]),
      /mercredi 13 janvier 2027 \(jour non ouvert\)/,
    );
    await expectRefused(() => save([{ date: '2026-12-10', units: ['repas_classique'] }]), /hors délai/);
    await expectRefused(() => save([{ date: '2027-02-08', units: ['repas_classique'] }]), /vacances scolaires/);
    await expectRefused(() => save([{ date: '2027-05-06', units: ['repas_classique'] }]), /jour férié/);
    await expect(save([{ date: '2027-01-11', units: ['repas_sans_viande'] }])).resolves.toBeDefined();
  });

  it('a canteen periodicity for the rest of the year books Monday, Tuesday, Thursday and Friday', async () => {
    const { requestId } = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'cantine' });
    await database.db.transaction((tx) =>
      applyTemplateToDraft(tx, {
        policy: parent(),
        today: TODAY,
        now: NOW,
        input: {
          requestId,
          weeks: [{ 1: ['repas_classique'], 2: ['repas_classique'], 4: ['repas_sans_viande'], 5: ['repas_classique'] }],
          from: '2026-12-14',
          to: '2027-07-02',
        },
      }),
    );
    const draft = await loadDraft(database.db, { requestId, policy: parent(), now: NOW });
    await submitReservationRequest(database.db, {
      ...asParent(),
      requestId,
      version: draft.enrolment.planningVersion,
      appUrl,
    });
    const meals = await childReservations(database.db, {
      childId: m.lea,
      service: 'cantine',
      from: '2026-12-14',
      to: '2027-07-02',
    });
    expect(meals.length).toBe(88); // every Monday, Tuesday, Thursday and Friday of school from 14 December to 2 July
    expect(meals.every((r) => ![3, 6, 0].includes(new Date(`${r.date}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(
      meals
        .filter((r) => new Date(`${r.date}T12:00:00Z`).getUTCDay() === 4)
        .every((r) => r.unit === 'repas_sans_viande'),
    ).toBe(true);
    expect(meals.some((r) => r.date === '2027-05-06')).toBe(false); // Ascension
  });
});

describe('accueil de loisirs des vacances', () => {
  it('opens the weekdays of the holiday periods only, and counts the places left', async () => {
    await enrol(m.lea, 'vacances');
    const { requestId } = await startReservationDraft(database.db, { ...base(), childId: m.lea, service: 'vacances' });
    const save = (days: { date: string; units: string[] }[]) =>
      database.db.transaction((tx) =>
        saveDraftDays(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId, days } }),
      );
    await expectRefused(() => save([{ date: '2027-01-11', units: ['matin'] }]), /jour non ouvert/);
    await expectRefused(() => save([{ date: '2027-02-13', units: ['matin'] }]), /jour non ouvert/); // a Saturday
    await expectRefused(
      () => save([{ date: '2027-02-08', units: ['repas_classique'] }]),
      /Un repas ne peut être réservé/,
    );
    await save([{ date: '2027-02-08', units: ['matin', 'repas_classique'] }]);
    const draft = await loadDraft(database.db, { requestId, policy: parent(), now: NOW });
    const before = await placesLeft(database.db, {
      siteId: draft.enrolment.siteId,
      service: 'vacances',
      from: '2027-02-08',
      to: '2027-02-08',
    });
    await submitReservationRequest(database.db, {
      ...asParent(),
      requestId,
      version: draft.enrolment.planningVersion,
      appUrl,
    });
    const after = await placesLeft(database.db, {
      siteId: draft.enrolment.siteId,
      service: 'vacances',
      from: '2027-02-08',
      to: '2027-02-08',
    });
    expect(after['2027-02-08']!.matin).toBe(before['2027-02-08']!.matin! - 1);
    expect(after['2027-02-08']!.apres_midi).toBe(before['2027-02-08']!.apres_midi);
  });

  it('refuses as a whole a validation that would exceed a capacity filled meanwhile, naming the full dates', async () => {
    const { requestId, run } = await book(m.lea, 'vacances', [
      { date: '2027-02-09', units: ['matin'] },
      { date: '2027-02-10', units: ['matin', 'apres_midi'] },
    ]);
    const draft = await loadDraft(database.db, { requestId, policy: parent(), now: NOW });
    const [{ n }] = (await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from reservations where site_id = ${draft.enrolment.siteId} and service = 'vacances' and date = '2027-02-10' and unit = 'apres_midi'`,
    )) as [{ n: number }];
    const [cap] = await database.db
      .select()
      .from(siteCapacities)
      .where(
        and(
          eq(siteCapacities.siteId, draft.enrolment.siteId),
          eq(siteCapacities.service, 'vacances'),
          eq(siteCapacities.unit, 'apres_midi'),
        ),
      );
    await database.db.update(siteCapacities).set({ capacity: n }).where(eq(siteCapacities.id, cap!.id));
    try {
      await expectRefused(run, /mercredi 10 février 2027 \(après-midi\) est complet/);
    } finally {
      await database.db.update(siteCapacities).set({ capacity: cap!.capacity }).where(eq(siteCapacities.id, cap!.id));
    }
  });

  it('30 parallel validations for the last 5 places: exactly 5 succeed, the others read "complet"', async () => {
    // 30 children of other families, enrolled at the same holiday centre
    const site = await proposedSite(database.db, { familyId: m.familyId, childId: m.lea, service: 'vacances' });
    const kids = await rows<{ child_id: number; family_id: number; account_id: number }>(
      database.db,
      sql`select c.id as child_id, c.family_id, p.account_id from children c
          join families f on f.id = c.family_id join sectors s on s.id = f.sector_id
          join lateral (select account_id from parents where family_id = c.family_id and account_id is not null order by id limit 1) p on true
          where s.leisure_centre_id = ${site!.id} and c.family_id <> ${m.familyId}
            and not exists (select 1 from reservations r where r.child_id = c.id and r.service = 'vacances' and r.date = '2027-04-13')
          order by c.id limit 30`,
    );
    expect(kids).toHaveLength(30);
    for (const k of kids) {
      const [year] = await rows<{ id: number }>(
        database.db,
        sql`select id from school_years where label = '2026-2027'`,
      );
      await database.db
        .insert(enrolments)
        .values({ childId: k.child_id, service: 'vacances', siteId: site!.id, schoolYearId: year!.id })
        .onConflictDoNothing();
    }
    const [{ taken }] = (await rows<{ taken: number }>(
      database.db,
      sql`select count(*)::int as taken from reservations where site_id = ${site!.id} and service = 'vacances' and date = '2027-04-13' and unit = 'matin'`,
    )) as [{ taken: number }];
    const [cap] = await database.db
      .select()
      .from(siteCapacities)
      .where(
        and(
          eq(siteCapacities.siteId, site!.id),
          eq(siteCapacities.service, 'vacances'),
          eq(siteCapacities.unit, 'matin'),
        ),
      );
    await database.db
      .update(siteCapacities)
      .set({ capacity: taken + 5 })
      .where(eq(siteCapacities.id, cap!.id));
    const runs = [];
    for (const k of kids) {
      const who = { familyId: k.family_id, accountId: k.account_id, today: TODAY, now: NOW };
      runs.push((await book(k.child_id, 'vacances', [{ date: '2027-04-13', units: ['matin'] }], who)).run);
    }
    const results = await Promise.allSettled(runs.map((run) => run()));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(25);
    for (const r of refused) expect(String(r.reason.message)).toMatch(/mardi 13 avril 2027 \(matin\) est complet/);
    const [{ now: count }] = (await rows<{ now: number }>(
      database.db,
      sql`select count(*)::int as now from reservations where site_id = ${site!.id} and service = 'vacances' and date = '2027-04-13' and unit = 'matin'`,
    )) as [{ now: number }];
    expect(count).toBe(taken + 5);
    const submitted = await database.db
      .select()
      .from(requests)
      .where(
        and(
          eq(requests.service, 'vacances'),
          eq(requests.status, 'submitted'),
          sql`${requests.childId} in ${kids.map((k) => k.child_id)}`,
        ),
      );
    expect(submitted).toHaveLength(5);
    await database.db.update(siteCapacities).set({ capacity: cap!.capacity }).where(eq(siteCapacities.id, cap!.id));
  }, 60_000);
});
