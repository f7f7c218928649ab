// Closures (fermetures): a site, or every site, closed on a date for one service or all. Closing a day that holds
// reservations first lists them and asks the agent to confirm; then, in one transaction, the closure is written,
// those reservations deleted, the change audited and one e-mail queued per family. Deleting a closure reopens the day.
import { createHash } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { children, closures, enrolments, families, parents, reservations, sites } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { UserError } from '@/lib/errors';
import { formatDateLong, SERVICE_LABELS, sortUnits, UNIT_LABELS, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import { idSchema, isoDateField, parseOrRefuse, schoolYearOfDate, serviceSchema, writeAudit, type StaffActor } from './calendar';

/** '' or 'all' in a form = every site / every service. */
const allOr = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === 'all' || v === undefined ? null : v), schema.nullable());

const truthy = z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'on', z.boolean());

export const closureSchema = z.object({
  date: isoDateField('la date de fermeture'),
  siteId: allOr(idSchema),
  service: allOr(serviceSchema),
  reason: z.string({ error: 'Indiquez le motif de la fermeture : il figure dans le message envoyé aux familles.' }).trim()
    .min(1, 'Indiquez le motif de la fermeture : il figure dans le message envoyé aux familles.')
    .max(300, 'Le motif est trop long (300 caractères au plus).'),
  /** the second submit, after the agent read the reservations concerned */
  confirm: truthy.default(false),
  /** what the agent was shown: if reservations changed since, the list is shown again */
  fingerprint: z.string().max(128).optional(),
});
export type ClosureInput = z.input<typeof closureSchema>;

export interface AffectedReservation {
  id: number;
  childId: number;
  childName: string;
  familyId: number;
  familyName: string;
  service: ServiceKind;
  siteId: number;
  siteName: string;
  unit: Unit;
}

/** The reservations of a child at a site for a service, units in the planning's order. */
export interface AffectedGroup {
  childId: number;
  childName: string;
  familyId: number;
  familyName: string;
  service: ServiceKind;
  siteName: string;
  units: Unit[];
}

export type ClosureResult =
  | { status: 'created'; closureId: number; cancelled: number; families: number }
  | { status: 'confirm'; date: IsoDate; affected: AffectedGroup[]; count: number; families: number; fingerprint: string };

export interface ClosureContext {
  today: IsoDate;
  now: Date;
  appUrl: string;
}

function fingerprintOf(list: AffectedReservation[]): string {
  return createHash('sha256').update(list.map((r) => r.id).sort((a, b) => a - b).join(',')).digest('hex').slice(0, 32);
}

export function groupAffected(list: AffectedReservation[]): AffectedGroup[] {
  const groups = new Map<string, AffectedGroup>();
  for (const r of list) {
    const key = `${r.childId}|${r.service}|${r.siteId}`;
    const g = groups.get(key) ?? { childId: r.childId, childName: r.childName, familyId: r.familyId, familyName: r.familyName, service: r.service, siteName: r.siteName, units: [] };
    g.units.push(r.unit);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, units: sortUnits(g.units) }))
    .sort((a, b) => a.familyName.localeCompare(b.familyName, 'fr') || a.childName.localeCompare(b.childName, 'fr') || a.service.localeCompare(b.service));
}

/** The reservations a closure of (date, site or all, service or all) would cancel. */
export async function reservationsClosedBy(
  db: Queryable,
  c: { date: IsoDate; siteId: number | null; service: ServiceKind | null },
): Promise<AffectedReservation[]> {
  const found = await db
    .select({
      id: reservations.id, childId: reservations.childId, service: reservations.service, siteId: reservations.siteId, unit: reservations.unit,
      firstName: children.firstName, lastName: children.lastName, familyId: children.familyId, familyName: families.name, siteName: sites.name,
    })
    .from(reservations)
    .innerJoin(children, eq(children.id, reservations.childId))
    .innerJoin(families, eq(families.id, children.familyId))
    .innerJoin(sites, eq(sites.id, reservations.siteId))
    .where(and(
      eq(reservations.date, c.date),
      c.siteId === null ? undefined : eq(reservations.siteId, c.siteId),
      c.service === null ? undefined : eq(reservations.service, c.service),
    ))
    .orderBy(asc(reservations.id));
  return found.map((r) => ({
    id: r.id, childId: r.childId, childName: `${r.firstName} ${r.lastName}`, familyId: r.familyId, familyName: r.familyName,
    service: r.service, siteId: r.siteId, siteName: r.siteName, unit: r.unit,
  }));
}

