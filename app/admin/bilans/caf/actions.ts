'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';
import { attendanceHoursSchema, setAttendanceHours } from '@/lib/reports/attendance-hours';

/** « Rapport CAF » → « Heures par unité »: the hours of a Matin, an Après-midi and a Repas (staff). */
export const setAttendanceHoursAction = action(
  { role: 'staff', input: attendanceHoursSchema, name: 'setAttendanceHours' },
  async (input, user) => {
    await setAttendanceHours(await getDb(), user, input, { now: now() });
    // the report above the form counts with the new hours
    revalidatePath('/admin/bilans/caf');
  },
);
