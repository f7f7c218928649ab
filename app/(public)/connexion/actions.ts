'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { credentialsSchema } from '@/lib/auth/authenticate';
import { getTranslations } from 'next-intl/server';

export interface LoginState {
  formError?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
}

/** Only a path of this site: never an open redirect. */
function safeCallback(value: FormDataEntryValue | null): string {
  const s = typeof value === 'string' ? value : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : '/';
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getTranslations('login');
  const rawEmail = formData.get('email');
  const echoedEmail = typeof rawEmail === 'string' ? rawEmail.slice(0, 254) : '';
  const parsed = credentialsSchema.safeParse({
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
  });
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email: echoedEmail };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallback(formData.get('callbackUrl')) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const limited = /^rate_limited:(\d+)$/.exec(error.code);
      if (limited) return { formError: t('rateLimited', { minutes: Number(limited[1]) }), email: echoedEmail };
      return { formError: t('invalid'), email: echoedEmail };
    }
    if (error instanceof AuthError) {
      console.error('[login]', error);
      return { formError: t('unexpected'), email: echoedEmail };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
