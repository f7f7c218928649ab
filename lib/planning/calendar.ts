// Which dates of a service are open, which are greyed and why, and the booking deadline.
// The school calendar is data; "today" is always a parameter (it comes from the app's clock module).
import { addDays, daysBetween, eachDay, isoWeekday, maxDate, minDate } from './dates';
import { DEFAULT_WEEKDAYS } from './types';
import type { IsoDate, OpenDatesOptions, PendingOpening, SchoolCalendar, ServiceKind } from './types';

/** Why a date cannot be booked or changed by a parent (the UI shows GREY_REASON_LABELS). */
export type GreyReason =
  'hors_annee' | 'vacances' | 'ferie' | 'fermeture' | 'hors_delai' | 'avant_ouverture' | 'non_ouvert' | 'complet';

/** French labels of the grey reasons, as shown in the legend and on greyed days. */
export const GREY_REASON_LABELS: Readonly<Record<GreyReason, string>> = {
  hors_delai: 'Hors délai',
  // the day's own words say when (greyLabel): « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h »
  avant_ouverture: 'Réservations pas encore ouvertes',
  vacances: 'Vacances scolaires',
  ferie: 'Jour férié',
  fermeture: 'Fermeture',
  hors_annee: 'Hors année scolaire',
  non_ouvert: 'Jour non ouvert',
  complet: 'Complet',
};

/** A calendar prepared for many look-ups (sets instead of arrays). */
interface CompiledCalendar {
  cal: SchoolCalendar;
  lastDay: IsoDate;
  publicHolidays: ReadonlySet<IsoDate>;
  closures: ReadonlySet<IsoDate>;
}

// A calendar is read-only data (the app keeps one per school year across requests): compiled once per object, not
// once per date asked about.
const compiled = new WeakMap<SchoolCalendar, CompiledCalendar>();

function compile(cal: SchoolCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (!c) {
    c = {
      cal,
      lastDay: schoolYearLastDay(cal),
      publicHolidays: new Set(cal.publicHolidays),
      closures: new Set(cal.closures),
    };
    compiled.set(cal, c);
  }
  return c;
}

/** Last day the calendar covers: the end of its last holiday period (the summer), at least the day before yearEnd. */
export function schoolYearLastDay(cal: SchoolCalendar): IsoDate {
  return cal.holidays.reduce((last, h) => maxDate(last, h.end), addDays(cal.yearEnd, -1));
}

/** Last day a service can be booked: the end of the summer holidays for `vacances`, the day before yearEnd otherwise. */
export function serviceLastDay(kind: ServiceKind, cal: SchoolCalendar): IsoDate {
  return kind === 'vacances' ? schoolYearLastDay(cal) : addDays(cal.yearEnd, -1);
}

/** The holiday period holding `date` (e.g. to show "Vacances de Noël"), or undefined. */
export function holidayOf(cal: SchoolCalendar, date: IsoDate): SchoolCalendar['holidays'][number] | undefined {
  return cal.holidays.find((h) => h.start <= date && date <= h.end);
}

/** Weekdays a service is open: the option when given, else the service's default. */
export function serviceWeekdays(kind: ServiceKind, opts?: OpenDatesOptions): readonly number[] {
  return opts?.weekdays ?? DEFAULT_WEEKDAYS[kind];
}

// Reasons that do not depend on today, in the order the parent should read them:
// outside the year first, then the weekday, jour férié, closure, holidays.
function structuralReason(
  kind: ServiceKind,
  c: CompiledCalendar,
  date: IsoDate,
  weekdays: readonly number[],
): GreyReason | null {
  if (date < c.cal.yearStart || date > c.lastDay) return 'hors_annee';
  if (!weekdays.includes(isoWeekday(date))) return 'non_ouvert';
  if (c.publicHolidays.has(date)) return 'ferie';
  if (c.closures.has(date)) return 'fermeture';
  const inHolidays = holidayOf(c.cal, date) !== undefined;
  if (kind === 'vacances') return inHolidays ? null : 'non_ouvert';
  if (inHolidays) return 'vacances';
  // School days stop at yearEnd even when the calendar lists no summer period.
  if (date >= c.cal.yearEnd) return 'hors_annee';
  return null;
}

/**
 * Open dates of a service within [from, to] (both included), sorted:
 * mercredi = Wednesdays of school periods; cantine = Mon, Tue, Thu, Fri of school periods;
 * vacances = Monday..Friday inside holiday periods; never a jour férié nor a closure.
 * `options.weekdays` overrides the service's open weekdays.
 */
