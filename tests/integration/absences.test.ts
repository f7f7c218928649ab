// « Signaler une absence » (issue 15), on a real database: Léa Martin's canteen days declared absent past the J-15
// deadline (which still refuses a plain cancellation), the window's limits, the units kept but marked, the kitchen
// order, the places and the expected children without them (their places returned for the waiting list), the
// certificate (a 6 MB file, an .exe renamed .pdf, another family's request: refused, nothing written; added later
// within 48 hours), the agent's decision and the billable flag, a constant number of statements.
import { sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Db } from '@/db/client';
import { addAbsenceCertificate } from '@/lib/absences/certificate';
import { decideAbsence } from '@/lib/absences/decide';
import { declareAbsence, declareAbsenceSchema, type DeclareAbsenceInput } from '@/lib/absences/declare';
import { absenceCertificate, declarableDays, familyAbsence, listAdminAbsences } from '@/lib/absences/list';
import { seedIfEmpty } from '@/lib/demo/seed';
import { confirmFamilyClosure, requestFamilyClosure } from '@/lib/families/closure';
import { exportFamilyData } from '@/lib/families/data-export';
import { CERTIFICATE_MAX_BYTES } from '@/lib/documents/certificate';
import { renderEmail } from '@/lib/email/render';
import { addDays, type IsoDate, type ServiceKind } from '@/lib/planning';
import { loadDraft, saveDraftDays, startReservationDraft } from '@/lib/requests/drafts';
import { parentPolicy } from '@/lib/requests/policy';
import { getFamilyRequest, listFamilyRequests } from '@/lib/requests/history';
import { submitReservationRequest } from '@/lib/requests/submit';
import { attendanceList } from '@/lib/reports/attendance';
import { mealOrders } from '@/lib/reports/meal-orders';
import { occupancy } from '@/lib/reservations/capacity';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { demoAgent, martin, NOW, otherFamily, snapshot, TODAY, type Martin } from '../support/demo';

let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};

let database: TestDatabase;
let db: Db;
let m: Martin;
let parent: { id: number; familyId: number };
const appUrl = 'http://localhost:3000';
const ctx = { today: TODAY, now: NOW, appUrl };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

const file = (bytes: Buffer, name: string, type = 'application/pdf') =>
  new File([new Uint8Array(bytes)], name, { type });

/** What a declaration may write, absences and documents included: a refusal leaves it identical. */
async function state(): Promise<string> {
  const [extra] = await rows(
    db,
    sql`select (select count(*)::int from documents) as documents, (select count(*)::int from absences) as absences,
        (select coalesce(string_agg(concat_ws(':', id, absence_request_id, absence_released, billable), ',' order by id), '')
           from reservations where absence_request_id is not null or not billable) as marked,
        (select coalesce(string_agg(request_id || ':' || status || ':' || coalesce(document_id, 0), ',' order by request_id), '')
           from absences) as decisions`,
  );
  return (await snapshot(db)) + JSON.stringify(extra);
}

async function expectRefusedAndNothingWritten(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await state();
  await expect(run()).rejects.toThrow(message);
  expect(await state()).toBe(before);
}

/** The input as the form sends it (checked by the action's schema). */
function input(fields: {
  childId?: number;
  service?: ServiceKind;
  days: IsoDate[];
  reason?: 'maladie' | 'autre';
  details?: string;
  certificate?: File;
}): DeclareAbsenceInput {
  return declareAbsenceSchema.parse({ childId: m.lea, service: 'cantine', reason: 'maladie', ...fields });
}

/** Léa's booked canteen days from `from` on, in order. */
async function leaCanteenDays(from: IsoDate, to: IsoDate): Promise<IsoDate[]> {
  const found = await rows<{ date: IsoDate }>(
    db,
    sql`select distinct to_char(date, 'YYYY-MM-DD') as date from reservations
        where child_id = ${m.lea} and service = 'cantine' and date between ${from} and ${to} order by 1`,
  );
  return found.map((r) => r.date);
}

async function meals(date: IsoDate, siteId: number): Promise<number> {
  const orders = await mealOrders(db, { from: date, to: date, siteId });
  return orders.total.total;
}

async function leaSite(): Promise<number> {
  const [row] = await rows<{ siteId: number }>(
    db,
    sql`select site_id as "siteId" from reservations where child_id = ${m.lea} and service = 'cantine' limit 1`,
  );
  return row!.siteId;
}

