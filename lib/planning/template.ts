// Periodicity ("appliquer une périodicité"): a 1- or 2-week template applied over a period,
// replacing the reservations of every bookable date of that period and nothing else.
import { daysBetween, eachDay, isoWeekday, mondayOf } from './dates';
import { sortReservations } from './reservations';
import type { IsoDate, Reservation, Template, Unit, WeekTemplate } from './types';

/**
 * Template week (1 or 2) of `date` for a period starting on `from`: week 1 is the calendar week
 * (Monday..Sunday) holding `from`, then 2, 1, 2 … by calendar weeks, holidays included.
 */
export function templateWeekOf(from: IsoDate, date: IsoDate): 1 | 2 {
  const weeks = daysBetween(mondayOf(from), mondayOf(date)) / 7;
  return ((weeks % 2) + 2) % 2 === 0 ? 1 : 2;
}

/** Units the template gives to `date` (whether or not the date is bookable or inside the period). */
export function templateUnitsOn(t: Template, date: IsoDate): Unit[] {
  const week: WeekTemplate | undefined = t.weeks.length === 2 ? t.weeks[templateWeekOf(t.from, date) - 1] : t.weeks[0];
  const weekday = isoWeekday(date);
  if (!week || weekday > 5) return [];
  return [...(week[weekday as 1 | 2 | 3 | 4 | 5] ?? [])];
}

/** Reservations the template makes on every date of [from, to] where bookable(date), sorted, unique. */
export function expandTemplate(t: Template, bookable: (d: IsoDate) => boolean): Reservation[] {
  const out: Reservation[] = [];
  for (const date of eachDay(t.from, t.to)) {
    if (!bookable(date)) continue;
    for (const unit of templateUnitsOn(t, date)) out.push({ date, unit });
  }
  return sortReservations(out);
}

/**
 * The planning after applying a template: `existing` minus its reservations on bookable dates of
 * [from, to], plus expandTemplate. Greyed dates and dates outside the period keep their reservations.
 */
export function applyTemplate(
  existing: readonly Reservation[],
  t: Template,
  bookable: (d: IsoDate) => boolean,
): Reservation[] {
  const replaced = (d: IsoDate) => t.from <= d && d <= t.to && bookable(d);
  const kept = existing.filter((r) => !replaced(r.date));
  return sortReservations([...kept, ...expandTemplate(t, bookable)]);
}
