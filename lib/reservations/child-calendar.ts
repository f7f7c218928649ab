// A child's reservations of every service over a range, for the calendar of the child's page.
import { and, asc, between, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { children, reservations } from '@/db/schema';
import type { IsoDate, ServiceKind, Unit } from '@/lib/planning';

export interface BookedUnit {
  date: IsoDate;
  service: ServiceKind;
  unit: Unit;
}

export async function childCalendar(
  db: Queryable,
  p: { familyId: number; childId: number; from: IsoDate; to: IsoDate },
): Promise<BookedUnit[]> {
  return db
    .select({ date: reservations.date, service: reservations.service, unit: reservations.unit })
    .from(reservations)
    .innerJoin(children, and(eq(children.id, reservations.childId), eq(children.familyId, p.familyId)))
    .where(and(eq(reservations.childId, p.childId), between(reservations.date, p.from, p.to)))
    .orderBy(asc(reservations.date), asc(reservations.service), asc(reservations.unit));
}
