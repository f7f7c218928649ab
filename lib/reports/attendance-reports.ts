// « Bilans de présence »: what the animateurs' marks (« Pointage ») say over a period, against the reservations.
// Three reports, one query each, every figure of the page and of its CSV computed here (the CSV cannot drift):
// - expected vs present per day and slot (attendanceVsExpected), with the rate over the slots actually marked;
// - the absences per family: justified, non justified, present without a reservation (absencesByFamily);
// - the CAF's child-hours per service, month and age band (cafReport), in hundredths of an hour (exact sums).
// A slot of a mark is a unit of a reservation: matin → matin, après-midi → apres_midi, repas → repas classique or
// sans viande (a child booked both counts once). A reservation whose absence was signalled is not expected.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import type { AttendanceSlot, ServiceKindDb } from '@/db/schema';
import { currentSchoolYearSpan } from '@/lib/calendar/school-years';
import type { IsoDate } from '@/lib/planning';

/** The slot a reservation's unit is marked in, as SQL over `unit` (a column of type unit). */
export function slotOfUnit(unit: SQL): SQL {
  return sql`(case ${unit} when 'matin' then 'matin' when 'apres_midi' then 'apres_midi' else 'repas' end)::attendance_slot`;
}

export interface ReportScope {
  from: IsoDate;
  to: IsoDate;
  /** null: every site */
  siteId?: number | null;
}

/** The rate of presence in percent, one decimal; null when nothing was expected. */
export function presenceRate(present: number, expected: number): number | null {
  return expected === 0 ? null : Math.round((present * 1000) / expected) / 10;
}

// ---------------------------------------------------------------------------------------------------------------
// Expected vs present

export interface PresenceLine {
  date: IsoDate;
  slot: AttendanceSlot;
  /** booked units of the slot, signalled absences left out (a child booked two meals counts once) */
  expected: number;
  /** expected children marked « Présent » */
  present: number;
  /** « présent non réservé »: marked present without a reservation */
  unbooked: number;
  /** whether an animateur marked the slot at all (at one site at least): an unmarked slot has no rate */
  marked: boolean;
  /** the rate over the sites that marked the slot; null when unmarked */
  rate: number | null;
}

export interface PresenceReport {
  lines: PresenceLine[];
  total: { expected: number; present: number; unbooked: number; rate: number | null };
  /** the figures the rate is taken over: the marked slots only */
  marked: { expected: number; present: number };
}

/**
 * Expected vs present per day and slot over a period, at one site or every site: one query. Expected reservations
 * and marks are joined per child, service, day and slot (a full join: a mark without a reservation still counts as
 * « présent non réservé »), counted per site, service, day and slot (so that « marked » is a site's own), then summed
 * per day and slot.
 */
export async function attendanceVsExpected(db: Queryable, p: ReportScope): Promise<PresenceReport> {
  const reservationSite = p.siteId ? sql`and r.site_id = ${p.siteId}` : sql``;
  const markSite = p.siteId ? sql`and m.site_id = ${p.siteId}` : sql``;
  const found = await rows<{
    date: IsoDate;
    slot: AttendanceSlot;
    expected: number;
    present: number;
    unbooked: number;
    marked: boolean;
    expectedMarked: number;
    presentMarked: number;
  }>(
    db,
    sql`
    with e as (
      select r.site_id, r.service, r.date, ${slotOfUnit(sql`r.unit`)} as slot, r.child_id
      from reservations r
      where r.date between ${p.from} and ${p.to} and r.absence_request_id is null ${reservationSite}
      group by 1, 2, 3, 4, 5
    ), m as (
      select m.site_id, m.service, m.date, m.slot, m.child_id, m.status, m.booked
      from attendance_marks m
      where m.date between ${p.from} and ${p.to} ${markSite}
    ), g as (
      select coalesce(e.site_id, m.site_id) as site_id, coalesce(e.service, m.service) as service,
             coalesce(e.date, m.date) as date, coalesce(e.slot, m.slot) as slot,
             count(e.child_id) as expected,
             count(*) filter (where e.child_id is not null and m.status = 'present') as present,
             count(*) filter (where m.status = 'present' and not m.booked) as unbooked,
             count(m.child_id) as marks
      from e full join m on m.child_id = e.child_id and m.service = e.service and m.date = e.date and m.slot = e.slot
      group by 1, 2, 3, 4
    )
    select g.date::text as date, g.slot::text as slot,
           sum(g.expected)::int as expected, sum(g.present)::int as present, sum(g.unbooked)::int as unbooked,
           bool_or(g.marks > 0) as marked,
           coalesce(sum(g.expected) filter (where g.marks > 0), 0)::int as "expectedMarked",
           coalesce(sum(g.present) filter (where g.marks > 0), 0)::int as "presentMarked"
    from g
    group by g.date, g.slot
    order by g.date, g.slot`,
  );
  const total = { expected: 0, present: 0, unbooked: 0 };
  const marked = { expected: 0, present: 0 };
  const lines = found.map((r): PresenceLine => {
    total.expected += r.expected;
    total.present += r.present;
    total.unbooked += r.unbooked;
    marked.expected += r.expectedMarked;
    marked.present += r.presentMarked;
    return {
      date: r.date,
      slot: r.slot,
      expected: r.expected,
      present: r.present,
      unbooked: r.unbooked,
      marked: r.marked,
      rate: r.marked ? presenceRate(r.presentMarked, r.expectedMarked) : null,
    };
  });
  return { lines, total: { ...total, rate: presenceRate(marked.present, marked.expected) }, marked };
}

