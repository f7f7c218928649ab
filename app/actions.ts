'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale } from '@/i18n/locales';
import { action, refusedAs } from '@/lib/action';
import { LANGUAGE_REFUSAL, languageChoiceSchema, setAccountLocale } from '@/lib/accounts/locale';
import { waitingRoom } from '@/lib/waiting-room';
import { COOKIE_NAME } from '@/lib/waiting-room/cookie';

/**
 * "Se déconnecter": frees the parent's slot in the waiting room for the next family, ends the session in the
 * database (auth.ts, events.signOut) and goes back to Connexion.
 */
export const signOutAction = action(
  { role: 'anyone', input: z.object({}).optional(), name: 'signOut', plain: true },
  async () => {
    try {
      await waitingRoom()?.release((await cookies()).get(COOKIE_NAME)?.value);
    } catch (error) {
      // the slot then frees itself once idle: signing out must not fail for it
      console.error('[waiting-room] the slot was not released at sign-out', error);
    }
    await signOut({ redirectTo: '/connexion' });
  },
);

async function rememberLanguage(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.APP_URL?.startsWith('https://') ?? false,
  });
}

/**
 * « Langue » of a visitor (Connexion, the information pages): the cookie only. Setting a cookie in an action makes
 * Next render the page again, now in that language. An unknown code is refused and sets nothing.
 */
export const chooseLanguageAction = action(
  { role: 'anyone', input: refusedAs(LANGUAGE_REFUSAL, languageChoiceSchema), name: 'chooseLanguage', plain: true },
  async (input) => {
    await rememberLanguage(input.langue);
  },
);

/** « Langue » of a signed-in parent: the cookie and the parent's own account (pages on every device, e-mails). */
export const chooseParentLanguageAction = action(
  {
    role: 'parent',
    input: refusedAs(LANGUAGE_REFUSAL, languageChoiceSchema),
    name: 'chooseParentLanguage',
    plain: true,
  },
  async (input, user) => {
    await setAccountLocale(await getDb(), user.id, input.langue);
    await rememberLanguage(input.langue);
  },
);
