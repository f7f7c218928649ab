// Calendar-date arithmetic on 'YYYY-MM-DD' strings through whole day numbers (days since 1970-01-01),
// so no local time zone or daylight saving change can ever shift a date. Never reads the clock.
import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A page or a démarche converts the same few hundred dates thousands of times (every day of the year, for every
// service and child): both directions are remembered, valid dates only. Bounded, so that no input can grow them
// without end (a town's dates are a few thousand).
const CACHE_LIMIT = 20_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();
function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Days since 1970-01-01 of a real 'YYYY-MM-DD' date, else undefined. */
function dayNumberOf(value: string): number | undefined {
  const known = dayNumbers.get(value);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1000) return undefined;
  const day = Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  return fromDayNumber(day) === value ? remember(dayNumbers, value, day) : undefined;
}

/** True when the string is a real calendar date written 'YYYY-MM-DD' (e.g. not '2027-02-30'). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumberOf(value) !== undefined;
}

/** Days since 1970-01-01 of a calendar date; throws a RangeError on anything but a real 'YYYY-MM-DD'. */
export function toDayNumber(date: IsoDate): number {
  const day = typeof date === 'string' ? dayNumberOf(date) : undefined;
  if (day === undefined) throw new RangeError(`Invalid calendar date (expected YYYY-MM-DD): ${String(date)}`);
  return day;
}

/** The calendar date of a day number (inverse of toDayNumber). */
export function fromDayNumber(day: number): IsoDate {
  return isoDates.get(day) ?? remember(isoDates, day, formatDayNumber(day));
}

function formatDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the calendar week (Monday..Sunday) holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Every date from `from` to `to`, both included; empty when `from` is after `to`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const out: IsoDate[] = [];
  for (let day = start; day <= end; day++) out.push(fromDayNumber(day));
  return out;
}

/** The earlier of two dates (ISO strings sort like dates). */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
