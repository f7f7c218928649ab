// The school year in force on a date: the one whose rentrée..end of summer holds it, else the next one to come.
import { asc, eq, gte, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { holidayPeriods, schoolYears } from '@/db/schema';

export interface SchoolYearRow {
  id: number;
  label: string;
  yearStart: string;
  yearEnd: string;
}

export async function currentSchoolYear(db: Queryable, today: string): Promise<SchoolYearRow | null> {
  // a year lasts until the end of its last holiday period (the summer), so July and August belong to it
  const lastDay = sql<string>`coalesce((select max(${holidayPeriods.end}) from ${holidayPeriods} where ${holidayPeriods.schoolYearId} = ${schoolYears.id}), ${schoolYears.yearEnd})`;
  const [year] = await db
    .select({
      id: schoolYears.id,
      label: schoolYears.label,
      yearStart: schoolYears.yearStart,
      yearEnd: schoolYears.yearEnd,
    })
    .from(schoolYears)
    .where(gte(lastDay, today))
    .orderBy(asc(schoolYears.yearStart))
    .limit(1);
  return year ?? null;
}

export async function schoolYearById(db: Queryable, id: number): Promise<SchoolYearRow | null> {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, id)).limit(1);
  return year ?? null;
}
