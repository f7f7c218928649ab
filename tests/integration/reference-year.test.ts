// A request's reference (DEM-<year>-<seq>) carries the Paris year of its submission, not the UTC one: a parent who
// validates at 00:30 on New Year's Day in Paris (23:30 UTC the day before) reads DEM-2027-…, on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as parisToday } from '@/lib/clock';
import { chooseEnrolmentSite, loadEnrolmentDraft, startEnrolmentDraft, submitEnrolment } from '@/lib/enrolments/enrol';
import { childReservations, loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, type Martin } from '../support/demo';

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

// As the server actions do: the instant, and today's date in Paris taken from the clock module.
const NEW_YEAR_IN_PARIS = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Paris
const NEW_YEAR_EVE_IN_PARIS = new Date('2026-12-31T22:59:00Z'); // 23:59 on 31 December 2026 in Paris
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });
const at = (now: Date) => ({ familyId: m.familyId, accountId: m.accountId, now, today: parisToday(now) });

/** Léa changes one Wednesday of late January (books it, or cancels it when booked) and validates. */
async function changeLeaWednesday(now: Date, date: string): Promise<string> {
  const who = at(now);
  const booked = await childReservations(database.db, { childId: m.lea, service: 'mercredi', from: date, to: date });
  const units = booked.length > 0 ? [] : ['matin'];
  const { requestId } = await startReservationDraft(database.db, { ...who, childId: m.lea, service: 'mercredi' });
  await database.db.transaction((tx) =>
    saveDraftDays(tx, { policy: parent(), today: who.today, now, input: { requestId, days: [{ date, units }] } }),
  );
  const draft = await loadDraft(database.db, { requestId, policy: parent(), now });
  const { reference } = await submitReservationRequest(database.db, {
    policy: parent(),
    now,
    today: who.today,
    requestId,
    version: draft.enrolment.planningVersion,
    appUrl,
  });
  return reference;
}

/** Hugo is enrolled in `service` at the site proposed. */
async function enrolHugo(now: Date, service: 'cantine' | 'mercredi'): Promise<string> {
  const who = at(now);
  const { requestId } = await startEnrolmentDraft(database.db, { ...who, childId: m.hugo, service });
  const draft = await loadEnrolmentDraft(database.db, { requestId, familyId: m.familyId, now });
  await database.db.transaction((tx) =>
    chooseEnrolmentSite(tx, { familyId: m.familyId, now, input: { requestId, siteId: draft.proposed!.id } }),
  );
  const { reference } = await submitEnrolment(database.db, { ...who, requestId, appUrl });
  return reference;
}

describe("the reference's year", () => {
  it('is the Paris date the clock gives at 23:30 UTC on 31 December: already 1 January 2027', () => {
    expect(parisToday(NEW_YEAR_IN_PARIS)).toBe('2027-01-01');
    expect(NEW_YEAR_IN_PARIS.getUTCFullYear()).toBe(2026);
  });

  it("a reservation validated at 00:30 on New Year's Day in Paris is DEM-2027-…", async () => {
    expect(await changeLeaWednesday(NEW_YEAR_IN_PARIS, '2027-01-20')).toMatch(/^DEM-2027-\d{6}$/);
  });

  it("an inscription validated at 00:30 on New Year's Day in Paris is DEM-2027-…", async () => {
    expect(await enrolHugo(NEW_YEAR_IN_PARIS, 'mercredi')).toMatch(/^DEM-2027-\d{6}$/);
  });

  it('one minute before midnight in Paris, both are still DEM-2026-…', async () => {
    expect(await changeLeaWednesday(NEW_YEAR_EVE_IN_PARIS, '2027-01-27')).toMatch(/^DEM-2026-\d{6}$/);
    expect(await enrolHugo(NEW_YEAR_EVE_IN_PARIS, 'cantine')).toMatch(/^DEM-2026-\d{6}$/);
  });
});
