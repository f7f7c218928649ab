'use server';

// « Mon compte »: the parent's own preferences. The account is the session's, never one named by the form.
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { action, refusedAs } from '@/lib/action';
import { REMINDER_CHOICE_REFUSAL, reminderSettingSchema, setReminderChoice } from '@/lib/reminders/settings';

/** « Enregistrer » under « Rappels par e-mail »: « Aucun rappel », « Chaque lundi » or « La veille ». */
export const saveRemindersAction = action(
  { role: 'parent', input: refusedAs(REMINDER_CHOICE_REFUSAL, reminderSettingSchema), plain: true },
  async (input, user) => {
    await setReminderChoice(await getDb(), user.id, input.reminders);
    redirect('/mon-compte?enregistre=1');
  },
);
