// Single-use account links (invitation, password reset, e-mail confirmation of a sign-up): the token is derived from
// AUTH_SECRET and a random nonce (lib/email/link-token.ts); only its SHA-256 hash is stored here, and only the nonce in
// the outbox. A new link of a kind replaces the account's previous unused one; using a password link sets the password,
// ends every session of the account (session_version + 1) and is written to the audit log. Any link used proves that
// its owner reads the address: a sign-up still waiting for its confirmation is confirmed by it.
import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { accounts, accountTokens, auditLog, parents } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { forgetFailures } from '@/lib/auth/rate-limit';
import { endAccountSessions } from '@/lib/auth/sessions';
import { errorText, fieldError, UserError } from '@/lib/errors';
import { linkToken, newLinkNonce } from '@/lib/email/link-token';
import { now } from '@/lib/clock';

export type TokenKind = 'invitation' | 'password_reset' | 'email_confirmation';

/** How long a link stays valid. */
export const TOKEN_LIFETIME_MS: Readonly<Record<TokenKind, number>> = {
  invitation: 7 * 24 * 3600_000,
  password_reset: 3600_000,
  email_confirmation: 48 * 3600_000,
};

/** One message for an unknown, used or expired link: nobody learns which. */
export const INVALID_LINK = errorText('link_invalid');

export const PASSWORD_MIN_LENGTH = 10;

/** The new password: 10 characters at least, typed twice the same. */
export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: fieldError('field_new_password_missing') })
      .min(1, fieldError('field_new_password_missing'))
      .min(PASSWORD_MIN_LENGTH, fieldError('field_new_password_short', { min: PASSWORD_MIN_LENGTH }))
      .max(200, fieldError('field_new_password_long')),
    confirmation: z
      .string({ error: fieldError('field_confirmation_missing') })
      .min(1, fieldError('field_confirmation_missing')),
  })
  .refine((v) => v.password === v.confirmation, {
    path: ['confirmation'],
    message: fieldError('field_passwords_differ'),
  });

/** A token as it travels in a link: an HMAC-SHA256, base64url (43 characters). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a link for the account, replacing its previous unused link of the same kind (which stops working).
 * Returns the nonce to queue with the e-mail (the dispatcher derives the token from it when it sends) and the
 * token itself, for the caller's tests: neither the token nor the link is ever stored.
 */
export async function issueToken(
  tx: Queryable,
  p: { accountId: number; kind: TokenKind; now: Date },
): Promise<{ token: string; nonce: string; tokenId: number; expiresAt: Date }> {
  await tx
    .delete(accountTokens)
    .where(and(eq(accountTokens.accountId, p.accountId), eq(accountTokens.kind, p.kind), isNull(accountTokens.usedAt)));
  const nonce = newLinkNonce();
  const token = linkToken(nonce);
  const expiresAt = new Date(p.now.getTime() + TOKEN_LIFETIME_MS[p.kind]);
  const [row] = await tx
    .insert(accountTokens)
    .values({ accountId: p.accountId, kind: p.kind, tokenHash: hashToken(token), expiresAt, createdAt: p.now })
    .returning({ id: accountTokens.id });
  return { token, nonce, tokenId: row!.id, expiresAt };
}

export interface TokenAccount {
  accountId: number;
  email: string;
  firstName: string;
  lastName: string;
}

/** The account a link is for, or null when the link is unknown, used, expired, or its account disabled. */
export async function findValidToken(
  db: Queryable,
  p: { token: string; kind: TokenKind; now: Date },
): Promise<TokenAccount | null> {
  if (!tokenSchema.safeParse(p.token).success) return null;
  const [row] = await db
    .select({
      accountId: accounts.id,
      email: accounts.email,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
    })
    .from(accountTokens)
    .innerJoin(accounts, eq(accounts.id, accountTokens.accountId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(p.token)),
        eq(accountTokens.kind, p.kind),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, p.now),
        isNull(accounts.disabledAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Marks a valid link used, inside the caller's transaction, and returns it; null when it is unknown, used, expired, of
 * another kind or its account disabled. The UPDATE … WHERE used_at IS NULL is the single-use guarantee: of two
 * concurrent uses, one matches.
 */
export async function useToken(
  tx: Queryable,
  p: { token: string; kind: TokenKind; now: Date },
): Promise<{ id: number; accountId: number } | null> {
  if (!tokenSchema.safeParse(p.token).success) return null;
  const [used] = await tx
    .update(accountTokens)
    .set({ usedAt: p.now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(p.token)),
        eq(accountTokens.kind, p.kind),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, p.now),
        sql`exists (select 1 from ${accounts} where ${accounts.id} = ${accountTokens.accountId} and ${accounts.disabledAt} is null)`,
      ),
    )
    .returning({ id: accountTokens.id, accountId: accountTokens.accountId });
  return used ?? null;
}

/**
 * Sets the password through a link, in one transaction: the link is marked used (a second use finds nothing),
 * the account's other unused links stop working, the password hash is replaced, session_version is bumped
 * (every open session ends), the account's failed sign-ins are forgotten, and an audit row is written.
 * An unknown, used or expired link is a UserError with one message.
 */
export async function setPasswordWithToken(
  db: Db,
  p: { token: string; kind: TokenKind; password: string; now: Date },
): Promise<{ accountId: number; email: string }> {
  if (!tokenSchema.safeParse(p.token).success) throw new UserError('link_invalid');
  // argon2 before the transaction: no lock is held while it works
  const passwordHash = await hashPassword(p.password);
  return db.transaction(async (tx) => {
    const used = await useToken(tx, p);
    if (!used) throw new UserError('link_invalid');

    await tx
      .delete(accountTokens)
      .where(and(eq(accountTokens.accountId, used.accountId), isNull(accountTokens.usedAt)));
    const [before] = await tx
      .select({
        hadPassword: sql<boolean>`${accounts.passwordHash} is not null`,
        sessionVersion: accounts.sessionVersion,
      })
      .from(accounts)
      .where(eq(accounts.id, used.accountId));
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash, sessionVersion: sql`${accounts.sessionVersion} + 1`, emailConfirmationPending: false })
      .where(eq(accounts.id, used.accountId))
      .returning({
        id: accounts.id,
        email: accounts.email,
        role: accounts.role,
        sessionVersion: accounts.sessionVersion,
      });
    await forgetFailures(tx, account!.email);
    await endAccountSessions(tx, { accountId: account!.id, now: p.now });
    const [parent] = await tx
      .select({ familyId: parents.familyId })
      .from(parents)
      .where(eq(parents.accountId, used.accountId))
      .limit(1);
    await tx.insert(auditLog).values({
      at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
      actorId: account!.id,
      actorRole: account!.role,
      action: p.kind === 'invitation' ? 'account.activate' : 'account.password_reset',
      entity: 'account',
      entityId: String(account!.id),
      familyId: parent?.familyId ?? null,
      // never a hash: only what changed, in words an agent can read
      before: { hadPassword: before?.hadPassword ?? false, sessionVersion: before?.sessionVersion ?? 0 },
      after: { passwordChanged: true, sessionVersion: account!.sessionVersion, tokenId: used.id },
    });
    return { accountId: account!.id, email: account!.email };
  });
}
