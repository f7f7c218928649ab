// Accounts created by the Guichet famille: agents, administrators and animateurs (by an administrator; an animateur
// with the sites whose « Pointage » they reach), and parents (by any
// agent, from the family's parent). Each gets an invitation e-mail with a link to choose the password (7 days,
// single use); sending it again replaces the previous link. Every function runs inside the caller's transaction.
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, accountSites, accountTokens, auditLog, families, parents, sites } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { UserError } from '@/lib/errors';
import { issueToken } from './tokens';
import { now } from '@/lib/clock';

export interface Actor {
  id: number;
  role: 'staff' | 'admin';
}

function requireAdmin(actor: Actor): void {
  // staffAction({ adminOnly }) refuses first; the use-case says it again, so no other caller can forget
  if (actor.role !== 'admin') throw new UserError('forbidden_admin');
}

const SITES_REQUIRED = "Choisissez au moins une structure pour l'animateur.";
const siteIdsField = z
  .union(
    [
      z.coerce.number().int().positive().max(2_147_483_647),
      z.array(z.coerce.number().int().positive().max(2_147_483_647)),
    ],
    {
      error: 'Choisissez les structures dans la liste.',
    },
  )
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .pipe(z.array(z.number()).max(100, 'Choisissez au plus 100 structures.'));

const name = (label: string) =>
  z.string().trim().min(1, `Saisissez le ${label}.`).max(100, `Le ${label} est trop long.`);

export const createStaffSchema = z
  .object({
    firstName: name('prénom'),
    lastName: name('nom'),
    email: z
      .string()
      .trim()
      .min(1, "Saisissez l'adresse e-mail.")
      .max(254, "L'adresse e-mail est trop longue.")
      .pipe(z.email('Saisissez une adresse e-mail valide, par exemple prenom.nom@example.fr.')),
    role: z.enum(['staff', 'admin', 'animateur'], {
      error: 'Choisissez le rôle : agent, administrateur ou animateur.',
    }),
    // an animateur's sites (« Pointage »): a checkbox each, so one site comes as a string and several as a list
    siteIds: siteIdsField.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'animateur' && !input.siteIds?.length)
      ctx.addIssue({ code: 'custom', path: ['siteIds'], message: SITES_REQUIRED });
  });

/** The back office's roles an administrator opens (a parent's account comes from the family's parent). */
export type StaffRole = 'staff' | 'admin' | 'animateur';

/** Sends (again) the invitation of an account: a new link replaces the previous one. */
export async function sendInvitation(
  tx: Queryable,
  p: { accountId: number; actor: Actor; now: Date; appUrl: string; familyId?: number | null },
): Promise<{ tokenId: number; token: string }> {
  const [account] = await tx
    .select({
      id: accounts.id,
      email: accounts.email,
      role: accounts.role,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      disabledAt: accounts.disabledAt,
    })
    .from(accounts)
    .where(eq(accounts.id, p.accountId));
  if (!account) throw new UserError('account_not_found');
  if (account.disabledAt) throw new UserError('account_disabled');
  const { token, nonce, tokenId, expiresAt } = await issueToken(tx, {
    accountId: account.id,
    kind: 'invitation',
    now: p.now,
  });
  await enqueueEmail(tx, {
    idempotencyKey: `account-token-${tokenId}`,
    to: account.email,
    template: 'invitation',
    // never the link: the dispatcher derives it from the nonce when it sends (lib/email/render.ts)
    payload: {
      name: `${account.firstName} ${account.lastName}`.trim(),
      role: account.role,
      linkBase: `${p.appUrl}/activation/`,
      nonce,
      expiresAt: expiresAt.toISOString(),
    },
  });
  await tx.insert(auditLog).values({
    at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
    actorId: p.actor.id,
    actorRole: p.actor.role,
    action: 'account.invite',
    entity: 'account',
    entityId: String(account.id),
    familyId: p.familyId ?? null,
    after: { email: account.email, role: account.role, expiresAt: expiresAt.toISOString() },
  });
  return { tokenId, token };
}

