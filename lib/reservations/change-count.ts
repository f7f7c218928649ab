// Étape 1's count of changes (« 2 modifications »), live in the browser: no import but types, so the planning grid
// carries nothing more to the phone.
import type { IsoDate, Unit } from '@/lib/planning/types';

/**
 * The changes of a planning against the planning as it is now, unit by unit, as Étape 2 counts them (a meal changed
 * for another is one removal and one addition). Dates with no entry on one side count as nothing booked.
 */
export function countChanges(
  desired: Readonly<Record<IsoDate, readonly Unit[]>>,
  current: Readonly<Record<IsoDate, readonly Unit[]>>,
): number {
  let changes = 0;
  for (const date of new Set([...Object.keys(desired), ...Object.keys(current)])) {
    const want = desired[date] ?? [];
    const have = current[date] ?? [];
    changes += want.filter((u) => !have.includes(u)).length + have.filter((u) => !want.includes(u)).length;
  }
  return changes;
}
