// Capacity, in one place: the places staff set per site, service and unit (site_capacities) against the children
// booked (one reservation = one child for one unit of one day). Places left on Étape 1, « Complet », the check of
// « Valider » and the dashboard's occupancy all count with bookedCounts(); the validation books with
// bookWithinCapacity(), which takes the site's turn (the advisory lock of db/locks.ts) only where a capacity exists.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '@/db/client';
import { CAPACITY_LOCK } from '@/db/locks';
import { addDays, GREY_REASON_LABELS, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import type { PlanningView } from './planning-view';

/**
 * The one definition of "booked": reservations counted per site, date, service and unit (rows site_id, date,
 * service, unit, booked), restricted by `where` on the reservations `r`. A unit whose absence gave its place back
 * (« Signaler une absence » on a day not yet past: `absence_released`) is not booked any more.
 */
export function bookedCounts(where: SQL): SQL {
  return sql`select r.site_id, r.date, r.service, r.unit, count(*)::int as booked
    from reservations r
    where ${where} and not r.absence_released
    group by r.site_id, r.date, r.service, r.unit`;
}

/** Places left of a capacity: never below zero (a capacity lowered under the bookings shows « Complet »). */
export function remaining(capacity: number, booked: number): number {
  return Math.max(0, capacity - booked);
}

export type PlacesLeft = Record<IsoDate, Partial<Record<Unit, number>>>;

/** date -> unit -> places left at a site (only units with a capacity). One query, whatever the range. */
export async function placesLeft(
  db: Queryable,
  p: { siteId: number; service: ServiceKind; from: IsoDate; to: IsoDate },
): Promise<PlacesLeft> {
  const found = await rows<{ unit: Unit; capacity: number; date: IsoDate | null; booked: number | null }>(
    db,
    sql`select c.unit::text as unit, c.capacity, to_char(o.date, 'YYYY-MM-DD') as date, o.booked
        from site_capacities c
        left join (${bookedCounts(sql`r.site_id = ${p.siteId} and r.service = ${p.service} and r.date between ${p.from} and ${p.to}`)}) o
          on o.unit = c.unit
        where c.site_id = ${p.siteId} and c.service = ${p.service}`,
  );
  if (found.length === 0) return {};
  const capacities = new Map<Unit, number>(found.map((f) => [f.unit, f.capacity]));
  const count = new Map(found.filter((f) => f.date !== null).map((f) => [`${f.date}|${f.unit}`, f.booked ?? 0]));
  const out: PlacesLeft = {};
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
    out[d] = Object.fromEntries(
      [...capacities].map(([unit, capacity]) => [unit, remaining(capacity, count.get(`${d}|${unit}`) ?? 0)]),
    );
  }
  return out;
}

/**
 * « Complet »: a day whose every unit has a capacity and no place left, unless the child already holds that day
 * (they may still change or cancel it). The same for every actor.
 */
export function isComplet(places: Partial<Record<Unit, number>> | undefined, units: readonly Unit[], held: boolean) {
  return !held && places !== undefined && units.every((u) => places[u] === 0);
}

/**
 * Étape 1's days, for every actor: each with its places left, and « Complet » (isComplet) on the days still open the
 * child does not hold. One query for the view's range.
 */
export async function markPlaces(
  db: Queryable,
  p: { siteId: number; service: ServiceKind; view: Pick<PlanningView, 'days' | 'units'>; held: ReadonlySet<IsoDate> },
): Promise<void> {
  const first = p.view.days[0]?.date;
  const last = p.view.days[p.view.days.length - 1]?.date;
  if (!first || !last) return;
  const places = await placesLeft(db, { siteId: p.siteId, service: p.service, from: first, to: last });
  for (const day of p.view.days) {
    day.places = places[day.date];
    if (!day.greyed && isComplet(day.places, p.view.units, p.held.has(day.date))) {
      day.greyed = GREY_REASON_LABELS.complet;
      day.complet = true;
    }
  }
}

