'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { forgotPasswordSchema, requestPasswordReset } from '@/lib/accounts/password-reset';
import { action } from '@/lib/action';
import { clientAddress } from '@/lib/auth/client-address';
import { wallNow } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { UserError } from '@/lib/errors';

/** What a refusal gives back to its form: the address typed, kept in the field. */
export interface ForgotDetails {
  email: string;
}

/** « Recevoir un lien »: the same answer whether the address has an account or not. */
export const forgotPasswordAction = action(
  // read loosely here: a refusal of forgotPasswordSchema below must still echo the address typed
  { role: 'anyone', input: z.object({ email: z.string().default('') }), name: 'forgot password' },
  async (input) => {
    const details: ForgotDetails = { email: input.email.slice(0, 254) };
    const parsed = forgotPasswordSchema.safeParse(input);
    if (!parsed.success)
      throw new UserError('invalid_input', {}, { fieldErrors: z.flattenError(parsed.error).fieldErrors, details });
    const result = await requestPasswordReset(await getDb(), {
      email: parsed.data.email,
      ip: clientAddress(await headers()),
      now: wallNow(),
      // APP_URL only, never this request's Host (lib/email/base-url.ts): anyone can ask for anyone's reset, and a
      // forged Host would put the owner's reset link on the forger's site
      appUrl: env().APP_URL ?? 'http://localhost:3000',
    });
    if (!result.ok) {
      const minutes = result.retryAfterMinutes;
      if (minutes === 1) throw new UserError('reset_rate_limited_one', {}, { details });
      throw new UserError('reset_rate_limited', { minutes }, { details });
    }
    after(() => kickDispatcher({ reason: 'password-reset' }));
    return { sent: true as const };
  },
);
