// Back office "Demandes": every submitted request (démarche), newest first, with filters read from the URL
// (validated by zod: a bad value is ignored, never an error page), 50 a page; and one request with its changes.
import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, children, families, requests } from '@/db/schema';
import { SERVICE_KINDS, type Reservation, type ServiceKind } from '@/lib/planning';
import { containsPattern, isoDate, pageParam, param, parisDay, type Page } from '@/lib/search-params';
import { readRequestDiff, reservationChanges, type RequestType } from './types';

export const REQUESTS_PAGE_SIZE = 50;

const text = z.string().max(100);

export const requestFiltersSchema = z.object({
  reference: param(z.string().max(30)),
  family: param(text),
  child: param(text),
  service: param(z.enum(SERVICE_KINDS as ['cantine', 'mercredi', 'vacances'])),
  type: param(z.enum(['inscription', 'reservation', 'absence', 'promotion'])),
  onBehalf: param(z.enum(['oui', 'non'])),
  from: param(isoDate),
  to: param(isoDate),
  page: pageParam,
});
export type RequestFilters = z.infer<typeof requestFiltersSchema>;

function whereOf(f: RequestFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(requests.status, 'submitted')];
  if (f.reference) conditions.push(ilike(requests.reference, containsPattern(f.reference)));
  if (f.family) conditions.push(ilike(families.name, containsPattern(f.family)));
  if (f.child)
    conditions.push(ilike(sql`${children.firstName} || ' ' || ${children.lastName}`, containsPattern(f.child)));
  if (f.service) conditions.push(eq(requests.service, f.service));
  if (f.type) conditions.push(eq(requests.type, f.type));
  if (f.onBehalf) conditions.push(eq(requests.onBehalf, f.onBehalf === 'oui'));
  if (f.from) conditions.push(sql`${parisDay(requests.submittedAt)} >= ${f.from}::date`);
  if (f.to) conditions.push(sql`${parisDay(requests.submittedAt)} <= ${f.to}::date`);
  return and(...conditions);
}

export interface AdminRequestRow {
  id: number;
  reference: string;
  submittedAt: Date;
  familyId: number;
  familyName: string;
  childId: number;
  childName: string;
  service: ServiceKind;
  type: RequestType;
  onBehalf: boolean;
  agentName: string | null;
  added: number;
  removed: number;
}

const agents = alias(accounts, 'agent');

export async function listAdminRequests(
  db: Queryable,
  f: RequestFilters,
  pageSize = REQUESTS_PAGE_SIZE,
): Promise<Page<AdminRequestRow>> {
  const where = whereOf(f);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(children, eq(children.id, requests.childId))
    .where(where);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  const found = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      submittedAt: requests.submittedAt,
      familyId: requests.familyId,
      familyName: families.name,
      childId: requests.childId,
      childFirst: children.firstName,
      childLast: children.lastName,
      service: requests.service,
      type: requests.type,
      onBehalf: requests.onBehalf,
      agentFirst: agents.firstName,
      agentLast: agents.lastName,
      // counted by the database, not parsed, so a page does not fetch 50 diffs: the reservation diff's lists
      // (types.ts); other types have none, hence 0
      added: sql<number>`coalesce(jsonb_array_length(${requests.diff} -> 'added'), 0)::int`,
      removed: sql<number>`coalesce(jsonb_array_length(${requests.diff} -> 'removed'), 0)::int`,
    })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(children, eq(children.id, requests.childId))
    .leftJoin(agents, eq(agents.id, requests.createdBy))
    .where(where)
    .orderBy(desc(requests.submittedAt), desc(requests.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    total,
    page,
    pageCount,
    rows: found.map((r) => ({
      id: r.id,
      reference: r.reference ?? '',
      submittedAt: r.submittedAt!,
      familyId: r.familyId,
      familyName: r.familyName,
      childId: r.childId,
      childName: `${r.childFirst} ${r.childLast}`,
      service: r.service,
      type: r.type,
      onBehalf: r.onBehalf,
      agentName: r.onBehalf && r.agentFirst !== null ? `${r.agentFirst} ${r.agentLast ?? ''}`.trim() : null,
      added: r.added,
      removed: r.removed,
    })),
  };
}

export interface AdminRequestDetail extends AdminRequestRow {
  reason: string | null;
  addedReservations: Reservation[];
  removedReservations: Reservation[];
}

export async function getAdminRequest(db: Queryable, id: number): Promise<AdminRequestDetail | null> {
  const [r] = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      submittedAt: requests.submittedAt,
      familyId: requests.familyId,
      familyName: families.name,
      childId: requests.childId,
      childFirst: children.firstName,
      childLast: children.lastName,
      service: requests.service,
      type: requests.type,
      onBehalf: requests.onBehalf,
      reason: requests.reason,
      diff: requests.diff,
      agentFirst: agents.firstName,
      agentLast: agents.lastName,
    })
    .from(requests)
    .innerJoin(families, eq(families.id, requests.familyId))
    .innerJoin(children, eq(children.id, requests.childId))
    .leftJoin(agents, eq(agents.id, requests.createdBy))
    .where(and(eq(requests.id, id), eq(requests.status, 'submitted')));
  if (!r) return null;
  const { added, removed } = reservationChanges(readRequestDiff(r));
  return {
    id: r.id,
    reference: r.reference ?? '',
    submittedAt: r.submittedAt!,
    familyId: r.familyId,
    familyName: r.familyName,
    childId: r.childId,
    childName: `${r.childFirst} ${r.childLast}`,
    service: r.service,
    type: r.type,
    onBehalf: r.onBehalf,
    agentName: r.onBehalf && r.agentFirst !== null ? `${r.agentFirst} ${r.agentLast ?? ''}`.trim() : null,
    added: added.length,
    removed: removed.length,
    reason: r.reason,
    addedReservations: added,
    removedReservations: removed,
  };
}

/** The filters as URL search params (empty ones left out), for pagination links. */
export function filtersToSearch(f: Record<string, string | number | undefined>, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (k !== 'page' && v !== undefined && v !== '') params.set(k, String(v));
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
