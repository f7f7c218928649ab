// Jours fériés of metropolitan France, computed by date-holidays (never typed by hand),
// and the school calendar built from what staff store (dates and holiday periods).
import Holidays from 'date-holidays';
import { schoolYearLastDay } from './calendar';
import type { IsoDate, SchoolCalendar } from './types';

let france: Holidays | undefined;
/** Each year's public holidays, computed once per process: date-holidays (moment-timezone underneath) costs about a
 * millisecond a year, and « Mon espace » asked for the absence window once per day it lists. */
const byYear = new Map<number, readonly IsoDate[]>();

function publicHolidaysOf(year: number): readonly IsoDate[] {
  let dates = byYear.get(year);
  if (!dates) {
    france ??= new Holidays('FR');
    // h.date is local to France, e.g. '2027-05-06 00:00:00': its first 10 characters are the date.
    dates = [
      ...new Set(france.getHolidays(year).flatMap((h) => (h.type === 'public' ? [h.date.slice(0, 10)] : []))),
    ].sort();
    byYear.set(year, dates);
  }
  return dates;
}

/** Public holidays (type 'public' only) of France from fromYear to toYear included, sorted. */
export function publicHolidaysFrance(fromYear: number, toYear: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let year = fromYear; year <= toYear; year++) dates.push(...publicHolidaysOf(year));
  return dates;
}

/** Whether `date` is a public holiday of France. */
export function isPublicHolidayFrance(date: IsoDate): boolean {
  return publicHolidaysOf(Number(date.slice(0, 4))).includes(date);
}

/** What the database stores of a school year. */
export interface StoredSchoolYear {
  yearStart: IsoDate;
  yearEnd: IsoDate;
  holidays: { start: IsoDate; end: IsoDate; label: string }[];
  closures?: IsoDate[];
}

/** A SchoolCalendar from stored data, with the jours fériés of every year from the rentrée to the end of the summer. */
export function buildSchoolCalendar(stored: StoredSchoolYear): SchoolCalendar {
  const holidays = [...stored.holidays]
    .map(({ start, end, label }) => ({ start, end, label }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const base: SchoolCalendar = {
    yearStart: stored.yearStart,
    yearEnd: stored.yearEnd,
    holidays,
    publicHolidays: [],
    closures: [...new Set(stored.closures ?? [])].sort(),
  };
  const fromYear = Number(stored.yearStart.slice(0, 4));
  const toYear = Number(schoolYearLastDay(base).slice(0, 4));
  return { ...base, publicHolidays: publicHolidaysFrance(fromYear, toYear) };
}
