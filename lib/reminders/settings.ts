// « Rappels par e-mail » on Mon compte: what a parent account chose, read and written for that account only.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, REMINDER_CHOICES } from '@/db/schema';
import { fieldError } from '@/lib/errors';

export type ReminderChoice = (typeof REMINDER_CHOICES)[number];

/** The refusal of anything but the three choices. */
export const REMINDER_CHOICE_REFUSAL = fieldError('field_reminders');

/** What « Enregistrer » sends: one of the three choices; any other field (an account id) is not read. */
export const reminderSettingSchema = z.object({
  reminders: z.enum(REMINDER_CHOICES, { error: REMINDER_CHOICE_REFUSAL }),
});

/** The account's choice ('none' for an account that is not a parent's). */
export async function reminderChoice(db: Queryable, accountId: number): Promise<ReminderChoice> {
  const [row] = await db
    .select({ reminders: accounts.reminders })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'parent')));
  return row?.reminders ?? 'none';
}

/** Stores the choice of the signed-in parent's own account: the account is the session's, part of the WHERE. */
export async function setReminderChoice(db: Queryable, accountId: number, choice: ReminderChoice): Promise<void> {
  await db
    .update(accounts)
    .set({ reminders: choice })
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'parent')));
}
