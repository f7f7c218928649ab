// Reservations as sets of (date, unit): canonical order, differences, and the rules of one day.
import { UNITS, isHalfDay, isMeal, isUnit } from './types';
import type { IsoDate, Reservation, ServiceKind, Unit } from './types';

const UNIT_RANK: Readonly<Record<Unit, number>> = {
  matin: 0,
  apres_midi: 1,
  repas_classique: 2,
  repas_sans_viande: 3,
};

/** A string that identifies a reservation, e.g. '2027-01-13|matin'. */
export function reservationKey(r: Reservation): string {
  return `${r.date}|${r.unit}`;
}

/** Canonical order: by date, then matin, apres_midi, repas_classique, repas_sans_viande. */
export function compareReservations(a: Reservation, b: Reservation): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return UNIT_RANK[a.unit] - UNIT_RANK[b.unit];
}

/** Units in canonical order (duplicates kept, so validateDay can still see them). */
export function sortUnits(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => UNIT_RANK[a] - UNIT_RANK[b]);
}

/** Sorted copy without duplicates, each item reduced to { date, unit }. */
export function sortReservations(reservations: readonly Reservation[]): Reservation[] {
  const byKey = new Map<string, Reservation>();
  for (const { date, unit } of reservations) byKey.set(reservationKey({ date, unit }), { date, unit });
  return [...byKey.values()].sort(compareReservations);
}

/** The reservations as (date -> units in canonical order), dates sorted. */
export function groupByDate(reservations: readonly Reservation[]): Map<IsoDate, Unit[]> {
  const out = new Map<IsoDate, Unit[]>();
  for (const r of sortReservations(reservations)) {
    const units = out.get(r.date);
    if (units) units.push(r.unit);
    else out.set(r.date, [r.unit]);
  }
  return out;
}

/** What changes from `existing` to `desired`: added = desired \ existing, removed = existing \ desired. */
export function diffReservations(
  existing: readonly Reservation[],
  desired: readonly Reservation[],
): { added: Reservation[]; removed: Reservation[] } {
  const before = new Set(existing.map(reservationKey));
  const after = new Set(desired.map(reservationKey));
  return {
    added: sortReservations(desired.filter((r) => !before.has(reservationKey(r)))),
    removed: sortReservations(existing.filter((r) => !after.has(reservationKey(r)))),
  };
}

/** One line of the recap ("Le récapitulatif"): what a date gains (green) and loses (orange). */
export interface DayChange {
  date: IsoDate;
  added: Unit[];
  removed: Unit[];
}

/** The diff grouped per date, dates sorted; dates without a change are left out. */
export function diffByDate(existing: readonly Reservation[], desired: readonly Reservation[]): DayChange[] {
  const { added, removed } = diffReservations(existing, desired);
  const days = new Map<IsoDate, DayChange>();
  const day = (date: IsoDate): DayChange => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, added: [], removed: [] }));
    return d;
  };
  for (const r of added) day(r.date).added.push(r.unit);
  for (const r of removed) day(r.date).removed.push(r.unit);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The messages of validateDay, in plain French for parents. */
export const DAY_ERRORS = {
  unknownUnit: "Ce choix n'existe pas. Choisissez matin, après-midi, repas classique ou repas sans viande.",
  duplicate: "Un même choix ne peut être réservé qu'une fois par jour.",
  canteenMealsOnly: 'La restauration scolaire ne réserve que des repas.',
  oneMeal: 'Un seul repas par jour : choisissez le repas classique ou le repas sans viande.',
  mealNeedsHalfDay: "Un repas ne peut être réservé qu'avec une demi-journée (matin ou après-midi).",
} as const;

/**
 * Rules of one day of a service: no duplicate, at most one meal, the canteen books meals only,
 * at the leisure centre a meal needs a half-day. Null when valid (an empty day is valid).
 */
export function validateDay(kind: ServiceKind, units: readonly Unit[]): string | null {
  if (!units.every(isUnit)) return DAY_ERRORS.unknownUnit;
  if (new Set(units).size !== units.length) return DAY_ERRORS.duplicate;
  const meals = units.filter(isMeal).length;
  const halfDays = units.filter(isHalfDay).length;
  if (kind === 'cantine' && halfDays > 0) return DAY_ERRORS.canteenMealsOnly;
  if (meals > 1) return DAY_ERRORS.oneMeal;
  if (kind !== 'cantine' && meals > 0 && halfDays === 0) return DAY_ERRORS.mealNeedsHalfDay;
  return null;
}

/** Every day of a planning that breaks validateDay, with its message, dates sorted. */
export function invalidDays(
  kind: ServiceKind,
  reservations: readonly Reservation[],
): { date: IsoDate; message: string }[] {
  const out: { date: IsoDate; message: string }[] = [];
  for (const [date, units] of groupByDate(reservations)) {
    const message = validateDay(kind, units);
    if (message) out.push({ date, message });
  }
  return out;
}

/** Units of UNITS a service offers: meals only for the canteen, all four at the leisure centre. */
export function unitsOf(kind: ServiceKind): Unit[] {
  return kind === 'cantine' ? UNITS.filter(isMeal) : [...UNITS];
}