beforeAll(async () => {
  database = await createTestDatabase({ logger: counter });
  db = database.db;
  await seedIfEmpty(db);
  m = await martin(db);
  parent = { id: m.accountId, familyId: m.familyId };
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('the days a parent may declare absent', () => {
  it('are the booked days from 2 working days back to 30 days ahead', async () => {
    const days = await declarableDays(db, { familyId: m.familyId, childId: m.lea, today: TODAY });
    // Sunday 29 November: back to Thursday 26 (Friday 27 and Thursday 26 are the 2 working days), on to 29 December
    expect(days[0]!.date >= '2026-11-26').toBe(true);
    expect(days.at(-1)!.date <= '2026-12-29').toBe(true);
    expect(days.some((d) => d.service === 'cantine')).toBe(true);
    expect(days.some((d) => d.service === 'mercredi')).toBe(true);
    // another family reads nothing of Léa
    const other = await otherFamily(db, m.familyId);
    expect(await declarableDays(db, { familyId: other.familyId, childId: m.lea, today: TODAY })).toEqual([]);
  });

  it('refuses a day past the window, either side, and writes nothing', async () => {
    const [tooLate] = await leaCanteenDays(addDays(TODAY, 31), addDays(TODAY, 40));
    await expectRefusedAndNothingWritten(
      () => declareAbsence(db, parent, input({ days: [tooLate!] }), ctx),
      /du jeudi 26 novembre 2026 au mardi 29 décembre 2026/,
    );
    const [tooEarly] = await leaCanteenDays('2026-11-23', '2026-11-25');
    await expectRefusedAndNothingWritten(
      () => declareAbsence(db, parent, input({ days: [tooEarly!] }), ctx),
      /en dehors de cette période/,
    );
  });
});

describe('declaring an absence past the J-15 deadline', () => {
  let day: IsoDate;
  let requestId: number;
  let siteId: number;

  it('is refused as a plain cancellation of the démarche (the deadline holds there)', async () => {
    // Thursday 3 December: Léa's canteen day after Sunday's clock, long past the J-15 deadline
    day = (await leaCanteenDays(addDays(TODAY, 3), addDays(TODAY, 7)))[0]!;
    const policy = parentPolicy({ id: m.accountId, familyId: m.familyId });
    const cancel = async () => {
      const { requestId } = await startReservationDraft(db, {
        ...parent,
        accountId: m.accountId,
        childId: m.lea,
        service: 'cantine',
        today: TODAY,
        now: NOW,
      });
      await db.transaction((tx) =>
        saveDraftDays(tx, { policy, today: TODAY, now: NOW, input: { requestId, days: [{ date: day, units: [] }] } }),
      );
      const version = (await loadDraft(db, { requestId, policy, now: NOW })).enrolment.planningVersion;
      return submitReservationRequest(db, { policy, requestId, version, today: TODAY, now: NOW, appUrl });
    };
    await expect(cancel()).rejects.toThrow(/délai|modifiable/i);
    // the day stays booked, and nothing is marked absent
    expect(await leaCanteenDays(day, day)).toEqual([day]);
    const [marked] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reservations where absence_request_id is not null`,
    );
    expect(marked!.n).toBe(0);
  });

  it('keeps the units, marks them, drops them from the kitchen order, the places and the children expected', async () => {
    siteId = await leaSite();
    const mealsBefore = await meals(day, siteId);
    const bookedBefore = (await occupancy(db, { from: day, to: day, siteId })).reduce((n, c) => n + c.booked, 0);
    const expectedBefore = (await attendanceList(db, { date: day, siteId })).filter((r) => !r.absent).length;

    statements = 0;
    const result = await declareAbsence(
      db,
      parent,
      input({ days: [day], certificate: file(PDF, 'certificat.pdf') }),
      ctx,
    );
    const oneDay = statements;
    requestId = result.requestId;
    expect(result.reference).toMatch(/^DEM-2026-\d{6}$/);

    const kept = await rows<{ unit: string; absence_request_id: number; absence_released: boolean; billable: boolean }>(
      db,
      sql`select unit::text as unit, absence_request_id, absence_released, billable from reservations
          where child_id = ${m.lea} and service = 'cantine' and date = ${day}`,
    );
    expect(kept.length).toBeGreaterThan(0);
    for (const r of kept)
      expect(r).toMatchObject({ absence_request_id: requestId, absence_released: true, billable: true });

    expect(await meals(day, siteId)).toBe(mealsBefore - kept.length);
    const bookedAfter = (await occupancy(db, { from: day, to: day, siteId })).reduce((n, c) => n + c.booked, 0);
    expect(bookedAfter).toBe(bookedBefore - kept.length);
    const list = await attendanceList(db, { date: day, siteId });
    expect(list.find((r) => r.childId === m.lea)?.absent).toBe(true);
    expect(list.filter((r) => !r.absent).length).toBe(expectedBefore - 1);

    // the places freed, for the waiting list
    expect(result.freedSlots).toEqual(kept.map((r) => ({ siteId, service: 'cantine', date: day, unit: r.unit })));

    // the reference, the acknowledgment, the audit row
    const [mail] = await rows<{ template: string; payload: never; to: string }>(
      db,
      sql`select template, payload, "to" from email_outbox where request_id = ${requestId}`,
    );
    expect(mail!.template).toBe('absence-acknowledgment');
    expect((await renderEmail('absence-acknowledgment', mail!.payload)).text).toContain(result.reference);
    const audit = await rows<{ action: string }>(
      db,
      sql`select action from audit_log where entity_id = ${String(requestId)}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['absence.declare']);

    // Mes demandes: the request, its type, the absence's state
    const mine = await listFamilyRequests(db, m.familyId);
    expect(mine.find((r) => r.id === requestId)).toMatchObject({
      type: 'absence',
      changed: { type: 'absence', absent: kept.length },
    });
    expect(await getFamilyRequest(db, m.familyId, requestId)).toMatchObject({ reference: result.reference });
    expect(await familyAbsence(db, { familyId: m.familyId, requestId })).toMatchObject({
      status: 'pending',
      reason: 'maladie',
      certificate: { filename: 'certificat.pdf' },
    });

    // the same statements for a week of canteen days (Monday 7 to Friday 11 December) as for one
    const week = await leaCanteenDays('2026-12-07', '2026-12-11');
    expect(week).toHaveLength(4);
    statements = 0;
    const many = await declareAbsence(db, parent, input({ days: week, certificate: file(PDF, 'certificat.pdf') }), ctx);
    expect(statements).toBe(oneDay);
    expect(new Set(many.freedSlots.map((s) => s.date))).toEqual(new Set(week));
  });

  it('refuses a day already declared, and writes nothing', async () => {
    await expectRefusedAndNothingWritten(
      () => declareAbsence(db, parent, input({ days: [day] }), ctx),
      /Rien n'est réservé à signaler absent/,
    );
  });

  it('keeps a day already past counted: its meal was ordered, no place is freed', async () => {
    const [past] = await leaCanteenDays('2026-11-26', '2026-11-28');
    const before = await meals(past!, siteId);
    const result = await declareAbsence(
      db,
      parent,
      input({ days: [past!], reason: 'autre', details: 'Rendez-vous médical' }),
      ctx,
    );
    expect(result.freedSlots).toEqual([]);
    expect(await meals(past!, siteId)).toBe(before);
    expect((await attendanceList(db, { date: past!, siteId })).find((r) => r.childId === m.lea)?.absent).toBe(true);
  });

  it('refuses another family’s child as if nothing were booked', async () => {
    const other = await otherFamily(db, m.familyId);
    const [free] = await leaCanteenDays('2026-12-14', '2026-12-18');
    await expectRefusedAndNothingWritten(
      () => declareAbsence(db, { id: other.accountId, familyId: other.familyId }, input({ days: [free!] }), ctx),
      /Rien n'est réservé/,
    );
  });

  it('asks a text for « Autre motif »', () => {
    expect(
      declareAbsenceSchema.safeParse({ childId: m.lea, service: 'cantine', days: [day], reason: 'autre' }).success,
    ).toBe(false);
  });

  describe('the certificate', () => {
    let later: number;

    it('refuses a file over 5 MB, an .exe renamed .pdf, and writes nothing', async () => {
      const [free] = await leaCanteenDays('2026-12-14', '2026-12-18');
      const big = file(Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'gros.pdf');
      expect(big.size).toBeGreaterThan(CERTIFICATE_MAX_BYTES);
      await expectRefusedAndNothingWritten(
        () => declareAbsence(db, parent, input({ days: [free!], certificate: big }), ctx),
        /dépasse 5 Mo/,
      );
      await expectRefusedAndNothingWritten(
        () => declareAbsence(db, parent, input({ days: [free!], certificate: file(EXE, 'certificat.pdf') }), ctx),
        /PDF, une image JPEG ou PNG/,
      );
    });

    it('may be added later within 48 hours, once, by the family only', async () => {
      const [free] = await leaCanteenDays('2026-12-14', '2026-12-18');
      later = (await declareAbsence(db, parent, input({ days: [free!] }), ctx)).requestId;
      const other = await otherFamily(db, m.familyId);
      await expectRefusedAndNothingWritten(
        () =>
          addAbsenceCertificate(
            db,
            { id: other.accountId, familyId: other.familyId },
            { requestId: later, certificate: file(PDF, 'autre.pdf') },
            { now: NOW },
          ),
        /introuvable/,
      );
      await expectRefusedAndNothingWritten(
        () => addAbsenceCertificate(db, parent, { requestId: later, certificate: file(EXE, 'x.pdf') }, { now: NOW }),
        /PDF, une image JPEG ou PNG/,
      );
      await expectRefusedAndNothingWritten(
        () =>
          addAbsenceCertificate(
            db,
            parent,
            { requestId: later, certificate: file(PNG, 'photo.png', 'image/png') },
            { now: new Date(NOW.getTime() + 48 * 3600_000) },
          ),
        /dans les 48 heures/,
      );
      const later47 = new Date(NOW.getTime() + 47 * 3600_000);
      await addAbsenceCertificate(
        db,
        parent,
        { requestId: later, certificate: file(PNG, 'photo.png', 'image/png') },
        { now: later47 },
      );
      const doc = await absenceCertificate(db, later);
      expect(doc).toMatchObject({ filename: 'photo.png', contentType: 'image/png' });
      expect(Buffer.compare(doc!.content, PNG)).toBe(0);
      await expectRefusedAndNothingWritten(
        () =>
          addAbsenceCertificate(db, parent, { requestId: later, certificate: file(PDF, 'b.pdf') }, { now: later47 }),
        /déjà joint/,
      );
    });
  });

  describe('the agent decides', () => {
    it('lists the absences to process, with their certificate', async () => {
      const page = await listAdminAbsences(db, { status: 'pending', page: 1 });
      const row = page.rows.find((r) => r.requestId === requestId);
      expect(row).toMatchObject({
        status: 'pending',
        certificate: { filename: 'certificat.pdf', contentType: 'application/pdf' },
      });
      expect(row!.days.every((d) => d.date === day)).toBe(true);
    });

    it('« Absence justifiée »: not billable, the family e-mailed; decided twice is refused', async () => {
      const agent = await demoAgent(db);
      await decideAbsence(db, agent, { requestId, decision: 'justified' }, { now: NOW, appUrl });
      const billable = await rows<{ billable: boolean }>(
        db,
        sql`select billable from reservations where absence_request_id = ${requestId}`,
      );
      expect(billable.length).toBeGreaterThan(0);
      expect(billable.every((r) => r.billable === false)).toBe(true);
      const [mail] = await rows<{ payload: never }>(
        db,
        sql`select payload from email_outbox where template = 'absence-decision' and request_id = ${requestId}`,
      );
      expect((await renderEmail('absence-decision', mail!.payload)).text).toContain('Absence justifiée');
      expect(await familyAbsence(db, { familyId: m.familyId, requestId })).toMatchObject({ status: 'justified' });
      await expectRefusedAndNothingWritten(
        () => decideAbsence(db, agent, { requestId, decision: 'unjustified', reason: 'Non' }, { now: NOW, appUrl }),
        /déjà traité/,
      );
    });

    it('« non justifiée » with its reason: billable', async () => {
      const agent = await demoAgent(db);
      const [free] = await leaCanteenDays('2026-12-15', '2026-12-18');
      const { requestId: other } = await declareAbsence(
        db,
        parent,
        input({ days: [free!], reason: 'autre', details: 'Vacances en famille' }),
        ctx,
      );
      await decideAbsence(
        db,
        agent,
        { requestId: other, decision: 'unjustified', reason: 'Pas un motif' },
        { now: NOW, appUrl },
      );
      const billable = await rows<{ billable: boolean }>(
        db,
        sql`select billable from reservations where absence_request_id = ${other}`,
      );
      expect(billable.length).toBeGreaterThan(0);
      expect(billable.every((r) => r.billable)).toBe(true);
      expect(await familyAbsence(db, { familyId: m.familyId, requestId: other })).toMatchObject({
        status: 'unjustified',
        decisionReason: 'Pas un motif',
      });
    });
  });
});

describe('« Mes données » and the closure of the account', () => {
  it('exports each absence with its decision and its certificate’s name, never the file', async () => {
    const data = await exportFamilyData(db, { familyId: m.familyId, accountId: m.accountId, format: 'json', now: NOW });
    expect(data.absences.length).toBeGreaterThanOrEqual(4);
    expect(data.absences).toContainEqual(
      expect.objectContaining({
        status: 'justified',
        certificate: expect.objectContaining({ filename: 'certificat.pdf', contentType: 'application/pdf' }),
      }),
    );
    expect(JSON.stringify(data)).not.toContain(PDF.toString('base64'));
  });

  it('erases the certificates and the free texts, keeps the decisions for billing', async () => {
    await requestFamilyClosure(db, { familyId: m.familyId, accountId: m.accountId, now: NOW });
    await confirmFamilyClosure(
      db,
      await demoAgent(db),
      { familyId: m.familyId, confirm: '1' },
      { now: NOW, today: TODAY, appUrl },
    );
    const [left] = await rows<{ documents: number; texts: number; decided: number }>(
      db,
      sql`select (select count(*)::int from documents where family_id = ${m.familyId}) as documents,
                 (select count(*)::int from absences where family_id = ${m.familyId}
                    and (details is not null or decision_reason is not null)) as texts,
                 (select count(*)::int from absences where family_id = ${m.familyId} and status <> 'pending') as decided`,
    );
    expect(left).toEqual({ documents: 0, texts: 0, decided: 2 });
  });
});
