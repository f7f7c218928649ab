// Who is asking: the session, checked against the database on every request: its row is still open (not signed
// out, not expired), the account is not disabled, and its password has not changed since (session_version).
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb, type Db } from '@/db/client';
import { accounts, families, parents, sessions, type FamilyStatus, type Role } from '@/db/schema';
import { wallNow } from '@/lib/clock';
import { sharedReadsPerDatabase } from '@/lib/shared-reads';
import { SESSION_ID } from './sessions';

export type { Role } from '@/db/schema';
export interface CurrentUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  familyId: number | null;
  /** the family's file: only an 'active' one enrols or books (a sign-up waits for the Guichet famille) */
  familyStatus: FamilyStatus | null;
  /** the language chosen with « Langue » (null: none yet; i18n/request.ts then reads the cookie) */
  locale: 'fr' | 'en' | 'ar' | null;
}
export interface ParentUser extends CurrentUser {
  role: 'parent';
  familyId: number;
}

/** An open session's account, as the session check reads it (by session id). */
interface SessionAccount extends CurrentUser {
  sessionVersion: number;
}

/**
 * The session check of every request: the open sessions asked for, with their accounts, in one statement shared by
 * the requests that ask while another check is in flight (lib/shared-reads.ts). Each request still gets a read sent
 * after it asked, so a session ended (« Se déconnecter », a new password, an account disabled) is refused at once.
 */
const sessionChecks = sharedReadsPerDatabase(async (db: Db, sids: string[]) => {
  const found = await db
    .select({
      sid: sessions.id,
      id: accounts.id,
      email: accounts.email,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      role: accounts.role,
      sessionVersion: accounts.sessionVersion,
      locale: accounts.locale,
      familyId: parents.familyId,
      familyStatus: families.status,
    })
    .from(sessions)
    .innerJoin(accounts, and(eq(accounts.id, sessions.accountId), isNull(accounts.disabledAt)))
    .leftJoin(parents, eq(parents.accountId, accounts.id))
    .leftJoin(families, eq(families.id, parents.familyId))
    // the ids are checked against SESSION_ID (base64url) before they get here: the array literal needs no escaping
    .where(
      and(
        sql`${sessions.id} = any(${`{${sids.join(',')}}`}::text[])`,
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, wallNow()),
      ),
    );
  return new Map(
    found.map(({ sid, ...account }): [string, SessionAccount] => [
      sid,
      { ...account, familyId: account.familyId ?? null, familyStatus: account.familyStatus ?? null },
    ]),
  );
});

export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; sessionVersion?: number; sid?: string } | undefined;
  const id = Number(user?.id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const sid = user?.sid ?? '';
  if (!SESSION_ID.test(sid)) return null; // a cookie from before sessions were recorded, or a forged one
  const account = await sessionChecks(await getDb()).get(sid);
  // the session must be this account's, and the password unchanged since the sign-in (session_version)
  if (!account || account.id !== id || account.sessionVersion !== (user?.sessionVersion ?? 0)) return null;
  return {
    id: account.id,
    email: account.email,
    firstName: account.firstName,
    lastName: account.lastName,
    role: account.role,
    familyId: account.familyId,
    familyStatus: account.familyStatus,
    locale: account.locale,
  };
});

/** For the family's pages and actions: a parent with a family, or away to Connexion / the back office. */
export async function requireParent(): Promise<ParentUser> {
  const user = await currentUser();
  if (!user) redirect('/connexion');
  if (user.role !== 'parent') redirect(homeOf(user.role));
  if (user.familyId === null) forbidden();
  return user as ParentUser;
}

export type StaffUser = CurrentUser & { role: 'staff' | 'admin' };

/** For /admin: staff and admin only; a parent gets 403. */
export async function requireStaff(): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect('/connexion?callbackUrl=%2Fadmin');
  if (user.role !== 'staff' && user.role !== 'admin') forbidden();
  return user as StaffUser;
}

export type MarkerUser = CurrentUser & { role: 'animateur' | 'staff' | 'admin' };

/**
 * For « Pointage »: an animateur (its own sites), an agent or an administrator (every site; the use-cases check the
 * site); a parent gets 403, a visitor goes to Connexion.
 */
export async function requireMarker(): Promise<MarkerUser> {
  const user = await currentUser();
  if (!user) redirect('/connexion?callbackUrl=%2Fpointage');
  if (user.role === 'parent') forbidden();
  return user as MarkerUser;
}

/** Where a role lands after signing in, and where a page of another role sends it. */
export function homeOf(role: Role): string {
  return role === 'parent' ? '/' : role === 'animateur' ? '/pointage' : '/admin';
}

/**
 * For the pages that lead to a démarche (« S'inscrire », « Gérer mes réservations »): a family not yet validated by the
 * Guichet famille goes back to Mon espace, which says why (« Commencer » refuses it on the server too).
 */
export async function requireActiveParent(): Promise<ParentUser> {
  const user = await requireParent();
  if (user.familyStatus !== 'active') redirect('/');
  return user;
}
