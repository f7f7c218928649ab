'use server';

// « Se connecter »: Auth.js signs in (lib/auth/authenticate: argon2id, limits counted in the database) and redirects;
// a refusal answers the e-mail typed (details.email) so the form keeps it.
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { signIn } from '@/auth';
import { getDb } from '@/db/client';
import { accounts } from '@/db/schema';
import { action } from '@/lib/action';
import { credentialsSchema } from '@/lib/auth/authenticate';
import { homeOf } from '@/lib/auth/session';
import { UserError } from '@/lib/errors';

/** What a refusal of the sign-in gives back to its form. */
export interface LoginDetails {
  email: string;
}

// read loosely here: a refusal of credentialsSchema below must still echo the e-mail typed
const loginInput = z.object({
  email: z.string().default(''),
  password: z.string().default(''),
  callbackUrl: z.string().optional(),
});

/** Only a path of this site: never an open redirect. */
function safeCallback(value: string | undefined): string {
  const s = value ?? '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : '/';
}

/**
 * Where a successful sign-in goes: the page asked for, else the account's home. An animateur signing in at a bare
 * Connexion goes straight to « Pointage », never through Mon espace, which the waiting room holds on a rush day.
 */
async function landing(email: string, callbackUrl: string | undefined): Promise<string> {
  const asked = safeCallback(callbackUrl);
  if (asked !== '/') return asked;
  const [account] = await (
    await getDb()
  )
    .select({ role: accounts.role })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return account ? homeOf(account.role) : '/';
}

export const loginAction = action({ role: 'anyone', input: loginInput, name: 'login' }, async (input) => {
  const details: LoginDetails = { email: input.email.slice(0, 254) };
  const parsed = credentialsSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success)
    throw new UserError('invalid_input', {}, { fieldErrors: z.flattenError(parsed.error).fieldErrors, details });
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: await landing(parsed.data.email, input.callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === 'unconfirmed') throw new UserError('sign_in_unconfirmed', {}, { details });
      const limited = /^rate_limited:(\d+)$/.exec(error.code);
      if (!limited) throw new UserError('sign_in_refused', {}, { details });
      const minutes = Number(limited[1]);
      if (minutes === 1) throw new UserError('sign_in_rate_limited_one', {}, { details });
      throw new UserError('sign_in_rate_limited', { minutes }, { details });
    }
    if (error instanceof AuthError) {
      console.error('[login]', error);
      throw new UserError('sign_in_failed', {}, { details });
    }
    throw error; // the redirect after a successful sign-in
  }
});