/**
 * Validations of one site and service take turns where staff set a capacity, so two families never both take the
 * last place; without additions or without a capacity the statement runs and takes nothing (constant count).
 */
async function takeCapacityTurn(db: Queryable, p: { siteId: number; service: ServiceKind; adding: boolean }) {
  await db.execute(sql`select pg_advisory_xact_lock(${CAPACITY_LOCK[p.service]}, ${p.siteId})
    where ${p.adding} and exists (select 1 from site_capacities where site_id = ${p.siteId} and service = ${p.service})`);
}

/** One unit of one day booked for a child by a request. */
export interface Booking {
  childId: number;
  requestId: number;
  date: IsoDate;
  unit: Unit;
}

/**
 * « Valider »'s last write: takes the site's capacity turn, then books `added` unless one of its units would exceed a
 * capacity, and returns those units in date order (then nothing is booked, and the caller refuses). Two statements
 * whatever the list. Siblings validated together may ask the same unit of the same day: the list counts each of them.
 *
 * The caller runs it after the démarche's other writes, just before its commit: the turn is held for these two
 * statements and the commit, so validations of a busy site wait that long for each other, not a whole démarche's
 * round trips. The count runs in a statement of its own, after the turn: its snapshot sees what the previous holder
 * committed.
 */
export async function bookWithinCapacity(
  db: Queryable,
  p: { siteId: number; service: ServiceKind; added: Booking[] },
): Promise<{ date: IsoDate; unit: Unit }[]> {
  await takeCapacityTurn(db, { siteId: p.siteId, service: p.service, adding: p.added.length > 0 });
  const added = JSON.stringify(
    p.added.map((b) => ({ child_id: b.childId, request_id: b.requestId, date: b.date, unit: b.unit })),
  );
  return rows<{ date: IsoDate; unit: Unit }>(
    db,
    sql`with x as (select * from jsonb_to_recordset(${added}::jsonb)
                   as x(child_id int, request_id int, date date, unit unit)),
        wanted as (select date, unit, count(*)::int as n from x group by date, unit),
        full_units as (
          select w.date, w.unit
          from wanted w
          join site_capacities c on c.site_id = ${p.siteId} and c.service = ${p.service} and c.unit = w.unit
          -- lateral: one index lookup per day and unit asked, not a count of every unit of those days at the site
          left join lateral (${bookedCounts(sql`r.site_id = ${p.siteId} and r.service = ${p.service} and r.date = w.date and r.unit = w.unit`)}) o
            on true
          where coalesce(o.booked, 0) + w.n > c.capacity),
        -- all or nothing: one unit over its capacity and no unit is booked
        booked as (
          insert into reservations (child_id, service, site_id, date, unit, request_id)
          select x.child_id, ${p.service}, ${p.siteId}, x.date, x.unit, x.request_id
          from x
          where not exists (select 1 from full_units))
        select to_char(date, 'YYYY-MM-DD') as date, unit::text as unit from full_units order by 1, 2`,
  );
}

export interface OccupancyCell {
  siteId: number;
  date: IsoDate;
  service: ServiceKind;
  unit: Unit;
  /** reservations = children expected (a child books a unit once a day) */
  booked: number;
  /** null: no limit set for that site, service and unit */
  capacity: number | null;
}

/** Booked and capacity per site, date, service and unit from `from` to `to` (inclusive), where anything is booked. */
export async function occupancy(
  db: Queryable,
  p: { from: IsoDate; to: IsoDate; siteId?: number | null },
): Promise<OccupancyCell[]> {
  const site = p.siteId ? sql`and r.site_id = ${p.siteId}` : sql``;
  return rows<OccupancyCell>(
    db,
    sql`
    select o.site_id as "siteId", o.date::text as date, o.service::text as service, o.unit::text as unit,
           o.booked, c.capacity
    from (${bookedCounts(sql`r.date between ${p.from} and ${p.to} ${site}`)}) o
    left join site_capacities c on c.site_id = o.site_id and c.service = o.service and c.unit = o.unit
    order by o.site_id, o.date, o.unit`,
  );
}
