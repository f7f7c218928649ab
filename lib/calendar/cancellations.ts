// Calendar changes that strand reservations (a closure, a holiday period added, moved or deleted, a school year's
// rentrée or end moved): the first submit lists the reservations concerned and writes nothing; the second, with
// `confirm` and the fingerprint of the list read, writes the change, deletes those reservations, bumps the plannings'
// versions, audits per family and queues one e-mail per family — in the caller's transaction.
import { createHash } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import {
  children,
  closures,
  enrolments,
  families,
  parents,
  reservations,
  serviceSettings,
  sites,
  type AuditAction,
  type AuditEntity,
} from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import {
  buildSchoolCalendar,
  DEFAULT_WEEKDAYS,
  openDates,
  schoolYearLastDay,
  SERVICE_LABELS,
  sortUnits,
  UNIT_LABELS,
  type IsoDate,
  type ServiceKind,
  type Unit,
} from '@/lib/planning';
import type { StoredSchoolYear } from '@/lib/planning/public-holidays';
import { writeAudit, type StaffActor } from '@/lib/audit/write';

export interface AffectedReservation {
  id: number;
  childId: number;
  childName: string;
  familyId: number;
  familyName: string;
  service: ServiceKind;
  siteId: number;
  siteName: string;
  date: IsoDate;
  unit: Unit;
}

/** The reservations of a child at a site for a service on a date, units in the planning's order. */
export interface AffectedGroup {
  childId: number;
  childName: string;
  familyId: number;
  familyName: string;
  service: ServiceKind;
  siteName: string;
  date: IsoDate;
  units: Unit[];
}

/** What the agent reads before confirming. */
export interface CancellationPreview {
  status: 'confirm';
  affected: AffectedGroup[];
  count: number;
  families: number;
  fingerprint: string;
  /** first and last dates concerned */
  from: IsoDate;
  to: IsoDate;
}

export function fingerprintOf(list: AffectedReservation[]): string {
  return createHash('sha256')
    .update(
      list
        .map((r) => r.id)
        .sort((a, b) => a - b)
        .join(','),
    )
    .digest('hex')
    .slice(0, 32);
}

export function groupAffected(list: AffectedReservation[]): AffectedGroup[] {
  const groups = new Map<string, AffectedGroup>();
  for (const r of list) {
    const key = `${r.childId}|${r.service}|${r.siteId}|${r.date}`;
    const g = groups.get(key) ?? {
      childId: r.childId,
      childName: r.childName,
      familyId: r.familyId,
      familyName: r.familyName,
      service: r.service,
      siteName: r.siteName,
      date: r.date,
      units: [],
    };
    g.units.push(r.unit);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, units: sortUnits(g.units) }))
    .sort(
      (a, b) =>
        a.familyName.localeCompare(b.familyName, 'fr') ||
        a.childName.localeCompare(b.childName, 'fr') ||
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        a.service.localeCompare(b.service),
    );
}

/** Reservations (with child, family and site) matching `where`, by id. */
export async function affectedReservations(db: Queryable, where: SQL | undefined): Promise<AffectedReservation[]> {
  const found = await db
    .select({
      id: reservations.id,
      childId: reservations.childId,
      service: reservations.service,
      siteId: reservations.siteId,
      date: reservations.date,
      unit: reservations.unit,
      firstName: children.firstName,
      lastName: children.lastName,
      familyId: children.familyId,
      familyName: families.name,
      siteName: sites.name,
    })
    .from(reservations)
    .innerJoin(children, eq(children.id, reservations.childId))
    .innerJoin(families, eq(families.id, children.familyId))
    .innerJoin(sites, eq(sites.id, reservations.siteId))
    .where(where)
    .orderBy(asc(reservations.id));
  return found.map((r) => ({
    id: r.id,
    childId: r.childId,
    childName: `${r.firstName} ${r.lastName}`,
    familyId: r.familyId,
    familyName: r.familyName,
    service: r.service,
    siteId: r.siteId,
    siteName: r.siteName,
    date: r.date,
    unit: r.unit,
  }));
}

/**
 * Validations of the plannings concerned lock their enrolment first: holding those locks, no parent can book between
 * our list and our delete, and a validation that waited reads the new calendar once we commit.
 */
export async function lockEnrolments(
  db: Queryable,
  p: { schoolYearId: number; siteId?: number | null; service?: ServiceKind | null },
): Promise<void> {
  await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.schoolYearId, p.schoolYearId),
        p.siteId === null || p.siteId === undefined ? undefined : eq(enrolments.siteId, p.siteId),
        p.service === null || p.service === undefined ? undefined : eq(enrolments.service, p.service),
      ),
    )
    .orderBy(asc(enrolments.id))
    .for('update');
}

/**
 * The reservations from `from` on, inside the old calendar of a school year, that are on an open date of their
 * service with the old calendar and no longer with the new one (lib/planning's rules, with each site's closures and
 * each service's open weekdays, as loadServiceCalendar builds them).
 */
