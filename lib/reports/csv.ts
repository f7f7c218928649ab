// CSV files of the back office, for a spreadsheet in French: UTF-8 with a BOM (so Excel reads the accents),
// ';' between fields (',' is the decimal separator in French), CRLF line ends. Written by csv-stringify.
import { stringify } from 'csv-stringify/sync';
import { UNIT_LABELS, type IsoDate } from '@/lib/planning';
import type { AttendanceRow } from '@/lib/reports/attendance';
import type { MealOrders } from '@/lib/reports/meal-orders';
import type { ReportSite } from '@/lib/structures/sites';

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP « CSV injection »): a child named
// =HYPERLINK(…) would become a link, or worse. The full-width forms too: some spreadsheets normalise them.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * A text cell as the spreadsheet should show it: prefixed with `'` (OWASP's advice: Excel and LibreOffice then read
 * text) when it begins like a formula. Numbers we compute stay numbers (never negative). The accepted trade-off: a
 * French phone number written `+33 6 …` is exported as `'+33 6 …`.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_STARTS.has(cell.charAt(0)) ? `'${cell}` : cell;
}

type CsvRecord = readonly (string | number)[];

/** Every CSV of the portal goes through here: each text cell, header included, is neutralised. */
function stringifyLines(lines: readonly CsvRecord[]): string {
  const cell = (value: string | number) => (typeof value === 'string' ? neutraliseFormula(value) : value);
  return stringify(
    lines.map((line) => line.map(cell)),
    { bom: true, delimiter: ';', record_delimiter: 'windows' },
  );
}

/** One table: its header, then its records. */
export function toCsv(header: readonly string[], records: readonly CsvRecord[]): string {
  return stringifyLines([header, ...records]);
}

/** A table among others in one file: its title on a line of its own, its header, its records. */
export interface CsvSection {
  title: string;
  header: readonly string[];
  records: readonly CsvRecord[];
}

/** Several tables in one file (« Mes données »), each under its title, an empty line between two. */
export function toCsvSections(sections: readonly CsvSection[]): string {
  return stringifyLines(
    sections.flatMap((s, i) => [...(i === 0 ? [] : [[]]), [s.title], s.header, ...s.records] as CsvRecord[]),
  );
}

/** An HTTP answer that downloads `csv` as `filename`. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The French labels of the CSV columns (from messages/fr/admin-dashboard.json). */
export interface AttendanceCsvLabels {
  site: string;
  date: string;
  lastName: string;
  firstName: string;
  classLevel: string;
  units: string;
  parent: string;
  phone: string;
  email: string;
}

export function attendanceCsv(
  date: IsoDate,
  list: readonly AttendanceRow[],
  sites: readonly ReportSite[],
  labels: AttendanceCsvLabels,
): string {
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  return toCsv(
    [
      labels.site,
      labels.date,
      labels.lastName,
      labels.firstName,
      labels.classLevel,
      labels.units,
      labels.parent,
      labels.phone,
      labels.email,
    ],
    list.map((r) => [
      siteName.get(r.siteId) ?? String(r.siteId),
      frenchDate(date),
      r.lastName,
      r.firstName,
      r.classLevel,
      r.units.map((u) => UNIT_LABELS[u]).join(', ') + (r.absent ? ' – absent (signalé)' : ''),
      r.contact ? `${r.contact.firstName} ${r.contact.lastName}`.trim() : '',
      r.contact?.phone ?? '',
      r.contact?.email ?? '',
    ]),
  );
}

export interface MealOrdersCsvLabels {
  date: string;
  site: string;
  classique: string;
  sansViande: string;
  total: string;
  /** first cell of a site's total line, e.g. "Total du site" */
  siteTotal: string;
  /** first cell of the last line, e.g. "Total général" */
  grandTotal: string;
}

/** One line per date and site, then one total line per site, then the overall total. */
export function mealOrdersCsv(orders: MealOrders, sites: readonly ReportSite[], labels: MealOrdersCsvLabels): string {
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const name = (id: number) => siteName.get(id) ?? String(id);
  const siteOrder = sites.map((s) => s.id).filter((id) => orders.bySite.has(id));
  for (const id of orders.bySite.keys()) if (!siteOrder.includes(id)) siteOrder.push(id);
  return toCsv(
    [labels.date, labels.site, labels.classique, labels.sansViande, labels.total],
    [
      ...orders.lines.map((l) => [frenchDate(l.date), name(l.siteId), l.classique, l.sansViande, l.total]),
      ...siteOrder.map((id) => {
        const t = orders.bySite.get(id)!;
        return [labels.siteTotal, name(id), t.classique, t.sansViande, t.total];
      }),
      [labels.grandTotal, '', orders.total.classique, orders.total.sansViande, orders.total.total],
    ],
  );
}

/** 'DD/MM/YYYY', as a French spreadsheet reads a date. */
export function frenchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
