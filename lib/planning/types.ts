// The vocabulary of the planning rules: services, units of a day, reservations, calendars, templates.
// Plain data only, so the same shapes travel from the database to the pages and back.

/** A calendar date in Europe/Paris, written 'YYYY-MM-DD' (never a time, never UTC midnight). */
export type IsoDate = string;

/** The three services: school canteen, Wednesday leisure centre, holiday leisure centre. */
export type ServiceKind = 'cantine' | 'mercredi' | 'vacances';

/** What can be booked on a day: a half-day at the leisure centre or a meal. */
export type Unit = 'matin' | 'apres_midi' | 'repas_classique' | 'repas_sans_viande';

/** One booked unit on one date for one child and one service. */
export interface Reservation {
  date: IsoDate;
  unit: Unit;
}

/** A school year: rentrée, first day of the summer holidays, holiday periods, jours fériés and closures. */
export interface SchoolCalendar {
  /** Rentrée: first school day. */
  yearStart: IsoDate;
  /** First day of the summer holidays (exclusive end of the school days). */
  yearEnd: IsoDate;
  /** Days without school, inclusive, summer included (the summer period may run past yearEnd). */
  holidays: { start: IsoDate; end: IsoDate; label: string }[];
  /** Jours fériés (computed, see publicHolidaysFrance). */
  publicHolidays: IsoDate[];
  /** Days a site is closed, set by staff. */
  closures: IsoDate[];
}

/** ISO weekday (1 = Monday … 5 = Friday) -> units booked that day in a template week. */
export type WeekTemplate = Partial<Record<1 | 2 | 3 | 4 | 5, Unit[]>>;

/** A periodicity ("appliquer une périodicité"): one or two template weeks applied over from..to. */
export interface Template {
  weeks: [WeekTemplate] | [WeekTemplate, WeekTemplate];
  from: IsoDate;
  to: IsoDate;
}

/** Options of openDates and friends. */
export interface OpenDatesOptions {
  /** ISO weekdays (1 = Monday … 7 = Sunday) the service is open, overriding DEFAULT_WEEKDAYS[kind]. */
  weekdays?: number[];
  /**
   * Periods whose bookings open later (an opening hour still to come, as the caller's clock sees it): their open days
   * stay open days (openDates ignores this) but grey 'avant_ouverture' until then.
   */
  notYetOpen?: readonly PendingOpening[];
}

/** A period (a holiday period, or a school year's school days) whose bookings open at an hour still to come. */
export interface PendingOpening {
  start: IsoDate;
  end: IsoDate;
  /** « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h » (openingSentence) */
  sentence: string;
  /** what the sentence is made of, for another language's words (Wording.opening) */
  period?: { holiday: string } | { schoolYear: string };
  /** the opening's day and hour in Paris */
  opens?: { date: IsoDate; hour: number; minute: number };
}

/** Every unit, in display and sort order. */
export const UNITS: readonly Unit[] = ['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'];

/** The half-day units (journée complète = matin + après-midi). */
export const HALF_DAY_UNITS: readonly Unit[] = ['matin', 'apres_midi'];

/** The meal units (at most one a day). */
export const MEAL_UNITS: readonly Unit[] = ['repas_classique', 'repas_sans_viande'];

/** Every service, in display order. */
export const SERVICE_KINDS: readonly ServiceKind[] = ['cantine', 'mercredi', 'vacances'];

/** Weekdays each service is open by default (ISO: 1 = Monday). */
export const DEFAULT_WEEKDAYS: Readonly<Record<ServiceKind, readonly number[]>> = {
  cantine: [1, 2, 4, 5],
  mercredi: [3],
  vacances: [1, 2, 3, 4, 5],
};

/** Booking deadline in days when staff have not set another one ("jusqu'à 15 jours avant"). */
export const DEFAULT_DEADLINE_DAYS = 15;

/** True when the value is one of the four units (for data coming from forms or the database). */
export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

/** True when the unit is a meal. */
export function isMeal(unit: Unit): boolean {
  return unit === 'repas_classique' || unit === 'repas_sans_viande';
}

/** True when the unit is a half-day. */
export function isHalfDay(unit: Unit): boolean {
  return unit === 'matin' || unit === 'apres_midi';
}