/** An administrator opens an account for an agent or another administrator, and invites them. */
export async function createStaffAccount(
  tx: Queryable,
  p: { actor: Actor; input: z.infer<typeof createStaffSchema>; now: Date; appUrl: string },
): Promise<{ accountId: number }> {
  requireAdmin(p.actor);
  const email = p.input.email.toLowerCase();
  const [taken] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email}`)
    .limit(1);
  if (taken) throw new UserError('account_email_taken', { email });
  const siteIds = p.input.role === 'animateur' ? (p.input.siteIds ?? []) : [];
  if (p.input.role === 'animateur') await requireSites(tx, siteIds);
  const [account] = await tx
    .insert(accounts)
    .values({ email, role: p.input.role, firstName: p.input.firstName, lastName: p.input.lastName, createdAt: p.now })
    .returning({ id: accounts.id });
  if (siteIds.length)
    await tx.insert(accountSites).values(siteIds.map((siteId) => ({ accountId: account!.id, siteId })));
  await tx.insert(auditLog).values({
    at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
    actorId: p.actor.id,
    actorRole: p.actor.role,
    action: 'account.create',
    entity: 'account',
    entityId: String(account!.id),
    after: {
      email,
      role: p.input.role,
      firstName: p.input.firstName,
      lastName: p.input.lastName,
      ...(p.input.role === 'animateur' ? { siteIds: [...siteIds].sort((a, b) => a - b) } : {}),
    },
  });
  await sendInvitation(tx, { accountId: account!.id, actor: p.actor, now: p.now, appUrl: p.appUrl });
  return { accountId: account!.id };
}

/** Every id names a site (one query whatever their number); else the refusal, before anything is written. */
async function requireSites(tx: Queryable, siteIds: number[]): Promise<void> {
  if (!siteIds.length) throw new UserError('animateur_sites_required');
  const [found] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sites)
    .where(inArray(sites.id, siteIds));
  if ((found?.n ?? 0) !== siteIds.length) throw new UserError('site_not_found');
}

export const setAnimateurSitesSchema = z
  .object({
    accountId: z.coerce.number().int().positive().max(2_147_483_647),
    siteIds: siteIdsField.optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.siteIds?.length) ctx.addIssue({ code: 'custom', path: ['siteIds'], message: SITES_REQUIRED });
  });

/**
 * An administrator changes the sites of an animateur: the account's rows of account_sites become the chosen ones
 * (three statements whatever their number), audited with before and after.
 */
export async function setAnimateurSites(
  tx: Queryable,
  p: { actor: Actor; accountId: number; siteIds: number[]; now: Date },
): Promise<void> {
  requireAdmin(p.actor);
  const [account] = await tx
    .select({
      id: accounts.id,
      before: sql<number[]>`coalesce((select array_agg(${accountSites.siteId} order by ${accountSites.siteId})
        from ${accountSites} where ${accountSites.accountId} = ${sql.raw(`"accounts"."id"`)}), '{}')`,
    })
    .from(accounts)
    .where(and(eq(accounts.id, p.accountId), eq(accounts.role, 'animateur')))
    .for('update');
  if (!account) throw new UserError('account_not_found');
  const siteIds = [...new Set(p.siteIds)].sort((a, b) => a - b);
  await requireSites(tx, siteIds);
  const before = account.before.map(Number);
  if (before.join(',') === siteIds.join(',')) return; // unchanged: nothing to record
  await tx.delete(accountSites).where(eq(accountSites.accountId, account.id));
  await tx.insert(accountSites).values(siteIds.map((siteId) => ({ accountId: account.id, siteId })));
  await tx.insert(auditLog).values({
    at: p.now,
    actorId: p.actor.id,
    actorRole: p.actor.role,
    action: 'account.sites',
    entity: 'account',
    entityId: String(account.id),
    before: { siteIds: before },
    after: { siteIds },
  });
}

/** An administrator resends the invitation of an agent or administrator account. */
export async function resendStaffInvitation(
  tx: Queryable,
  p: { actor: Actor; accountId: number; now: Date; appUrl: string },
): Promise<void> {
  requireAdmin(p.actor);
  const [account] = await tx.select({ role: accounts.role }).from(accounts).where(eq(accounts.id, p.accountId));
  if (!account || account.role === 'parent') throw new UserError('account_not_found');
  await sendInvitation(tx, p);
}

/**
 * An administrator disables or enables an agent or administrator account. A disabled account cannot sign in,
 * its sessions end at the next request (currentUser checks disabled_at) and its links stop working.
 */
export async function setStaffAccountDisabled(
  tx: Queryable,
  p: { actor: Actor; accountId: number; disabled: boolean; now: Date },
): Promise<void> {
  requireAdmin(p.actor);
  if (p.accountId === p.actor.id) throw new UserError('own_account');
  const [account] = await tx
    .select({ id: accounts.id, role: accounts.role, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(and(eq(accounts.id, p.accountId), inArray(accounts.role, ['staff', 'admin', 'animateur'])));
  if (!account) throw new UserError('account_not_found');
  if (Boolean(account.disabledAt) === p.disabled) return; // already so: nothing to record
  await tx
    .update(accounts)
    .set({ disabledAt: p.disabled ? p.now : null, sessionVersion: sql`${accounts.sessionVersion} + 1` })
    .where(eq(accounts.id, account.id));
  if (p.disabled)
    await tx.delete(accountTokens).where(and(eq(accountTokens.accountId, account.id), isNull(accountTokens.usedAt)));
  await tx.insert(auditLog).values({
    at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
    actorId: p.actor.id,
    actorRole: p.actor.role,
    action: p.disabled ? 'account.disable' : 'account.enable',
    entity: 'account',
    entityId: String(account.id),
    before: { disabledAt: account.disabledAt?.toISOString() ?? null },
    after: { disabledAt: p.disabled ? p.now.toISOString() : null },
  });
}

/**
 * Any agent invites a parent of a family: the parent's account is created when there is none (and linked to the
 * parent), or the existing one is reused (an account of that address not linked to another parent), then the
 * invitation leaves. Inviting again replaces the previous link.
 */
export async function inviteParent(
  tx: Queryable,
  p: { actor: Actor; parentId: number; now: Date; appUrl: string },
): Promise<{ accountId: number; created: boolean }> {
  const [parent] = await tx
    .select({
      id: parents.id,
      familyId: parents.familyId,
      accountId: parents.accountId,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
    })
    .from(parents)
    .where(eq(parents.id, p.parentId))
    .for('update');
  if (!parent) throw new UserError('parent_not_found');
  const email = parent.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success) {
    throw new UserError('parent_email_invalid', { firstName: parent.firstName, lastName: parent.lastName });
  }

  let accountId = parent.accountId;
  let created = false;
  if (accountId === null) {
    const [existing] = await tx
      .select({
        id: accounts.id,
        role: accounts.role,
        linked: sql<boolean>`exists (select 1 from ${parents} where ${parents.accountId} = ${accounts.id})`,
      })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${email}`)
      .limit(1);
    if (existing && (existing.role !== 'parent' || existing.linked)) {
      throw new UserError('parent_email_taken', { email });
    }
    if (existing) {
      accountId = existing.id;
    } else {
      const [account] = await tx
        .insert(accounts)
        .values({ email, role: 'parent', firstName: parent.firstName, lastName: parent.lastName, createdAt: p.now })
        .returning({ id: accounts.id });
      accountId = account!.id;
      created = true;
      await tx.insert(auditLog).values({
        at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
        actorId: p.actor.id,
        actorRole: p.actor.role,
        action: 'account.create',
        entity: 'account',
        entityId: String(accountId),
        familyId: parent.familyId,
        after: { email, role: 'parent', parentId: parent.id },
      });
    }
    await tx.update(parents).set({ accountId }).where(eq(parents.id, parent.id));
    await tx.insert(auditLog).values({
      at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
      actorId: p.actor.id,
      actorRole: p.actor.role,
      action: 'parent.link_account',
      entity: 'parent',
      entityId: String(parent.id),
      familyId: parent.familyId,
      before: { accountId: null },
      after: { accountId },
    });
  }
  await sendInvitation(tx, { accountId, actor: p.actor, now: p.now, appUrl: p.appUrl, familyId: parent.familyId });
  return { accountId, created };
}

