'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { forgotPasswordSchema, requestPasswordReset } from '@/lib/accounts/password-reset';
import { clientAddress } from '@/lib/auth/client-address';
import { wallNow } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { GENERIC_ERROR } from '@/lib/errors';

export interface ForgotState {
  sent?: boolean;
  formError?: string;
  fieldErrors?: { email?: string[] };
  email?: string;
}

/** « Recevoir un lien »: the same answer whether the address has an account or not. */
export async function forgotPasswordAction(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  const t = await getTranslations('forgot');
  const raw = formData.get('email');
  const email = typeof raw === 'string' ? raw.slice(0, 254) : '';
  const parsed = forgotPasswordSchema.safeParse({ email: raw ?? '' });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    const result = await requestPasswordReset(await getDb(), {
      email: parsed.data.email,
      ip: clientAddress(await headers()),
      now: wallNow(),
      appUrl: env().APP_URL ?? 'http://localhost:3000',
    });
    if (!result.ok) return { formError: t('rateLimited', { minutes: result.retryAfterMinutes }), email };
  } catch (error) {
    console.error('[forgot password]', error);
    return { formError: GENERIC_ERROR, email };
  }
  after(() => kickDispatcher({ reason: 'password-reset' }));
  return { sent: true };
}
