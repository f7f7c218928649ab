// What the pages read of absences: the days a parent may declare (the form), an absence's state (the request's page
// in Mes demandes), and the back office's « Absences à traiter » (pending first, 50 a page, with the certificate).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Queryable } from '@/db/client';
import { documentStorage } from '@/lib/documents/storage';
import { absenceWindow, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import { pageParam, param, type Page } from '@/lib/search-params';

export interface DeclarableDay {
  service: ServiceKind;
  date: IsoDate;
  /** the units booked that day, in order */
  units: Unit[];
  /** already declared absent (every unit) */
  absent: boolean;
}

/**
 * The child's booked days of every service within the absence window, if the child is the family's (else none).
 * One query.
 */
export async function declarableDays(
  db: Queryable,
  p: { familyId: number; childId: number; today: IsoDate },
): Promise<DeclarableDay[]> {
  const { from, to } = absenceWindow(p.today);
  const found = await rows<{ service: ServiceKind; date: IsoDate; units: Unit[] | string; absent: boolean }>(
    db,
    sql`select r.service::text as service, to_char(r.date, 'YYYY-MM-DD') as date,
               json_agg(r.unit::text order by r.unit) as units, bool_and(r.absence_request_id is not null) as absent
        from reservations r
        join children c on c.id = r.child_id
        where r.child_id = ${p.childId} and c.family_id = ${p.familyId} and r.date between ${from} and ${to}
        group by r.service, r.date
        order by r.date, r.service`,
  );
  return found.map((r) => ({ ...r, units: typeof r.units === 'string' ? (JSON.parse(r.units) as Unit[]) : r.units }));
}

export type AbsenceStatus = 'pending' | 'justified' | 'unjustified';

export interface AbsenceState {
  requestId: number;
  reason: 'maladie' | 'autre';
  details: string | null;
  status: AbsenceStatus;
  decisionReason: string | null;
  certificate: { filename: string; size: number } | null;
  certificateDueAt: Date;
}

/** An absence of the family (ownership in the query), or null. */
export async function familyAbsence(
  db: Queryable,
  p: { familyId: number; requestId: number },
): Promise<AbsenceState | null> {
  const [found] = await rows<{
    requestId: number;
    reason: 'maladie' | 'autre';
    details: string | null;
    status: AbsenceStatus;
    decisionReason: string | null;
    filename: string | null;
    size: number | null;
    certificateDueAt: Date | string;
  }>(
    db,
    sql`select a.request_id as "requestId", a.reason::text as reason, a.details, a.status::text as status,
               a.decision_reason as "decisionReason", d.filename, d.size, a.certificate_due_at as "certificateDueAt"
        from absences a
        left join documents d on d.id = a.document_id
        where a.request_id = ${p.requestId} and a.family_id = ${p.familyId}`,
  );
  if (!found) return null;
  return {
    requestId: found.requestId,
    reason: found.reason,
    details: found.details,
    status: found.status,
    decisionReason: found.decisionReason,
    certificate: found.filename === null ? null : { filename: found.filename, size: found.size ?? 0 },
    certificateDueAt: new Date(found.certificateDueAt),
  };
}

export const ABSENCES_PAGE_SIZE = 50;

export const absenceFiltersSchema = z.object({
  status: param(z.enum(['pending', 'justified', 'unjustified'])),
  page: pageParam,
});
export type AbsenceFilters = z.infer<typeof absenceFiltersSchema>;

export interface AdminAbsenceRow {
  requestId: number;
  reference: string;
  submittedAt: Date;
  familyId: number;
  familyName: string;
  childName: string;
  service: ServiceKind;
  /** the days and units marked, from the request's diff */
  days: { date: IsoDate; unit: Unit }[];
  reason: 'maladie' | 'autre';
  details: string | null;
  status: AbsenceStatus;
  decisionReason: string | null;
  certificate: { filename: string; size: number; contentType: string } | null;
  certificateDueAt: Date;
}

/** « Absences à traiter »: pending first, then the newest; two queries (the count, the page). */
export async function listAdminAbsences(
  db: Queryable,
  f: AbsenceFilters,
  pageSize = ABSENCES_PAGE_SIZE,
): Promise<Page<AdminAbsenceRow>> {
  const where = f.status ? sql`a.status = ${f.status}` : sql`true`;
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from absences a where ${where}`);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  const found = await rows<{
    requestId: number;
    reference: string;
    submittedAt: Date | string;
    familyId: number;
    familyName: string;
    childName: string;
    service: ServiceKind;
    diff: { absent: { date: IsoDate; unit: Unit }[] } | string;
    reason: 'maladie' | 'autre';
    details: string | null;
    status: AbsenceStatus;
    decisionReason: string | null;
    filename: string | null;
    size: number | null;
    contentType: string | null;
    certificateDueAt: Date | string;
  }>(
    db,
    sql`select a.request_id as "requestId", q.reference, q.submitted_at as "submittedAt", f.id as "familyId",
               f.name as "familyName", c.first_name || ' ' || c.last_name as "childName", q.service::text as service,
               q.diff, a.reason::text as reason, a.details, a.status::text as status,
               a.decision_reason as "decisionReason", d.filename, d.size, d.content_type as "contentType",
               a.certificate_due_at as "certificateDueAt"
        from absences a
        join requests q on q.id = a.request_id
        join families f on f.id = a.family_id
        join children c on c.id = q.child_id
        left join documents d on d.id = a.document_id
        where ${where}
        order by (a.status = 'pending') desc, q.submitted_at desc, a.request_id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    rows: found.map((r) => {
      const diff = typeof r.diff === 'string' ? (JSON.parse(r.diff) as { absent: AdminAbsenceRow['days'] }) : r.diff;
      return {
        requestId: r.requestId,
        reference: r.reference,
        submittedAt: new Date(r.submittedAt),
        familyId: r.familyId,
        familyName: r.familyName,
        childName: r.childName,
        service: r.service,
        days: diff.absent,
        reason: r.reason,
        details: r.details,
        status: r.status,
        decisionReason: r.decisionReason,
        certificate:
          r.filename === null ? null : { filename: r.filename, size: r.size ?? 0, contentType: r.contentType ?? '' },
        certificateDueAt: new Date(r.certificateDueAt),
      };
    }),
    total,
    page,
    pageCount,
  };
}

/** The certificate of an absence, for staff only (the route checks the role): its bytes, or null. */
export async function absenceCertificate(
  db: Queryable,
  requestId: number,
): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  const [found] = await rows<{ documentId: number | null }>(
    db,
    sql`select document_id as "documentId" from absences where request_id = ${requestId}`,
  );
  if (!found?.documentId) return null;
  return documentStorage().get(db, found.documentId);
}
