// The grids of the planning's "Semaine" and "Mois" views.
import { addDays, eachDay, isoWeekday, mondayOf } from './dates';
import { formatDateLong, formatMonthYear } from './format';
import type { IsoDate } from './types';

/**
 * Calendar weeks covering [from, to]: each week is its 7 dates Monday..Sunday (the UI hides the
 * weekend when a service is closed then). The first week holds `from`, the last holds `to`.
 */
export function weeksOf(from: IsoDate, to: IsoDate): IsoDate[][] {
  if (from > to) return [];
  const weeks: IsoDate[][] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    weeks.push(eachDay(monday, addDays(monday, 6)));
  }
  return weeks;
}

/** Title of a week view: 'Semaine du lundi 11 janvier 2027'. */
export function weekLabel(week: readonly IsoDate[]): string {
  const first = week[0];
  return first === undefined ? '' : `Semaine du ${formatDateLong(mondayOf(first))}`;
}

/** One month of the "Mois" view. */
export interface MonthView {
  /** 'YYYY-MM' */
  key: string;
  /** 'janvier 2027' */
  label: string;
  /** Every date of the month. */
  days: IsoDate[];
  /** Rows Monday..Sunday; null for the cells of the neighbouring months. */
  weeks: (IsoDate | null)[][];
}

/** Whole months covering [from, to], in order (days outside [from, to] are still listed: grey them). */
export function monthsOf(from: IsoDate, to: IsoDate): MonthView[] {
  const months: MonthView[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to;) {
    const key = first.slice(0, 7);
    const nextFirst = addDays(first, 32).slice(0, 7) + '-01';
    const days = eachDay(first, addDays(nextFirst, -1));
    const cells: (IsoDate | null)[] = [...Array<null>(isoWeekday(first) - 1).fill(null), ...days];
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (IsoDate | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ key, label: formatMonthYear(key), days, weeks });
    first = nextFirst;
  }
  return months;
}
