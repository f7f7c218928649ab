// French labels and dates for the pages, independent of dayjs's global locale.
import { isoWeekday } from './dates';
import { DAY_ERRORS } from './reservations';
import type { IsoDate, PendingOpening, ServiceKind, Unit } from './types';

/** French weekday names, index 1 = lundi … 7 = dimanche (index 0 unused). */
export const WEEKDAY_NAMES_FR: readonly string[] = [
  '',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
];

/** French month names, index 1 = janvier … 12 = décembre (index 0 unused). */
export const MONTH_NAMES_FR: readonly string[] = [
  '',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** Labels of the units, as on the checkboxes and in the legend. */
export const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  matin: 'Matin',
  apres_midi: 'Après-midi',
  repas_classique: 'Repas classique',
  repas_sans_viande: 'Repas sans viande',
};

/** Short labels of the seed's planning columns ("Rclassique", "Rsviande"). */
export const UNIT_SHORT_LABELS: Readonly<Record<Unit, string>> = {
  matin: 'Matin',
  apres_midi: 'Après-midi',
  repas_classique: 'Rclassique',
  repas_sans_viande: 'Rsviande',
};

/** Names of the services, as in the seed. */
export const SERVICE_LABELS: Readonly<Record<ServiceKind, string>> = {
  cantine: 'Restauration scolaire',
  mercredi: 'Accueil de loisirs du mercredi',
  vacances: 'Accueil de loisirs des vacances',
};

/** 'mercredi 13 janvier 2027' (lowercase weekday, day without leading zero, no "1er"). */
export function formatDateLong(date: IsoDate): string {
  const month = MONTH_NAMES_FR[Number(date.slice(5, 7))];
  return `${WEEKDAY_NAMES_FR[isoWeekday(date)]} ${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

/** '13 janvier 2027' (no weekday), e.g. for "du 4 janvier au 2 juillet 2027". */
export function formatDateMedium(date: IsoDate): string {
  return formatDateLong(date).split(' ').slice(1).join(' ');
}

/** 'janvier 2027' for a month key 'YYYY-MM' or any date of that month. */
export function formatMonthYear(monthOrDate: string): string {
  return `${MONTH_NAMES_FR[Number(monthOrDate.slice(5, 7))]} ${monthOrDate.slice(0, 4)}`;
}

/** Accessible name of a planning checkbox: 'Matin – mercredi 13 janvier 2027' (en dash). */
export function checkboxLabel(unit: Unit, date: IsoDate): string {
  return `${UNIT_LABELS[unit]} \u2013 ${formatDateLong(date)}`;
}

/** 'mardi 4 mai' (no year: an opening hour is weeks ahead, never a year away). */
export function formatDayMonth(date: IsoDate): string {
  return formatDateLong(date).split(' ').slice(0, 3).join(' ');
}

/** '8 h', '8 h 30', '14 h 05' */
export function formatHour(hour: number, minute: number): string {
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, '0')}`;
}

/**
 * « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h », or for a school year « Réservations pour
 * l'année scolaire 2027-2028 ouvertes le … ». The opening is given in Paris time (the caller converts the instant).
 */
export function openingSentence(
  period: { holiday: string } | { schoolYear: string },
  opens: { date: IsoDate; hour: number; minute: number },
): string {
  let what: string;
  if ('schoolYear' in period) what = `l'année scolaire ${period.schoolYear}`;
  // « Vacances de Noël » → « les vacances de Noël » (only the first letter lowered: a proper name keeps its capital);
  // a period named otherwise (« Pont de l'Ascension ») is quoted rather than given a wrong article
  else if (/^vacances\b/i.test(period.holiday))
    what = `les ${period.holiday.charAt(0).toLowerCase()}${period.holiday.slice(1)}`;
  else what = `la période « ${period.holiday} »`;
  return `Réservations pour ${what} ouvertes le ${formatDayMonth(opens.date)} à ${formatHour(opens.hour, opens.minute)}`;
}

/**
 * The words of the planning in one language: dates, units, services, greyed reasons. French is the hand-written
 * functions above (the seed's exact words, « mercredi 13 janvier 2027 »); another language formats dates with Intl in
 * Paris time and takes its labels from its messages (i18n/wording.ts builds it for a request).
 */
export interface Wording {
  dateLong(date: IsoDate): string;
  dateMedium(date: IsoDate): string;
  monthYear(monthOrDate: string): string;
  unit(unit: Unit): string;
  service(kind: ServiceKind): string;
  /** 1 = Monday … 7 = Sunday */
  weekday(isoWeekday: number): string;
  /** the accessible name of a planning checkbox: 'Matin – mercredi 13 janvier 2027' */
  checkbox(unit: Unit, date: IsoDate): string;
  /** 'mardi 5 janvier' (no year) */
  dayMonth(date: IsoDate): string;
  /**
   * a greyed day's reason inside a sentence, lower case (« hors délai »), given lib's French words for French; a
   * period whose bookings open later says when (its `opening`)
   */
  greyedWords(reason: string, french: string, opening?: PendingOpening): string;
  /** « Réservations pour les vacances d'été ouvertes le mardi 4 mai à 8 h » (French: the opening's own sentence) */
  opening(opening: PendingOpening): string;
  /** a day rule's refusal (validateDay's French message) in this language */
  dayRule(french: string): string;
  /** 'Semaine du lundi 11 janvier 2027' */
  weekOf(monday: IsoDate): string;
  /** a greyed day's reason, capitalised ('Hors délai'); the opening's sentence is the caller's */
  greyed(reason: string): string;
}

