// The request lifecycle (lib/requests/lifecycle.ts) is one for every démarche: a reservation and an inscription
// validated by the Martin family both get a DEM-<year>-… reference, one audit row at the clock's time (not the
// database's) and one acknowledgment; and what they store as their diff is read back through their type's schema.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, emailOutbox, requests } from '@/db/schema';
import { chooseEnrolmentSite, loadEnrolmentDraft, startEnrolmentDraft, submitEnrolment } from '@/lib/enrolments/enrol';
import { loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { getFamilyRequest } from '@/lib/requests/history';
import { getAdminRequest } from '@/lib/requests/list';
import { parentPolicy } from '@/lib/requests/policy';
import { submitReservationRequest } from '@/lib/requests/submit';
import { readRequestDiff } from '@/lib/requests/types';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { martin, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
const appUrl = 'http://localhost:3000';
// an instant the database's now() never is: the audit rows must carry it
const AT = new Date('2026-11-29T09:17:23.000Z');
const TODAY = '2026-11-29';

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
});

afterAll(async () => {
  await database?.close();
});

const who = () => ({ familyId: m.familyId, accountId: m.accountId, today: TODAY, now: AT });
const parent = () => parentPolicy({ id: m.accountId, familyId: m.familyId });

/** Léa books a Wednesday morning with the meal (13 January 2027 unless told) and validates. */
async function leaBooks(date = '2027-01-13'): Promise<{ requestId: number; reference: string }> {
  // the demo books Léa every Wednesday: the day is cleared first, so that the request adds Matin + Repas classique
  await database.db.execute(
    sql`delete from reservations where child_id = ${m.lea} and service = 'mercredi' and date = ${date}`,
  );
  const { requestId } = await startReservationDraft(database.db, { ...who(), childId: m.lea, service: 'mercredi' });
  await database.db.transaction((tx) =>
    saveDraftDays(tx, {
      policy: parent(),
      today: TODAY,
      now: AT,
      input: { requestId, days: [{ date, units: ['matin', 'repas_classique'] }] },
    }),
  );
  const draft = await loadDraft(database.db, { requestId, policy: parent(), now: AT });
  const { reference } = await submitReservationRequest(database.db, {
    policy: parent(),
    today: TODAY,
    now: AT,
    requestId,
    version: draft.enrolment.planningVersion,
    appUrl,
  });
  return { requestId, reference };
}

/** Hugo is enrolled at the Wednesday centre proposed. */
async function hugoEnrols(): Promise<{ requestId: number; reference: string }> {
  const { requestId } = await startEnrolmentDraft(database.db, { ...who(), childId: m.hugo, service: 'mercredi' });
  const draft = await loadEnrolmentDraft(database.db, { requestId, familyId: m.familyId, now: AT });
  await database.db.transaction((tx) =>
    chooseEnrolmentSite(tx, { familyId: m.familyId, now: AT, input: { requestId, siteId: draft.proposed!.id } }),
  );
  const { reference } = await submitEnrolment(database.db, { ...who(), requestId, appUrl });
  return { requestId, reference };
}

async function storedRequest(id: number) {
  const [row] = await database.db.select().from(requests).where(eq(requests.id, id));
  return row!;
}

describe('one lifecycle for a reservation and an inscription', () => {
  let reservation: { requestId: number; reference: string };
  let inscription: { requestId: number; reference: string };

  beforeAll(async () => {
    reservation = await leaBooks();
    inscription = await hugoEnrols();
  });

  it('both get a DEM-2026-… reference from the same sequence, and are submitted at the clock’s time', async () => {
    expect(reservation.reference).toMatch(/^DEM-2026-\d{6}$/);
    expect(inscription.reference).toMatch(/^DEM-2026-\d{6}$/);
    expect(inscription.reference > reservation.reference).toBe(true);
    for (const { requestId } of [reservation, inscription]) {
      expect(await storedRequest(requestId)).toMatchObject({ status: 'submitted', submittedAt: AT, expiresAt: null });
    }
  });

  it('both write one audit row with the given time, the parent as actor', async () => {
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.familyId, m.familyId),
          sql`${auditLog.after} ->> 'reference' in (${reservation.reference}, ${inscription.reference})`,
        ),
      );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.action).sort()).toEqual(['enrolment.create', 'reservations.replace']);
    for (const r of rows) expect(r).toMatchObject({ at: AT, actorId: m.accountId, actorRole: 'parent' });
  });

  it('both queue one acknowledgment to the parent who asked', async () => {
    for (const [{ requestId, reference }, kind] of [
      [reservation, 'reservation'],
      [inscription, 'inscription'],
    ] as const) {
      const outbox = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, requestId));
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({
        to: 'famille.martin@example.fr',
        template: 'request-acknowledgment',
        payload: expect.objectContaining({ reference, kind, submittedAt: AT.toISOString() }) as unknown,
      });
    }
    const [ack] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.requestId, reservation.requestId));
    expect((ack!.payload as { changes: unknown }).changes).toEqual([
      { date: '2027-01-13', added: ['Matin', 'Repas classique'], removed: [] },
    ]);
  });

  it('both store a diff their type reads back', async () => {
    expect(readRequestDiff(await storedRequest(reservation.requestId))).toEqual({
      type: 'reservation',
      diff: {
        added: [
          { date: '2027-01-13', unit: 'matin' },
          { date: '2027-01-13', unit: 'repas_classique' },
        ],
        removed: [],
      },
    });
    expect(readRequestDiff(await storedRequest(inscription.requestId))).toEqual({
      type: 'inscription',
      diff: {
        enrolment: {
          siteId: expect.any(Number) as unknown,
          siteName: expect.any(String) as unknown,
          schoolYear: '2026-2027',
        },
      },
    });
  });
});

describe('a stored diff that does not match its type', () => {
  it('is refused when read, by « Mes demandes » and by the back office', async () => {
    const { requestId } = await leaBooks('2027-01-20');
    // an inscription's diff on a reservation: a writer that bypassed the types
    await database.db
      .update(requests)
      .set({ diff: { enrolment: { siteId: 1, siteName: 'Les Tilleuls', schoolYear: '2026-2027' } } })
      .where(eq(requests.id, requestId));
    await expect(getFamilyRequest(database.db, m.familyId, requestId)).rejects.toThrow(/does not match its type/);
    await expect(getAdminRequest(database.db, requestId)).rejects.toThrow(/does not match its type/);
    // a unit that does not exist
    await database.db
      .update(requests)
      .set({ diff: { added: [{ date: '2027-01-13', unit: 'gouter' }], removed: [] } })
      .where(eq(requests.id, requestId));
    await expect(getFamilyRequest(database.db, m.familyId, requestId)).rejects.toThrow(/does not match its type/);
  });

  it('in production is logged, and the request shows without its details', async () => {
    const { requestId } = await leaBooks('2027-01-27');
    await database.db
      .update(requests)
      .set({ diff: { added: 'oops' } })
      .where(eq(requests.id, requestId));
    vi.stubEnv('NODE_ENV', 'production');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const detail = await getFamilyRequest(database.db, m.familyId, requestId);
      expect(detail).toMatchObject({ id: requestId, added: [], removed: [] });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(`request ${requestId}`), expect.anything());
    } finally {
      logged.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
