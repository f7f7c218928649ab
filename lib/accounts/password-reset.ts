// "Mot de passe oublié ?": the same answer whether the address is known or not; a known, active account gets a
// link valid one hour, usable once. Requests are limited per address and per network address (recordAttempt,
// lib/auth/rate-limit.ts: keys of their own, "reset:…", on the wall clock, so the limit holds across instances).
import { and, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fieldError } from '@/lib/errors';
import type { Db } from '@/db/client';
import { accounts, auditLog } from '@/db/schema';
import { recordAttempt } from '@/lib/auth/rate-limit';
import { enqueueEmail } from '@/lib/email/outbox';
import { issueToken } from './tokens';
import { now } from '@/lib/clock';

export const RESET_LIMITS = {
  windowMinutes: 60,
  perEmail: 3,
  perAddress: 20,
} as const;

export const resetEmailKey = (email: string) => `reset:email:${email.toLowerCase()}`;
export const resetAddressKey = (ip: string) => `reset:ip:${ip}`;

export const forgotPasswordSchema = z.object({
  email: z
    .string({ error: fieldError('field_email_missing') })
    .trim()
    .min(1, fieldError('field_email_missing'))
    .max(254, fieldError('field_email_long'))
    .pipe(z.email(fieldError('field_email_invalid'))),
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
  return db.transaction(async (tx) => {
    const wait = await recordAttempt(
      tx,
      {
        windowMinutes: RESET_LIMITS.windowMinutes,
        keys: [
          { key: resetEmailKey(email), max: RESET_LIMITS.perEmail },
          { key: resetAddressKey(p.ip), max: RESET_LIMITS.perAddress },
        ],
      },
      p.now,
    );
    if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterMinutes: wait };

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
      at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
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
