// Siblings in one démarche (issue 13): Léa and Hugo Martin booked together at the Wednesday centre, through the
// use-cases the parent's actions call, on a real database (PostgreSQL with DATABASE_URL, else PGlite).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '@/db/client';
import { auditLog, emailOutbox, enrolments, requests, siteCapacities } from '@/db/schema';
import { referenceData } from '@/lib/calendar/reference-cache';
import { childReservations, loadDraftGroup, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import {
  copyPlanning,
  groupVersion,
  siblingsOf,
  startSiblingDrafts,
  submitSiblingRequests,
} from '@/lib/requests/siblings';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { expectRefused as refused, martin, NOW, otherFamily, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let siteId: number;
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

const appUrl = 'http://localhost:3000';
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });
const expectRefused = (run: () => Promise<unknown>, message: RegExp) => refused(database.db, run, message);

beforeAll(async () => {
  database = await createDemoDatabase({ logger: counter });
  m = await martin(database.db);
  const [lea] = await database.db
    .select({ siteId: enrolments.siteId, schoolYearId: enrolments.schoolYearId })
    .from(enrolments)
    .where(and(eq(enrolments.childId, m.lea), eq(enrolments.service, 'mercredi')));
  siteId = lea!.siteId;
  // « S'inscrire » for Hugo at the same Wednesday centre (the démarche itself is the e2e journey's)
  await database.db
    .insert(enrolments)
    .values({ childId: m.hugo, service: 'mercredi', siteId, schoolYearId: lea!.schoolYearId });
  // the calendar as a running instance holds it (the counts below read its version, not the whole of it)
  await referenceData(database.db);
}, 180_000);

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  // each scenario starts without an open draft
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
});

function start(childIds: number[]) {
  return database.db.transaction((tx) =>
    startSiblingDrafts(tx, {
      familyId: m.familyId,
      accountId: m.accountId,
      childIds,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    }),
  );
}

async function group(requestId: number) {
  return loadDraftGroup(database.db, { requestId, policy: parent(), now: NOW });
}

async function save(requestId: number, days: { date: string; units: string[] }[]) {
  return database.db.transaction((tx) =>
    saveDraftDays(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId, days } }),
  );
}

async function copy(requestId: number, targetRequestId: number, from: string, to: string) {
  return database.db.transaction((tx) =>
    copyPlanning(tx, { policy: parent(), today: TODAY, now: NOW, input: { requestId, targetRequestId, from, to } }),
  );
}

async function submit(requestId: number, version?: number) {
  return submitSiblingRequests(database.db, {
    policy: parent(),
    requestId,
    version: version ?? groupVersion(await group(requestId)),
    today: TODAY,
    now: NOW,
    appUrl,
  });
}

const wednesdays = (childId: number) =>
  childReservations(database.db, { childId, service: 'mercredi', from: '2027-01-01', to: '2027-01-31' });