/** Checks a closure before anything is written; returns the school year and the site's name. */
async function checkClosure(db: Queryable, c: { date: IsoDate; siteId: number | null; service: ServiceKind | null }, today: IsoDate) {
  if (c.date < today) throw new UserError(`Le ${formatDateLong(c.date)} est passé : on ne peut pas fermer un jour passé. Rien n'a été enregistré.`, 'past');
  const year = await schoolYearOfDate(db, c.date);
  if (!year) throw new UserError(`Le ${formatDateLong(c.date)} n'appartient à aucune année scolaire : créez d'abord l'année. Rien n'a été enregistré.`, 'out_of_year');
  let siteName: string | null = null;
  if (c.siteId !== null) {
    const [site] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, c.siteId));
    if (!site) throw new UserError("Ce site n'existe pas. Rien n'a été enregistré.", 'unknown_site');
    siteName = site.name;
  }
  // an existing closure as broad or broader already closes that day
  const [existing] = await db
    .select({ id: closures.id })
    .from(closures)
    .where(and(
      eq(closures.date, c.date),
      c.siteId === null ? isNull(closures.siteId) : or(isNull(closures.siteId), eq(closures.siteId, c.siteId)),
      c.service === null ? isNull(closures.service) : or(isNull(closures.service), eq(closures.service, c.service)),
    ))
    .limit(1);
  if (existing) throw new UserError(`Une fermeture existe déjà le ${formatDateLong(c.date)} pour ce site et ce service. Rien n'a été enregistré.`, 'duplicate');
  return { year, siteName };
}

/**
 * "Ajouter la fermeture". Without `confirm` (or when the reservations changed since the agent read them), returns the
 * reservations concerned and writes nothing; with it, writes everything in one transaction.
 */
