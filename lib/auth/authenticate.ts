// Checks an identifier and a password, with the sign-in limits (rate-limit.ts), and opens the session (sessions.ts).
// Used by Auth.js' Credentials provider.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fieldError } from '@/lib/errors';
import type { Db } from '@/db/client';
import { accounts, parents, type Role } from '@/db/schema';
import { wallNow } from '@/lib/clock';
import { verifyAgainstDummy, verifyPassword } from './password';
import { recordFailure, recordSuccess, signInCounts, waitMinutes } from './rate-limit';
import { openSession } from './sessions';

export const credentialsSchema = z.object({
  email: z
    .string({ error: fieldError('field_login_email_missing') })
    .trim()
    .min(1, fieldError('field_login_email_missing'))
    .max(254, fieldError('field_login_email_long'))
    .pipe(z.email(fieldError('field_login_email_invalid'))),
  password: z
    .string({ error: fieldError('field_password_missing') })
    .min(1, fieldError('field_password_missing'))
    .max(200, fieldError('field_password_long')),
});

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  familyId: number | null;
  sessionVersion: number;
  /** the session's row (sessions.ts), carried in the encrypted session cookie */
  sid: string;
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  /** the right password of a sign-up whose address is not confirmed yet: no session until the e-mail's link is used */
  | { ok: false; reason: 'unconfirmed' }
  | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const at = wallNow();
  // before the password is even looked at: a limited caller learns nothing, right or wrong
  const wait = waitMinutes(await signInCounts(db, email, input.ip, at), at);
  if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterMinutes: wait };

  const [account] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      passwordHash: accounts.passwordHash,
      role: accounts.role,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      sessionVersion: accounts.sessionVersion,
      disabledAt: accounts.disabledAt,
      emailConfirmationPending: accounts.emailConfirmationPending,
      familyId: parents.familyId,
    })
    .from(accounts)
    .leftJoin(parents, eq(parents.accountId, accounts.id))
    .where(sql`lower(${accounts.email}) = ${email}`)
    .limit(1);

  const valid =
    account && account.passwordHash && !account.disabledAt
      ? await verifyPassword(account.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);

  if (!valid || !account) {
    await recordFailure(db, email, input.ip, at);
    return { ok: false, reason: 'invalid' };
  }
  // only the one who knows the password learns it: nobody else can tell an unconfirmed account from a wrong password
  if (account.emailConfirmationPending) return { ok: false, reason: 'unconfirmed' };
  const sid = await db.transaction(async (tx) => {
    await recordSuccess(tx, email, input.ip);
    return openSession(tx, { accountId: account.id, address: input.ip, now: at });
  });
  return {
    ok: true,
    user: {
      id: String(account.id),
      email: account.email,
      name: `${account.firstName} ${account.lastName}`.trim(),
      role: account.role,
      familyId: account.familyId ?? null,
      sessionVersion: account.sessionVersion,
      sid,
    },
  };
}
