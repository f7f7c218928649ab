// « Langue »: the language a parent reads the portal and its e-mails in. The switcher's choice is kept in a cookie
// for everyone, and on the account of a signed-in parent (so it follows them to another device and to their e-mails).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, LOCALES } from '@/db/schema';
import { errorText } from '@/lib/errors';

/** The refusal of anything but the portal's languages (one sentence: the form has a single field). */
export const LANGUAGE_REFUSAL = errorText('language_unknown');

/** What the switcher sends: one of the portal's languages; anything else is refused and changes nothing. */
export const languageChoiceSchema = z.object({ langue: z.enum(LOCALES, { error: LANGUAGE_REFUSAL }) });

/** Stores the language on the signed-in parent's own account: the account is the session's, part of the WHERE. */
export async function setAccountLocale(
  db: Queryable,
  accountId: number,
  locale: (typeof LOCALES)[number],
): Promise<void> {
  await db
    .update(accounts)
    .set({ locale })
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'parent')));
}
