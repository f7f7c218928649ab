// The query parameters of the back office's reports (dashboard, attendance lists, meal orders), parsed by zod.
// A bad value is the user's mistake: the page reads an error key and shows its French message, never a crash.
import { z } from 'zod';
import { idField } from '@/lib/ids';
import { addDays, daysBetween, isIsoDate, mondayOf, type IsoDate } from '@/lib/planning';

/** The longest range of a meal order report, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;
/** Weeks of occupancy on the dashboard. */
export const OCCUPANCY_WEEKS = 8;

export type ReportParamError =
  | 'invalidDate'
  | 'invalidSite'
  | 'rangeReversed'
  | 'rangeTooLong'
  | 'invalidMonth'
  | 'monthsReversed'
  | 'monthsTooLong';
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ReportParamError };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** One value of a query parameter ("" and absent are the same: not given). */
function param(params: SearchParams, name: string): string | undefined {
  const raw = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

const REPORT_PARAM_ERRORS: readonly string[] = [
  'invalidDate',
  'invalidSite',
  'rangeReversed',
  'rangeTooLong',
  'invalidMonth',
  'monthsReversed',
  'monthsTooLong',
];

const isoDate = z.string().refine(isIsoDate, { message: 'invalidDate' });
const siteId = idField('invalidSite');

function firstError(error: z.ZodError): ReportParamError {
  const message = error.issues[0]?.message;
  return REPORT_PARAM_ERRORS.includes(message as ReportParamError) ? (message as ReportParamError) : 'invalidDate';
}

const siteFilterSchema = z.object({ site: siteId.optional() });

/** Dashboard: an optional site. */
export function parseSiteFilter(params: SearchParams): Parsed<{ siteId: number | null }> {
  const parsed = siteFilterSchema.safeParse({ site: param(params, 'site') });
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: { siteId: parsed.data.site ?? null } };
}

/**
 * Dashboard: the site whose table of figures is shown (`tableau`), if any. The tables are asked for one at a time:
 * all of them made the dashboard 436 KB of HTML. A bad value shows no table rather than an error.
 */
export function parseTableSite(params: SearchParams): number | null {
  const parsed = siteId.safeParse(param(params, 'tableau'));
  return parsed.success ? parsed.data : null;
}

const attendanceSchema = z.object({ site: siteId.optional(), date: isoDate });

/** Attendance lists: a date (default today) and an optional site (default every site). */
export function parseAttendanceParams(
  params: SearchParams,
  today: IsoDate,
): Parsed<{ siteId: number | null; date: IsoDate }> {
  const parsed = attendanceSchema.safeParse({ site: param(params, 'site'), date: param(params, 'date') ?? today });
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: { siteId: parsed.data.site ?? null, date: parsed.data.date } };
}

/** Next week, Monday to Sunday, after `today`. */
export function nextWeek(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = addDays(mondayOf(today), 7);
  return { from, to: addDays(from, 6) };
}

const rangeSchema = z
  .object({ from: isoDate, to: isoDate, site: siteId.optional() })
  .refine((r) => !bothDates(r) || r.from <= r.to, { message: 'rangeReversed' })
  .refine((r) => !bothDates(r) || r.from > r.to || daysBetween(r.from, r.to) + 1 <= MAX_RANGE_DAYS, {
    message: 'rangeTooLong',
  });

function bothDates(r: { from: unknown; to: unknown }): boolean {
  return isIsoDate(r.from) && isIsoDate(r.to);
}

/** Meal orders: from..to (default next week, at most 366 days) and an optional site. */
export function parseMealOrderParams(
  params: SearchParams,
  today: IsoDate,
): Parsed<{ from: IsoDate; to: IsoDate; siteId: number | null }> {
  const fallback = nextWeek(today);
  const parsed = rangeSchema.safeParse({
    from: param(params, 'from') ?? fallback.from,
    to: param(params, 'to') ?? fallback.to,
    site: param(params, 'site'),
  });
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: { from: parsed.data.from, to: parsed.data.to, siteId: parsed.data.site ?? null } };
}

/**
 * A site chosen in a report's filter must be one of the town's: an id that names no site is the user's mistake
 * (« Le site choisi n'existe pas »), not an empty report.
 */
export function knownSite<T extends { siteId: number | null }>(
  parsed: Parsed<T>,
  sites: readonly { id: number }[],
): Parsed<T> {
  if (!parsed.ok || parsed.value.siteId === null) return parsed;
  return sites.some((s) => s.id === parsed.value.siteId) ? parsed : { ok: false, error: 'invalidSite' };
}

/** « Bilans de présence »: the 4 weeks before today, the portal's clock (today excluded: its marks are still coming). */
export function lastFourWeeks(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -28), to: addDays(today, -1) };
}

/** « Bilans de présence »: from..to (default the 4 weeks before today, at most 366 days) and an optional site. */
export function parsePresenceReportParams(
  params: SearchParams,
  today: IsoDate,
): Parsed<{ from: IsoDate; to: IsoDate; siteId: number | null }> {
  const fallback = lastFourWeeks(today);
  const parsed = rangeSchema.safeParse({
    from: param(params, 'from') ?? fallback.from,
    to: param(params, 'to') ?? fallback.to,
    site: param(params, 'site'),
  });
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: { from: parsed.data.from, to: parsed.data.to, siteId: parsed.data.site ?? null } };
}

/** The longest period of the CAF report, in months (both ends included). */
export const MAX_CAF_MONTHS = 24;

const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalidMonth' })
  .refine((m) => m >= '2000-01' && m <= '2100-12', { message: 'invalidMonth' });
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const cafSchema = z
  .object({ from: isoMonth, to: isoMonth, site: siteId.optional() })
  .refine((r) => !isoMonth.safeParse(r.from).success || !isoMonth.safeParse(r.to).success || r.from <= r.to, {
    message: 'monthsReversed',
  })
  .refine(
    (r) =>
      !isoMonth.safeParse(r.from).success ||
      !isoMonth.safeParse(r.to).success ||
      monthIndex(r.to) - monthIndex(r.from) + 1 <= MAX_CAF_MONTHS,
    { message: 'monthsTooLong' },
  );

/** « Rapport CAF »: months from..to ('YYYY-MM', default the school year's) and an optional site (default every site). */
export function parseCafParams(
  params: SearchParams,
  fallback: { from: string; to: string },
): Parsed<{ from: string; to: string; siteId: number | null }> {
  const parsed = cafSchema.safeParse({
    from: param(params, 'from') ?? fallback.from,
    to: param(params, 'to') ?? fallback.to,
    site: param(params, 'site'),
  });
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: { from: parsed.data.from, to: parsed.data.to, siteId: parsed.data.site ?? null } };
}

/** The bound a refusal names (« {max} jours », « {max} mois »). */
export function reportErrorMax(error: ReportParamError): number {
  return error === 'monthsTooLong' ? MAX_CAF_MONTHS : MAX_RANGE_DAYS;
}
