// The families that signed up themselves (« Créer mon espace famille », lib/accounts/signup.ts), in the back office:
// « Familles en attente de validation » lists those whose parent confirmed the address; an agent validates one (its
// sector, which decides the leisure centre proposed at « S'inscrire ») or refuses it with a reason. Either way the
// parent is e-mailed and the journal records it, in one transaction of a constant number of statements.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import { accounts, families, parents, sectors, type FamilyStatus } from '@/db/schema';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { enqueueEmail } from '@/lib/email/outbox';
import { UserError } from '@/lib/errors';
import { idField, idSchema } from '@/lib/ids';
import { parseOrRefuse } from '@/lib/validation';

export const PENDING_LIST_LIMIT = 200;

/** A pending family an agent may decide on: its parent's address is confirmed (an unconfirmed sign-up is no one yet). */
const decidable = sql`${families.status} = 'pending' and exists (
  select 1 from ${parents} p join ${accounts} a on a.id = p.account_id
  where p.family_id = ${families.id} and not a.email_confirmation_pending)`;

/** How many families wait for an agent's decision (the dashboard's figure), as a subquery. */
export const pendingFamiliesCount = sql`(select count(*)::int from ${families} where ${decidable})`;

/** The same figure alone (the families page's link). */
export async function countPendingFamilies(db: Queryable): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select ${pendingFamiliesCount} as n`);
  return row?.n ?? 0;
}

export interface PendingFamily {
  id: number;
  name: string;
  city: string;
  createdAt: Date;
  parentName: string;
  email: string;
  phone: string;
  children: number;
}

/** « Familles en attente de validation »: the oldest first (first come, first served at the desk). One query. */
export async function listPendingFamilies(db: Queryable): Promise<PendingFamily[]> {
  const found = await rows<Omit<PendingFamily, 'createdAt'> & { createdAt: string }>(
    db,
    sql`select f.id, f.name, f.city, f.created_at as "createdAt",
          p.first_name || ' ' || p.last_name as "parentName", p.email, p.phone,
          (select count(*)::int from children c where c.family_id = f.id) as children
        from families f
        join parents p on p.family_id = f.id
        join accounts a on a.id = p.account_id and not a.email_confirmation_pending
        where f.status = 'pending'
        order by f.created_at, f.id
        limit ${PENDING_LIST_LIMIT}`,
  );
  return found.map((f) => ({ ...f, createdAt: new Date(f.createdAt) }));
}

export const validateFamilySchema = z.object({
  familyId: idSchema,
  sectorId: idField('Choisissez le secteur de la famille.'),
});

export const refuseFamilySchema = z.object({
  familyId: idSchema,
  reason: z
    .string({ error: 'Indiquez le motif du refus : il est envoyé à la famille.' })
    .trim()
    .min(3, 'Indiquez le motif du refus : il est envoyé à la famille.')
    .max(1000, '1000 caractères au plus.'),
});

interface Decision {
  familyId: number;
  /** the parent who signed up, e-mailed */
  to: string;
  name: string;
}

/** Marks a decidable family (the UPDATE is the check: a family already decided matches nothing) and finds whom to tell. */
async function decide(
  tx: Queryable,
  familyId: number,
  set: { status: 'active' | 'refused'; sectorId?: number; refusalReason?: string },
): Promise<Decision> {
  const [family] = await tx
    .update(families)
    .set(set)
    .where(and(eq(families.id, familyId), decidable))
    .returning({ id: families.id });
  if (!family) throw new UserError('family_not_pending');
  const [parent] = await tx
    .select({ email: accounts.email, firstName: parents.firstName, lastName: parents.lastName })
    .from(parents)
    .innerJoin(accounts, eq(accounts.id, parents.accountId))
    .where(and(eq(parents.familyId, familyId), isNotNull(parents.accountId)))
    .orderBy(asc(parents.id))
    .limit(1);
  return { familyId, to: parent!.email, name: `${parent!.firstName} ${parent!.lastName}` };
}

/** « Valider la famille »: its sector is set, it may enrol from now on; the parent is e-mailed. Five statements. */
export async function validateFamily(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date; appUrl: string },
): Promise<void> {
  const { familyId, sectorId } = parseOrRefuse(validateFamilySchema, input);
  await db.transaction(async (tx) => {
    const [sector] = await tx.select({ name: sectors.name }).from(sectors).where(eq(sectors.id, sectorId));
    if (!sector) throw new UserError('sector_not_found');
    const d = await decide(tx, familyId, { status: 'active', sectorId });
    await enqueueEmail(tx, {
      idempotencyKey: `family-validated-${familyId}`,
      to: d.to,
      template: 'family-validated',
      payload: { name: d.name, sectorName: sector.name, link: `${ctx.appUrl}/` },
    });
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'family.validate',
      entity: 'family',
      entityId: familyId,
      familyId,
      before: { status: 'pending', sectorId: null },
      after: { status: 'active', sectorId, sectorName: sector.name },
    });
  });
}

/** « Refuser »: the reason is required, kept on the family (the parent reads it on Mon espace) and e-mailed. */
export async function refuseFamily(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date; appUrl: string },
): Promise<void> {
  const { familyId, reason } = parseOrRefuse(refuseFamilySchema, input);
  await db.transaction(async (tx) => {
    const d = await decide(tx, familyId, { status: 'refused', refusalReason: reason });
    await enqueueEmail(tx, {
      idempotencyKey: `family-refused-${familyId}`,
      to: d.to,
      template: 'family-refused',
      payload: { name: d.name, reason, link: `${ctx.appUrl}/contact` },
    });
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'family.refuse',
      entity: 'family',
      entityId: familyId,
      familyId,
      before: { status: 'pending' },
      after: { status: 'refused', reason },
    });
  });
}

/**
 * Only an active family enrols or books, whoever acts (the parent, or an agent at the desk): a family that signed up
 * waits for the Guichet famille's validation. The démarches' « Commencer » read the status with the child, so the
 * check costs no statement of its own.
 */
export function assertFamilyActive(status: FamilyStatus): void {
  if (status === 'pending') throw new UserError('family_pending');
  if (status === 'refused') throw new UserError('family_refused');
}

/** The reason the Guichet famille gave a refused family (Mon espace shows it), or null. */
export async function refusalReasonOf(db: Queryable, familyId: number): Promise<string | null> {
  const [family] = await db
    .select({ reason: families.refusalReason })
    .from(families)
    .where(and(eq(families.id, familyId), eq(families.status, 'refused')));
  return family?.reason ?? null;
}
