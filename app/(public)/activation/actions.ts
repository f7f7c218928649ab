'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { newPasswordSchema, setPasswordWithToken } from '@/lib/accounts/tokens';
import { action, refusedAs } from '@/lib/action';
import { wallNow } from '@/lib/clock';
import { GENERIC_ERROR } from '@/lib/errors';

// the link's own fields (hidden): a forged one gets the generic sentence, as nothing the person typed is wrong
const linkSchema = refusedAs(
  GENERIC_ERROR,
  z.object({ kind: z.enum(['invitation', 'password_reset']), token: z.string() }),
);

/**
 * « Enregistrer mon mot de passe » from an invitation or a reset link: the link is used once, the password
 * hashed (argon2id), every session of the account ends.
 */
export const setPasswordAction = action(
  { role: 'anyone', input: z.intersection(linkSchema, newPasswordSchema), name: 'set password' },
  async ({ kind, token, password }) => {
    await setPasswordWithToken(await getDb(), { token, kind, password, now: wallNow() });
    return { done: true as const };
  },
);
