// "Mot de passe oublié ?": the same answer whether the address is known or not; a known, active account gets a
// link valid one hour, usable once. Requests are limited per address and per network address, counted in
// login_attempts under keys of their own ("reset:…"), on the wall clock, so the limit holds across instances.
import { and, gt, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { accounts, auditLog, loginAttempts } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { issueToken } from './tokens';

export const RESET_LIMITS = {
  windowMinutes: 60,
  perEmail: 3,
  perAddress: 20,
} as const;

export const resetEmailKey = (email: string) => `reset:email:${email.toLowerCase()}`;
export const resetAddressKey = (ip: string) => `reset:ip:${ip}`;

export const forgotPasswordSchema = z.object({
  email: z
    .string({ error: 'Saisissez votre adresse e-mail.' })
    .trim()
    .min(1, 'Saisissez votre adresse e-mail.')
    .max(254, "L'adresse e-mail est trop longue.")
    .pipe(z.email('Saisissez votre adresse e-mail sous la forme nom@example.fr.')),
});

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

/**
 * Records the request and, when the address belongs to an active account, queues the reset e-mail (same
 * transaction). The result never says whether the account exists: only the limit, counted per typed address
 * whoever owns it, can refuse.
 */
export async function requestPasswordReset(
  db: Db,
  p: { email: string; ip: string; now: Date; appUrl: string },
): Promise<ResetRequestResult> {
  const email = p.email.trim().toLowerCase();
  const keys = [resetEmailKey(email), resetAddressKey(p.ip)];
  return db.transaction(async (tx) => {
    const since = new Date(p.now.getTime() - RESET_LIMITS.windowMinutes * 60_000);
    const counts = await tx
      .select({ key: loginAttempts.key, n: sql<number>`count(*)::int`, oldest: sql<string>`min(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.at, since)))
      .groupBy(loginAttempts.key);
    let waitMs = 0;
    for (const row of counts) {
      const limit = row.key.startsWith('reset:email:') ? RESET_LIMITS.perEmail : RESET_LIMITS.perAddress;
      if (row.n >= limit)
        waitMs = Math.max(
          waitMs,
          new Date(row.oldest).getTime() + RESET_LIMITS.windowMinutes * 60_000 - p.now.getTime(),
        );
    }
    if (waitMs > 0)
      return { ok: false, reason: 'rate_limited', retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };

    await tx.insert(loginAttempts).values(keys.map((key) => ({ key, at: p.now })));
    // old reset rows are pruned here (sign-in rows are pruned by the sign-in)
    await tx
      .delete(loginAttempts)
      .where(
        and(sql`${loginAttempts.key} like 'reset:%'`, lte(loginAttempts.at, new Date(p.now.getTime() - 24 * 3600_000))),
      );

    const [account] = await tx
      .select({
        id: accounts.id,
        email: accounts.email,
        role: accounts.role,
        firstName: accounts.firstName,
        lastName: accounts.lastName,
      })
      .from(accounts)
      .where(and(sql`lower(${accounts.email}) = ${email}`, sql`${accounts.disabledAt} is null`))
      .limit(1);
    if (!account) return { ok: true };

    const { nonce, tokenId, expiresAt } = await issueToken(tx, {
      accountId: account.id,
      kind: 'password_reset',
      now: p.now,
    });
    await enqueueEmail(tx, {
      idempotencyKey: `account-token-${tokenId}`,
      to: account.email,
      template: 'password-reset',
      // never the link: the dispatcher derives it from the nonce when it sends (lib/email/render.ts)
      payload: {
        name: `${account.firstName} ${account.lastName}`.trim(),
        linkBase: `${p.appUrl}/reinitialisation/`,
        nonce,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await tx.insert(auditLog).values({
      at: p.now,
      actorId: null,
      actorRole: null,
      action: 'account.password_reset_request',
      entity: 'account',
      entityId: String(account.id),
      after: { expiresAt: expiresAt.toISOString() },
    });
    return { ok: true };
  });
}