const FRENCH_GREYED: Readonly<Record<string, string>> = {
  hors_delai: 'Hors délai',
  avant_ouverture: 'Réservations pas encore ouvertes',
  vacances: 'Vacances scolaires',
  ferie: 'Jour férié',
  fermeture: 'Fermeture',
  hors_annee: 'Hors année scolaire',
  non_ouvert: 'Jour non ouvert',
  complet: 'Complet',
};

export const FRENCH_WORDING: Wording = {
  dateLong: formatDateLong,
  dateMedium: formatDateMedium,
  monthYear: formatMonthYear,
  unit: (u) => UNIT_LABELS[u],
  service: (s) => SERVICE_LABELS[s],
  weekday: (n) => WEEKDAY_NAMES_FR[n] ?? '',
  checkbox: checkboxLabel,
  weekOf: (monday) => `Semaine du ${formatDateLong(monday)}`,
  greyed: (reason) => FRENCH_GREYED[reason] ?? reason,
  dayMonth: formatDayMonth,
  greyedWords: (_reason, french) => french,
  opening: (o) => o.sentence,
  dayRule: (french) => french,
};

export type DayRule = keyof typeof DAY_ERRORS;

/** What an opening's sentence is made of, for a language's message (WordingLabels.opening). */
export interface OpeningWords {
  kind: 'year' | 'holiday';
  /** the school year's label (« 2027-2028 ») or the period's name as the town wrote it (« Vacances d'été ») */
  name: string;
  /** 'Tuesday 4 May' */
  date: string;
  /** '08:00' */
  time: string;
}

/** The labels of another language, from its messages. */
export interface WordingLabels {
  units: Readonly<Record<Unit, string>>;
  services: Readonly<Record<ServiceKind, string>>;
  greyed: Readonly<Record<string, string>>;
  weekOf: (date: string) => string;
  opening: (words: OpeningWords) => string;
  dayRules: Readonly<Record<DayRule, string>>;
}

/** Noon UTC of a calendar date is that same date in Paris: formatting it there never shifts the day. */
const instantOf = (date: string) => new Date(`${date.slice(0, 10)}T12:00:00Z`);

/** The wording of a language other than French: `intlLocale` is its BCP 47 tag ('en-GB', 'ar-u-nu-latn'). */
export function intlWording(intlLocale: string, labels: WordingLabels): Wording {
  const zone = { timeZone: 'Europe/Paris' } as const;
  const long = new Intl.DateTimeFormat(intlLocale, {
    ...zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const medium = new Intl.DateTimeFormat(intlLocale, { ...zone, day: 'numeric', month: 'long', year: 'numeric' });
  const month = new Intl.DateTimeFormat(intlLocale, { ...zone, month: 'long', year: 'numeric' });
  const weekday = new Intl.DateTimeFormat(intlLocale, { ...zone, weekday: 'long' });
  const dayMonth = new Intl.DateTimeFormat(intlLocale, { ...zone, weekday: 'long', day: 'numeric', month: 'long' });
  const dateLong = (d: IsoDate) => long.format(instantOf(d));
  const opening = (o: PendingOpening): string => {
    if (!o.period || !o.opens) return labels.greyed.avant_ouverture ?? o.sentence;
    const pad = (n: number) => String(n).padStart(2, '0');
    return labels.opening({
      kind: 'schoolYear' in o.period ? 'year' : 'holiday',
      name: 'schoolYear' in o.period ? o.period.schoolYear : o.period.holiday,
      date: dayMonth.format(instantOf(o.opens.date)),
      time: `${pad(o.opens.hour)}:${pad(o.opens.minute)}`,
    });
  };
  const rules = new Map(Object.entries(DAY_ERRORS).map(([rule, french]) => [french as string, rule as DayRule]));
  return {
    dateLong,
    dateMedium: (d) => medium.format(instantOf(d)),
    monthYear: (m) => month.format(instantOf(m.length === 7 ? `${m}-01` : m)),
    unit: (u) => labels.units[u],
    service: (s) => labels.services[s],
    // 2027-03-01 was a Monday: its week gives the names
    weekday: (n) => weekday.format(instantOf(`2027-03-0${n}`)),
    checkbox: (u, d) => `${labels.units[u]} \u2013 ${dateLong(d)}`,
    weekOf: (monday) => labels.weekOf(dateLong(monday)),
    greyed: (reason) => labels.greyed[reason] ?? reason,
    dayMonth: (d) => dayMonth.format(instantOf(d)),
    greyedWords: (reason, _french, pending) =>
      reason === 'avant_ouverture' && pending
        ? lowerFirst(opening(pending), intlLocale)
        : (labels.greyed[reason] ?? reason).toLocaleLowerCase(intlLocale),
    opening,
    dayRule: (french) => {
      const rule = rules.get(french);
      return rule ? labels.dayRules[rule] : french;
    },
  };
}

function lowerFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}
