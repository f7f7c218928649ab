// "Mes demandes": the family's submitted requests, newest first; one request with its changes.
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, requests } from '@/db/schema';
import type { Reservation, ServiceKind } from '@/lib/planning';
import { readRequestDiff, reservationChanges } from './types';

export interface RequestSummary {
  id: number;
  reference: string;
  submittedAt: Date;
  childName: string;
  childId: number;
  service: ServiceKind;
  type: 'inscription' | 'reservation';
  status: 'draft' | 'submitted' | 'cancelled';
  onBehalf: boolean;
}

export async function listFamilyRequests(db: Queryable, familyId: number, limit = 200): Promise<RequestSummary[]> {
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
  }));
}

export interface RequestDetail extends RequestSummary {
  added: Reservation[];
  removed: Reservation[];
  reason: string | null;
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
  const { added, removed } = reservationChanges(readRequestDiff(r));
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
    reason: r.reason,
  };
}
