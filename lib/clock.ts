// The only source of "now" and "today". APP_NOW (ISO date-time) fixes it for demos and tests.
// Business dates are calendar dates in Europe/Paris, never UTC dates.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Europe/Paris';

function fixedNow(): Date | null {
  const raw = process.env.APP_NOW;
  if (!raw) return null;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new Error(`Configuration invalide : APP_NOW n'est pas une date ISO (${raw}).`);
  return d;
}

/** The business "now": fixed by APP_NOW when set. */
export function now(): Date {
  return fixedNow() ?? new Date();
}

/** Today's calendar date in Paris, 'YYYY-MM-DD'. */
export function today(at: Date = now()): string {
  return parisDate(at);
}

/**
 * One formatter for every Paris date and time of the process: dayjs' `tz()` builds a new one for each call (through
 * `toLocaleString`), and every request asks for today several times.
 */
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parisParts(at: Date): { date: string; hour: number; minute: number } {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of PARIS.formatToParts(at)) part[type] = value;
  return { date: `${part.year}-${part.month}-${part.day}`, hour: Number(part.hour), minute: Number(part.minute) };
}

/** The Paris calendar date of an instant: 23:30 UTC on 2 January is already 3 January in Paris. */
export function parisDate(at: Date): string {
  return parisParts(at).date;
}

/** An instant's Paris date and time of day: 06:00 UTC on 4 May 2027 is 8 h in Paris (summer time). */
export function parisDateTime(at: Date): { date: string; hour: number; minute: number } {
  return parisParts(at);
}

/**
 * The instant of a Paris date and time 'HH:MM' (what staff type); null when that time does not exist that day (the
 * hour skipped when summer time starts).
 */
export function parisInstant(date: string, time: string): Date | null {
  const typed = `${date} ${time}`;
  const at = dayjs.tz(typed, 'YYYY-MM-DD HH:mm', TIME_ZONE);
  if (!at.isValid() || at.tz(TIME_ZONE).format('YYYY-MM-DD HH:mm') !== typed) return null;
  return at.toDate();
}

/**
 * Real elapsed time, for security windows only (sign-in limits, link expiry): a demo clock fixed by
 * APP_NOW must not freeze a lockout forever.
 */
export function wallNow(): Date {
  return new Date();
}

/** Logged once at start when the clock is fixed, so nobody mistakes a demo clock for the real one. */
export function warnIfFixed(log: (msg: string) => void = console.warn): void {
  const fixed = fixedNow();
  if (fixed)
    log(
      `[clock] APP_NOW is set: the portal's clock is fixed at ${fixed.toISOString()} (today = ${parisDate(fixed)} in Paris).`,
    );
}
