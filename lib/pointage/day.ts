// « Pointage »: who may mark which site, and the list of one site's day per slot: the booked children (a signalled
// absence shown as such and not expected), their marks, the children marked « présent non réservé », the counters,
// and the enrolled children an animateur may add. Four queries whatever the size of the site.
import { asc, eq, sql } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import { accountSites, type Role } from '@/db/schema';
import { referenceData } from '@/lib/calendar/reference-cache';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import type { IsoDate, ServiceKind, Unit } from '@/lib/planning';
import { serviceOfDay, slotOfUnit, slotsOf, type AttendanceSlot, type AttendanceStatus } from './slots';

export interface PointageSite {
  id: number;
  kind: 'centre' | 'ecole';
  name: string;
}

/** Who marks: an animateur reaches its own sites (account_sites), staff and admins every site. */
export interface Marker {
  id: number;
  role: Role;
}

/** The sites whose « Pointage » this person reaches, leisure centres first, then schools, by name. */
export async function pointageSites(db: Queryable, who: Marker): Promise<PointageSite[]> {
  const all = (await referenceData(db)).sites;
  if (who.role === 'staff' || who.role === 'admin') return all.map((s) => ({ ...s }));
  if (who.role !== 'animateur') return [];
  const own = await db
    .select({ siteId: accountSites.siteId })
    .from(accountSites)
    .where(eq(accountSites.accountId, who.id))
    .orderBy(asc(accountSites.siteId));
  const ids = new Set(own.map((r) => r.siteId));
  return all.filter((s) => ids.has(s.id)).map((s) => ({ ...s }));
}

export interface PointageChild {
  childId: number;
  firstName: string;
  lastName: string;
  /** booked for this slot (false: « présent non réservé ») */
  booked: boolean;
  /** « Absence signalée » by the family: shown, not expected */
  signalled: boolean;
  /** the last tap's state, or null when nobody marked the child yet */
  status: AttendanceStatus | null;
}

export interface PointageSlotList {
  slot: AttendanceSlot;
  children: PointageChild[];
  present: number;
  expected: number;
}

export interface PointageDay {
  site: PointageSite;
  date: IsoDate;
  service: ServiceKind;
  slots: PointageSlotList[];
  /** the children enrolled at the site for the day's service and school year (« Ajouter un enfant présent… »), by name */
  enrolled: { childId: number; firstName: string; lastName: string }[];
}

const byName = (a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }) =>
  a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');

/** The counters of a slot: those marked present (booked or not), and the booked children without a signalled absence. */
export function slotCounters(children: PointageChild[]): { present: number; expected: number } {
  return {
    present: children.filter((c) => c.status === 'present').length,
    expected: children.filter((c) => c.booked && !c.signalled).length,
  };
}

/** One site's day, per slot. */
export async function pointageDay(db: Queryable, p: { site: PointageSite; date: IsoDate }): Promise<PointageDay> {
  const reference = await referenceData(db);
  const service = serviceOfDay(p.site.kind, p.date, reference.holidays);
  const year = await currentSchoolYear(db, p.date);
  const [booked, marks, enrolled] = await Promise.all([
    rows<{ child_id: number; first_name: string; last_name: string; unit: Unit; signalled: boolean }>(
      db,
      sql`select r.child_id, c.first_name, c.last_name, r.unit, r.absence_request_id is not null as signalled
          from reservations r join children c on c.id = r.child_id
          where r.site_id = ${p.site.id} and r.date = ${p.date}`,
    ),
    rows<{ child_id: number; first_name: string; last_name: string; slot: AttendanceSlot; status: AttendanceStatus }>(
      db,
      sql`select m.child_id, c.first_name, c.last_name, m.slot, m.status
          from attendance_marks m join children c on c.id = m.child_id
          where m.site_id = ${p.site.id} and m.date = ${p.date}`,
    ),
    year
      ? rows<{ child_id: number; first_name: string; last_name: string }>(
          db,
          sql`select c.id as child_id, c.first_name, c.last_name
              from enrolments e join children c on c.id = e.child_id
              where e.site_id = ${p.site.id} and e.service = ${service} and e.school_year_id = ${year.id}`,
        )
      : Promise.resolve([]),
  ]);

  const slots = slotsOf(p.site.kind).map((slot): PointageSlotList => {
    const children = new Map<number, PointageChild>();
    for (const r of booked) {
      if (slotOfUnit(r.unit) !== slot) continue;
      children.set(r.child_id, {
        childId: r.child_id,
        firstName: r.first_name,
        lastName: r.last_name,
        booked: true,
        signalled: r.signalled,
        status: null,
      });
    }
    for (const m of marks) {
      if (m.slot !== slot) continue;
      const child = children.get(m.child_id);
      if (child) child.status = m.status;
      else
        children.set(m.child_id, {
          childId: m.child_id,
          firstName: m.first_name,
          lastName: m.last_name,
          booked: false,
          signalled: false,
          status: m.status,
        });
    }
    const list = [...children.values()].sort(byName);
    return { slot, children: list, ...slotCounters(list) };
  });
  return {
    site: p.site,
    date: p.date,
    service,
    slots,
    enrolled: enrolled
      .map((e) => ({ childId: e.child_id, firstName: e.first_name, lastName: e.last_name }))
      .sort(byName),
  };
}

/** The site of this id if this person reaches it, else null. */
export async function pointageSite(db: Queryable, who: Marker, siteId: number): Promise<PointageSite | null> {
  return (await pointageSites(db, who)).find((s) => s.id === siteId) ?? null;
}