// ---------------------------------------------------------------------------------------------------------------
// Absences per family

export const ABSENCE_KINDS = ['unjustified', 'justified', 'unbooked'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface FamilyCount {
  familyId: number;
  familyName: string;
  /** the first names of the family's children concerned, sorted */
  children: string[];
  /** units (absences) or marked slots (présents sans réservation) */
  count: number;
}

export interface AbsencesReport {
  /** « Absences non justifiées », « Absences justifiées », « Présents sans réservation »: by family name */
  lists: Record<AbsenceKind, FamilyCount[]>;
  totals: Record<AbsenceKind, number>;
  /** units of signalled absences still « en attente de décision » */
  pending: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The absences of a period per family, in units: justified = units of a signalled absence decided « justifiée »;
 * non justifiée = a booked unit marked « Absent » without a signalled absence, plus the units of a signalled absence
 * decided « non justifiée »; pending = units of a signalled absence not yet decided; unbooked = marks « Présent » with
 * booked false. One query: the signalled units (through `absences`), the booked slots marked absent (the marks alone,
 * less the signalled ones), the unbooked present marks; grouped per family and kind.
 */
export async function absencesByFamily(db: Queryable, p: ReportScope): Promise<AbsencesReport> {
  const reservationSite = p.siteId ? sql`and r.site_id = ${p.siteId}` : sql``;
  const markSite = p.siteId ? sql`and m.site_id = ${p.siteId}` : sql``;
  const found = await rows<{
    familyId: number;
    familyName: string;
    kind: AbsenceKind | 'pending';
    count: number;
    children: string[] | string;
  }>(
    db,
    sql`
    with u as (
      select r.child_id,
             case a.status when 'justified' then 'justified' when 'unjustified' then 'unjustified' else 'pending' end
               as kind
      from reservations r
      join absences a on a.request_id = r.absence_request_id
      where r.absence_request_id is not null and r.date between ${p.from} and ${p.to} ${reservationSite}
      union all
      -- a booked slot marked absent (the mark says whether the child was booked when it was tapped), unless that
      -- slot's absence was signalled (counted above by its decision): an anti-join on the few signalled units
      select m.child_id, 'unjustified'
      from attendance_marks m
      where m.status = 'absent' and m.booked and m.date between ${p.from} and ${p.to} ${markSite}
        and not exists (
          select 1 from reservations r
          where r.absence_request_id is not null and r.child_id = m.child_id and r.service = m.service
            and r.date = m.date and ${slotOfUnit(sql`r.unit`)} = m.slot
        )
      union all
      select m.child_id, 'unbooked'
      from attendance_marks m
      where m.status = 'present' and not m.booked and m.date between ${p.from} and ${p.to} ${markSite}
    )
    select f.id as "familyId", f.name as "familyName", u.kind, count(*)::int as count,
           json_agg(distinct c.first_name) as children
    from u
    join children c on c.id = u.child_id
    join families f on f.id = c.family_id
    group by f.id, f.name, u.kind`,
  );
  const lists: Record<AbsenceKind, FamilyCount[]> = { unjustified: [], justified: [], unbooked: [] };
  const totals: Record<AbsenceKind, number> = { unjustified: 0, justified: 0, unbooked: 0 };
  let pending = 0;
  for (const r of found) {
    if (r.kind === 'pending') {
      pending += r.count;
      continue;
    }
    const children = (typeof r.children === 'string' ? (JSON.parse(r.children) as string[]) : r.children).sort(
      collator.compare,
    );
    lists[r.kind].push({ familyId: r.familyId, familyName: r.familyName, children, count: r.count });
    totals[r.kind] += r.count;
  }
  for (const kind of ABSENCE_KINDS)
    lists[kind].sort((a, b) => collator.compare(a.familyName, b.familyName) || a.familyId - b.familyId);
  return { lists, totals, pending };
}

// ---------------------------------------------------------------------------------------------------------------
// CAF: child-hours per service, month and age band

export const AGE_BANDS = ['under6', 'over6'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const SERVICES_ORDER: readonly ServiceKindDb[] = ['cantine', 'mercredi', 'vacances'];

/** 'YYYY-MM' */
export type IsoMonth = string;

export interface CafLine {
  service: ServiceKindDb;
  month: IsoMonth;
  /** hundredths of an hour per age band, and their sum */
  centiHours: Record<AgeBand, number> & { total: number };
}

export interface CafReport {
  from: IsoMonth;
  to: IsoMonth;
  /** by service (canteen, Wednesdays, holidays), then month; only months with hours */
  lines: CafLine[];
  byService: Map<ServiceKindDb, Record<AgeBand, number> & { total: number }>;
  total: Record<AgeBand, number> & { total: number };
}

/**
 * Child-hours of the present marks (booked or not) over the months from..to, at one site or every site: each mark
 * counts the hours staff set for its slot (attendance_hours). The age band is the child's age on the first day of
 * the mark's month: « Moins de 6 ans » while the sixth birthday is after that day. One query.
 */
export async function cafReport(
  db: Queryable,
  p: { from: IsoMonth; to: IsoMonth; siteId?: number | null },
): Promise<CafReport> {
  const site = p.siteId ? sql`and k.site_id = ${p.siteId}` : sql``;
  const found = await rows<{ service: ServiceKindDb; month: IsoMonth; under6: boolean; centiHours: number }>(
    db,
    // the present marks already counted per month, site, service, slot and child (attendance_present_months, kept by
    // the marks' triggers): a town's month is 160,000 marks but 25,000 counts, each joined to its child's birth date
    // and its slot's hours
    sql`
    select k.service::text as service, to_char(k.month, 'YYYY-MM') as month,
           c.birth_date + interval '6 years' > k.month as under6,
           sum(k.present * round(h.hours * 100))::int as "centiHours"
    from attendance_present_months k
    join attendance_hours h on h.slot = k.slot
    join children c on c.id = k.child_id
    where k.month between ${`${p.from}-01`} and ${`${p.to}-01`} ${site}
    group by 1, 2, 3`,
  );
  const zero = () => ({ under6: 0, over6: 0, total: 0 });
  const byKey = new Map<string, CafLine>();
  for (const r of found) {
    const key = `${r.service}|${r.month}`;
    const line = byKey.get(key) ?? { service: r.service, month: r.month, centiHours: zero() };
    line.centiHours[r.under6 ? 'under6' : 'over6'] += r.centiHours;
    line.centiHours.total += r.centiHours;
    byKey.set(key, line);
  }
  const lines = [...byKey.values()].sort(
    (a, b) => SERVICES_ORDER.indexOf(a.service) - SERVICES_ORDER.indexOf(b.service) || a.month.localeCompare(b.month),
  );
  const byService = new Map<ServiceKindDb, ReturnType<typeof zero>>();
  const total = zero();
  for (const l of lines) {
    const s = byService.get(l.service) ?? zero();
    for (const t of [s, total]) for (const k of ['under6', 'over6', 'total'] as const) t[k] += l.centiHours[k];
    byService.set(l.service, s);
  }
  return { from: p.from, to: p.to, lines, byService, total };
}

/** Hundredths of an hour as a French decimal: 1250 → « 12,5 », 400 → « 4 ». */
export function frenchHours(centiHours: number): string {
  return frenchDecimal(centiHours / 100);
}

/** A number with a French decimal comma, at most two decimals: 87.5 → « 87,5 ». */
export function frenchDecimal(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

const MONTH_FORMAT = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM' in French words: « mars 2027 ». */
export function frenchMonth(month: IsoMonth): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return MONTH_FORMAT.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The CAF report's default months: the school year in force (its rentrée to the end of its summer), else this year. */
export async function defaultCafMonths(db: Queryable, today: IsoDate): Promise<{ from: IsoMonth; to: IsoMonth }> {
  const span = await currentSchoolYearSpan(db, today);
  if (!span) return { from: `${today.slice(0, 4)}-01`, to: `${today.slice(0, 4)}-12` };
  return { from: span.year.yearStart.slice(0, 7), to: span.lastDay.slice(0, 7) };
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard's rate

/**
 * How long an instance keeps the dashboard's 4-week report: its days are past (today excluded), only yesterday's
 * corrections move it, and recounting a town's 4 weeks of marks on every load of the dashboard costs hundreds of ms.
 */
export const DASHBOARD_RATE_SECONDS = 300;
const dashboardReports = new Map<string, { until: number; report: Promise<PresenceReport> }>();

/** attendanceVsExpected for the dashboard, kept DASHBOARD_RATE_SECONDS per period and site by each instance. */
export function dashboardPresence(db: Queryable, p: ReportScope, wallMs: number = Date.now()): Promise<PresenceReport> {
  const key = `${p.from}|${p.to}|${p.siteId ?? ''}`;
  const cached = dashboardReports.get(key);
  if (cached && wallMs < cached.until) return cached.report;
  for (const [k, v] of dashboardReports) if (wallMs >= v.until) dashboardReports.delete(k);
  const report = attendanceVsExpected(db, p);
  dashboardReports.set(key, { until: wallMs + DASHBOARD_RATE_SECONDS * 1000, report });
  // a failed count is not kept
  report.catch(() => dashboardReports.delete(key));
  return report;
}
