// Checks an identifier and a password, with the sign-in limits. Used by Auth.js' Credentials provider.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, parents } from '@/db/schema';
import { wallNow } from '@/lib/clock';
import { verifyAgainstDummy, verifyPassword } from './password';
import { recordFailure, recordSuccess, retryAfterMinutes } from './rate-limit';

export const credentialsSchema = z.object({
  email: z
    .string({ error: 'Saisissez votre identifiant.' })
    .trim()
    .min(1, 'Saisissez votre identifiant.')
    .max(254, "L'identifiant est trop long : saisissez votre adresse e-mail.")
    .pipe(z.email("Saisissez votre identifiant sous la forme d'une adresse e-mail, par exemple nom@example.fr.")),
  password: z
    .string({ error: 'Saisissez votre mot de passe.' })
    .min(1, 'Saisissez votre mot de passe.')
    .max(200, 'Le mot de passe est trop long.'),
});

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'parent' | 'staff' | 'admin';
  familyId: number | null;
  sessionVersion: number;
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

export async function authenticate(
  db: Queryable,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const at = wallNow();
  const wait = await retryAfterMinutes(db, email, input.ip, at);
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
  await recordSuccess(db, email, at);
  return {
    ok: true,
    user: {
      id: String(account.id),
      email: account.email,
      name: `${account.firstName} ${account.lastName}`.trim(),
      role: account.role,
      familyId: account.familyId ?? null,
      sessionVersion: account.sessionVersion,
    },
  };
}