export async function addClosure(db: Db, actor: StaffActor, input: unknown, ctx: ClosureContext): Promise<ClosureResult> {
  const p = parseOrRefuse(closureSchema, input);
  const target = { date: p.date, siteId: p.siteId, service: p.service };
  return db.transaction(async (tx) => {
    const { year, siteName } = await checkClosure(tx, target, ctx.today);
    if (p.confirm) {
      // Validations of the plannings concerned lock their enrolment first: holding those locks, no parent can book the
      // day between our list and our delete, and a validation that waited reads the closure once we commit.
      await tx
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(and(
          eq(enrolments.schoolYearId, year.id),
          p.siteId === null ? undefined : eq(enrolments.siteId, p.siteId),
          p.service === null ? undefined : eq(enrolments.service, p.service),
        ))
        .orderBy(asc(enrolments.id))
        .for('update');
    }
    const affected = await reservationsClosedBy(tx, target);
    const fingerprint = fingerprintOf(affected);
    const stale = p.fingerprint !== undefined && p.fingerprint !== fingerprint;
    if (affected.length > 0 && (!p.confirm || stale)) {
      return {
        status: 'confirm' as const, date: p.date, affected: groupAffected(affected), count: affected.length,
        families: new Set(affected.map((r) => r.familyId)).size, fingerprint,
      };
    }

    const [closure] = await tx.insert(closures).values({ date: p.date, siteId: p.siteId, service: p.service, reason: p.reason }).returning();
    const closureId = closure!.id;
    if (affected.length > 0) {
      await tx.delete(reservations).where(inArray(reservations.id, affected.map((r) => r.id)));
      // the plannings changed: a draft built on the old one is recomputed (no lost update)
      const pairs = [...new Set(affected.map((r) => `${r.childId}|${r.service}`))];
      await tx
        .update(enrolments)
        .set({ planningVersion: sql`${enrolments.planningVersion} + 1` })
        .where(and(
          eq(enrolments.schoolYearId, year.id),
          inArray(sql`${enrolments.childId}::text || '|' || ${enrolments.service}::text`, pairs),
        ));
    }
    await writeAudit(tx, actor, {
      at: ctx.now, action: 'closure.create', entity: 'closure', entityId: closureId,
      before: null,
      after: { ...closure, cancelled: affected.map(({ id, childId, service, siteId, unit }) => ({ id, childId, service, siteId, date: p.date, unit })) },
    });

    const byFamily = new Map<number, AffectedReservation[]>();
    for (const r of affected) byFamily.set(r.familyId, [...(byFamily.get(r.familyId) ?? []), r]);
    const recipients = byFamily.size === 0 ? [] : await tx
      .select({ familyId: parents.familyId, email: parents.email, firstName: parents.firstName, lastName: parents.lastName })
      .from(parents)
      .where(inArray(parents.familyId, [...byFamily.keys()]))
      .orderBy(sql`${parents.accountId} is null`, asc(parents.id));
    const placeLabel = siteName ?? 'tous les sites';
    for (const [familyId, list] of byFamily) {
      // one audit row per family too, so the family's history shows what the closure took away
      await writeAudit(tx, actor, {
        at: ctx.now, action: 'reservations.cancel_closure', entity: 'closure', entityId: closureId, familyId,
        before: list.map(({ childId, service, siteId, unit }) => ({ childId, service, siteId, date: p.date, unit })),
        after: [],
      });
      const to = recipients.find((r) => r.familyId === familyId);
      if (!to) continue;
      await enqueueEmail(tx, {
        idempotencyKey: `closure-${closureId}-family-${familyId}`,
        to: to.email,
        template: 'closure-cancellation',
        payload: {
          parentName: `${to.firstName} ${to.lastName}`,
          date: p.date,
          siteName: placeLabel,
          reason: p.reason,
          cancellations: groupAffected(list).map((g) => ({
            childName: g.childName, serviceLabel: SERVICE_LABELS[g.service], siteName: g.siteName, units: g.units.map((u) => UNIT_LABELS[u]),
          })),
          link: `${ctx.appUrl}/`,
        },
      });
    }
    return { status: 'created' as const, closureId, cancelled: affected.length, families: byFamily.size };
  });
}

export const deleteClosureSchema = z.object({ id: idSchema });

/** "Supprimer": the day opens again; the cancelled reservations are not restored. */
export async function deleteClosure(db: Db, actor: StaffActor, input: unknown, ctx: { today: IsoDate; now: Date }): Promise<void> {
  const { id } = parseOrRefuse(deleteClosureSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(closures).where(eq(closures.id, id)).for('update');
    if (!before) throw new UserError("Cette fermeture n'existe pas (ou a déjà été supprimée).", 'not_found');
    if (before.date < ctx.today) throw new UserError('Cette fermeture est passée : elle reste dans l\'historique.', 'past');
    await tx.delete(closures).where(eq(closures.id, id));
    await writeAudit(tx, actor, { at: ctx.now, action: 'closure.delete', entity: 'closure', entityId: id, before, after: null });
  });
}

export interface ClosureRow {
  id: number;
  date: IsoDate;
  siteId: number | null;
  siteName: string | null;
  service: ServiceKind | null;
  reason: string;
}

export async function listClosures(db: Queryable, p: { from: IsoDate; to: IsoDate }): Promise<ClosureRow[]> {
  return db
    .select({ id: closures.id, date: closures.date, siteId: closures.siteId, siteName: sites.name, service: closures.service, reason: closures.reason })
    .from(closures)
    .leftJoin(sites, eq(sites.id, closures.siteId))
    .where(and(gte(closures.date, p.from), lte(closures.date, p.to)))
    .orderBy(asc(closures.date), asc(closures.id));
}
