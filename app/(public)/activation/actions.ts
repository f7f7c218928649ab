'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { newPasswordSchema, setPasswordWithToken } from '@/lib/accounts/tokens';
import { wallNow } from '@/lib/clock';
import { GENERIC_ERROR, UserError } from '@/lib/errors';

export interface PasswordState {
  done?: boolean;
  formError?: string;
  fieldErrors?: { password?: string[]; confirmation?: string[] };
}

const kindSchema = z.enum(['invitation', 'password_reset']);

/**
 * « Enregistrer mon mot de passe » from an invitation or a reset link: the link is used once, the password
 * hashed (argon2id), every session of the account ends.
 */
export async function setPasswordAction(_prev: PasswordState, formData: FormData): Promise<PasswordState> {
  const kind = kindSchema.safeParse(formData.get('kind'));
  const token = formData.get('token');
  if (!kind.success || typeof token !== 'string') return { formError: GENERIC_ERROR };
  const parsed = newPasswordSchema.safeParse({
    password: formData.get('password') ?? '',
    confirmation: formData.get('confirmation') ?? '',
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await setPasswordWithToken(await getDb(), {
      token,
      kind: kind.data,
      password: parsed.data.password,
      now: wallNow(),
    });
  } catch (error) {
    if (error instanceof UserError) return { formError: error.message };
    console.error('[set password]', { kind: kind.data }, error);
    return { formError: GENERIC_ERROR };
  }
  return { done: true };
}
