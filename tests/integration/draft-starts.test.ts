// « Commencer » clicked twenty times at once (a double tap, a slow phone, two tabs): one open draft per child, service
// and démarche for the family, one per agent at the desk beside it, and every click lands on that draft.
// On PostgreSQL (DATABASE_URL) the starts really race on ten connections and the partial unique indexes decide;
// PGlite has one connection: the plain starts still interleave statement by statement (all of them find no draft,
// then all of them insert), but the starts inside transactions run one after the other.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requests } from '@/db/schema';
import { startEnrolmentDraft } from '@/lib/enrolments/enrol';
import { startReservationDraft } from '@/lib/requests/drafts';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, martin, NOW, TODAY, type Martin } from '../support/demo';

let database: TestDatabase;
let m: Martin;
let agentId: number;

beforeAll(async () => {
  database = await createDemoDatabase();
  m = await martin(database.db);
  agentId = (await demoAgent(database.db)).id;
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await database.db.update(requests).set({ status: 'cancelled' }).where(eq(requests.status, 'draft'));
});

const TIMES = 20;
const parent = () => ({ familyId: m.familyId, accountId: m.accountId, today: TODAY, now: NOW });
const agent = () => ({ ...parent(), accountId: agentId, onBehalf: true });

async function openDrafts(childId: number, type: 'reservation' | 'inscription') {
  return database.db
    .select({ id: requests.id, onBehalf: requests.onBehalf, createdBy: requests.createdBy })
    .from(requests)
    .where(
      and(
        eq(requests.childId, childId),
        eq(requests.service, 'mercredi'),
        eq(requests.type, type),
        eq(requests.status, 'draft'),
      ),
    )
    .orderBy(requests.onBehalf); // the family's, then the agent's (whichever got the smaller id)
}

describe('« Gérer mes réservations » › « Commencer » twenty times at once', () => {
  it("opens one draft of Léa's Wednesdays, and every click gets its id", async () => {
    const starts = await Promise.all(
      Array.from({ length: TIMES }, () =>
        startReservationDraft(database.db, { ...parent(), childId: m.lea, service: 'mercredi' }),
      ),
    );
    const drafts = await openDrafts(m.lea, 'reservation');
    expect(drafts).toHaveLength(1);
    expect(starts.map((s) => s.requestId)).toEqual(Array(TIMES).fill(drafts[0]!.id));
    expect(starts.filter((s) => !s.resumed)).toHaveLength(1);
  });

  it('the same when each start runs in a transaction of its own', async () => {
    const starts = await Promise.all(
      Array.from({ length: TIMES }, () =>
        database.db.transaction((tx) =>
          startReservationDraft(tx, { ...parent(), childId: m.lea, service: 'mercredi' }),
        ),
      ),
    );
    const drafts = await openDrafts(m.lea, 'reservation');
    expect(drafts).toHaveLength(1);
    expect(new Set(starts.map((s) => s.requestId))).toEqual(new Set([drafts[0]!.id]));
  });

  it("the agent's draft and the parent's coexist: one each, the agent's marked on_behalf", async () => {
    const starts = await Promise.all(
      Array.from({ length: TIMES }, (_, i) =>
        startReservationDraft(database.db, {
          ...(i % 2 === 0 ? parent() : agent()),
          childId: m.lea,
          service: 'mercredi',
        }),
      ),
    );
    const drafts = await openDrafts(m.lea, 'reservation');
    expect(drafts).toEqual([
      expect.objectContaining({ onBehalf: false, createdBy: m.accountId }),
      expect.objectContaining({ onBehalf: true, createdBy: agentId }),
    ]);
    expect(starts.map((s) => s.requestId)).toEqual(starts.map((_, i) => drafts[i % 2]!.id));
  });

  it('deletes an expired draft (as the purge would) and opens a new one', async () => {
    const yesterday = new Date(NOW.getTime() - 25 * 3600_000);
    const { requestId: expired } = await startReservationDraft(database.db, {
      ...parent(),
      now: yesterday,
      childId: m.lea,
      service: 'mercredi',
    });
    const starts = await Promise.all(
      Array.from({ length: TIMES }, () =>
        startReservationDraft(database.db, { ...parent(), childId: m.lea, service: 'mercredi' }),
      ),
    );
    const drafts = await openDrafts(m.lea, 'reservation');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.id).not.toBe(expired);
    expect(new Set(starts.map((s) => s.requestId))).toEqual(new Set([drafts[0]!.id]));
    expect(await database.db.select().from(requests).where(eq(requests.id, expired))).toEqual([]);
  });
});

describe("« S'inscrire » › « Commencer » twenty times at once", () => {
  it('opens one enrolment draft for Hugo at the Wednesday centre, and every click gets its id', async () => {
    const starts = await Promise.all(
      Array.from({ length: TIMES }, () =>
        startEnrolmentDraft(database.db, { ...parent(), childId: m.hugo, service: 'mercredi' }),
      ),
    );
    const drafts = await openDrafts(m.hugo, 'inscription');
    expect(drafts).toHaveLength(1);
    expect(starts.map((s) => s.requestId)).toEqual(Array(TIMES).fill(drafts[0]!.id));
  });

  it("the same in transactions (as the agent's « S'inscrire » runs), the agent's beside the parent's", async () => {
    const starts = await Promise.all(
      Array.from({ length: TIMES }, (_, i) =>
        database.db.transaction((tx) =>
          startEnrolmentDraft(tx, { ...(i % 2 === 0 ? parent() : agent()), childId: m.hugo, service: 'mercredi' }),
        ),
      ),
    );
    const drafts = await openDrafts(m.hugo, 'inscription');
    expect(drafts).toEqual([
      expect.objectContaining({ onBehalf: false, createdBy: m.accountId }),
      expect.objectContaining({ onBehalf: true, createdBy: agentId }),
    ]);
    expect(starts.map((s) => s.requestId)).toEqual(starts.map((_, i) => drafts[i % 2]!.id));
  });
});
