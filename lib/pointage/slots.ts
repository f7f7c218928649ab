// « Pointage »'s pure rules: the slots of a site, the units a slot stands for, the service a site runs on a day, and
// the two days an animateur may mark (today, and the day before for corrections). No I/O: the pages, the sync
// endpoint and the phone's script share them.
import { addDays } from '@/lib/planning/dates';
import type { IsoDate, ServiceKind, Unit } from '@/lib/planning/types';

// the values of db/schema/enums.ts' attendance_slot and attendance_status (a client module imports no schema)
export const SLOTS = ['matin', 'repas', 'apres_midi'] as const;
export type AttendanceSlot = (typeof SLOTS)[number];
export type AttendanceStatus = 'present' | 'absent';

/** A leisure centre's day: Matin, Repas, Après-midi; a school: the canteen's Repas only. */
export function slotsOf(kind: 'centre' | 'ecole'): AttendanceSlot[] {
  return kind === 'ecole' ? ['repas'] : ['matin', 'repas', 'apres_midi'];
}

/** The reservations' units a slot stands for (matin→matin, apres_midi→apres_midi, repas→either meal). */
export const UNITS_OF_SLOT: Record<AttendanceSlot, Unit[]> = {
  matin: ['matin'],
  apres_midi: ['apres_midi'],
  repas: ['repas_classique', 'repas_sans_viande'],
};

export function slotOfUnit(unit: Unit): AttendanceSlot {
  return unit === 'matin' ? 'matin' : unit === 'apres_midi' ? 'apres_midi' : 'repas';
}

/** The label of a slot, as the toggles' names say it (« Présent – Léa Martin – Matin »). */
export const SLOT_LABELS: Record<AttendanceSlot, string> = { matin: 'Matin', repas: 'Repas', apres_midi: 'Après-midi' };

/** The service a site runs on a date: a school's canteen; a leisure centre's holidays in a holiday period, else Wednesdays. */
export function serviceOfDay(
  kind: 'centre' | 'ecole',
  date: IsoDate,
  holidays: { start: IsoDate; end: IsoDate }[],
): ServiceKind {
  if (kind === 'ecole') return 'cantine';
  return holidays.some((h) => h.start <= date && date <= h.end) ? 'vacances' : 'mercredi';
}

/** The days « Pointage » reaches: today, and the day before (« Hier », for corrections). */
export function pointageDays(today: IsoDate): { today: IsoDate; yesterday: IsoDate } {
  return { today, yesterday: addDays(today, -1) };
}

export function isPointageDay(date: string, today: IsoDate): boolean {
  const days = pointageDays(today);
  return date === days.today || date === days.yesterday;
}

/** « Présent – Léa Martin – Matin »: the accessible name of a toggle (en dash U+2013, first name then last name). */
export function toggleName(
  status: AttendanceStatus,
  firstName: string,
  lastName: string,
  slot: AttendanceSlot,
): string {
  return `${status === 'present' ? 'Présent' : 'Absent'} – ${firstName} ${lastName} – ${SLOT_LABELS[slot]}`;
}

/** « 23 présents / 25 attendus » */
export function counterText(present: number, expected: number): string {
  return `${present} présents / ${expected} attendus`;
}
