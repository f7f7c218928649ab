// Dashboard: children expected per site, day and unit over a range, against the capacity staff set.
// One query (GROUP BY site, date, service, unit, lib/reservations/capacity.ts), whatever the number of days and sites.
import type { OccupancyCell } from '@/lib/reservations/capacity';
import { addDays, type IsoDate, type Unit } from '@/lib/planning';
import { OCCUPANCY_WEEKS } from '@/lib/reports/params';

export const UNITS: readonly Unit[] = ['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'];

// the counting itself is the capacity module's (the same SQL as places left and the check of « Valider »)
export { occupancy, type OccupancyCell } from '@/lib/reservations/capacity';

/** The dashboard's window: today and the 8 weeks after it (today .. today + 55 days). */
export function occupancyWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: today, to: addDays(today, OCCUPANCY_WEEKS * 7 - 1) };
}

export interface DayTotals {
  matin: number;
  apresMidi: number;
  /** classic and meatless meals */
  repas: number;
}

/** Children expected at each site on one date: site id -> totals (sites with nothing booked are absent). */
export function totalsOn(cells: readonly OccupancyCell[], date: IsoDate): Map<number, DayTotals> {
  const out = new Map<number, DayTotals>();
  for (const c of cells) {
    if (c.date !== date) continue;
    const t = out.get(c.siteId) ?? { matin: 0, apresMidi: 0, repas: 0 };
    if (c.unit === 'matin') t.matin += c.booked;
    else if (c.unit === 'apres_midi') t.apresMidi += c.booked;
    else t.repas += c.booked;
    out.set(c.siteId, t);
  }
  return out;
}

export interface SiteDay {
  date: IsoDate;
  /** per unit: children expected and capacity (null: no limit); absent: nothing booked that day */
  units: Partial<Record<Unit, { booked: number; capacity: number | null }>>;
}

/** The cells of one site grouped by date, in date order (only dates with something booked). */
export function siteDays(cells: readonly OccupancyCell[], siteId: number): SiteDay[] {
  const byDate = new Map<IsoDate, SiteDay>();
  for (const c of cells) {
    if (c.siteId !== siteId) continue;
    const day = byDate.get(c.date) ?? { date: c.date, units: {} };
    const prev = day.units[c.unit];
    // a centre runs one service a day (mercredi or vacances); summed all the same if two ever met
    day.units[c.unit] = prev
      ? {
          booked: prev.booked + c.booked,
          capacity: prev.capacity === null || c.capacity === null ? null : prev.capacity + c.capacity,
        }
      : { booked: c.booked, capacity: c.capacity };
    byDate.set(c.date, day);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
