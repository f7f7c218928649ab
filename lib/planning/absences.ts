// « Signaler une absence »: which days a parent may declare absent, whatever the service's deadline (J-15 included).
// From 2 working days back (Monday to Friday, public holidays of France excepted: a Monday's declaration reaches the
// Thursday before) to 30 days ahead.
import { addDays, isoWeekday } from './dates';
import { isPublicHolidayFrance } from './public-holidays';
import type { IsoDate } from './types';

/** How far back a parent may declare an absence: working days before today. */
export const ABSENCE_WORKING_DAYS_BACK = 2;
/** How far ahead: calendar days after today. */
export const ABSENCE_DAYS_AHEAD = 30;

/** A weekday (Monday to Friday) that is not a public holiday of France. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHolidayFrance(date);
}

/** The `count`-th working day before `today` (today itself never counts). */
export function workingDaysBefore(today: IsoDate, count: number): IsoDate {
  let date = today;
  for (let found = 0; found < count;) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) found++;
  }
  return date;
}

/** The first and last day a parent may declare absent on `today` (both included). */
export function absenceWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: workingDaysBefore(today, ABSENCE_WORKING_DAYS_BACK), to: addDays(today, ABSENCE_DAYS_AHEAD) };
}

/**
 * Whether an absence of `date` declared on `today` gives its place back: a day not yet past (after today). Today's
 * and past days' meals were ordered and their children expected: they stay counted, marked « Absence signalée ».
 */
export function releasesPlace(date: IsoDate, today: IsoDate): boolean {
  return date > today;
}