export async function reservationsStrandedBy(
  db: Queryable,
  p: { before: StoredSchoolYear; after: StoredSchoolYear; from: IsoDate },
): Promise<AffectedReservation[]> {
  const oldCal = buildSchoolCalendar(p.before);
  const newCal = buildSchoolCalendar(p.after);
  const first = p.from > oldCal.yearStart ? p.from : oldCal.yearStart;
  const last = schoolYearLastDay(oldCal);
  if (first > last) return [];
  const candidates = await affectedReservations(db, and(gte(reservations.date, first), lte(reservations.date, last)));
  if (candidates.length === 0) return [];
  const [settings, closed] = await Promise.all([
    db.select().from(serviceSettings),
    db
      .select({ date: closures.date, siteId: closures.siteId, service: closures.service })
      .from(closures)
      .where(and(gte(closures.date, first), lte(closures.date, last))),
  ]);
  const stillOpen = new Map<string, (date: IsoDate) => boolean>();
  const check = (service: ServiceKind, siteId: number): ((date: IsoDate) => boolean) => {
    const key = `${service}|${siteId}`;
    const known = stillOpen.get(key);
    if (known) return known;
    const weekdays = settings.find((s) => s.service === service)?.openWeekdays ?? [...DEFAULT_WEEKDAYS[service]];
    const closedDays = closed
      .filter((c) => (c.siteId === null || c.siteId === siteId) && (c.service === null || c.service === service))
      .map((c) => c.date);
    const was = new Set(openDates(service, { ...oldCal, closures: closedDays }, first, last, { weekdays }));
    const is = new Set(openDates(service, { ...newCal, closures: closedDays }, first, last, { weekdays }));
    const fn = (date: IsoDate) => !was.has(date) || is.has(date);
    stillOpen.set(key, fn);
    return fn;
  };
  return candidates.filter((r) => !check(r.service, r.siteId)(r.date));
}

/** What the families are told, and how the change is audited. */
export interface CancellationNotice {
  /** audit action of the per-family rows, e.g. 'reservations.cancel_closure' */
  auditAction: AuditAction;
  entity: AuditEntity;
  entityId: number;
  /** idempotency key of a family's e-mail */
  emailKey: (familyId: number) => string;
  /** the closed site, or 'tous les sites' */
  siteName: string;
  reason: string;
  /** set for a calendar change (not a closure): the e-mail then speaks of the calendar */
  calendarChange?: boolean;
}

export type CancellationOutcome<W> =
  CancellationPreview | { status: 'done'; written: W; cancelled: number; families: number };

/**
 * The shared rule: with reservations concerned and no confirmation (or a list changed since it was read), returns
 * the preview and calls nothing; otherwise calls `write` (the change and its own audit row), then deletes the
 * reservations, bumps the plannings' versions, writes one audit row and queues one e-mail per family.
 * The caller runs it in a transaction and, when confirming, locks the enrolments concerned first (lockEnrolments).
 */
export async function confirmAndCancel<W>(
  tx: Queryable,
  actor: StaffActor,
  p: {
    schoolYearId: number;
    affected: AffectedReservation[];
    confirm: boolean;
    fingerprint?: string | undefined;
    now: Date;
    appUrl: string;
    write: () => Promise<W>;
    notice: (written: W) => CancellationNotice;
  },
): Promise<CancellationOutcome<W>> {
  const { affected } = p;
  const fingerprint = fingerprintOf(affected);
  const stale = p.fingerprint !== undefined && p.fingerprint !== fingerprint;
  if (affected.length > 0 && (!p.confirm || stale)) {
    const dates = affected.map((r) => r.date).sort();
    return {
      status: 'confirm',
      affected: groupAffected(affected),
      count: affected.length,
      families: new Set(affected.map((r) => r.familyId)).size,
      fingerprint,
      from: dates[0]!,
      to: dates[dates.length - 1]!,
    };
  }
  const written = await p.write();
  if (affected.length === 0) return { status: 'done', written, cancelled: 0, families: 0 };

  const n = p.notice(written);
  await tx.delete(reservations).where(
    inArray(
      reservations.id,
      affected.map((r) => r.id),
    ),
  );
  // the plannings changed: a draft built on the old one is recomputed (no lost update)
  const pairs = [...new Set(affected.map((r) => `${r.childId}|${r.service}`))];
  await tx
    .update(enrolments)
    .set({ planningVersion: sql`${enrolments.planningVersion} + 1` })
    .where(
      and(
        eq(enrolments.schoolYearId, p.schoolYearId),
        inArray(sql`${enrolments.childId}::text || '|' || ${enrolments.service}::text`, pairs),
      ),
    );

  const byFamily = new Map<number, AffectedReservation[]>();
  for (const r of affected) byFamily.set(r.familyId, [...(byFamily.get(r.familyId) ?? []), r]);
  const recipients = await tx
    .select({
      familyId: parents.familyId,
      email: parents.email,
      firstName: parents.firstName,
      lastName: parents.lastName,
    })
    .from(parents)
    .where(inArray(parents.familyId, [...byFamily.keys()]))
    .orderBy(sql`${parents.accountId} is null`, asc(parents.id));
  for (const [familyId, list] of byFamily) {
    // one audit row per family too, so the family's history shows what the change took away
    await writeAudit(tx, actor, {
      at: p.now,
      action: n.auditAction,
      entity: n.entity,
      entityId: n.entityId,
      familyId,
      before: list.map(({ childId, service, siteId, date, unit }) => ({ childId, service, siteId, date, unit })),
      after: [],
    });
    const to = recipients.find((r) => r.familyId === familyId);
    if (!to) continue;
    const dates = list.map((r) => r.date).sort();
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    await enqueueEmail(tx, {
      idempotencyKey: n.emailKey(familyId),
      to: to.email,
      template: 'closure-cancellation',
      payload: {
        parentName: `${to.firstName} ${to.lastName}`,
        date: first,
        ...(n.calendarChange ? { until: last } : {}),
        siteName: n.siteName,
        reason: n.reason,
        cancellations: groupAffected(list).map((g) => ({
          childName: g.childName,
          serviceLabel: SERVICE_LABELS[g.service],
          siteName: g.siteName,
          units: g.units.map((u) => UNIT_LABELS[u]),
          ...(n.calendarChange ? { date: g.date } : {}),
        })),
        link: `${p.appUrl}/`,
      },
    });
  }
  return { status: 'done', written, cancelled: affected.length, families: byFamily.size };
}
