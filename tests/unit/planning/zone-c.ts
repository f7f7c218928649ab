// The real zone C calendar of the demo (data/calendrier-zone-c.json), built as the app builds it.
import zoneC from '../../../data/calendrier-zone-c.json';
import { buildSchoolCalendar, type SchoolCalendar } from '@/lib/planning';

/** The stored 2026-2027 school year of zone C (no jours fériés: they are computed). */
export function storedYear(label: '2025-2026' | '2026-2027') {
  const year = zoneC.schoolYears.find((y) => y.label === label);
  if (!year) throw new Error(`No school year ${label} in calendrier-zone-c.json`);
  return year;
}

/** The 2026-2027 zone C calendar with its jours fériés, plus optional staff closures. */
export function zoneC2026(closures: string[] = []): SchoolCalendar {
  return buildSchoolCalendar({ ...storedYear('2026-2027'), closures });
}
