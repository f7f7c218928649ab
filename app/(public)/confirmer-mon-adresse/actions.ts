'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { confirmEmail } from '@/lib/accounts/signup';
import { action } from '@/lib/action';
import { wallNow } from '@/lib/clock';

/** « Confirmer mon adresse e-mail »: the link of the sign-up's e-mail, used once; a used or expired one is refused. */
export const confirmEmailAction = action(
  // the token is checked by its use (a forged one gets the same refusal as a used one)
  { role: 'anyone', input: z.object({ token: z.string().max(100).default('') }), name: 'confirm email' },
  async ({ token }) => {
    await confirmEmail(await getDb(), { token, now: wallNow() });
    return { confirmed: true as const };
  },
);
