// The CSV files of « Bilans de présence » and « Rapport CAF », in the back office's conventions (lib/reports/csv.ts:
// BOM, ';', CRLF, formulas neutralised), with French decimals (« 87,5 »). Every figure comes from the report's own
// object, the one the page shows, so the file's totals are the page's.
import type { AttendanceSlot, ServiceKindDb } from '@/db/schema';
import {
  ABSENCE_KINDS,
  frenchDecimal,
  frenchHours,
  frenchMonth,
  type AbsenceKind,
  type AbsencesReport,
  type CafReport,
  type PresenceReport,
} from '@/lib/reports/attendance-reports';
import { frenchDate, toCsv, toCsvSections } from '@/lib/reports/csv';

/** A rate in percent as a French spreadsheet reads it, or empty when the slot was not marked. */
export function rateCell(rate: number | null): string {
  return rate === null ? '' : frenchDecimal(rate);
}

export interface PresenceCsvLabels {
  date: string;
  slot: string;
  expected: string;
  present: string;
  unbooked: string;
  rate: string;
  total: string;
  slots: Record<AttendanceSlot, string>;
}

/** One line per day and slot, then the total line (its rate over the marked slots, as on the page). */
export function presenceCsv(report: PresenceReport, labels: PresenceCsvLabels): string {
  return toCsv(
    [labels.date, labels.slot, labels.expected, labels.present, labels.unbooked, labels.rate],
    [
      ...report.lines.map((l) => [
        frenchDate(l.date),
        labels.slots[l.slot],
        l.expected,
        l.present,
        l.unbooked,
        rateCell(l.rate),
      ]),
      [
        labels.total,
        '',
        report.total.expected,
        report.total.present,
        report.total.unbooked,
        rateCell(report.total.rate),
      ],
    ],
  );
}

export interface AbsencesCsvLabels {
  titles: Record<AbsenceKind, string>;
  family: string;
  children: string;
  count: string;
  total: string;
  pendingTitle: string;
}

/** The three lists, each under its title with its total line, then the units awaiting a decision. */
export function absencesCsv(report: AbsencesReport, labels: AbsencesCsvLabels): string {
  return toCsvSections([
    ...ABSENCE_KINDS.map((kind) => ({
      title: labels.titles[kind],
      header: [labels.family, labels.children, labels.count],
      records: [
        ...report.lists[kind].map((f) => [f.familyName, f.children.join(', '), f.count]),
        [labels.total, '', report.totals[kind]],
      ],
    })),
    { title: labels.pendingTitle, header: [labels.count], records: [[report.pending]] },
  ]);
}

export interface CafCsvLabels {
  service: string;
  month: string;
  under6: string;
  over6: string;
  total: string;
  /** first cell of a service's total line, e.g. « Total du service » */
  serviceTotal: string;
  grandTotal: string;
  services: Record<ServiceKindDb, string>;
}

/** Child-hours per service and month (one column per age band), then each service's total, then the overall one. */
export function cafCsv(report: CafReport, labels: CafCsvLabels): string {
  const hours = (h: { under6: number; over6: number; total: number }) => [
    frenchHours(h.under6),
    frenchHours(h.over6),
    frenchHours(h.total),
  ];
  return toCsv(
    [labels.service, labels.month, labels.under6, labels.over6, labels.total],
    [
      ...report.lines.map((l) => [labels.services[l.service], frenchMonth(l.month), ...hours(l.centiHours)]),
      ...[...report.byService.entries()].map(([service, h]) => [
        labels.serviceTotal,
        labels.services[service],
        ...hours(h),
      ]),
      [labels.grandTotal, '', ...hours(report.total)],
    ],
  );
}