export interface StaffAccountRow {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: StaffRole;
  hasPassword: boolean;
  disabledAt: Date | null;
  /** expiry of the pending invitation, if any */
  invitationExpiresAt: Date | null;
  /** an animateur's sites (« Pointage »), by name; empty for the others */
  sites: { id: number; name: string }[];
}

/** The back office's accounts (agents, administrators and animateurs), by name. */
export async function listStaffAccounts(db: Queryable): Promise<StaffAccountRow[]> {
  // the outer account named in full: drizzle writes a one-table select's columns unqualified, and an unqualified "id"
  // inside these subqueries would be the inner table's
  const outer = sql.raw('"accounts"."id"');
  const found = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      role: accounts.role,
      hasPassword: sql<boolean>`${accounts.passwordHash} is not null`,
      disabledAt: accounts.disabledAt,
      invitationExpiresAt: sql<string | null>`(select max(${accountTokens.expiresAt}) from ${accountTokens}
        where ${accountTokens.accountId} = ${outer} and ${accountTokens.kind} = 'invitation' and ${accountTokens.usedAt} is null)`,
      sites: sql<
        { id: number; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', ${sites.id}, 'name', ${sites.name}) order by ${sites.name})
        from ${accountSites} join ${sites} on ${sites.id} = ${accountSites.siteId}
        where ${accountSites.accountId} = ${outer}), '[]'::json)`,
    })
    .from(accounts)
    .where(inArray(accounts.role, ['staff', 'admin', 'animateur']))
    .orderBy(asc(accounts.lastName), asc(accounts.firstName), asc(accounts.id));
  return found.map((a) => ({
    ...a,
    role: a.role as StaffRole,
    sites: typeof a.sites === 'string' ? (JSON.parse(a.sites) as { id: number; name: string }[]) : a.sites,
    invitationExpiresAt: a.invitationExpiresAt ? new Date(a.invitationExpiresAt) : null,
  }));
}

export interface ParentAccountRow {
  parentId: number;
  familyId: number;
  familyName: string;
  firstName: string;
  lastName: string;
  email: string;
  accountId: number | null;
  hasPassword: boolean;
  disabled: boolean;
  invitationExpiresAt: Date | null;
}

/** Parents matching a search (family name, parent name or e-mail), to invite them; at most `limit`. */
export async function searchParents(db: Queryable, p: { query: string; limit?: number }): Promise<ParentAccountRow[]> {
  const q = p.query.trim();
  if (!q) return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await db
    .select({
      parentId: parents.id,
      familyId: parents.familyId,
      familyName: families.name,
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      accountId: parents.accountId,
      hasPassword: sql<boolean>`coalesce(${accounts.passwordHash} is not null, false)`,
      disabled: sql<boolean>`coalesce(${accounts.disabledAt} is not null, false)`,
      invitationExpiresAt: sql<string | null>`(select max(${accountTokens.expiresAt}) from ${accountTokens}
        where ${accountTokens.accountId} = ${parents.accountId} and ${accountTokens.kind} = 'invitation' and ${accountTokens.usedAt} is null)`,
    })
    .from(parents)
    .innerJoin(families, eq(families.id, parents.familyId))
    .leftJoin(accounts, eq(accounts.id, parents.accountId))
    .where(
      or(
        ilike(families.name, like),
        ilike(parents.email, like),
        ilike(sql`${parents.firstName} || ' ' || ${parents.lastName}`, like),
        ilike(sql`${parents.lastName} || ' ' || ${parents.firstName}`, like),
      ),
    )
    .orderBy(asc(families.name), asc(parents.lastName), asc(parents.firstName), asc(parents.id))
    .limit(p.limit ?? 50);
  return found.map((r) => ({
    ...r,
    invitationExpiresAt: r.invitationExpiresAt ? new Date(r.invitationExpiresAt) : null,
  }));
}
