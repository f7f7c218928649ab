// Dates as a French parent reads and types them, day first (« 16/12/2026 »): a native date input follows the browser's
// language rather than the page's, so the periodicity's dates are text fields read here.
import { isIsoDate } from '@/lib/planning/dates';

/** « 16/12/2026 » (or 16-12-2026, 16.12.2026) as an ISO date, or null: the parent types the day first. */
export function dayFirstToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** An ISO date as the parent reads and types it: « 16/12/2026 ». */
export function isoToDayFirst(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
