// Listes de présence: the children expected at a site on a date, their units and their family's contact.
// One query (reservations grouped per site and child, then the child and the family's first parent). A child whose
// day was declared absent stays listed, « absent (signalé) », and is not counted as expected.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import type { IsoDate, Unit } from '@/lib/planning';

export interface AttendanceRow {
  siteId: number;
  childId: number;
  firstName: string;
  lastName: string;
  classLevel: string;
  /** in the order matin, après-midi, repas classique, repas sans viande */
  units: Unit[];
  /** « absent (signalé) »: every unit of the day declared absent (« Signaler une absence »); not expected */
  absent: boolean;
  /** the family's first parent: null when the family has none */
  contact: { firstName: string; lastName: string; phone: string; email: string } | null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Children with a reservation on `date` (at `siteId`, or at every site), sorted by site, then last and first name. */
export async function attendanceList(
  db: Queryable,
  p: { date: IsoDate; siteId?: number | null },
): Promise<AttendanceRow[]> {
  const site = p.siteId ? sql`and r.site_id = ${p.siteId}` : sql``;
  const found = await rows<{
    siteId: number;
    childId: number;
    firstName: string;
    lastName: string;
    classLevel: string;
    units: Unit[];
    absent: boolean;
    parentFirstName: string | null;
    parentLastName: string | null;
    phone: string | null;
    email: string | null;
  }>(
    db,
    sql`
    select a.site_id as "siteId", c.id as "childId", c.first_name as "firstName", c.last_name as "lastName",
           c.class_level as "classLevel", a.units, a.absent,
           p.first_name as "parentFirstName", p.last_name as "parentLastName", p.phone, p.email
    from (
      select r.site_id, r.child_id, json_agg(r.unit order by r.unit) as units,
             bool_and(r.absence_request_id is not null) as absent
      from reservations r
      where r.date = ${p.date} ${site}
      group by r.site_id, r.child_id
    ) a
    join children c on c.id = a.child_id
    left join lateral (
      select first_name, last_name, phone, email from parents where family_id = c.family_id order by id limit 1
    ) p on true`,
  );
  return found
    .map((r) => ({
      siteId: r.siteId,
      childId: r.childId,
      firstName: r.firstName,
      lastName: r.lastName,
      classLevel: r.classLevel,
      units: typeof r.units === 'string' ? (JSON.parse(r.units) as Unit[]) : r.units,
      absent: r.absent,
      contact:
        r.email === null
          ? null
          : {
              firstName: r.parentFirstName ?? '',
              lastName: r.parentLastName ?? '',
              phone: r.phone ?? '',
              email: r.email,
            },
    }))
    .sort(
      (a, b) =>
        a.siteId - b.siteId ||
        collator.compare(a.lastName, b.lastName) ||
        collator.compare(a.firstName, b.firstName) ||
        a.childId - b.childId,
    );
}
