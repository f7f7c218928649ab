'use server';

// « Créer mon espace famille »: the same answer whatever the address (« Vérifiez votre boîte e-mail »); a refusal of a
// field names it in French and gives back what was typed (never the passwords) so the form keeps it.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requestLocale } from '@/i18n/request';
import { signUp, signupSchema } from '@/lib/accounts/signup';
import { action } from '@/lib/action';
import { clientAddress } from '@/lib/auth/client-address';
import { today, wallNow } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { UserError } from '@/lib/errors';
import { fieldErrorsByPath } from '@/lib/validation';

/** What a refusal gives back to its form: each field typed, by its name ('child0.firstName'), passwords left out. */
export type SignupDetails = Record<string, string>;

function typedFields(value: unknown, prefix = ''): SignupDetails {
  if (typeof value !== 'object' || value === null) return {};
  const out: SignupDetails = {};
  for (const [key, field] of Object.entries(value)) {
    const name = `${prefix}${key}`;
    if (name === 'password' || name === 'confirmation') continue;
    if (typeof field === 'string') out[name] = field.slice(0, 254);
    else Object.assign(out, typedFields(field, `${name}.`));
  }
  return out;
}

export const signUpAction = action(
  // read loosely here: a refusal of signupSchema below must still echo what was typed
  { role: 'anyone', input: z.record(z.string(), z.unknown()), name: 'sign up' },
  async (input) => {
    const details = typedFields(input);
    const parsed = signupSchema(today()).safeParse(input);
    if (!parsed.success)
      throw new UserError('invalid_input', {}, { fieldErrors: fieldErrorsByPath(parsed.error), details });
    const result = await signUp(await getDb(), {
      input: parsed.data,
      ip: clientAddress(await headers()),
      now: wallNow(),
      // APP_URL only, never this request's Host (lib/email/base-url.ts): anyone can type anyone's address, and a
      // forged Host would put the owner's link on the forger's site
      appUrl: env().APP_URL ?? 'http://localhost:3000',
      // the form's language (the « Langue » cookie, else French) becomes the account's: its e-mails follow it
      locale: await requestLocale(),
    });
    if (!result.ok) {
      const minutes = result.retryAfterMinutes;
      if (minutes === 1) throw new UserError('signup_rate_limited_one', {}, { details });
      throw new UserError('signup_rate_limited', { minutes }, { details });
    }
    after(() => kickDispatcher({ reason: 'signup' }));
    redirect('/creer-mon-espace/envoye');
  },
);
