// The school year in force on a date: the one whose rentrée..end of summer holds it, else the next one to come.
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { schoolYears } from '@/db/schema';
import { referenceData, type ReferenceData } from '@/lib/calendar/reference-cache';

export interface SchoolYearRow {
  id: number;
  label: string;
  yearStart: string;
  yearEnd: string;
}

export async function currentSchoolYear(db: Queryable, today: string): Promise<SchoolYearRow | null> {
  return (await currentSchoolYearSpan(db, today))?.year ?? null;
}

/** The school year in force and its last day: the end of its last holiday period (the summer), else its yearEnd. */
export async function currentSchoolYearSpan(
  db: Queryable,
  today: string,
): Promise<{ year: SchoolYearRow; lastDay: string } | null> {
  return schoolYearSpanIn(await referenceData(db), today);
}

/** currentSchoolYearSpan, from reference data already loaded. */
export function schoolYearSpanIn(
  data: Pick<ReferenceData, 'schoolYears' | 'holidays'>,
  today: string,
): { year: SchoolYearRow; lastDay: string } | null {
  // a year lasts until the end of its last holiday period (the summer), so July and August belong to it; the years
  // come by rentrée from the reference data each instance keeps (lib/calendar/reference-cache.ts)
  const { schoolYears: years, holidays } = data;
  const lastDay = (y: SchoolYearRow) =>
    holidays.reduce<string | null>(
      (last, h) => (h.schoolYearId === y.id && (!last || h.end > last) ? h.end : last),
      null,
    ) ?? y.yearEnd;
  const year = years.find((y) => lastDay(y) >= today);
  return year
    ? {
        year: { id: year.id, label: year.label, yearStart: year.yearStart, yearEnd: year.yearEnd },
        lastDay: lastDay(year),
      }
    : null;
}

export async function schoolYearById(db: Queryable, id: number): Promise<SchoolYearRow | null> {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, id)).limit(1);
  return year ?? null;
}
