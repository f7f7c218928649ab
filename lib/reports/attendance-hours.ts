// « Heures par unité »: the hours a marked slot counts in the CAF report, set by staff on « Rapport CAF ». The three
// slots are written together with their audit line in one transaction of three statements (read for update, one
// upsert of the three rows, the audit row).
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { attendanceHours, ATTENDANCE_SLOTS, type AttendanceSlot } from '@/db/schema';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { parseOrRefuse } from '@/lib/validation';

/** The defaults of the migration (0013_attendance), shown when a row is missing. */
export const DEFAULT_HOURS: Record<AttendanceSlot, number> = { matin: 4, apres_midi: 4, repas: 2 };

export const HOURS_MESSAGE =
  "Indiquez un nombre d'heures supérieur à 0 et d'au plus 24, avec au plus deux décimales (par exemple 1,5).";

/** A number of hours as staff type it: « 1,5 », « 1.5 », « 4 »; more than 0, at most 24, two decimals at most. */
export const hoursField = z.preprocess(
  // a number already parsed (the action parses, then the use-case again) is read back as its text
  (v) =>
    typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/\s/g, '').replace(',', '.') : v,
  z
    .string({ error: HOURS_MESSAGE })
    .regex(/^\d{1,2}(\.\d{1,2})?$/, HOURS_MESSAGE)
    .transform(Number)
    .refine((n) => n > 0 && n <= 24, HOURS_MESSAGE),
);

export const attendanceHoursSchema = z.object({
  matin: hoursField,
  apres_midi: hoursField,
  repas: hoursField,
});
export type AttendanceHoursInput = z.infer<typeof attendanceHoursSchema>;

/** The hours per slot in force. */
export async function attendanceHoursBySlot(db: Queryable): Promise<Record<AttendanceSlot, number>> {
  const found = await db
    .select({ slot: attendanceHours.slot, hours: attendanceHours.hours })
    .from(attendanceHours)
    .orderBy(asc(attendanceHours.slot));
  const out = { ...DEFAULT_HOURS };
  for (const r of found) out[r.slot] = Number(r.hours);
  return out;
}

export async function setAttendanceHours(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<Record<AttendanceSlot, number>> {
  const hours = parseOrRefuse(attendanceHoursSchema, input);
  return db.transaction(async (tx) => {
    const before = await tx
      .select({ slot: attendanceHours.slot, hours: attendanceHours.hours })
      .from(attendanceHours)
      .for('update');
    await tx
      .insert(attendanceHours)
      .values(ATTENDANCE_SLOTS.map((slot) => ({ slot, hours: hours[slot], updatedAt: ctx.now, updatedBy: actor.id })))
      .onConflictDoUpdate({
        target: attendanceHours.slot,
        set: { hours: sql`excluded.hours`, updatedAt: ctx.now, updatedBy: actor.id },
      });
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'attendance_hours.update',
      entity: 'attendance_hours',
      entityId: null,
      before: Object.fromEntries(before.map((r) => [r.slot, Number(r.hours)])),
      after: { matin: hours.matin, apres_midi: hours.apres_midi, repas: hours.repas },
    });
    return { matin: hours.matin, apres_midi: hours.apres_midi, repas: hours.repas };
  });
}