export function openDates(
  kind: ServiceKind,
  cal: SchoolCalendar,
  from: IsoDate,
  to: IsoDate,
  options?: OpenDatesOptions,
): IsoDate[] {
  const c = compile(cal);
  const weekdays = serviceWeekdays(kind, options);
  const start = maxDate(from, cal.yearStart);
  const end = minDate(to, c.lastDay);
  return eachDay(start, end).filter((d) => structuralReason(kind, c, d, weekdays) === null);
}

/** True when `date` is an open date of the service (whatever the deadline). */
export function isOpenDate(kind: ServiceKind, cal: SchoolCalendar, date: IsoDate, options?: OpenDatesOptions): boolean {
  return structuralReason(kind, compile(cal), date, serviceWeekdays(kind, options)) === null;
}

/** Deadline rule: a parent may book, change or cancel `date` iff date - today >= deadlineDays calendar days. */
export function isModifiable(date: IsoDate, today: IsoDate, deadlineDays: number): boolean {
  return daysBetween(today, date) >= deadlineDays;
}

/** The last day a parent can change `date`: the deadline's boundary, as isModifiable draws it. */
export function lastChangeDay(date: IsoDate, deadlineDays: number): IsoDate {
  return addDays(date, -deadlineDays);
}

/** The dates whose last change day falls between `from` and `to` (inclusive): what closes in that span. */
export function datesClosingBetween(from: IsoDate, to: IsoDate, deadlineDays: number): { from: IsoDate; to: IsoDate } {
  return { from: addDays(from, deadlineDays), to: addDays(to, deadlineDays) };
}

/** The opening still to come that holds `date` (opts.notYetOpen), or undefined. */
export function pendingOpeningOf(date: IsoDate, opts?: OpenDatesOptions): PendingOpening | undefined {
  return opts?.notYetOpen?.find((o) => o.start <= date && date <= o.end);
}

/**
 * Null when a parent can book `date` today, else why it is greyed: the year, then the calendar, then the deadline, then
 * an opening hour still to come (a day past its deadline will not open: « Hors délai » is the truer word).
 */
export function greyReason(
  kind: ServiceKind,
  cal: SchoolCalendar,
  date: IsoDate,
  today: IsoDate,
  deadlineDays: number,
  opts?: OpenDatesOptions,
): GreyReason | null {
  const structural = structuralReason(kind, compile(cal), date, serviceWeekdays(kind, opts));
  if (structural) return structural;
  if (!isModifiable(date, today, deadlineDays)) return 'hors_delai';
  return pendingOpeningOf(date, opts) ? 'avant_ouverture' : null;
}

/** What a greyed day says: the reason's label, or for a period not open yet the sentence of its opening. */
export function greyLabel(reason: GreyReason, date: IsoDate, opts?: OpenDatesOptions): string {
  return (reason === 'avant_ouverture' && pendingOpeningOf(date, opts)?.sentence) || GREY_REASON_LABELS[reason];
}

/** greyLabel inside a sentence (« non modifiable : hors délai »): lower case, names (« Noël ») kept. */
export function greyWords(reason: GreyReason, date: IsoDate, opts?: OpenDatesOptions): string {
  const label = greyLabel(reason, date, opts);
  return reason === 'avant_ouverture' ? label.charAt(0).toLowerCase() + label.slice(1) : label.toLowerCase();
}

/** The `bookable` predicate of expandTemplate/applyTemplate: open, still modifiable on `today`, and its period open. */
export function bookablePredicate(
  kind: ServiceKind,
  cal: SchoolCalendar,
  today: IsoDate,
  deadlineDays: number,
  opts?: OpenDatesOptions,
): (date: IsoDate) => boolean {
  const c = compile(cal);
  const weekdays = serviceWeekdays(kind, opts);
  return (date) =>
    structuralReason(kind, c, date, weekdays) === null &&
    isModifiable(date, today, deadlineDays) &&
    pendingOpeningOf(date, opts) === undefined;
}

/**
 * Default period of a periodicity: from the first open, modifiable date (of a period already open) to the end of the school year
 * (end of the summer holidays for `vacances`, the day before yearEnd otherwise).
 * Null when no date of the year can still be booked.
 */
export function defaultTemplatePeriod(
  kind: ServiceKind,
  cal: SchoolCalendar,
  today: IsoDate,
  deadlineDays: number,
  opts?: OpenDatesOptions,
): { from: IsoDate; to: IsoDate } | null {
  const to = serviceLastDay(kind, cal);
  const first = openDates(kind, cal, addDays(today, deadlineDays), to, opts).find(
    (d) => pendingOpeningOf(d, opts) === undefined,
  );
  return first === undefined ? null : { from: first, to };
}
