// Back office "Journal": the audit log (who, when, what, before and after), newest first, with filters read
// from the URL (validated by zod: a bad value is ignored), 50 a page.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import {
  accounts,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  auditLog,
  children,
  holidayPeriods,
  parents,
  requests,
  schoolYears,
  sectors,
  sites,
  type Role,
} from '@/db/schema';
import { collectAuditRefs, emptyAuditNames, type AuditNames, type AuditRef } from './describe';
import { idSchema } from '@/lib/ids';
import { containsPattern, isoDate, pageParam, param, parisDay, type Page } from '@/lib/search-params';

export const JOURNAL_PAGE_SIZE = 50;

export const journalFiltersSchema = z.object({
  /** part of the actor's name or e-mail */
  actor: param(z.string().max(100)),
  action: param(z.enum(AUDIT_ACTIONS)),
  entity: param(z.enum(AUDIT_ENTITIES)),
  familyId: param(idSchema),
  from: param(isoDate),
  to: param(isoDate),
  page: pageParam,
});
export type JournalFilters = z.infer<typeof journalFiltersSchema>;

export interface JournalRow {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  entity: string;
  entityId: string | null;
  familyId: number | null;
  before: unknown;
  after: unknown;
}

function whereOf(f: JournalFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.actor) {
    const like = containsPattern(f.actor);
    conditions.push(
      or(ilike(sql`${accounts.firstName} || ' ' || ${accounts.lastName}`, like), ilike(accounts.email, like)),
    );
  }
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.familyId) conditions.push(eq(auditLog.familyId, f.familyId));
  if (f.from) conditions.push(sql`${parisDay(auditLog.at)} >= ${f.from}::date`);
  if (f.to) conditions.push(sql`${parisDay(auditLog.at)} <= ${f.to}::date`);
  return conditions.length ? and(...conditions) : undefined;
}

export async function listJournal(
  db: Queryable,
  f: JournalFilters,
  pageSize = JOURNAL_PAGE_SIZE,
): Promise<Page<JournalRow>> {
  const where = whereOf(f);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(where);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      actorEmail: accounts.email,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      familyId: auditLog.familyId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    total,
    page,
    pageCount,
    rows: found.map(({ firstName, lastName, ...r }) => ({
      ...r,
      actorName: firstName === null ? null : `${firstName} ${lastName ?? ''}`.trim(),
    })),
  };
}

/** The actions and entities the log holds, for the filters' lists. */
export async function journalFacets(db: Queryable): Promise<{ actions: string[]; entities: string[] }> {
  const [actions, entities] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db.selectDistinct({ v: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)),
  ]);
  return { actions: actions.map((a) => a.v), entities: entities.map((e) => e.v) };
}

/** Where the name behind each kind of id is read: its table, its id column, and the name (a column or SQL). */
const NAME_SOURCES: readonly { ref: AuditRef; table: PgTable; id: PgColumn; name: PgColumn | SQL }[] = [
  { ref: 'child', table: children, id: children.id, name: personName(children) },
  { ref: 'parent', table: parents, id: parents.id, name: personName(parents) },
  // an invited account may have no name yet: its address, then
  {
    ref: 'account',
    table: accounts,
    id: accounts.id,
    name: sql`coalesce(nullif(${personName(accounts)}, ''), ${accounts.email})`,
  },
  { ref: 'site', table: sites, id: sites.id, name: sites.name },
  { ref: 'schoolYear', table: schoolYears, id: schoolYears.id, name: schoolYears.label },
  { ref: 'holidayPeriod', table: holidayPeriods, id: holidayPeriods.id, name: holidayPeriods.label },
  { ref: 'sector', table: sectors, id: sectors.id, name: sectors.name },
  // a draft has no reference yet
  {
    ref: 'request',
    table: requests,
    id: requests.id,
    name: sql`coalesce(${requests.reference}, 'brouillon n° ' || ${requests.id})`,
  },
];

/** « Léa Martin »; one name alone when the other is empty (the forms store names trimmed: no other white space). */
function personName(t: { firstName: PgColumn; lastName: PgColumn }): SQL {
  return sql`trim(${t.firstName} || ' ' || ${t.lastName})`;
}

/**
 * The names behind the ids the rows' before and after hold (« Léa Martin », « Les Tilleuls », « 2026-2027 »): one
 * query per kind of id met on the page, whatever the number of rows.
 */
export async function journalNames(
  db: Queryable,
  rows: readonly Pick<JournalRow, 'before' | 'after'>[],
): Promise<AuditNames> {
  const ids = Object.fromEntries(Object.keys(emptyAuditNames()).map((k) => [k, new Set<number>()])) as Record<
    AuditRef,
    Set<number>
  >;
  for (const r of rows) {
    collectAuditRefs(r.before, ids);
    collectAuditRefs(r.after, ids);
  }
  const names = emptyAuditNames();
  await Promise.all(
    NAME_SOURCES.filter((source) => ids[source.ref].size > 0).map(async ({ ref, table, id, name }) => {
      const found = await db
        .select({ id: sql<number>`${id}`, name: sql<string>`${name}` })
        .from(table)
        .where(inArray(id, [...ids[ref]]));
      for (const row of found) names[ref].set(row.id, row.name);
    }),
  );
  return names;
}
