// "Mes demandes": the family's submitted requests, newest first; one request with its changes.
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, requests } from '@/db/schema';
import type { IsoDate, Reservation, ServiceKind, Unit } from '@/lib/planning';
import { absentUnits, readRequestDiff, reservationChanges, type RequestType } from './types';

export interface RequestSummary {
  id: number;
  reference: string;
  submittedAt: Date;
  childName: string;
  childId: number;
  service: ServiceKind;
  type: RequestType;
  status: 'draft' | 'submitted' | 'cancelled';
  onBehalf: boolean;
}

/** What a request changed, for its one line in « Mes demandes ». */
export type RequestChangeSummary =
  | { type: 'reservation'; added: number; removed: number; first: string | null; last: string | null }
  | { type: 'inscription'; siteName: string; schoolYear: string }
  | { type: 'absence'; absent: number; first: string | null; last: string | null }
  | null;

export interface RequestListItem extends RequestSummary {
  changed: RequestChangeSummary;
}

function summarise(row: { id: number; type: string; diff: unknown }): RequestChangeSummary {
  const diff = readRequestDiff(row);
  if (!diff) return null;
  if (diff.type === 'inscription') return { type: 'inscription', ...diff.diff.enrolment };
  if (diff.type === 'absence') {
    const days = diff.diff.absent.map((r) => r.date).sort();
    return { type: 'absence', absent: days.length, first: days[0] ?? null, last: days.at(-1) ?? null };
  }
  // a promotion (« Une place s'est libérée ») is a booking: its units added
  const removed = diff.type === 'reservation' ? diff.diff.removed : [];
  const dates = [...diff.diff.added, ...removed].map((r) => r.date).sort();
  return {
    type: 'reservation',
    added: diff.diff.added.length,
    removed: removed.length,
    first: dates[0] ?? null,
    last: dates.at(-1) ?? null,
  };
}

export async function listFamilyRequests(db: Queryable, familyId: number, limit = 200): Promise<RequestListItem[]> {
  const found = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      submittedAt: requests.submittedAt,
      childId: requests.childId,
      firstName: children.firstName,
      lastName: children.lastName,
      service: requests.service,
      type: requests.type,
      status: requests.status,
      onBehalf: requests.onBehalf,
      diff: requests.diff,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .where(and(eq(requests.familyId, familyId), eq(requests.status, 'submitted')))
    .orderBy(desc(requests.submittedAt), desc(requests.id))
    .limit(limit);
  return found.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    submittedAt: r.submittedAt!,
    childId: r.childId,
    childName: `${r.firstName} ${r.lastName}`,
    service: r.service,
    type: r.type,
    status: r.status,
    onBehalf: r.onBehalf,
    changed: summarise(r),
  }));
}

export interface RequestDetail extends RequestSummary {
  added: Reservation[];
  removed: Reservation[];
  /** « Signaler une absence »: the units marked absent */
  absent: Reservation[];
  reason: string | null;
  /** « Liste d'attente »: the days a reservation request put on the waiting list, each with its units */
  waiting: { date: IsoDate; units: Unit[] }[];
  /** « Une place s'est libérée »: until when the day may be cancelled without the deadline (null: not a promotion) */
  promotion: { cancelUntil: Date; byAgent: boolean } | null;
}

export async function getFamilyRequest(
  db: Queryable,
  familyId: number,
  requestId: number,
): Promise<RequestDetail | null> {
  const [r] = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      submittedAt: requests.submittedAt,
      childId: requests.childId,
      firstName: children.firstName,
      lastName: children.lastName,
      service: requests.service,
      type: requests.type,
      status: requests.status,
      onBehalf: requests.onBehalf,
      diff: requests.diff,
      reason: requests.reason,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .where(and(eq(requests.id, requestId), eq(requests.familyId, familyId), eq(requests.status, 'submitted')));
  if (!r) return null;
  const diff = readRequestDiff(r);
  const { added, removed } = reservationChanges(diff);
  return {
    id: r.id,
    reference: r.reference ?? '',
    submittedAt: r.submittedAt!,
    childId: r.childId,
    childName: `${r.firstName} ${r.lastName}`,
    service: r.service,
    type: r.type,
    status: r.status,
    onBehalf: r.onBehalf,
    added,
    removed,
    absent: absentUnits(diff),
    reason: r.reason,
    waiting: diff?.type === 'reservation' ? (diff.diff.waiting ?? []) : [],
    promotion:
      diff?.type === 'promotion'
        ? { cancelUntil: new Date(diff.diff.cancelUntil), byAgent: diff.diff.by === 'agent' }
        : null,
  };
}