describe('siblings in one démarche', () => {
  it('offers the children enrolled at the same site', async () => {
    const [year] = await database.db
      .select({ id: enrolments.schoolYearId })
      .from(enrolments)
      .where(eq(enrolments.childId, m.lea));
    const found = await siblingsOf(database.db, {
      familyId: m.familyId,
      childId: m.lea,
      service: 'mercredi',
      schoolYearId: year!.id,
    });
    expect(found.map((c) => c.firstName).sort()).toEqual(['Hugo', 'Léa']);
  });

  it('books the same two Wednesdays for Léa and Hugo: two references, one e-mail, one transaction', async () => {
    const { requestId } = await start([m.lea, m.hugo]);
    const drafts = await group(requestId);
    expect(drafts.map((d) => d.childFirstName)).toEqual(['Léa', 'Hugo']);
    const [lea, hugo] = drafts;
    const full = ['matin', 'apres_midi', 'repas_classique'];
    await save(lea!.id, [
      { date: '2027-01-06', units: full },
      { date: '2027-01-13', units: full },
    ]);
    // « Même planning pour Hugo » on the month of January
    await copy(lea!.id, hugo!.id, '2027-01-01', '2027-01-31');
    const leaBefore = await wednesdays(m.lea);

    const v = groupVersion(await group(requestId));
    statements = 0;
    const result = await submit(requestId, v);
    const n = statements;
    expect(result.alreadySubmitted).toBe(false);
    expect(result.references).toHaveLength(2);
    // constant whatever the number of children and dates (the next test validates more dates): the single child's 15,
    // plus the closing of the drafts of children left unchanged
    expect(n).toBe(16);

    const hugoAfter = await wednesdays(m.hugo);
    const onDates = (list: { date: string; unit: string }[], dates: string[]) =>
      list.filter((r) => dates.includes(r.date)).map((r) => `${r.date} ${r.unit}`);
    expect(onDates(hugoAfter, ['2027-01-06', '2027-01-13'])).toEqual([
      '2027-01-06 matin',
      '2027-01-06 apres_midi',
      '2027-01-06 repas_classique',
      '2027-01-13 matin',
      '2027-01-13 apres_midi',
      '2027-01-13 repas_classique',
    ]);
    // Léa's other January Wednesdays were copied too: Hugo has exactly Léa's January now
    expect(hugoAfter).toEqual(await wednesdays(m.lea));
    expect(await wednesdays(m.lea)).not.toEqual(leaBefore);

    const submitted = await database.db
      .select({ id: requests.id, reference: requests.reference, groupId: requests.groupId, childId: requests.childId })
      .from(requests)
      .where(and(eq(requests.groupId, requestId), eq(requests.status, 'submitted')));
    expect(submitted.map((r) => r.childId).sort()).toEqual([m.lea, m.hugo].sort());
    expect(submitted.map((r) => r.reference).sort()).toEqual([...result.references].sort());

    const outbox = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: 'famille.martin@example.fr', template: 'siblings-acknowledgment' });
    const payload = outbox[0]!.payload as { requests: { reference: string; childName: string }[] };
    expect(payload.requests.map((r) => r.childName)).toEqual(['Léa Martin', 'Hugo Martin']);
    expect(payload.requests.map((r) => r.reference)).toEqual(result.references);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'request'),
          inArray(
            auditLog.entityId,
            submitted.map((r) => String(r.id)),
          ),
        ),
      );
    expect(audit).toHaveLength(2);

    // the same démarche validated twice commits once and sends one e-mail
    const again = await submit(requestId, 0);
    expect(again.alreadySubmitted).toBe(true);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId))).toHaveLength(1);
  });

  it('validates many dates for both children in the same number of statements', async () => {
    const { requestId } = await start([m.hugo, m.lea]);
    const [hugo, lea] = await group(requestId);
    const dates = ['2027-03-03', '2027-03-10', '2027-03-17', '2027-03-24', '2027-03-31', '2027-04-21', '2027-04-28'];
    await save(
      hugo!.id,
      dates.map((date) => ({ date, units: ['matin'] })),
    );
    await copy(hugo!.id, lea!.id, '2027-03-01', '2027-04-30');
    const v = groupVersion(await group(requestId));
    statements = 0;
    const result = await submit(requestId, v);
    expect(statements).toBe(16);
    expect(result.references).toHaveLength(2);
    const leaMarch = await childReservations(database.db, {
      childId: m.lea,
      service: 'mercredi',
      from: '2027-03-01',
      to: '2027-04-30',
    });
    expect(leaMarch.map((r) => `${r.date} ${r.unit}`)).toEqual(dates.map((d) => `${d} matin`));
  });

  it('counts the capacity for all the children together: one place left for two is refused, nothing written', async () => {
    const date = '2027-02-03';
    const [booked] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from reservations
          where site_id = ${siteId} and service = 'mercredi' and date = ${date} and unit = 'repas_sans_viande'`,
    );
    const capacity = and(
      eq(siteCapacities.siteId, siteId),
      eq(siteCapacities.service, 'mercredi'),
      eq(siteCapacities.unit, 'repas_sans_viande'),
    );
    const [was] = await database.db.select({ capacity: siteCapacities.capacity }).from(siteCapacities).where(capacity);
    await database.db
      .update(siteCapacities)
      .set({ capacity: booked!.n + 1 })
      .where(capacity);
    try {
      const { requestId } = await start([m.lea, m.hugo]);
      const [lea, hugo] = await group(requestId);
      await save(lea!.id, [{ date, units: ['matin', 'repas_sans_viande'] }]);
      await save(hugo!.id, [{ date, units: ['matin', 'repas_sans_viande'] }]);
      const drafts = await group(requestId);
      // both of them must ask for a new place: Léa eats « classique » that day (week 1 of her rhythm)
      const leaBooked = await childReservations(database.db, {
        childId: m.lea,
        service: 'mercredi',
        from: date,
        to: date,
      });
      if (leaBooked.some((r) => r.unit === 'repas_sans_viande')) {
        throw new Error(`Léa already eats « sans viande » on ${date}: pick another date`);
      }
      const v = groupVersion(drafts);
      await expectRefused(
        () => submit(requestId, v),
        /plus de place : mercredi 3 février 2027 \(repas sans viande\) est complet/,
      );
      // with a second place, both are booked
      await database.db
        .update(siteCapacities)
        .set({ capacity: booked!.n + 2 })
        .where(capacity);
      expect((await submit(requestId, v)).references).toHaveLength(2);
    } finally {
      await database.db.update(siteCapacities).set({ capacity: was!.capacity }).where(capacity);
    }
  });
});

describe('bad input', () => {
  it("refuses a sibling démarche holding a child of another family, and writes nothing (the other family's draft included)", async () => {
    const other = await otherFamily(database.db, m.familyId);
    // the other family has a draft open: it must not be pulled into the Martins' démarche
    await startReservationDraft(database.db, {
      familyId: other.familyId,
      accountId: other.accountId,
      childId: other.childId,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    });
    await expectRefused(() => start([m.lea, other.childId]), /introuvable dans votre famille/);
    await expectRefused(() => start([other.childId, m.hugo]), /introuvable dans votre famille/);
  });

  it("refuses to copy a planning onto another family's draft", async () => {
    const other = await otherFamily(database.db, m.familyId);
    const theirs = await startReservationDraft(database.db, {
      familyId: other.familyId,
      accountId: other.accountId,
      childId: other.childId,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    });
    const { requestId } = await start([m.lea, m.hugo]);
    await expectRefused(() => copy(requestId, theirs.requestId, '2027-01-01', '2027-01-31'), /introuvable|expirée/);
  });

  it('refuses children at different sites with a clear sentence, and writes nothing', async () => {
    const [centre] = await rows<{ id: number }>(
      database.db,
      sql`select id from sites where kind = 'centre' and id <> ${siteId} order by id limit 1`,
    );
    const hugoEnrolment = and(eq(enrolments.childId, m.hugo), eq(enrolments.service, 'mercredi'));
    await database.db.update(enrolments).set({ siteId: centre!.id }).where(hugoEnrolment);
    try {
      await expectRefused(
        () => start([m.lea, m.hugo]),
        /Léa et Hugo ne vont pas au même lieu .* une démarche par enfant/,
      );
    } finally {
      await database.db.update(enrolments).set({ siteId }).where(hugoEnrolment);
    }
  });

  it('refuses a stale recap: the plannings changed since it was shown', async () => {
    const { requestId } = await start([m.lea, m.hugo]);
    const [lea] = await group(requestId);
    await save(lea!.id, [{ date: '2027-05-19', units: ['matin'] }]);
    const v = groupVersion(await group(requestId));
    await expectRefused(() => submit(requestId, v - 1), /planning a changé|modifié/i);
  });
});
