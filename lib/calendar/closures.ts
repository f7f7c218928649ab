// Closures (fermetures): a site, or every site, closed on a date for one service or all. Closing a day that holds
// reservations first lists them and asks the agent to confirm; then, in one transaction, the closure is written,
// those reservations deleted, the change audited and one e-mail queued per family. Deleting a closure reopens the day.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { closures, reservations, sites } from '@/db/schema';
import { UserError } from '@/lib/errors';
import { formatDateLong, type IsoDate, type ServiceKind } from '@/lib/planning';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { refillFreedPlaces } from '@/lib/waiting-list/promote';
import { confirmFields, schoolYearOfDate } from '@/lib/calendar/settings';
import { idSchema, isoDateField, parseOrRefuse, serviceSchema } from '@/lib/validation';
import {
  affectedReservations,
  confirmAndCancel,
  lockEnrolments,
  type AffectedGroup,
  type AffectedReservation,
} from '@/lib/calendar/cancellations';

export { groupAffected, type AffectedGroup, type AffectedReservation } from '@/lib/calendar/cancellations';

/** '' or 'all' in a form = every site / every service. */
const allOr = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === 'all' || v === undefined ? null : v), schema.nullable());

export const closureSchema = z.object({
  date: isoDateField('la date de fermeture'),
  siteId: allOr(idSchema),
  service: allOr(serviceSchema),
  reason: z
    .string({ error: 'Indiquez le motif de la fermeture : il figure dans le message envoyé aux familles.' })
    .trim()
    .min(1, 'Indiquez le motif de la fermeture : il figure dans le message envoyé aux familles.')
    .max(300, 'Le motif est trop long (300 caractères au plus).'),
  ...confirmFields,
});
export type ClosureInput = z.input<typeof closureSchema>;

export type ClosureResult =
  | { status: 'created'; closureId: number; cancelled: number; families: number }
  | {
      status: 'confirm';
      date: IsoDate;
      affected: AffectedGroup[];
      count: number;
      families: number;
      fingerprint: string;
    };

export interface ClosureContext {
  today: IsoDate;
  now: Date;
  appUrl: string;
}

/** The reservations a closure of (date, site or all, service or all) would cancel. */
export async function reservationsClosedBy(
  db: Queryable,
  c: { date: IsoDate; siteId: number | null; service: ServiceKind | null },
): Promise<AffectedReservation[]> {
  return affectedReservations(
    db,
    and(
      eq(reservations.date, c.date),
      c.siteId === null ? undefined : eq(reservations.siteId, c.siteId),
      c.service === null ? undefined : eq(reservations.service, c.service),
    ),
  );
}

/** Checks a closure before anything is written; returns the school year and the site's name. */
async function checkClosure(
  db: Queryable,
  c: { date: IsoDate; siteId: number | null; service: ServiceKind | null },
  today: IsoDate,
) {
  if (c.date < today) throw new UserError('closure_in_past', { date: formatDateLong(c.date) });
  const year = await schoolYearOfDate(db, c.date);
  if (!year) throw new UserError('closure_out_of_year', { date: formatDateLong(c.date) });
  let siteName: string | null = null;
  if (c.siteId !== null) {
    const [site] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, c.siteId));
    if (!site) throw new UserError('closure_site_not_found');
    siteName = site.name;
  }
  // an existing closure as broad or broader already closes that day
  const [existing] = await db
    .select({ id: closures.id })
    .from(closures)
    .where(
      and(
        eq(closures.date, c.date),
        c.siteId === null ? isNull(closures.siteId) : or(isNull(closures.siteId), eq(closures.siteId, c.siteId)),
        c.service === null ? isNull(closures.service) : or(isNull(closures.service), eq(closures.service, c.service)),
      ),
    )
    .limit(1);
  if (existing) throw new UserError('closure_exists', { date: formatDateLong(c.date) });
  return { year, siteName };
}

/**
 * "Ajouter la fermeture". Without `confirm` (or when the reservations changed since the agent read them), returns the
 * reservations concerned and writes nothing; with it, writes everything in one transaction.
 */
export async function addClosure(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: ClosureContext,
): Promise<ClosureResult> {
  const p = parseOrRefuse(closureSchema, input);
  const target = { date: p.date, siteId: p.siteId, service: p.service };
  return db.transaction(async (tx) => {
    const { year, siteName } = await checkClosure(tx, target, ctx.today);
    if (p.confirm) await lockEnrolments(tx, { schoolYearId: year.id, siteId: p.siteId, service: p.service });
    const affected = await reservationsClosedBy(tx, target);
    const outcome = await confirmAndCancel(tx, actor, {
      schoolYearId: year.id,
      affected,
      confirm: p.confirm,
      fingerprint: p.fingerprint,
      now: ctx.now,
      appUrl: ctx.appUrl,
      write: async () => {
        const [closure] = await tx
          .insert(closures)
          .values({ date: p.date, siteId: p.siteId, service: p.service, reason: p.reason })
          .returning();
        await writeAudit(tx, actor, {
          at: ctx.now,
          action: 'closure.create',
          entity: 'closure',
          entityId: closure!.id,
          before: null,
          after: {
            ...closure,
            cancelled: affected.map(({ id, childId, service, siteId, unit }) => ({
              id,
              childId,
              service,
              siteId,
              date: p.date,
              unit,
            })),
          },
        });
        return closure!.id;
      },
      notice: (closureId) => ({
        auditAction: 'reservations.cancel_closure',
        entity: 'closure',
        entityId: closureId,
        emailKey: (familyId) => `closure-${closureId}-family-${familyId}`,
        siteName: siteName ?? 'tous les sites',
        reason: p.reason,
      }),
    });
    if (outcome.status === 'confirm') {
      return {
        status: 'confirm' as const,
        date: p.date,
        affected: outcome.affected,
        count: outcome.count,
        families: outcome.families,
        fingerprint: outcome.fingerprint,
      };
    }
    return {
      status: 'created' as const,
      closureId: outcome.written,
      cancelled: outcome.cancelled,
      families: outcome.families,
    };
  });
}

export const deleteClosureSchema = z.object({ id: idSchema });

/** "Supprimer": the day opens again; the cancelled reservations are not restored. */
export async function deleteClosure(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { today: IsoDate; now: Date; appUrl: string },
): Promise<void> {
  const { id } = parseOrRefuse(deleteClosureSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(closures).where(eq(closures.id, id)).for('update');
    if (!before) throw new UserError('closure_already_deleted');
    if (before.date < ctx.today) throw new UserError('closure_past_kept');
    await tx.delete(closures).where(eq(closures.id, id));
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'closure.delete',
      entity: 'closure',
      entityId: id,
      before,
      after: null,
    });
    // the day opens again: its places may go to the waiting lists
    await refillFreedPlaces(
      tx,
      { siteId: before.siteId, service: before.service, from: before.date, to: before.date },
      { ...ctx, actor },
    );
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
    .select({
      id: closures.id,
      date: closures.date,
      siteId: closures.siteId,
      siteName: sites.name,
      service: closures.service,
      reason: closures.reason,
    })
    .from(closures)
    .leftJoin(sites, eq(sites.id, closures.siteId))
    .where(and(gte(closures.date, p.from), lte(closures.date, p.to)))
    .orderBy(asc(closures.date), asc(closures.id));
}
