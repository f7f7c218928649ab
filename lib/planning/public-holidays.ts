// Jours fériés of metropolitan France, computed by date-holidays (never typed by hand),
// and the school calendar built from what staff store (dates and holiday periods).
import Holidays from 'date-holidays';
import { schoolYearLastDay } from './calendar';
import type { IsoDate, SchoolCalendar } from './types';

let france: Holidays | undefined;

/** Public holidays (type 'public' only) of France from fromYear to toYear included, sorted. */
export function publicHolidaysFrance(fromYear: number, toYear: number): IsoDate[] {
  france ??= new Holidays('FR');
  const dates = new Set<IsoDate>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of france.getHolidays(year)) {
      // h.date is local to France, e.g. '2027-05-06 00:00:00': its first 10 characters are the date.
      if (h.type === 'public') dates.add(h.date.slice(0, 10));
    }
  }
  return [...dates].sort();
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
