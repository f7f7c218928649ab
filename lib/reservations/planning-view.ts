// The days shown by the "Semaine" and "Mois" views of a service: which dates, which are greyed and why; on a phone the
// greyed days before the first modifiable one fold into one line (foldLeadingGreyed).
import {
  addDays,
  FRENCH_WORDING,
  greyLabel,
  greyReason,
  pendingOpeningOf,
  isIsoDate,
  isoWeekday,
  mondayOf,
  openDates,
  unitsOf,
  weeksOf,
  type GreyReason,
  type IsoDate,
  type OpenDatesOptions,
  type ServiceKind,
  type Unit,
  type Wording,
} from '@/lib/planning';
import { planningOptions, type ServiceCalendar } from './calendar';

export type PlanningViewKind = 'semaine' | 'mois' | 'periode';

export interface PlanningDay {
  date: IsoDate;
  label: string;
  greyed: string | null; // French reason, or null when the parent may change it
  labels: Partial<Record<Unit, string>>; // accessible names of the checkboxes
  places?: Partial<Record<Unit, number>>; // places left where the site has a capacity
  /** greyed « Complet » only: its full units still offer « Liste d'attente » */
  complet?: boolean;
  /** the child already waits for this day: its place in line (« Liste d'attente : 2e ») */
  waitingPosition?: number;
}

export interface PlanningView {
  kind: PlanningViewKind;
  anchor: IsoDate;
  title: string;
  days: PlanningDay[];
  previous: IsoDate | null;
  next: IsoDate | null;
  units: Unit[];
}

/** First date a parent can still book, else the first open date, else the rentrée. */
export function defaultAnchor(service: ServiceKind, cal: ServiceCalendar, today: IsoDate): IsoDate {
  const { yearStart, lastDay } = cal.schoolYear;
  const from = addDays(today, cal.deadlineDays) > yearStart ? addDays(today, cal.deadlineDays) : yearStart;
  return (
    openDates(service, cal.cal, from, lastDay, { weekdays: cal.weekdays })[0] ??
    openDates(service, cal.cal, yearStart, lastDay, { weekdays: cal.weekdays })[0] ??
    yearStart
  );
}

export function buildPlanningView(
  service: ServiceKind,
  cal: ServiceCalendar,
  today: IsoDate,
  kind: PlanningViewKind,
  anchorParam: string | undefined,
  /** the instant of the request: a period whose opening hour is still to come greys with its sentence */
  now: Date,
  /** the words of the parent's language (dates, checkbox names, greyed reasons) */
  words: Wording = FRENCH_WORDING,
): PlanningView {
  const { yearStart, lastDay } = cal.schoolYear;
  let anchor = anchorParam && isIsoDate(anchorParam) ? anchorParam : defaultAnchor(service, cal, today);
  if (anchor < yearStart) anchor = yearStart;
  if (anchor > lastDay) anchor = lastDay;
  let from: IsoDate;
  let to: IsoDate;
  let previous: IsoDate | null;
  let next: IsoDate | null;
  let title: string;
  if (kind === 'periode') {
    // one holiday period (accueil de loisirs des vacances): the one holding the anchor, else the next one
    const periods = [...cal.cal.holidays].sort((a, b) => (a.start < b.start ? -1 : 1));
    const index = Math.max(
      0,
      periods.findIndex((h) => anchor <= h.end),
    );
    const period = periods[index] ?? periods[periods.length - 1]!;
    from = period.start;
    to = period.end;
    previous = index > 0 ? periods[index - 1]!.start : null;
    next = index < periods.length - 1 ? periods[index + 1]!.start : null;
    title = `${period.label} (${words.dateLong(period.start)} – ${words.dateLong(period.end)})`;
    if (words === FRENCH_WORDING)
      title = `${period.label} (du ${words.dateLong(period.start)} au ${words.dateLong(period.end)})`;
    return finish(service, cal, today, now, kind, period.start, title, from, to, previous, next, words);
  }
  if (kind === 'semaine') {
    from = mondayOf(anchor);
    to = addDays(from, 6);
    previous = addDays(from, -7);
    next = addDays(from, 7);
    title = words.weekOf(mondayOf((weeksOf(from, from)[0] ?? [from])[0]!));
  } else {
    from = `${anchor.slice(0, 7)}-01`;
    to = addDays(`${addDays(from, 32).slice(0, 7)}-01`, -1);
    previous = `${addDays(from, -1).slice(0, 7)}-01`;
    next = addDays(to, 1);
    title = words.monthYear(from);
    title = title.charAt(0).toUpperCase() + title.slice(1);
  }
  if (to < yearStart || (previous < mondayOf(yearStart) && kind === 'semaine')) previous = null;
  if (kind === 'mois' && previous !== null && addDays(from, -1) < yearStart) previous = null;
  if (next > lastDay) next = null;
  return finish(service, cal, today, now, kind, anchor, title, from, to, previous, next, words);
}

function finish(
  service: ServiceKind,
  cal: ServiceCalendar,
  today: IsoDate,
  now: Date,
  kind: PlanningViewKind,
  anchor: IsoDate,
  title: string,
  from: IsoDate,
  to: IsoDate,
  previous: IsoDate | null,
  next: IsoDate | null,
  words: Wording,
): PlanningView {
  const units = unitsOf(service);
  const options = planningOptions(cal, now);
  const days: PlanningDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!cal.weekdays.includes(isoWeekday(d))) continue;
    const reason = greyReason(service, cal.cal, d, today, cal.deadlineDays, options);
    // a school day is no day of the holiday centre: it is left out rather than greyed
    if (reason === 'non_ouvert') continue;
    days.push({
      date: d,
      label: words.dateLong(d),
      // a period whose bookings open later says when, in the page's language (« … ouvertes le mardi 4 mai à 8 h »)
      greyed: reason ? greyedLabel(words, reason, d, options) : null,
      labels: Object.fromEntries(units.map((u) => [u, words.checkbox(u, d)])),
    });
  }
  return { kind, anchor, title, days, previous, next, units };
}

/** The greyed days a view opens with, before its first modifiable day: how many, and why in words (distinct reasons). */
export interface GreyedFold {
  count: number;
  reasons: string[];
}

/**
 * The leading run of greyed days of a view (past the deadline, then maybe holidays): they fold into one line so that
 * the modifiable days come first. Greyed days after the first modifiable one stay in place. Null when none.
 */
export function foldLeadingGreyed(days: readonly Pick<PlanningDay, 'greyed'>[]): GreyedFold | null {
  const reasons: string[] = [];
  let count = 0;
  for (const day of days) {
    if (day.greyed === null) break;
    count += 1;
    // the first letter only: « réservations pour les vacances de Noël ouvertes le … » keeps its name
    const reason = day.greyed.charAt(0).toLowerCase() + day.greyed.slice(1);
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return count === 0 ? null : { count, reasons };
}

/** What a greyed day shows in the page's language: the seed's French words, or the reason's, or the opening's. */
function greyedLabel(words: Wording, reason: GreyReason, date: IsoDate, options: OpenDatesOptions): string {
  if (words === FRENCH_WORDING) return greyLabel(reason, date, options);
  const opening = reason === 'avant_ouverture' ? pendingOpeningOf(date, options) : undefined;
  return opening ? words.opening(opening) : words.greyed(reason);
}
